// A collection of reverse samples (place/reverse_sampler.h), stored flat:
// 4 bytes a member and 8 a sample. Samples the broadcast covers whoever
// leads are not stored (every leader set covers them): only their target,
// 4 bytes.
//
// Collection c's sample j is the sampler's sample 2 j + c, so two
// collections (OPIM-C's, one to choose with and one to check with) are
// independent, and a collection grown from 1,000 to 2,000 samples keeps
// its first 1,000. Samples are made on `threads` threads in blocks and
// stored in index order: the same collection on any number of threads.
#ifndef COLLABNET_PLACE_REVERSE_SAMPLES_H_
#define COLLABNET_PLACE_REVERSE_SAMPLES_H_

#include <cstdint>
#include <span>
#include <vector>

#include "graph/district_graph.h"
#include "place/reverse_sampler.h"

namespace collabnet {

class ReverseSamples {
 public:
  explicit ReverseSamples(int collection) : collection_(collection) {}

  // Adds samples until there are `count`; threads 0 means every core.
  void GrowTo(const ReverseSampler& sampler, std::uint64_t count, int threads);

  // Samples made, stored or not.
  std::uint64_t size() const { return size_; }
  // Samples every leader set covers (not stored).
  std::uint64_t reached_anyway() const { return anyway_; }
  // Their targets, in sample order (an objective by school needs them).
  std::span<const VertexId> anyway_targets() const { return anyway_targets_; }
  // Stored samples: members of sample s are members()[offsets()[s] ..
  // offsets()[s + 1]).
  std::size_t stored() const { return offsets_.size() - 1; }
  std::span<const std::uint64_t> offsets() const { return offsets_; }
  std::span<const VertexId> members() const { return members_; }
  std::size_t MemoryBytes() const {
    return offsets_.capacity() * sizeof(std::uint64_t) +
           (members_.capacity() + anyway_targets_.capacity()) *
               sizeof(VertexId);
  }

  // Samples (stored or not) that `set` covers; threads 0 means every core.
  std::uint64_t Covered(std::span<const VertexId> set, VertexId n,
                        int threads = 0) const;

 private:
  int collection_;
  std::uint64_t size_ = 0;
  std::uint64_t anyway_ = 0;
  std::vector<std::uint64_t> offsets_{0};
  std::vector<VertexId> members_;
  std::vector<VertexId> anyway_targets_;
};

}  // namespace collabnet

#endif  // COLLABNET_PLACE_REVERSE_SAMPLES_H_
