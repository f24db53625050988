// The independent cascade of Kempe, Kleinberg and Tardos ("Maximizing the
// spread of influence through a social network", KDD 2003): every newly
// active teacher u gets one chance to activate each out-neighbour v,
// succeeding with probability p(u, v), independently. No delays or
// adoption step: every activated teacher is reached and adopts. The model
// researchers reproduce published results with.
//
// Probabilities (Scenario.independent_cascade.probabilities):
//   UNIFORM           p for every tie, times its weight with use_tie_weights;
//   WEIGHTED_CASCADE  1 / in-degree(v) (Kempe et al.'s weighted cascade);
//   CHANNELS          the tie's channel's probability (Scenario.channels),
//                     times its weight with use_tie_weights;
// each times the tie's context (sim/tie_context.h), capped at 1.
//
// Draws. Coupled (DrawMode::kCoupled): tie (u, v)'s chance is the coupled
// draw of its arc (sim/arc_coins.h), so a tie that carries the practice at
// probability p carries it at every probability above p, and from any
// leaders. Stream (kStream), for single runs: uniform p skips over a
// vertex's arcs with geometric jumps (J = floor(ln U / ln(1 - p)), a
// single-precision log of a 32-bit uniform, exact to within 2^-25 per jump
// length; a draw per arc above p = 0.3), and per-arc probabilities use the
// survival draws of sim/arc_draws.h: far fewer random numbers for small p.
#ifndef COLLABNET_SIM_INDEPENDENT_CASCADE_H_
#define COLLABNET_SIM_INDEPENDENT_CASCADE_H_

#include <cstdint>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/district_graph.h"
#include "proto/scenario.pb.h"
#include "sim/arc_coins.h"
#include "sim/arc_draws.h"
#include "sim/coupled_draws.h"
#include "sim/model.h"
#include "sim/model_base.h"
#include "sim/plain_spread.h"

namespace collabnet {

class IndependentCascade : public ModelBase {
 public:
  static constexpr ModelTraits kTraits{"round", false};

  // The scenario must run independent_cascade; InvalidArgument as
  // ValidateScenario says.
  static absl::StatusOr<IndependentCascade> Prepare(
      const DistrictGraph& graph, const Scenario& scenario,
      DrawMode mode = DrawMode::kCoupled);

  struct Workspace {
    explicit Workspace(const IndependentCascade& model)
        : plain(model.graph_->num_vertices()) {}
    PlainWorkspace plain;
  };

  void Run(std::uint32_t replicate, Workspace& ws,
           ReplicateCounts& counts) const;

  DrawMode draw_mode() const { return mode_; }
  absl::string_view name() const { return name_; }

 private:
  template <typename Draws>
  void Spread(Draws& draws, Workspace& ws, ReplicateCounts& counts) const;

  DrawMode mode_ = DrawMode::kCoupled;
  absl::string_view name_;
  // Coupled draws.
  ArcCoins coins_;
  // Stream draws: uniform p by jumps at jump_scale_ (0: p = 0), or a draw
  // per arc against uniform_threshold_; per-arc probabilities by arc_draws_.
  bool uniform_ = false;
  bool uniform_direct_ = false;
  float jump_scale_ = 0;
  std::uint32_t uniform_threshold_ = 0;
  ArcDraws arc_draws_;
};

// p(u, v) of every arc under a valid independent-cascade scenario, tie
// context included: for the live-edge reference and the tests.
std::vector<double> IcArcProbabilities(const DistrictGraph& graph,
                                       const Scenario& scenario);

}  // namespace collabnet

#endif  // COLLABNET_SIM_INDEPENDENT_CASCADE_H_
