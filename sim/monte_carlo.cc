#include "sim/monte_carlo.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "sim/cascade_model.h"
#include "sim/count_histogram.h"
#include "sim/moments.h"
#include "sim/multi_channel_cascade.h"
#include "sim/parallel_replicates.h"
#include "sim/plain_monte_carlo.h"
#include "sim/quantiles.h"
#include "sim/result_parts.h"

namespace collabnet {
namespace {

constexpr std::uint8_t kNoCategory = 0xFF;
constexpr int kMaxCategories = kNumChannels;

// Per-thread sums over replicates. Every field is an integer sum, so merging
// in any order gives the same totals.
struct Tally {
  Tally(const DistrictGraph& g, int categories, bool per_teacher)
      : school_reached(g.num_schools()),
        school_adopting(g.num_schools()),
        category_direct(categories) {
    if (per_teacher) {
      teacher_reached.assign(g.num_vertices(), 0);
      teacher_adopting.assign(g.num_vertices(), 0);
    }
  }

  void Add(const ReplicateCounts& c,
           const std::vector<std::uint8_t>& category_of) {
    reached.Add(c.reached);
    adopting.Add(c.adopting);
    direct.Add(c.direct);
    sustained.Add(c.sustained);
    by_broadcast.Add(c.by_broadcast);
    deferred_by_capacity.Add(c.deferred_by_capacity);
    std::array<std::int64_t, kMaxCategories> per_category{};
    for (int ch = 0; ch < kNumChannels; ++ch) {
      direct_by_channel[ch].Add(c.direct_by_channel[ch]);
      reached_by_channel[ch].Add(c.reached_by_channel[ch]);
      if (category_of[ch] != kNoCategory) {
        per_category[category_of[ch]] += c.direct_by_channel[ch];
      }
    }
    for (std::size_t k = 0; k < category_direct.size(); ++k) {
      category_direct[k].Add(per_category[k]);
    }
    // Zero counts add nothing to either sum, so only what was used is added.
    for (int h = 0; h <= c.max_hop; ++h) by_hop[h].Add(c.reached_by_hop[h]);
    max_hop = std::max(max_hop, c.max_hop);
    for (std::uint32_t s : c.touched_schools) {
      school_reached[s].Add(c.school_reached[s]);
      school_adopting[s].Add(c.school_adopting[s]);
    }
    if (weekly_reached.size() < c.weekly_reached.size()) {
      weekly_reached.resize(c.weekly_reached.size(), 0);
      weekly_adopting.resize(c.weekly_reached.size(), 0);
      weekly_lapsed.resize(c.weekly_reached.size(), 0);
    }
    for (std::size_t w = 0; w < c.weekly_reached.size(); ++w) {
      weekly_reached[w] += c.weekly_reached[w];
      weekly_adopting[w] += c.weekly_adopting[w];
      weekly_lapsed[w] += c.weekly_lapsed[w];
    }
    AddCurves(c);
    if (!teacher_reached.empty()) {
      for (VertexId v : c.reached_teachers) ++teacher_reached[v];
      for (VertexId v : c.adopting_teachers) ++teacher_adopting[v];
    }
  }

  void Merge(const Tally& o) {
    reached.Merge(o.reached);
    adopting.Merge(o.adopting);
    direct.Merge(o.direct);
    sustained.Merge(o.sustained);
    by_broadcast.Merge(o.by_broadcast);
    deferred_by_capacity.Merge(o.deferred_by_capacity);
    for (int ch = 0; ch < kNumChannels; ++ch) {
      direct_by_channel[ch].Merge(o.direct_by_channel[ch]);
      reached_by_channel[ch].Merge(o.reached_by_channel[ch]);
    }
    for (std::size_t k = 0; k < category_direct.size(); ++k) {
      category_direct[k].Merge(o.category_direct[k]);
    }
    for (int h = 0; h <= kMaxHop; ++h) by_hop[h].Merge(o.by_hop[h]);
    max_hop = std::max(max_hop, o.max_hop);
    for (std::size_t s = 0; s < school_reached.size(); ++s) {
      school_reached[s].Merge(o.school_reached[s]);
      school_adopting[s].Merge(o.school_adopting[s]);
    }
    if (weekly_reached.size() < o.weekly_reached.size()) {
      weekly_reached.resize(o.weekly_reached.size(), 0);
      weekly_adopting.resize(o.weekly_reached.size(), 0);
      weekly_lapsed.resize(o.weekly_reached.size(), 0);
    }
    for (std::size_t w = 0; w < o.weekly_reached.size(); ++w) {
      weekly_reached[w] += o.weekly_reached[w];
      weekly_adopting[w] += o.weekly_adopting[w];
      weekly_lapsed[w] += o.weekly_lapsed[w];
    }
    for (std::size_t k = 0; k < kCurves; ++k) {
      MergeInto(curve[k], o.curve[k]);
      MergeInto(ended[k], o.ended[k]);
    }
    for (std::size_t v = 0; v < teacher_reached.size(); ++v) {
      teacher_reached[v] += o.teacher_reached[v];
      teacher_adopting[v] += o.teacher_adopting[v];
    }
  }

