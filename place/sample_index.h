// The reverse samples each teacher is in: the inverted index greedy
// coverage walks (place/max_coverage.h, place/school_equity.h).
#ifndef COLLABNET_PLACE_SAMPLE_INDEX_H_
#define COLLABNET_PLACE_SAMPLE_INDEX_H_

#include <cstdint>
#include <vector>

#include "graph/district_graph.h"
#include "place/reverse_samples.h"

namespace collabnet {

struct SampleIndex {
  // Teacher v is in the stored samples samples[at[v] .. at[v + 1]), in
  // sample order. Sample numbers fit 32 bits: OPIM-C's samples stay far
  // below 2^32.
  std::vector<std::uint64_t> at;
  std::vector<std::uint32_t> samples;
  std::uint64_t count(VertexId v) const { return at[v + 1] - at[v]; }
};

// Built on `threads` threads (0: every core); the same on any number.
SampleIndex IndexSamples(const ReverseSamples& samples, VertexId n,
                         int threads);

}  // namespace collabnet

#endif  // COLLABNET_PLACE_SAMPLE_INDEX_H_
