// The multi-channel cascade: the district model. The independent cascade
// (Kempe, Kleinberg and Tardos 2003) with the case study's features: typed
// channels, contact delays on a weekly clock (as in continuous-time
// cascades), a reached/adopting distinction gated by school readiness,
// lapse, a district-wide broadcast, the school calendar and leaders'
// capacity. docs/models.md gives the model in full.
//
// An adopting teacher u gets one chance per out-tie (u, v), succeeding with
// probability
//   min(1, p[channel] * weight * (u is a leader or coach ? credibility : 1)
//          * (same school ? ms : 1) * (a shared grade ? mg : 1)
//          * (a shared subject ? mu : 1)).
// A success reaches v after a delay of D weeks, D geometric on {1, 2, ...}
// with mean mean_delay_weeks[channel]. A reached teacher adopts with
// probability a0 + (a1 - a0) * readiness(school of v), decided once; only
// adopters pass the practice on. The leaders adopt at week 0. With lapse,
// an adopter practises for a geometric number of weeks L >= 1 and makes
// only the contacts that land within it. With a school calendar a contact
// over a channel that meets only on some weeks (PD days, a PLC cadence)
// lands at the first meeting on or after week + D. With leader capacity C,
// a leader's contacts over the capacity channels reach at most C new
// teachers a term; further ones wait for the next term's first meeting and
// are tried again then.
//
// Coupled draws (DrawMode::kCoupled, sim/coupled_draws.h): a tie's success
// and its delay are keyed by (replicate, arc), a teacher's adoption and
// practising spell by (replicate, teacher), the broadcast by (replicate,
// teacher, week). So a replicate's world is fixed before the cascade runs,
// and a scenario that raises one channel's probability or adds a leader
// reaches a superset of teachers in every replicate (arrival times only
// fall), except where a feature depends on when: leader capacity, and lapse
// together with a calendar (an earlier adoption can end before the next
// meeting). Stream draws (kStream), for single runs: one stream per
// replicate in the order the cascade runs, with no draw for a tie into a
// teacher already reached and the broadcast by geometric jumps over the
// teachers; the same distribution at fewer random numbers.
//
// Events are processed in week order (a bucket queue); within a week, in
// the order they were scheduled, so "first reached" is well defined.
#ifndef COLLABNET_SIM_MULTI_CHANNEL_CASCADE_H_
#define COLLABNET_SIM_MULTI_CHANNEL_CASCADE_H_

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/district_graph.h"
#include "proto/scenario.pb.h"
#include "sim/arc_coins.h"
#include "sim/coupled_draws.h"
#include "sim/model.h"
#include "sim/model_base.h"
#include "sim/school_calendar.h"

namespace collabnet {

class MultiChannelCascade : public ModelBase {
 public:
  static constexpr ModelTraits kTraits{"week", true};

  // The scenario must run multi_channel; InvalidArgument as
  // ValidateScenario says. The graph must outlive the model.
  static absl::StatusOr<MultiChannelCascade> Prepare(
      const DistrictGraph& graph, const Scenario& scenario,
      DrawMode mode = DrawMode::kCoupled);

  class Workspace {
   public:
    explicit Workspace(const MultiChannelCascade& model);

   private:
    friend class MultiChannelCascade;
    struct Event {
      VertexId vertex;
      VertexId source;  // who made the contact, or kFromBroadcast
      std::uint8_t channel;
      std::uint8_t hop;             // from the leaders, or from the broadcast
      std::uint8_t from_broadcast;  // 1: descends from the broadcast
    };
    // Per leader: the term its count is for, and the new teachers reached
    // over capacity channels in that term.
    struct Load {
      int term;
      int used;
    };
    std::vector<Load> leader_load_;
    std::vector<std::uint32_t> stamp_;  // == epoch_: finally reached
    std::uint32_t epoch_ = 0;
    std::vector<std::vector<Event>> buckets_;  // by week
  };

  void Run(std::uint32_t replicate, Workspace& ws,
           ReplicateCounts& counts) const;

  DrawMode draw_mode() const { return mode_; }
  absl::string_view name() const { return "multi_channel_cascade"; }

 private:
  friend struct CoupledCascadeDraws;
  friend struct StreamCascadeDraws;

  template <typename Draws>
  void RunWith(Draws& draws, Workspace& ws, ReplicateCounts& counts) const;

  DrawMode mode_ = DrawMode::kCoupled;
  ArcCoins coins_;                              // coupled: each tie's draw
  std::vector<std::uint32_t> arc_threshold_;    // stream: each tie's threshold
  std::vector<std::uint32_t> adopt_threshold_;  // per teacher
  // Per channel: 0 when every success lands after exactly one week, else
  // 1 / log(1 - 1 / mean) for inverse-transform geometric delays.
  std::array<double, kNumChannels> delay_scale_{};
  // 0 without lapse, else 1 / log(1 - lapse probability), for geometric
  // practising spells of at least one week.
  double lapse_scale_ = 0;
  bool lapse_always_ = false;  // lapse probability 1: one week of practice
  // Broadcast: sorted distinct weeks, and the threshold each teacher's
  // draw is held against (coupled), or 1 / log(1 - q) for geometric jumps
  // over the teachers (stream; 0 when q is 0 or 1).
  std::vector<int> broadcast_weeks_;
  std::uint32_t broadcast_threshold_ = 0;
  UniformThreshold broadcast_planes_{0};
  double broadcast_scale_ = 0;
  SchoolCalendar calendar_;
  // Leader capacity: new teachers per leader per term (0: no limit) over
  // the channels marked here.
  int capacity_ = 0;
  std::array<bool, kNumChannels> capacity_channel_{};
  // With a capacity: each leader's index in leaders_, by vertex.
  std::vector<std::uint32_t> leader_index_;
};

// p(u, v) of every arc under a valid multi-channel scenario: the channel's
// probability times the tie's weight and context, capped at 1.
std::vector<double> MultiChannelArcProbabilities(const DistrictGraph& graph,
                                                 const Scenario& scenario);

// Each teacher's probability of adopting once reached, from their school's
// readiness, under a valid multi-channel scenario.
std::vector<double> AdoptionProbabilities(const DistrictGraph& graph,
                                          const Scenario& scenario);

// The weeks a valid multi-channel scenario's broadcast falls on, sorted
// and distinct: its own, or the calendar's PD weeks within the horizon.
std::vector<int> BroadcastWeeks(const Scenario& scenario,
                                const SchoolCalendar& calendar);

}  // namespace collabnet

#endif  // COLLABNET_SIM_MULTI_CHANNEL_CASCADE_H_
