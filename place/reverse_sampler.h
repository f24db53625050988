// Reverse-reachable samples (Borgs, Brautbar, Chayes and Lucier, SODA
// 2014): a teacher v drawn uniformly (among the objective's targets), one
// random world of the model drawn, and the set of teachers who, made leaders,
// would reach v in that world. A leader set S reaches v with probability P(S
// meets the sample), so the expected reach of S is n times the share of samples
// S meets: a coverage function, monotone and submodular, which greedy selection
// maximises with the (1 - 1/e) guarantee (place/opim.h).
//
// Why each model's reach is a coverage function, feature by feature (the
// live-edge argument of Kempe, Kleinberg and Tardos 2003): fix every draw
// of a replicate beforehand (which ties succeed, their delays, who adopts
// and for how long); then a teacher is reached exactly when some leader
// has a live path to them, so reach is the union of the leaders' reachable
// sets. For the independent cascade a path is live when each of its ties
// succeeds; a horizon of H rounds keeps paths of at most H ties. For the
// linear threshold, each teacher keeps one in-tie (tie (u, v) with
// probability w(u, v)): the paths of kept ties. For the multi-channel
// model, with
//   - channel probabilities, tie weights and tie context (credibility is a
//     role's, not a leader's): each tie's success is fixed;
//   - a horizon and delays: a path is live when it arrives by the horizon,
//     delays summed; with a school calendar a contact lands at the next
//     meeting, which is monotone in the week it is sent (first in, first
//     out), so the latest week a teacher can adopt and still reach v is
//     found backwards from v, each tie mapping the latest landing week w to
//     LastMeeting(w) - delay;
//   - adoption gating: only adopters pass the practice on, so the inner
//     teachers of a path must adopt; a leader adopts always. With the
//     adopting objective, v must adopt too (or be a leader);
//   - lapse without a calendar: a non-leader adopter's tie is live when it
//     succeeds and its delay fits in their practising spell; a leader
//     practises throughout, so their ties are the successful ones. A
//     leader's live ties are thus a superset of the same teacher's as a
//     non-leader's: taking the last leader on any path, v is reached from
//     S exactly when some s in S has a path whose first tie is live for a
//     leader and whose later ties are live for non-leaders. The sample
//     holds those s: a coverage function still;
//   - the broadcast: a teacher it reaches in week b is a source that no
//     choice of leaders removes, so a sample it covers is covered for every
//     S (ReverseSample::reached_anyway): coverage plus a constant.
// What breaks it: leaders' capacity (a leader's contacts wait on whom they
// reached first, so adding a leader can delay another's and lose a
// teacher at the horizon), lapse with a calendar (an earlier adoption can
// end before the next meeting), complex contagion (reach needs several
// exposures: not submodular) and given linear-threshold thresholds (no
// live-edge form). Prepare refuses those, naming the feature; placement
// uses greedy over Monte Carlo for them.
//
// Samples are reproducible: sample i's draws are the stream (seed, i,
// kPurposeReverseSample), in an order fixed by the sample alone, so any
// thread makes the same sample.
#ifndef COLLABNET_PLACE_REVERSE_SAMPLER_H_
#define COLLABNET_PLACE_REVERSE_SAMPLER_H_

#include <cstdint>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/district_graph.h"
#include "proto/scenario.pb.h"
#include "random/philox_stream.h"
#include "sim/school_calendar.h"

namespace collabnet {

// What placement maximises: teachers reached, or teachers adopting (the
// same for the plain models, where everyone reached adopts). Leaders count
// as reached and adopting here; results report reach without them.
enum class PlacementObjective { kReached, kAdopting };

// Whom the objective counts: every teacher, or the teachers of Title I
// schools (an equity target). Either is linear in sample coverage, so the
// sample-size bounds carry over: a sample's target is drawn among them.
enum class PlacementTargets { kAll, kTitleI };

// One sample, as written by ReverseSampler::Sample.
struct ReverseSample {
  // The target teacher first, then every other teacher who reaches it.
  std::vector<VertexId> members;
  // The broadcast reaches the target whoever leads: every set covers it.
  bool reached_anyway = false;
};

class ReverseSampler {
 public:
  // The scenario (valid: ValidateScenario) as reverse samples of
  // `objective`. FailedPrecondition naming the feature when its reach is
  // not a coverage function (see above). The graph must outlive the
  // sampler; its reverse arcs are used when it has them, else built here.
  // InvalidArgument for Title I targets in a district with no Title I
  // school.
  static absl::StatusOr<ReverseSampler> Prepare(
      const DistrictGraph& graph, const Scenario& scenario,
      PlacementObjective objective,
      PlacementTargets targets = PlacementTargets::kAll);

