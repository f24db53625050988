// ArenaDistrict: a District message whose parts all live on one arena.
//
// A district of millions of ties is millions of small messages and id
// strings. On the heap each is allocated and freed on its own, which is
// most of what a reader of a large district spends, and several times the
// file's size in memory; on an arena they are cut from large blocks and
// freed together. Readers that fill a `District&` (ReadDistrict,
// ReadDistrictCsvDir, IngestSources) fill an arena message as readily as a
// heap one.
//
//   ArenaDistrict d;
//   if (absl::Status s = ReadDistrict(path, *d); !s.ok()) return s;
//   return WriteDistrict(*d, out);
//
// Movable, not copyable. The message lives as long as its ArenaDistrict;
// copying it (District x = *d) makes a heap copy. Its large blocks come
// faulted in ahead by a second core (proto/faulted_blocks.h).
#ifndef COLLABNET_PROTO_ARENA_DISTRICT_H_
#define COLLABNET_PROTO_ARENA_DISTRICT_H_

#include <memory>

#include "google/protobuf/arena.h"
#include "proto/district.pb.h"
#include "proto/faulted_blocks.h"

namespace collabnet {

class ArenaDistrict {
 public:
  ArenaDistrict();
  ArenaDistrict(ArenaDistrict&&) = default;
  ArenaDistrict& operator=(ArenaDistrict&&) = default;

  District& operator*() const { return *district_; }
  District* operator->() const { return district_; }

 private:
  FaultAhead ahead_;  // declared first: outlives the arena
  std::unique_ptr<google::protobuf::Arena> arena_;
  District* district_;
};

}  // namespace collabnet

#endif  // COLLABNET_PROTO_ARENA_DISTRICT_H_
