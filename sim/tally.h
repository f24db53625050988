// Tally: the sums over replicates that every figure of a RunResult is made
// from, for every model alike. Each thread adds its replicates to its own
// Tally; the runner merges them. Every sum is an integer (sums of squares in
// 128 bits) or a histogram of integer counts, so the merged totals, and the
// result made from them, do not depend on how replicates were split over
// threads or in which order they were added.
//
//   Tally tally(layout);
//   tally.Add(counts);      // once per replicate
//   total.Merge(tally);     // once per thread
//   total.Fill(result);
#ifndef COLLABNET_SIM_TALLY_H_
#define COLLABNET_SIM_TALLY_H_

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "graph/district_graph.h"
#include "proto/result.pb.h"
#include "sim/count_histogram.h"
#include "sim/moments.h"
#include "sim/replicate_counts.h"

namespace collabnet {

// What a run reports, fixed before its first replicate.
struct TallyLayout {
  static constexpr std::uint8_t kNoCategory = 0xFF;
  const DistrictGraph* graph = nullptr;
  // The observed category of each channel, or kNoCategory.
  std::array<std::uint8_t, kNumChannels> category_of = [] {
    std::array<std::uint8_t, kNumChannels> a{};
    a.fill(kNoCategory);
    return a;
  }();
  int categories = 0;
  bool per_teacher = false;
  // Each leader's own reach (RunResult.leader_reach): the model's leaders,
  // in its order, or none.
  std::span<const VertexId> leaders;
  bool channels = false;  // the graph's ties name channels: report by channel
  // The multi-channel model's own figures: sustained, reached by the
  // broadcast, deferred by capacity, and adopting apart from reached.
  // Without them every teacher reached adopts for good, so adopting and
  // practising are the reached figures, counted once.
  bool district_figures = false;
  int horizon = 0;  // 0: none; the weekly curve then ends at the last reach
};

class Tally {
 public:
  explicit Tally(const TallyLayout& layout);

  // Adds one replicate.
  void Add(const ReplicateCounts& counts);
  void Merge(const Tally& other);

  std::int64_t replicates() const { return replicates_; }
  // Teachers reached, over the replicates so far.
  Estimate Reached() const;

  // Writes every figure but the run details; `leaders` are left out of the
  // per-teacher figures. The observed comparisons must be in `result`
  // already, one per category, for their simulated figures.
  void Fill(RunResult& result, std::span<const VertexId> leaders) const;

 private:
  // One number per replicate, each reported as an Estimate. To add one:
  // a name here, its value in Add, its field in Fill's table.
  enum Figure : int {
    kReached,
    kAdopting,
    kDirect,
    kSustained,
    kByBroadcast,
    kDeferred,
    kNumFigures,
  };
  static constexpr int kCurves = 3;  // reached, adopting, practising

  const TallyLayout* layout_;
  std::int64_t replicates_ = 0;
  std::array<Moments, kNumFigures> figures_{};
  // Per-replicate values of the headline figures, for their quantiles.
  std::array<CountHistogram, 3> headline_;
  std::array<Moments, kNumChannels> direct_by_channel_{};
  std::array<Moments, kNumChannels> reached_by_channel_{};
  std::vector<Moments> category_direct_;
  std::array<Moments, kMaxHop + 1> by_hop_{};
  int max_hop_ = 0;
  std::vector<Moments> school_reached_, school_adopting_;
  // Per week, summed over replicates: reached, adopting, lapsed that week.
  std::vector<std::int64_t> week_reached_, week_adopting_, week_lapsed_;
  // The distribution over replicates of each cumulative weekly curve: a
  // replicate whose last event is in week T - 1 adds its values for weeks
  // [0, T) to curve_[k] and its final value to ended_[k][T], where it stays
  // from then on. Week w's distribution is curve_[k][w] plus ended_[k][0..w].
  std::array<std::vector<CountHistogram>, kCurves> curve_, ended_;
  std::vector<std::int64_t> teacher_reached_, teacher_adopting_;
  // Per leader, kLeaderFigures + kNumChannels Moments (reached, adopting,
  // reached by channel) at leader * LeaderStride().
  static constexpr int kLeaderFigures = 2;
  static constexpr int LeaderStride() { return kLeaderFigures + kNumChannels; }
  std::vector<Moments> leader_;
  // The index of the leader each teacher's chain starts from (leaders
  // preset, kNoRoot for the broadcast's), written in record order.
  static constexpr std::uint32_t kNoRoot = 0xFFFFFFFFu;
  std::vector<std::uint32_t> root_of_;

  // Scratch for Add, reset after each replicate in the time it was used.
  std::vector<std::int32_t> scratch_school_reached_, scratch_school_adopting_;
  std::vector<std::int64_t> scratch_leader_;
  std::vector<std::uint32_t> scratch_touched_leaders_;
  std::vector<std::uint32_t> scratch_touched_schools_;
  std::array<std::int64_t, kMaxHop + 1> scratch_hop_{};
  std::vector<std::int64_t> scratch_week_[kCurves];  // reached, adopting,
                                                     // lapsed by week
};

}  // namespace collabnet

#endif  // COLLABNET_SIM_TALLY_H_
