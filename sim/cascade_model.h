// CascadeModel: a scenario prepared for fast replicates on one graph.
//
// Everything a replicate needs that does not change between replicates is
// computed here, once: each arc's transmission probability as a 32-bit
// threshold, each channel's delay distribution, each teacher's adoption
// probability from their school's readiness.
//
// The multi-channel cascade (Kempe, Kleinberg and Tardos 2003, independent
// cascade, with per-channel probabilities and geometric contact delays as in
// continuous-time cascades): an adopting teacher u gets one chance per
// out-arc (u, v) to reach v, succeeding with probability
//   min(1, p[channel] * weight * (u is a leader or coach ? credibility : 1)
//          * (same school ? ms : 1) * (a shared grade ? mg : 1)
//          * (a shared subject ? mu : 1)).
// A success reaches v after a delay of D weeks, D geometric on {1, 2, ...}
// with mean mean_delay_weeks[channel]. A reached teacher adopts with
// probability a0 + (a1 - a0) * readiness(school of v), decided once; only
// adopters pass the practice on. The leaders adopt at week 0. With lapse, an
// adopter practises for a geometric number of weeks L >= 1 and makes only
// the contacts that land within it (delay D <= L).
//
// With a school calendar (sim/school_calendar.h) a contact over a channel
// that meets only on some weeks (PD days, a PLC cadence) lands at the first
// meeting on or after week + D. With leader capacity C, a leader's contacts
// over the capacity channels reach at most C new teachers a term; further
// ones wait for the next term's first meeting and are tried again then.
#ifndef COLLABNET_SIM_CASCADE_MODEL_H_
#define COLLABNET_SIM_CASCADE_MODEL_H_

#include <array>
#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/district_graph.h"
#include "proto/scenario.pb.h"
#include "sim/school_calendar.h"

namespace collabnet {

// Draws u of 32 bits succeed when min(u, kMaxDraw) < threshold, so threshold
// 0 never succeeds and kAlways always does.
inline constexpr std::uint32_t kMaxDraw = 0xFFFFFFFEu;
inline constexpr std::uint32_t kAlways = 0xFFFFFFFFu;

// The threshold for probability p in [0, 1].
std::uint32_t ProbabilityThreshold(double p);

struct CascadeModel {
  const DistrictGraph* graph = nullptr;
  std::vector<std::uint32_t> arc_threshold;    // per arc
  std::vector<std::uint32_t> adopt_threshold;  // per vertex
  // Per channel: 0 when every success lands after exactly one week, else
  // 1 / log(1 - 1 / mean) for inverse-transform geometric delays.
  std::array<double, kNumChannels> delay_scale{};
  std::vector<VertexId> leaders;
  int horizon_weeks = 0;  // 0: until the cascade dies out
  // 0 without lapse, else 1 / log(1 - lapse probability), for geometric
  // practising spells of at least one week.
  double lapse_scale = 0;
  bool lapse_always = false;  // lapse probability 1: one week of practice
  // Broadcast: sorted distinct weeks, and 1 / log(1 - q) for geometric jumps
  // over the teachers (0: q = 0; kBroadcastAll: q = 1).
  std::vector<int> broadcast_weeks;
  double broadcast_scale = 0;
  static constexpr double kBroadcastAll = 1.0;
  SchoolCalendar calendar;
  // Leader capacity: new teachers per leader per term (0: no limit) over
  // the channels marked here.
  int capacity = 0;
  std::array<bool, kNumChannels> capacity_channel{};
};

// Checks the scenario against the graph and prepares it. InvalidArgument
// names the offending field: an unknown or repeated leader, a channel listed
// twice, a probability outside [0, 1], a mean delay below 1, a negative
// horizon, a calendar week outside the year, a negative capacity. The graph
// must outlive the model.
absl::StatusOr<CascadeModel> PrepareCascade(const DistrictGraph& graph,
                                            const Scenario& scenario);

}  // namespace collabnet

#endif  // COLLABNET_SIM_CASCADE_MODEL_H_
