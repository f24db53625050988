// TieStream: a district's ties visited one at a time, in order.
//
// A state's records merge into millions of ties, which as messages take
// several times their files' size. A producer that holds its ties compactly
// (IngestSources' IngestedTies, records/source_ingest.h) gives them as a
// stream to the checks and writers (FieldCheckedTies in
// graph/district_graph.h, WriteDistrict in formats/district_io.h), making
// each tie in one reused
// message as it is visited; MessageTies gives a message's own ties the same
// way, so each check and writer is written once.
//
//   absl::Status s = ties.ForEach([&](const Tie& tie) -> absl::Status {
//     return Write(tie);
//   });
#ifndef COLLABNET_PROTO_TIE_STREAM_H_
#define COLLABNET_PROTO_TIE_STREAM_H_

#include <cstdint>

#include "absl/base/attributes.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "proto/district.pb.h"

namespace collabnet {

using TieVisitor = absl::FunctionRef<absl::Status(const Tie&)>;

class TieStream {
 public:
  virtual ~TieStream() = default;
  virtual std::int64_t size() const = 0;
  // Calls `visit` with each tie in order, stopping at the first error it
  // returns, which is returned. The tie lives only for the call.
  virtual absl::Status ForEach(TieVisitor visit) const = 0;
};

// The ties of a District message, which must outlive it.
class MessageTies final : public TieStream {
 public:
  explicit MessageTies(const District& district ABSL_ATTRIBUTE_LIFETIME_BOUND)
      : district_(district) {}
  std::int64_t size() const override { return district_.ties_size(); }
  absl::Status ForEach(TieVisitor visit) const override {
    for (const Tie& tie : district_.ties()) {
      if (absl::Status s = visit(tie); !s.ok()) return s;
    }
    return absl::OkStatus();
  }

 private:
  const District& district_;
};

}  // namespace collabnet

#endif  // COLLABNET_PROTO_TIE_STREAM_H_
