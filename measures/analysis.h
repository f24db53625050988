// Every network measure of a district or network at once, as the
// AnalysisResult message (proto/measures.proto) that `collabnet analyze`
// prints: per teacher, per school and for the whole network, on the ties
// of the chosen channels (measures/measure_network.h).
//
//   AnalysisOptions options;
//   options.channels = {PLC};
//   absl::StatusOr<AnalysisResult> r = AnalyzeNetwork(graph, options);
//
// The definitions are igraph 0.10's; docs/measures.md states each.
#ifndef COLLABNET_MEASURES_ANALYSIS_H_
#define COLLABNET_MEASURES_ANALYSIS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/district_graph.h"
#include "proto/district.pb.h"
#include "proto/measures.pb.h"

namespace collabnet {

struct AnalysisOptions {
  std::vector<Channel> channels;  // empty: every tie
  std::vector<VertexId> leaders;  // for each school's near-leader share
  std::uint64_t seed = 1;         // of the community searches
  // Starts of each community search, the most modular kept; each takes
  // milliseconds on a district, seconds on a state of 300,000.
  int community_starts = 10;
  int threads = 0;  // 0: every core
  // Betweenness, closeness and harmonic centrality take a search from
  // every teacher (hours on a state of 300,000): above this many teachers
  // they are left out and AnalysisResult.skipped says so.
  VertexId all_pairs_limit = 50'000;
  // Called from the calling thread with the work done and in all (a unit
  // a search from one teacher, or a start of a community search).
  std::function<void(std::int64_t done, std::int64_t total)> progress;
};

// Internal for an igraph failure (out of memory); the measures are
// defined for every network, empty ones included.
absl::StatusOr<AnalysisResult> AnalyzeNetwork(const DistrictGraph& graph,
                                              const AnalysisOptions& options);

}  // namespace collabnet

#endif  // COLLABNET_MEASURES_ANALYSIS_H_
