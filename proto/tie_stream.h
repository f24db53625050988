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
//
// Ranges of ties may be visited on several threads at once, each with its
// own visitor: how a writer serializes a state's ties on every core.
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
  // Calls `visit` with ties begin to end - 1 in order, stopping at the
  // first error it returns, which is returned. The tie lives only for the
  // call. Thread-safe: any ranges at once.
  virtual absl::Status ForEachIn(std::int64_t begin, std::int64_t end,
                                 TieVisitor visit) const = 0;
  // Every tie, in order.
  absl::Status ForEach(TieVisitor visit) const {
    return ForEachIn(0, size(), visit);
  }
};

// The ties of a District message, which must outlive it.
class MessageTies final : public TieStream {
 public:
  explicit MessageTies(const District& district ABSL_ATTRIBUTE_LIFETIME_BOUND)
      : district_(district) {}
  std::int64_t size() const override { return district_.ties_size(); }
  absl::Status ForEachIn(std::int64_t begin, std::int64_t end,
                         TieVisitor visit) const override {
    for (std::int64_t i = begin; i < end; ++i) {
      if (absl::Status s = visit(district_.ties(static_cast<int>(i)));
          !s.ok()) {
        return s;
      }
    }
    return absl::OkStatus();
  }

 private:
  const District& district_;
};

}  // namespace collabnet

#endif  // COLLABNET_PROTO_TIE_STREAM_H_