  // The distribution over replicates of each weekly curve's cumulative
  // count (reached, adopting, practising). A replicate adds its counts for
  // the weeks its workspace held, W, to curve[k][0, W), and its final
  // counts to ended[k][W]: in every week from W on it stays there. So week
  // w's distribution is curve[k][w] plus ended[k][0..w].
  static constexpr std::size_t kCurves = 3;
  void AddCurves(const ReplicateCounts& c) {
    const std::size_t weeks = c.weekly_reached.size();
    std::int64_t reached_by = 0, adopting_by = 0, lapsed_by = 0;
    for (std::size_t k = 0; k < kCurves; ++k) {
      if (curve[k].size() < weeks) curve[k].resize(weeks);
      if (ended[k].size() < weeks + 1) ended[k].resize(weeks + 1);
    }
    for (std::size_t w = 0; w < weeks; ++w) {
      reached_by += c.weekly_reached[w];
      adopting_by += c.weekly_adopting[w];
      lapsed_by += c.weekly_lapsed[w];
      curve[0][w].Add(static_cast<std::int32_t>(reached_by));
      curve[1][w].Add(static_cast<std::int32_t>(adopting_by));
      curve[2][w].Add(static_cast<std::int32_t>(adopting_by - lapsed_by));
    }
    ended[0][weeks].Add(static_cast<std::int32_t>(reached_by));
    ended[1][weeks].Add(static_cast<std::int32_t>(adopting_by));
    ended[2][weeks].Add(static_cast<std::int32_t>(adopting_by - lapsed_by));
  }
  static void MergeInto(std::vector<CountHistogram>& to,
                        const std::vector<CountHistogram>& from) {
    if (to.size() < from.size()) to.resize(from.size());
    for (std::size_t w = 0; w < from.size(); ++w) to[w].Merge(from[w]);
  }

  Moments reached, adopting, direct, sustained, by_broadcast,
      deferred_by_capacity;
  std::array<std::vector<CountHistogram>, kCurves> curve, ended;
  std::array<Moments, kNumChannels> direct_by_channel{};
  std::array<Moments, kNumChannels> reached_by_channel{};
  std::array<Moments, kMaxHop + 1> by_hop{};
  int max_hop = 0;
  std::vector<Moments> school_reached, school_adopting;
  std::vector<Moments> category_direct;
  std::vector<std::int64_t> weekly_reached, weekly_adopting, weekly_lapsed;
  std::vector<std::int64_t> teacher_reached, teacher_adopting;
};

struct Worker {
  CascadeWorkspace workspace;
  Tally tally;
};

}  // namespace

absl::StatusOr<RunResult> RunScenario(const DistrictGraph& graph,
                                      const Scenario& scenario,
                                      const RunOptions& options) {
  if (scenario.model() != MULTI_CHANNEL_CASCADE) {
    return RunPlainScenario(graph, scenario, options);
  }
  const auto start = std::chrono::steady_clock::now();
  if (scenario.replicates() < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("scenario: field 'replicates' must be at least 1, got ",
                     scenario.replicates()));
  }
  absl::StatusOr<CascadeModel> model = PrepareCascade(graph, scenario);
  if (!model.ok()) return model.status();
  const auto prepared = std::chrono::steady_clock::now();

