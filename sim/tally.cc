#include "sim/tally.h"

#include <algorithm>
#include <utility>

#include "sim/result_parts.h"

namespace collabnet {
namespace {

// Adds one to v[i], growing v as needed.
void Bump(std::vector<std::int64_t>& v, std::size_t i) {
  if (i >= v.size()) v.resize(std::max(i + 1, 2 * v.size()), 0);
  ++v[i];
}

template <typename T>
void AddInto(std::vector<T>& to, const std::vector<T>& from) {
  if (to.size() < from.size()) to.resize(from.size());
  for (std::size_t i = 0; i < from.size(); ++i) to[i] += from[i];
}

void MergeInto(std::vector<CountHistogram>& to,
               const std::vector<CountHistogram>& from) {
  if (to.size() < from.size()) to.resize(from.size());
  for (std::size_t i = 0; i < from.size(); ++i) to[i].Merge(from[i]);
}

}  // namespace

Tally::Tally(const TallyLayout& layout)
    : layout_(&layout),
      category_direct_(static_cast<std::size_t>(layout.categories)),
      school_reached_(layout.graph->num_schools()),
      school_adopting_(layout.graph->num_schools()),
      scratch_school_reached_(layout.graph->num_schools(), 0),
      scratch_school_adopting_(layout.graph->num_schools(), 0) {
  if (layout.per_teacher) {
    teacher_reached_.assign(layout.graph->num_vertices(), 0);
    teacher_adopting_.assign(layout.graph->num_vertices(), 0);
  }
  if (!layout.leaders.empty()) {
    const std::size_t cells = layout.leaders.size() * LeaderStride();
    leader_.resize(cells);
    scratch_leader_.assign(cells, 0);
    // Only entries of leaders and of teachers already reached in the
    // replicate are read, so the vector is never reset.
    root_of_.assign(layout.graph->num_vertices(), kNoRoot);
    for (std::size_t i = 0; i < layout.leaders.size(); ++i) {
      root_of_[layout.leaders[i]] = static_cast<std::uint32_t>(i);
    }
  }
}

void Tally::Add(const ReplicateCounts& counts) {
  const DistrictGraph& g = *layout_->graph;
  // The plain models' teachers adopt when reached and never lapse: their
  // adopting and practising figures are the reached ones, counted once.
  const bool district = layout_->district_figures;
  const int curves = district ? kCurves : 1;
  ++replicates_;
  std::array<std::int64_t, kNumFigures> value{};
  std::array<std::int64_t, kNumChannels> direct_ch{}, reached_ch{};
  int max_hop = 0;
  std::int32_t last = -1;  // the last week anything happened in
  const std::span<const ReachRecord> records = counts.reached();
  for (const ReachRecord& r : records) {
    ++reached_ch[r.channel];
    if (r.from_broadcast == 0) {
      ++scratch_hop_[r.hop];
      max_hop = std::max<int>(max_hop, r.hop);
      if (r.hop == 1) ++direct_ch[r.channel];
    } else if (r.hop == 0) {
      ++value[kByBroadcast];
    }
    const std::uint32_t school = g.school_of(r.teacher);
    if (scratch_school_reached_[school]++ == 0) {
      scratch_touched_schools_.push_back(school);
    }
    const auto week = static_cast<std::size_t>(r.time);
    Bump(scratch_week_[0], week);
    last = std::max(last, r.time);
    if (!teacher_reached_.empty()) ++teacher_reached_[r.teacher];
    if (!root_of_.empty()) {
      const std::uint32_t root =
          r.source == kFromBroadcast ? kNoRoot : root_of_[r.source];
      root_of_[r.teacher] = root;
      if (root != kNoRoot) {
        std::int64_t* cell =
            &scratch_leader_[std::size_t{root} * LeaderStride()];
        if (cell[0]++ == 0) scratch_touched_leaders_.push_back(root);
        cell[1] += r.adopted;
        ++cell[kLeaderFigures + r.channel];
      }
    }
    if (!district || r.adopted == 0) continue;
    ++scratch_school_adopting_[school];
    Bump(scratch_week_[1], week);
    if (r.lapse_time == kStillPractising) {
      ++value[kSustained];
    } else {
      Bump(scratch_week_[2], static_cast<std::size_t>(r.lapse_time));
      last = std::max(last, r.lapse_time);
    }
    if (!teacher_adopting_.empty()) ++teacher_adopting_[r.teacher];
  }
  value[kReached] = static_cast<std::int64_t>(records.size());
  value[kAdopting] = counts.adopting();
  value[kDeferred] = counts.deferred_by_capacity();
  // A zero adds nothing to either sum of a Moments, so zeros are skipped.
  auto add = [](Moments& m, std::int64_t x) {
    if (x != 0) m.Add(x);
  };
  std::array<std::int64_t, kNumChannels> per_category{};
  for (int ch = 0; ch < kNumChannels; ++ch) {
    value[kDirect] += direct_ch[ch];
    add(direct_by_channel_[ch], direct_ch[ch]);
    add(reached_by_channel_[ch], reached_ch[ch]);
    const std::uint8_t k = layout_->category_of[ch];
    if (k != TallyLayout::kNoCategory) per_category[k] += direct_ch[ch];
  }
  for (std::size_t k = 0; k < category_direct_.size(); ++k) {
    add(category_direct_[k], per_category[k]);
  }
  for (int f = 0; f < kNumFigures; ++f) add(figures_[f], value[f]);
  headline_[0].Add(static_cast<std::int32_t>(value[kReached]));
  if (district) headline_[1].Add(static_cast<std::int32_t>(value[kAdopting]));
  headline_[2].Add(static_cast<std::int32_t>(value[kDirect]));

  // Hops and schools: only what this replicate touched is added and reset.
  for (int h = 0; h <= max_hop; ++h) {
    add(by_hop_[h], scratch_hop_[h]);
    scratch_hop_[h] = 0;
  }
  max_hop_ = std::max(max_hop_, max_hop);
  for (std::uint32_t s : scratch_touched_schools_) {
    school_reached_[s].Add(scratch_school_reached_[s]);
    add(school_adopting_[s], scratch_school_adopting_[s]);
    scratch_school_reached_[s] = 0;
    scratch_school_adopting_[s] = 0;
  }
  scratch_touched_schools_.clear();
  for (std::uint32_t l : scratch_touched_leaders_) {
    const std::size_t at = std::size_t{l} * LeaderStride();
    for (std::size_t k = at; k < at + LeaderStride(); ++k) {
      add(leader_[k], scratch_leader_[k]);
      scratch_leader_[k] = 0;
    }
  }
  scratch_touched_leaders_.clear();

  // Weekly sums and curves, over the weeks this replicate used.
  const std::int32_t used = last + 1;  // no weeks when nothing happened
  const auto weeks = static_cast<std::size_t>(used);
  std::vector<std::int64_t>* sums[kCurves] = {&week_reached_, &week_adopting_,
                                              &week_lapsed_};
  for (int k = 0; k < curves; ++k) {
    if (scratch_week_[k].size() < weeks) scratch_week_[k].resize(weeks, 0);
    if (sums[k]->size() < weeks) sums[k]->resize(weeks, 0);
    if (curve_[k].size() < weeks) curve_[k].resize(weeks);
    if (ended_[k].size() < weeks + 1) ended_[k].resize(weeks + 1);
  }
  std::array<std::int64_t, kCurves> by{};  // reached, adopting, lapsed
  for (std::size_t w = 0; w < weeks; ++w) {
    for (int k = 0; k < curves; ++k) {
      by[k] += scratch_week_[k][w];
      (*sums[k])[w] += scratch_week_[k][w];
      scratch_week_[k][w] = 0;
    }
    curve_[0][w].Add(static_cast<std::int32_t>(by[0]));
    if (district) {
      curve_[1][w].Add(static_cast<std::int32_t>(by[1]));
      curve_[2][w].Add(static_cast<std::int32_t>(by[1] - by[2]));
    }
  }
  ended_[0][weeks].Add(static_cast<std::int32_t>(by[0]));
  if (district) {
    ended_[1][weeks].Add(static_cast<std::int32_t>(by[1]));
    ended_[2][weeks].Add(static_cast<std::int32_t>(by[1] - by[2]));
  }
}

void Tally::Merge(const Tally& o) {
  replicates_ += o.replicates_;
  for (int f = 0; f < kNumFigures; ++f) figures_[f].Merge(o.figures_[f]);
  for (std::size_t k = 0; k < headline_.size(); ++k) {
    headline_[k].Merge(o.headline_[k]);
  }
  for (int ch = 0; ch < kNumChannels; ++ch) {
    direct_by_channel_[ch].Merge(o.direct_by_channel_[ch]);
    reached_by_channel_[ch].Merge(o.reached_by_channel_[ch]);
  }
  for (std::size_t k = 0; k < category_direct_.size(); ++k) {
    category_direct_[k].Merge(o.category_direct_[k]);
  }
  for (int h = 0; h <= o.max_hop_; ++h) by_hop_[h].Merge(o.by_hop_[h]);
  max_hop_ = std::max(max_hop_, o.max_hop_);
  for (std::size_t s = 0; s < school_reached_.size(); ++s) {
    school_reached_[s].Merge(o.school_reached_[s]);
    school_adopting_[s].Merge(o.school_adopting_[s]);
  }
  AddInto(week_reached_, o.week_reached_);
  AddInto(week_adopting_, o.week_adopting_);
  AddInto(week_lapsed_, o.week_lapsed_);
  for (int k = 0; k < kCurves; ++k) {
    MergeInto(curve_[k], o.curve_[k]);
    MergeInto(ended_[k], o.ended_[k]);
  }
  AddInto(teacher_reached_, o.teacher_reached_);
  AddInto(teacher_adopting_, o.teacher_adopting_);
  for (std::size_t k = 0; k < leader_.size(); ++k) {
    leader_[k].Merge(o.leader_[k]);
  }
}

Estimate Tally::Reached() const {
  return MakeEstimate(figures_[kReached], replicates_);
}

void Tally::Fill(RunResult& result, std::span<const VertexId> leaders) const {
  const std::int64_t n = replicates_;
  const TallyLayout& layout = *layout_;
  struct FigureField {
    Figure figure;
    Estimate* (RunResult::*field)();
    int quantiles;  // index into headline_, or -1
    bool district_only;
  };
  static constexpr FigureField kFields[] = {
      {kDirect, &RunResult::mutable_direct_reach, 2, false},
      {kReached, &RunResult::mutable_reached, 0, false},
      {kAdopting, &RunResult::mutable_adopting, 1, false},
      {kSustained, &RunResult::mutable_sustained, -1, true},
      {kByBroadcast, &RunResult::mutable_reached_by_broadcast, -1, true},
      {kDeferred, &RunResult::mutable_deferred_by_capacity, -1, true},
  };
  const bool district = layout.district_figures;
  for (const FigureField& f : kFields) {
    if (f.district_only && !district) continue;
    // A plain model's adopting figures are its reached ones.
    const int quantiles = !district && f.quantiles == 1 ? 0 : f.quantiles;
    Estimate* e = (result.*f.field)();
    *e = quantiles >= 0 ? headline_[quantiles].ToEstimate()
                        : MakeEstimate(figures_[f.figure], n);
  }
  if (layout.channels) {
    for (int ch = 1; ch < kNumChannels; ++ch) {
      ChannelReach* direct = result.add_direct_reach_by_channel();
      direct->set_channel(static_cast<Channel>(ch));
      *direct->mutable_teachers() = MakeEstimate(direct_by_channel_[ch], n);
      ChannelReach* reached = result.add_reached_by_channel();
      reached->set_channel(static_cast<Channel>(ch));
      *reached->mutable_teachers() = MakeEstimate(reached_by_channel_[ch], n);
    }
  }
  for (int h = 1; h <= max_hop_; ++h) {
    HopReach* hop = result.add_reached_by_hop();
    hop->set_hop(h);
    *hop->mutable_teachers() = MakeEstimate(by_hop_[h], n);
  }
  for (std::size_t k = 0; k < category_direct_.size(); ++k) {
    *result.mutable_observed_comparison(static_cast<int>(k))
         ->mutable_simulated() = MakeEstimate(category_direct_[k], n);
  }
  AddSchoolReach(*layout.graph, school_reached_,
                 district ? school_adopting_ : school_reached_, leaders, n,
                 result);

  // Weekly curves, up to the horizon or the last week anyone was reached.
  std::size_t last_week = week_reached_.empty() ? 0 : week_reached_.size() - 1;
  if (layout.horizon > 0) {
    last_week = static_cast<std::size_t>(layout.horizon);
  } else {
    while (last_week > 0 && week_reached_[last_week] == 0) --last_week;
  }
  auto at = [](const std::vector<std::int64_t>& v, std::size_t w) {
    return w < v.size() ? v[w] : 0;
  };
  std::int64_t reached = 0, adopting = 0, lapsed = 0;
  const double count = static_cast<double>(n);
  std::array<CountHistogram, kCurves> settled;  // ended by week w
  const int curves = district ? kCurves : 1;
  for (std::size_t w = 0; w <= last_week; ++w) {
    std::array<Estimate, kCurves> band;
    for (int k = 0; k < curves; ++k) {
      if (w < ended_[k].size()) settled[k].Merge(ended_[k][w]);
      CountHistogram week = settled[k];
      if (w < curve_[k].size()) week.Merge(curve_[k][w]);
      band[k] = week.ToEstimate();
    }
    if (!district) band[1] = band[2] = band[0];
    reached += at(week_reached_, w);
    adopting += at(district ? week_adopting_ : week_reached_, w);
    lapsed += at(week_lapsed_, w);
    WeekPoint* point = result.add_weekly();
    point->set_week(static_cast<std::int32_t>(w));
    point->set_reached_mean(static_cast<double>(reached) / count);
    point->set_adopting_mean(static_cast<double>(adopting) / count);
    point->set_practising_mean(static_cast<double>(adopting - lapsed) / count);
    *point->mutable_reached() = std::move(band[0]);
    *point->mutable_adopting() = std::move(band[1]);
    *point->mutable_practising() = std::move(band[2]);
  }
  for (std::size_t i = 0; i < layout.leaders.size(); ++i) {
    const VertexId v = layout.leaders[i];
    const Moments* m = &leader_[i * LeaderStride()];
    LeaderReach* own = result.add_leader_reach();
    own->set_teacher_id(layout.graph->teacher_id(v));
    own->set_school_id(layout.graph->school_id(layout.graph->school_of(v)));
    *own->mutable_reached() = MakeEstimate(m[0], n);
    *own->mutable_adopting() = MakeEstimate(m[district ? 1 : 0], n);
    if (!layout.channels) continue;
    for (int ch = 1; ch < kNumChannels; ++ch) {
      ChannelReach* by = own->add_reached_by_channel();
      by->set_channel(static_cast<Channel>(ch));
      *by->mutable_teachers() = MakeEstimate(m[kLeaderFigures + ch], n);
    }
  }
  if (layout.per_teacher) {
    AddTeacherReach(*layout.graph, teacher_reached_,
                    district ? teacher_adopting_ : teacher_reached_, leaders, n,
                    result);
  }
}

}  // namespace collabnet
