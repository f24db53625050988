#include "sim/comparison.h"

#include <cstdint>
#include <vector>

#include "absl/strings/str_cat.h"
#include "sim/moments.h"
#include "sim/validate_scenario.h"

namespace collabnet {
namespace {

// A replicate's figures, as whole counts.
struct Figures {
  std::int64_t reached = 0;
  std::int64_t adopting = 0;
  std::int64_t schools = 0;
  std::int64_t title_i = 0;
};

Estimate Of(const std::vector<Figures>& f, std::int64_t Figures::*field,
            const std::vector<Figures>* minus = nullptr) {
  Moments m;
  for (std::size_t i = 0; i < f.size(); ++i) {
    m.Add(f[i].*field - (minus != nullptr ? (*minus)[i].*field : 0));
  }
  return MakeEstimate(m, static_cast<std::int64_t>(f.size()));
}

bool LeavesOutZero(const Estimate& e) {
  return e.ci_low() > 0 || e.ci_high() < 0;
}

}  // namespace

absl::StatusOr<ComparisonResult> CompareScenarios(
    const DistrictGraph& graph, const std::vector<NamedScenario>& scenarios,
    const RunOptions& options) {
  if (scenarios.empty()) {
    return absl::InvalidArgumentError("no scenarios to compare");
  }
  const Scenario& first = scenarios.front().scenario;
  std::int64_t title_i_teachers = 0;
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    title_i_teachers += graph.school_title_i(graph.school_of(v));
  }
  ComparisonResult comparison;
  comparison.set_seed(first.seed());
  comparison.set_replicates(first.replicates());
  std::vector<std::vector<Figures>> figures;
  for (const NamedScenario& named : scenarios) {
    Scenario s = named.scenario;
    s.set_seed(first.seed());
    s.set_replicates(first.replicates());
    if (absl::Status v = ValidateScenario(graph, s); !v.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("scenario '", named.name, "': ", v.message()));
    }
    std::vector<Figures>& mine =
        figures.emplace_back(static_cast<std::size_t>(first.replicates()));
    RunOptions run = options;
    run.draws = DrawMode::kCoupled;
    run.on_replicate = [&](std::uint32_t replicate,
                           const ReplicateCounts& counts) {
      Figures& f = mine[replicate];
      f.reached = static_cast<std::int64_t>(counts.reached().size());
      f.adopting = counts.adopting();
      std::vector<std::uint8_t> school(graph.num_schools(), 0);
      for (const ReachRecord& r : counts.reached()) {
        const std::uint32_t at = graph.school_of(r.teacher);
        f.schools += school[at] == 0;
        school[at] = 1;
        f.title_i += graph.school_title_i(at);
      }
    };
    absl::StatusOr<RunResult> result = RunScenario(graph, s, run);
    if (!result.ok()) {
      return absl::Status(result.status().code(),
                          absl::StrCat("scenario '", named.name,
                                       "': ", result.status().message()));
    }
    ComparisonRow* row = comparison.add_rows();
    row->set_name(named.name);
    row->set_leaders(s.leaders_size());
    *row->mutable_reached() = Of(mine, &Figures::reached);
    *row->mutable_adopting() = Of(mine, &Figures::adopting);
    *row->mutable_schools_reached() = Of(mine, &Figures::schools);
    if (title_i_teachers > 0) {
      Estimate share = Of(mine, &Figures::title_i);
      const auto scale = static_cast<double>(title_i_teachers);
      share.set_mean(share.mean() / scale);
      share.set_sd(share.sd() / scale);
      share.set_ci_low(share.ci_low() / scale);
      share.set_ci_high(share.ci_high() / scale);
      share.clear_quantiles();
      *row->mutable_title_i_share() = share;
    }
    if (figures.size() > 1) {
      *row->mutable_reached_difference() =
          Of(mine, &Figures::reached, &figures.front());
      *row->mutable_adopting_difference() =
          Of(mine, &Figures::adopting, &figures.front());
      row->set_reached_significant(LeavesOutZero(row->reached_difference()));
      row->set_adopting_significant(LeavesOutZero(row->adopting_difference()));
    }
    *row->mutable_result() = *std::move(result);
  }
  return comparison;
}

}  // namespace collabnet