  // Each channel belongs to at most one observed category.
  const Observed& observed = scenario.observed();
  if (observed.categories_size() > kMaxCategories) {
    return absl::InvalidArgumentError(
        absl::StrCat("scenario observed: at most ", kMaxCategories,
                     " categories, got ", observed.categories_size()));
  }
  std::vector<std::uint8_t> category_of(kNumChannels, kNoCategory);
  for (int k = 0; k < observed.categories_size(); ++k) {
    for (int ch : observed.categories(k).channels()) {
      if (ch <= 0 || ch >= kNumChannels) {
        return absl::InvalidArgumentError(absl::StrCat(
            "scenario observed.categories[", k, "]: unspecified channel"));
      }
      if (category_of[ch] != kNoCategory) {
        return absl::InvalidArgumentError(
            absl::StrCat("scenario observed.categories[", k, "]: channel ",
                         Channel_Name(static_cast<Channel>(ch)),
                         " is already in another category"));
      }
      category_of[ch] = static_cast<std::uint8_t>(k);
    }
  }

  const std::int64_t replicates = scenario.replicates();
  const std::uint64_t seed = scenario.seed();
  // Per-replicate headline values, written by replicate index, for quantiles.
  std::vector<std::int32_t> reached_values(replicates);
  std::vector<std::int32_t> adopting_values(replicates);
  std::vector<std::int32_t> direct_values(replicates);
  const int categories = observed.categories_size();
  auto workers = RunReplicatesInParallel(
      replicates, options.threads, options.progress,
      [&] {
        return Worker{CascadeWorkspace(*model),
                      Tally(graph, categories, options.per_teacher)};
      },
      [&](Worker& w, std::int64_t r) {
        RunCascadeReplicate(*model, seed, static_cast<std::uint64_t>(r),
                            w.workspace);
        const ReplicateCounts& c = w.workspace.counts();
        w.tally.Add(c, category_of);
        reached_values[r] = static_cast<std::int32_t>(c.reached);
        adopting_values[r] = static_cast<std::int32_t>(c.adopting);
        direct_values[r] = static_cast<std::int32_t>(c.direct);
      });
  const auto simulated = std::chrono::steady_clock::now();
  Tally total(graph, categories, options.per_teacher);
  for (const auto& w : workers) {
    if (w) total.Merge(w->tally);
  }

  RunResult result;
  *result.mutable_details() =
      MakeRunDetails(graph, scenario, options.threads, "multi_channel_cascade");
  result.mutable_details()->set_prepare_seconds(
      std::chrono::duration<double>(prepared - start).count());
  result.mutable_details()->set_simulate_seconds(
      std::chrono::duration<double>(simulated - prepared).count());
  for (VertexId v : model->leaders) result.add_leaders(graph.teacher_id(v));

