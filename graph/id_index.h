// IdIndex: teacher id -> vertex, built for reading networks of millions of
// ties, where two id lookups per tie are most of the work.
//
// Ids that look like most districts' and datasets' ids, a fixed prefix and a
// number ("T0001234", or plain "1234"), are looked up in a dense array by
// their number: one memory access, no hashing. Others go to an open-
// addressing table of 8-byte slots (a hash tag and the vertex) whose strings
// are compared in the caller's id list, so the table stays small enough to
// stay in cache.
//
// Thread-compatible: lookups on a const index are safe from many threads.
#ifndef COLLABNET_GRAPH_ID_INDEX_H_
#define COLLABNET_GRAPH_ID_INDEX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace collabnet {

class IdIndex {
 public:
  // The vertex of `id`; `ids` is the list the index was built over
  // (ids[v] is vertex v's id).
  std::optional<std::uint32_t> Find(absl::string_view id,
                                    const std::vector<std::string>& ids) const;
  // Adds `id` as vertex `v`; `ids` must hold the ids of the vertices added
  // before (the caller appends `id` after a successful insert). Returns
  // false, adding nothing, if `id` is present.
  bool Insert(absl::string_view id, std::uint32_t v,
              const std::vector<std::string>& ids);
  // Starts loading what Find(id) will read. A file's ties look up ids all
  // over a roster's index while the file streams through the cache: a
  // reader that prefetches a few ties ahead of its Finds waits for none.
  void Prefetch(absl::string_view id) const;
  std::size_t size() const { return size_; }
  std::size_t MemoryBytes() const {
    return dense_.size() * sizeof(std::uint32_t) + slots_.size() * sizeof(Slot);
  }

 private:
  static constexpr std::uint32_t kNone = ~std::uint32_t{0};
  // Numbers at or above this go to the table, so the dense array stays
  // under 64 MiB whatever the ids.
  static constexpr std::uint32_t kDenseLimit = 1u << 24;

  struct Slot {
    std::uint32_t tag = 0;  // 0: empty
    std::uint32_t vertex = 0;
  };

  // The number of a dense-form id, or nullopt.
  std::optional<std::uint32_t> DenseNumber(absl::string_view id) const;
  void Grow(const std::vector<std::string>& ids);
  static std::uint64_t Hash(absl::string_view id);

  // The dense form, fixed by the first id: a non-empty prefix and exactly
  // `digits_` digits, or (no prefix) a number without leading zeros.
  bool pattern_set_ = false;
  std::string prefix_;
  int digits_ = 0;
  std::vector<std::uint32_t> dense_;

  std::vector<Slot> slots_;  // power-of-two size, at most half full
  std::size_t table_size_ = 0;
  std::size_t size_ = 0;
};

}  // namespace collabnet

#endif  // COLLABNET_GRAPH_ID_INDEX_H_
