// VisitBits: a visited set over vertices 0..n-1 in one bit each, so that even
// a 300,000-teacher state's set (37 KB) stays in cache during a cascade.
// Cleared in O(visited), not O(n): the caller lists what it visited (every
// cascade keeps that list as its queue) and ClearListed zeroes their words,
// which holds every set bit.
#ifndef COLLABNET_SIM_VISIT_BITS_H_
#define COLLABNET_SIM_VISIT_BITS_H_

#include <cstdint>
#include <vector>

namespace collabnet {

class VisitBits {
 public:
  explicit VisitBits(std::size_t n) : words_((n + 63) / 64, 0) {}

  bool Visited(std::uint32_t v) const {
    return (words_[v >> 6] >> (v & 63)) & 1u;
  }
  // Marks v; true if it was not visited before.
  bool Visit(std::uint32_t v) {
    std::uint64_t& word = words_[v >> 6];
    const std::uint64_t bit = std::uint64_t{1} << (v & 63);
    if ((word & bit) != 0) return false;
    word |= bit;
    return true;
  }
  // Forgets every visit, given every vertex visited since the last clear.
  void ClearListed(const std::vector<std::uint32_t>& visited) {
    for (std::uint32_t v : visited) words_[v >> 6] = 0;
  }

 private:
  std::vector<std::uint64_t> words_;
};

// A VisitBits that lists what it visited itself, for sets that are not also
// a cascade's queue (the vertices whose thresholds or exposures a replicate
// touched).
class ListedVisitBits {
 public:
  explicit ListedVisitBits(std::size_t n) : bits_(n) {}
  bool Visit(std::uint32_t v) {
    if (!bits_.Visit(v)) return false;
    listed_.push_back(v);
    return true;
  }
  void Clear() {
    bits_.ClearListed(listed_);
    listed_.clear();
  }

 private:
  VisitBits bits_;
  std::vector<std::uint32_t> listed_;
};

}  // namespace collabnet

#endif  // COLLABNET_SIM_VISIT_BITS_H_
