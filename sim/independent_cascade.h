// The independent cascade of Kempe, Kleinberg and Tardos ("Maximizing the
// spread of influence through a social network", KDD 2003) on a plain graph:
// every active vertex u gets one chance to activate each out-neighbour v,
// succeeding with probability p(u, v), independently. No channels, delays or
// adoption step: the model researchers reproduce published results with.
//
//   absl::StatusOr<IcModel> m = PrepareIndependentCascade(g, params, seeds);
//   PlainWorkspace ws(g.num_vertices());
//   std::int64_t reached = RunIcReplicate(*m, seed, replicate, ws);
//
// Probabilities, by IcParams::weighting:
//   kUniform         p for every arc;
//   kWeightedCascade 1 / in-degree(v) (Kempe et al.'s weighted cascade);
//   kTieWeight       min(1, p * weight(u, v)).
//
// Speed, for uniform p: instead of one draw per arc, each vertex skips over
// its arcs with geometric jumps at p. Jumps take a single-precision
// logarithm of a 32-bit uniform: the probability of each jump length is
// exact to within 2^-25 (3e-8), far below any Monte Carlo resolution, and
// the logarithm is several times cheaper. Above kDirectDrawAbove every arc
// gets its own draw.
//
// Speed, for per-arc probabilities: sim/arc_draws.h, one draw per success
// plus one, without logarithms.
//
// A replicate draws only from PhiloxStream(seed, replicate, kPurposeCascade).
#ifndef COLLABNET_SIM_INDEPENDENT_CASCADE_H_
#define COLLABNET_SIM_INDEPENDENT_CASCADE_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/district_graph.h"
#include "sim/arc_draws.h"
#include "sim/visit_bits.h"

namespace collabnet {

enum class IcWeighting { kUniform, kWeightedCascade, kTieWeight };

struct IcParams {
  IcWeighting weighting = IcWeighting::kUniform;
  double probability = 0.05;  // p for kUniform and kTieWeight
  // Empty, or per arc: multiplies p(u, v) (capped at 1), as the tie's
  // context (sim/tie_context.h) says.
  std::vector<double> arc_factor = {};
  // Empty, or kNumChannels probabilities: for kUniform and kTieWeight, the
  // probability of a tie is its channel's instead of `probability`.
  std::vector<double> channel_probability = {};
};

struct IcModel {
  const DistrictGraph* graph = nullptr;
  std::vector<VertexId> seeds;
  // kUniform: p < kDirectDrawAbove jumps at uniform_jump_scale; otherwise
  // every arc is drawn against uniform_threshold. plans and arcs are then
  // empty.
  bool uniform = false;
  double uniform_jump_scale = 0;  // 0 when p = 0
  std::uint32_t uniform_threshold = 0;
  bool uniform_direct = false;
  // Per-arc probabilities (empty with uniform).
  ArcDraws draws;
};

// Scratch for one thread: the visited set and the activation queue, reused
// across replicates so the hot loop allocates nothing.
struct PlainWorkspace {
  explicit PlainWorkspace(std::size_t n) : visited(n) { queue.reserve(n); }
  // Empties the visited set and the queue, which lists every vertex visited.
  void Reset() {
    visited.ClearListed(queue);
    queue.clear();
  }
  // Starts a replicate: empty, then the seeds visited and queued.
  void Start(const std::vector<VertexId>& seeds) {
    Reset();
    for (VertexId s : seeds) {
      if (visited.Visit(s)) queue.push_back(s);
    }
  }
  VisitBits visited;
  std::vector<VertexId> queue;  // after a replicate: every active vertex
  std::int64_t arcs_examined = 0;
};

// InvalidArgument unless every seed is a vertex of `graph` and none repeats;
// the message names the seed's position. Shared by the plain models.
absl::Status CheckSeeds(const DistrictGraph& graph,
                        const std::vector<VertexId>& seeds);

// InvalidArgument for p outside [0, 1], an unknown or repeated seed (seeds
// are vertex ids < n; the message names the position), arc factors that
// are not one per arc, or channel probabilities on a graph whose ties have
// no channel.
absl::StatusOr<IcModel> PrepareIndependentCascade(
    const DistrictGraph& graph, const IcParams& params,
    const std::vector<VertexId>& seeds);

// Runs one replicate; returns the number of vertices activated, seeds not
// included. ws.queue then holds the seeds followed by the activated vertices.
std::int64_t RunIcReplicate(const IcModel& model, std::uint64_t seed,
                            std::uint64_t replicate, PlainWorkspace& ws);

// The probability p(u, v) of every arc under `params` (factors included),
// for tests, the live-edge estimator and reverse-reachable sampling.
std::vector<double> IcArcProbabilities(const DistrictGraph& graph,
                                       const IcParams& params);

}  // namespace collabnet

#endif  // COLLABNET_SIM_INDEPENDENT_CASCADE_H_
