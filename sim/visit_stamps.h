// VisitStamps: a visited set over vertices 0..n-1 that is cleared in O(1)
// between replicates: a vertex is visited when its stamp equals the current
// epoch, and a new replicate just advances the epoch.
#ifndef COLLABNET_SIM_VISIT_STAMPS_H_
#define COLLABNET_SIM_VISIT_STAMPS_H_

#include <algorithm>
#include <cstdint>
#include <vector>

namespace collabnet {

class VisitStamps {
 public:
  explicit VisitStamps(std::size_t n) : stamp_(n, 0) {}

  // Forgets every visit.
  void Clear() {
    if (++epoch_ == 0) {  // wrapped after 2^32 clears: reset once
      std::fill(stamp_.begin(), stamp_.end(), 0);
      epoch_ = 1;
    }
  }
  bool Visited(std::uint32_t v) const { return stamp_[v] == epoch_; }
  // Marks v; true if it was not visited before.
  bool Visit(std::uint32_t v) {
    if (stamp_[v] == epoch_) return false;
    stamp_[v] = epoch_;
    return true;
  }

 private:
  std::vector<std::uint32_t> stamp_;
  std::uint32_t epoch_ = 1;
};

}  // namespace collabnet

#endif  // COLLABNET_SIM_VISIT_STAMPS_H_