  *result.mutable_direct_reach() = MakeEstimate(total.direct, replicates);
  *result.mutable_reached() = MakeEstimate(total.reached, replicates);
  *result.mutable_adopting() = MakeEstimate(total.adopting, replicates);
  AddQuantiles(direct_values, *result.mutable_direct_reach());
  AddQuantiles(reached_values, *result.mutable_reached());
  AddQuantiles(adopting_values, *result.mutable_adopting());
  *result.mutable_sustained() = MakeEstimate(total.sustained, replicates);
  *result.mutable_reached_by_broadcast() =
      MakeEstimate(total.by_broadcast, replicates);
  *result.mutable_deferred_by_capacity() =
      MakeEstimate(total.deferred_by_capacity, replicates);
  for (int ch = 1; ch < kNumChannels; ++ch) {
    ChannelReach* direct = result.add_direct_reach_by_channel();
    direct->set_channel(static_cast<Channel>(ch));
    *direct->mutable_teachers() =
        MakeEstimate(total.direct_by_channel[ch], replicates);
    ChannelReach* reached = result.add_reached_by_channel();
    reached->set_channel(static_cast<Channel>(ch));
    *reached->mutable_teachers() =
        MakeEstimate(total.reached_by_channel[ch], replicates);
  }
  for (int h = 1; h <= total.max_hop; ++h) {
    HopReach* hop = result.add_reached_by_hop();
    hop->set_hop(h);
    *hop->mutable_teachers() = MakeEstimate(total.by_hop[h], replicates);
  }
  result.set_observed_direct_reach(observed.direct_reach());
  result.set_observed_source(observed.source());
  for (int k = 0; k < observed.categories_size(); ++k) {
    CategoryComparison* cmp = result.add_observed_comparison();
    cmp->set_name(observed.categories(k).name());
    *cmp->mutable_channels() = observed.categories(k).channels();
    *cmp->mutable_simulated() =
        MakeEstimate(total.category_direct[k], replicates);
    cmp->set_observed(observed.categories(k).direct_reach());
  }
  AddSchoolReach(graph, total.school_reached, total.school_adopting, replicates,
                 result);
  // Cumulative weekly means, up to the horizon or the last week anything
  // happened in.
  std::size_t last_week =
      total.weekly_reached.empty() ? 0 : total.weekly_reached.size() - 1;
  if (scenario.horizon_weeks() > 0) {
    last_week = static_cast<std::size_t>(scenario.horizon_weeks());
  } else {
    while (last_week > 0 && total.weekly_reached[last_week] == 0) --last_week;
  }
  std::int64_t cum_reached = 0;
  std::int64_t cum_adopting = 0;
  std::int64_t cum_lapsed = 0;
  const double n = static_cast<double>(replicates);
  std::array<CountHistogram, Tally::kCurves> settled;  // ended by week w
  for (std::size_t w = 0; w <= last_week; ++w) {
    std::array<Estimate, Tally::kCurves> band;
    for (std::size_t k = 0; k < Tally::kCurves; ++k) {
      if (w < total.ended[k].size()) settled[k].Merge(total.ended[k][w]);
      CountHistogram week = settled[k];
      if (w < total.curve[k].size()) week.Merge(total.curve[k][w]);
      band[k] = week.ToEstimate();
    }
    if (w < total.weekly_reached.size()) {
      cum_reached += total.weekly_reached[w];
      cum_adopting += total.weekly_adopting[w];
      cum_lapsed += total.weekly_lapsed[w];
    }
    WeekPoint* point = result.add_weekly();
    point->set_week(static_cast<std::int32_t>(w));
    point->set_reached_mean(static_cast<double>(cum_reached) / n);
    point->set_adopting_mean(static_cast<double>(cum_adopting) / n);
    point->set_practising_mean(static_cast<double>(cum_adopting - cum_lapsed) /
                               n);
    *point->mutable_reached() = std::move(band[0]);
    *point->mutable_adopting() = std::move(band[1]);
    *point->mutable_practising() = std::move(band[2]);
  }
  if (options.per_teacher) {
    AddTeacherReach(graph, total.teacher_reached, total.teacher_adopting,
                    model->leaders, replicates, result);
  }
  result.mutable_details()->set_wall_seconds(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
  return result;
}

absl::StatusOr<RunResult> RunToPrecision(const DistrictGraph& graph,
                                         const Scenario& scenario,
                                         double target_half_width,
                                         std::int64_t max_replicates,
                                         const RunOptions& options) {
  if (!(target_half_width > 0)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the target half-width must be positive, got ", target_half_width));
  }
  Scenario run = scenario;
  std::int64_t count = std::max<std::int64_t>(1, scenario.replicates());
  if (max_replicates < count || max_replicates > (std::int64_t{1} << 31) - 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the replicate cap (", max_replicates,
        ") must be at least the starting count (", count, ") and below 2^31"));
  }
  for (;;) {
    run.set_replicates(static_cast<std::int32_t>(count));
    absl::StatusOr<RunResult> result = RunScenario(graph, run, options);
    if (!result.ok()) return result;
    const double half = result->reached().ci_high() - result->reached().mean();
    const bool met = half <= target_half_width;
    if (met || count >= max_replicates) {
      result->mutable_details()->set_target_half_width(target_half_width);
      result->mutable_details()->set_target_met(met);
      return result;
    }
    count = std::min(2 * count, max_replicates);
  }
}

}  // namespace collabnet