  // Per-thread scratch, reused across samples.
  class Workspace {
   public:
    explicit Workspace(const ReverseSampler& sampler);

   private:
    friend class ReverseSampler;
    std::uint32_t epoch_ = 0;
    std::vector<std::uint32_t> member_;   // == epoch_: in the sample
    std::vector<std::uint32_t> settled_;  // == epoch_: expanded
    std::vector<std::uint32_t> drawn_;    // == epoch_: adoption drawn
    std::vector<std::int32_t> spell_;     // weeks practised; -1: no adoption
    std::vector<VertexId> queue_;
    std::vector<std::vector<VertexId>> buckets_;  // by latest week
  };

  // Writes sample `index` into `out`.
  void Sample(std::uint64_t index, Workspace& ws, ReverseSample& out) const;

  VertexId num_vertices() const { return n_; }
  // The teachers a sample's target is drawn from: all, or Title I's. The
  // expected objective of a set is num_targets() times its share covered.
  VertexId num_targets() const {
    return targets_.empty() ? n_ : static_cast<VertexId>(targets_.size());
  }
  // Whether v is one of them.
  bool IsTarget(VertexId v) const {
    return targets_.empty() || graph_->school_title_i(graph_->school_of(v));
  }
  std::uint64_t seed() const { return seed_; }

 private:
  enum class Kind { kCascade, kThreshold, kMultiChannel };
  // How the in-ties of a teacher are drawn (the cascades).
  enum class InRule : std::uint8_t { kNone, kAll, kJump, kEach };

  void SampleCascade(VertexId v, PhiloxStream& rng, Workspace& ws,
                     ReverseSample& out) const;
  void SampleThreshold(VertexId v, PhiloxStream& rng, Workspace& ws,
                       ReverseSample& out) const;
  void SampleMultiChannel(VertexId v, PhiloxStream& rng, Workspace& ws,
                          ReverseSample& out) const;

  Kind kind_ = Kind::kCascade;
  PlacementObjective objective_ = PlacementObjective::kReached;
  VertexId n_ = 0;
  std::uint64_t seed_ = 0;
  int horizon_ = 0;
  const DistrictGraph* graph_ = nullptr;
  std::vector<VertexId> targets_;  // empty: every teacher
  // In-ties: those of the graph, or built here. In-tie i of v comes from
  // in_sources_[i], is forward arc in_arcs_[i], and succeeds against
  // in_threshold_[i] (the cascades) or is kept when the uniform falls
  // below in_cumulative_[i] (the linear threshold).
  std::vector<ArcIndex> own_offsets_;
  std::vector<VertexId> own_sources_;
  std::vector<ArcIndex> own_arcs_;
  std::span<const ArcIndex> in_offsets_;
  std::span<const VertexId> in_sources_;
  std::span<const ArcIndex> in_arcs_;
  std::vector<std::uint32_t> in_threshold_;
  std::vector<double> in_cumulative_;
  // The cascades: teachers whose in-ties share one probability draw them
  // by geometric jumps (the subset sampling of Guo et al., SIGMOD 2020).
  std::vector<InRule> in_rule_;
  std::vector<float> jump_scale_;
  // The multi-channel model.
  std::vector<std::uint8_t> in_channel_;
  std::vector<std::uint32_t> adopt_threshold_;
  std::vector<double> delay_scale_;  // per channel; 0: one week
  double lapse_scale_ = 0;           // 0: no lapse
  bool lapse_always_ = false;
  std::vector<int> broadcast_weeks_;
  double broadcast_scale_ = 0;  // geometric jumps over the weeks
  bool broadcast_always_ = false;
  SchoolCalendar calendar_;
};

}  // namespace collabnet

#endif  // COLLABNET_PLACE_REVERSE_SAMPLER_H_
