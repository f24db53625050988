#include "place/sample_index.h"

#include <omp.h>

namespace collabnet {

SampleIndex IndexSamples(const ReverseSamples& samples, VertexId n,
                         int threads) {
  const std::span<const std::uint64_t> offsets = samples.offsets();
  const std::span<const VertexId> members = samples.members();
  const std::size_t stored = samples.stored();
  SampleIndex index;
  index.at.assign(static_cast<std::size_t>(n) + 1, 0);
  index.samples.resize(members.size());
  // Each thread counts and then files a contiguous run of samples, its
  // slots for a teacher after those of the threads before it.
  const int team = threads > 0 ? threads : omp_get_max_threads();
  std::vector<std::vector<std::uint64_t>> slot(static_cast<std::size_t>(team));
#pragma omp parallel num_threads(team)
  {
    const int t = omp_get_thread_num();
    const int used = omp_get_num_threads();
    const std::size_t first = stored * static_cast<std::size_t>(t) / used;
    const std::size_t last = stored * static_cast<std::size_t>(t + 1) / used;
    std::vector<std::uint64_t>& mine = slot[static_cast<std::size_t>(t)];
    mine.assign(n, 0);
    for (std::uint64_t i = offsets[first]; i < offsets[last]; ++i) {
      ++mine[members[i]];
    }
#pragma omp barrier
#pragma omp single
    for (VertexId v = 0; v < n; ++v) {
      std::uint64_t at = index.at[v];
      for (int k = 0; k < used; ++k) {
        const std::uint64_t count = slot[static_cast<std::size_t>(k)][v];
        slot[static_cast<std::size_t>(k)][v] = at;
        at += count;
      }
      index.at[v + 1] = at;
    }
    for (std::size_t s = first; s < last; ++s) {
      for (std::uint64_t i = offsets[s]; i < offsets[s + 1]; ++i) {
        index.samples[mine[members[i]]++] = static_cast<std::uint32_t>(s);
      }
    }
  }
  return index;
}

}  // namespace collabnet
