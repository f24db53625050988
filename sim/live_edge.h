// Live-edge reference models: a second, independent way to sample the
// spread of the independent cascade and the linear threshold model (Kempe,
// Kleinberg and Tardos 2003, claims 2.3 and 2.6). A live-edge graph is
// sampled first, then the leaders' reachable set in it (round by round,
// to the horizon) has the same distribution as the model's active set:
//   independent cascade: every arc is live with its probability;
//   linear threshold: every teacher v keeps at most one in-arc, arc (u, v)
//   with probability w(u, v), none with probability 1 - sum of w.
// They are models like the others (sim/model.h), so the runner runs them
// and the tests compare whole results. Every arc gets a draw: slow, and
// plain on purpose.
#ifndef COLLABNET_SIM_LIVE_EDGE_H_
#define COLLABNET_SIM_LIVE_EDGE_H_

#include <cstdint>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/district_graph.h"
#include "proto/scenario.pb.h"
#include "sim/coupled_draws.h"
#include "sim/model.h"
#include "sim/model_base.h"
#include "sim/plain_spread.h"

namespace collabnet {

// Where a live-edge model's draws come from.
enum class LiveEdgeDraws {
  // Its own stream, (seed, replicate, kPurposeLiveEdge), arc by arc:
  // independent of the cascade it checks.
  kIndependent,
  // The cascade's own coupled uniforms (ArcCoins::Uniform32, one arc at a
  // time): the live-edge graph of the very replicate the cascade ran, so
  // their active sets must be equal, replicate by replicate.
  kCascadesOwn,
};

class LiveEdgeIc : public ModelBase {
 public:
  static constexpr ModelTraits kTraits{"round", false};
  // The scenario must run independent_cascade.
  static absl::StatusOr<LiveEdgeIc> Prepare(
      const DistrictGraph& graph, const Scenario& scenario,
      LiveEdgeDraws draws = LiveEdgeDraws::kIndependent);

  struct Workspace {
    explicit Workspace(const LiveEdgeIc& model);
    PlainWorkspace plain;
    std::vector<std::uint8_t> live;  // per arc
  };
  void Run(std::uint32_t replicate, Workspace& ws,
           ReplicateCounts& counts) const;

  DrawMode draw_mode() const {
    return source_ == LiveEdgeDraws::kCascadesOwn ? DrawMode::kCoupled
                                                  : DrawMode::kStream;
  }
  absl::string_view name() const { return "live_edge_independent_cascade"; }

 private:
  std::vector<double> probability_;  // per arc
  LiveEdgeDraws source_ = LiveEdgeDraws::kIndependent;
};

class LiveEdgeLt : public ModelBase {
 public:
  static constexpr ModelTraits kTraits{"round", false};
  // The scenario must run linear_threshold with no given thresholds; the
  // graph must have reverse arcs (FreezeOptions::build_reverse).
  static absl::StatusOr<LiveEdgeLt> Prepare(const DistrictGraph& graph,
                                            const Scenario& scenario);

  struct Workspace {
    explicit Workspace(const LiveEdgeLt& model);
    PlainWorkspace plain;
    std::vector<ArcIndex> kept;  // per teacher: the in-arc kept
  };
  void Run(std::uint32_t replicate, Workspace& ws,
           ReplicateCounts& counts) const;

  DrawMode draw_mode() const { return DrawMode::kStream; }
  absl::string_view name() const { return "live_edge_linear_threshold"; }

 private:
  std::vector<double> arc_weight_;  // normalised, as the model's
};

}  // namespace collabnet

#endif  // COLLABNET_SIM_LIVE_EDGE_H_
