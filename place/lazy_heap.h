// A max-heap of teachers by a key that only falls as the set grows (a
// gain, a gain per cost): entries are checked against the current key when
// they come to the top and pushed back if stale (lazy evaluation, as in
// CELF, Leskovec et al. KDD 2007), so each step costs a few heap
// operations, not a scan of every teacher. Ties go to the lower vertex id.
// Correct only for keys that never rise: a submodular objective's gains.
#ifndef COLLABNET_PLACE_LAZY_HEAP_H_
#define COLLABNET_PLACE_LAZY_HEAP_H_

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "graph/district_graph.h"
#include "place/constraints.h"

namespace collabnet {

class LazyHeap {
 public:
  using Entry = std::pair<double, std::int64_t>;  // (key, -vertex)
  void Push(double key, VertexId v) {
    heap_.emplace_back(key, -static_cast<std::int64_t>(v));
    std::push_heap(heap_.begin(), heap_.end());
  }
  // The teacher on top whose key is current (as `key` gives it), stale
  // entries refreshed on the way; false when none is left with key > 0.
  template <typename Key>
  bool Top(const Key& key, VertexId& v) {
    while (!heap_.empty()) {
      const Entry top = heap_.front();
      const auto u = static_cast<VertexId>(-top.second);
      const double now = key(u);
      if (now == top.first) {
        v = u;
        return true;
      }
      Pop();
      if (now > 0) Push(now, u);
    }
    return false;
  }
  void Pop() {
    std::pop_heap(heap_.begin(), heap_.end());
    heap_.pop_back();
  }
  std::size_t size() const { return heap_.size(); }

 private:
  std::vector<Entry> heap_;
};

// A greedy step under constraints: the teacher of highest current key
// who fits `set`, taken off the heap. A teacher who does not fit now
// never will (schools and the cost budget only fill), so they are dropped.
// When every teacher left adds nothing, without costs the budget is still
// to be met: the lowest id that fits. The graph's size when none does.
template <typename Key>
VertexId PopBestFitting(LazyHeap& heap, const Key& key, const FeasibleSet& set,
                        bool has_costs, VertexId n) {
  VertexId v = 0;
  while (heap.Top(key, v)) {
    heap.Pop();
    if (set.Fits(v)) return v;
  }
  if (has_costs) return n;
  for (VertexId u = 0; u < n; ++u) {
    if (set.Fits(u)) return u;
  }
  return n;
}

}  // namespace collabnet

#endif  // COLLABNET_PLACE_LAZY_HEAP_H_
