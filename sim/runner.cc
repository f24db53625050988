#include "sim/runner.h"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "sim/result_parts.h"
#include "sim/run_memory.h"
#include "sim/tally.h"
#include "sim/validate_scenario.h"

namespace collabnet {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

TallyLayout MakeLayout(const DistrictGraph& graph, const Scenario& scenario,
                       const ModelTraits& traits, const RunOptions& options,
                       std::span<const VertexId> leaders) {
  TallyLayout layout;
  layout.graph = &graph;
  const Observed& observed = scenario.observed();
  layout.categories = observed.categories_size();
  for (int k = 0; k < observed.categories_size(); ++k) {
    for (int ch : observed.categories(k).channels()) {
      layout.category_of[static_cast<std::size_t>(ch)] =
          static_cast<std::uint8_t>(k);
    }
  }
  layout.per_teacher = options.per_teacher;
  if (options.per_leader) layout.leaders = leaders;
  layout.channels = TiesNameChannels(graph);
  layout.district_figures = traits.district_figures;
  layout.horizon = scenario.horizon();
  return layout;
}

// A thread's state, kept across the batches of a run.
template <typename M>
struct Worker {
  Worker(const M& model, const TallyLayout& layout)
      : workspace(model), tally(layout) {}
  typename M::Workspace workspace;
  ReplicateCounts counts;
  Tally tally;
  // The records of the replicates whose trees were asked for.
  std::vector<std::pair<std::uint32_t, std::vector<ReachRecord>>> trees;
};

// Runs replicates [begin, end) on `threads` threads into `total`.
template <typename M>
void RunBatch(const M& model, const TallyLayout& layout, std::int64_t begin,
              std::int64_t end, int threads, const RunOptions& options,
              std::vector<std::unique_ptr<Worker<M>>>& workers, Tally& total,
              std::span<const std::uint32_t> tree) {
  std::atomic<std::int64_t> done{begin};
#pragma omp parallel num_threads(threads)
  {
    const int me = omp_get_thread_num();
    if (!workers[me]) workers[me] = std::make_unique<Worker<M>>(model, layout);
    Worker<M>& w = *workers[me];
    w.tally = Tally(layout);
#pragma omp for schedule(dynamic, 16) nowait
    for (std::int64_t r = begin; r < end; ++r) {
      const auto replicate = static_cast<std::uint32_t>(r);
      w.counts.Reset();
      model.Run(replicate, w.workspace, w.counts);
      w.tally.Add(w.counts);
      if (std::binary_search(tree.begin(), tree.end(), replicate)) {
        const std::span<const ReachRecord> records = w.counts.reached();
        w.trees.emplace_back(replicate, std::vector<ReachRecord>(
                                            records.begin(), records.end()));
      }
      if (options.on_replicate) options.on_replicate(replicate, w.counts);
      const std::int64_t finished = done.fetch_add(1) + 1;
      if (options.progress && me == 0 && (finished & 63) == 0) {
        options.progress(finished, end);
      }
    }
  }
  for (const auto& w : workers) {
    if (w) total.Merge(w->tally);
  }
  if (options.progress) options.progress(end, end);
}

}  // namespace

template <DiffusionModel M>
RunResult RunModel(const DistrictGraph& graph, const Scenario& scenario,
                   const M& model, const RunOptions& options,
                   const Precision* precision) {
  const auto start = Clock::now();
  const TallyLayout layout =
      MakeLayout(graph, scenario, M::kTraits, options, model.leaders());
  const int threads =
      options.threads > 0 ? options.threads : omp_get_num_procs();
  std::vector<std::unique_ptr<Worker<M>>> workers(
      static_cast<std::size_t>(threads));
  Tally total(layout);
  std::vector<std::uint32_t> tree = options.tree_replicates;
  std::sort(tree.begin(), tree.end());
  tree.erase(std::unique(tree.begin(), tree.end()), tree.end());
  std::int64_t count = std::max(1, scenario.replicates());
  RunBatch(model, layout, 0, count, threads, options, workers, total, tree);
  bool met = false;
  if (precision != nullptr) {
    for (;;) {
      const Estimate reached = total.Reached();
      met = reached.ci_high() - reached.mean() <= precision->half_width;
      if (met || count >= precision->max_replicates) break;
      const std::int64_t next = std::min(2 * count, precision->max_replicates);
      RunBatch(model, layout, count, next, threads, options, workers, total,
               tree);
      count = next;
    }
  }
  const auto simulated = Clock::now();

  RunResult result;
  Scenario as_run = scenario;
  as_run.set_replicates(static_cast<std::int32_t>(count));
  *result.mutable_details() =
      MakeRunDetails(graph, as_run, threads, model.name());
  RunDetails& details = *result.mutable_details();
  details.set_time_unit(std::string(M::kTraits.time_unit));
  details.set_draws(model.draw_mode() == DrawMode::kCoupled ? "coupled"
                                                            : "stream");
  details.set_simulate_seconds(Seconds(start, simulated));
  if (precision != nullptr) {
    details.set_target_half_width(precision->half_width);
    details.set_target_met(met);
  }
  for (VertexId v : model.leaders()) result.add_leaders(graph.teacher_id(v));
  const Observed& observed = scenario.observed();
  result.set_observed_direct_reach(observed.direct_reach());
  result.set_observed_source(observed.source());
  for (const ObservedCategory& c : observed.categories()) {
    CategoryComparison* cmp = result.add_observed_comparison();
    cmp->set_name(c.name());
    *cmp->mutable_channels() = c.channels();
    cmp->set_observed(c.direct_reach());
  }
  total.Fill(result, model.leaders());
  std::vector<std::pair<std::uint32_t, std::vector<ReachRecord>>> trees;
  for (const auto& w : workers) {
    if (!w) continue;
    for (auto& t : w->trees) trees.push_back(std::move(t));
  }
  std::sort(trees.begin(), trees.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [replicate, records] : trees) {
    AddTransmissions(graph, model.leaders(), replicate, records, result);
  }
  details.set_wall_seconds(Seconds(start, Clock::now()));
  return result;
}

absl::StatusOr<PreparedModel> PrepareModel(const DistrictGraph& graph,
                                           const Scenario& scenario,
                                           DrawMode draws) {
  auto wrap = [](auto prepared) -> absl::StatusOr<PreparedModel> {
    if (!prepared.ok()) return prepared.status();
    return PreparedModel(*std::move(prepared));
  };
  switch (scenario.model_case()) {
    case Scenario::kMultiChannel:
      return wrap(MultiChannelCascade::Prepare(graph, scenario, draws));
    case Scenario::kIndependentCascade:
      return wrap(IndependentCascade::Prepare(graph, scenario, draws));
    case Scenario::kLinearThreshold:
      return wrap(LinearThreshold::Prepare(graph, scenario));
    case Scenario::kComplexContagion:
      return wrap(ComplexContagion::Prepare(graph, scenario));
    default:
      return ValidateScenario(graph, scenario);  // names what is missing
  }
}

namespace {

absl::StatusOr<RunResult> Run(const DistrictGraph& graph,
                              const Scenario& scenario,
                              const RunOptions& options,
                              const Precision* precision) {
  const auto start = Clock::now();
  const int threads =
      options.threads > 0 ? options.threads : omp_get_num_procs();
  if (absl::Status s = CheckMemory(
          static_cast<double>(EstimateRunBytes(
              graph, scenario, threads, options.per_teacher, options.per_leader,
              options.tree_replicates.size())),
          options.max_memory_bytes,
          absl::StrCat("this run (", threads, " threads",
                       scenario.horizon() > 0
                           ? absl::StrCat(", a horizon of ", scenario.horizon())
                           : "",
                       ")"));
      !s.ok()) {
    return s;
  }
  absl::StatusOr<PreparedModel> model =
      PrepareModel(graph, scenario, options.draws);
  if (!model.ok()) return model.status();
  const auto prepared = Clock::now();
  RunResult result = std::visit(
      [&](const auto& m) {
        return RunModel(graph, scenario, m, options, precision);
      },
      *model);
  result.mutable_details()->set_prepare_seconds(Seconds(start, prepared));
  result.mutable_details()->set_wall_seconds(Seconds(start, Clock::now()));
  return result;
}

}  // namespace

absl::StatusOr<RunResult> RunScenario(const DistrictGraph& graph,
                                      const Scenario& scenario,
                                      const RunOptions& options) {
  return Run(graph, scenario, options, nullptr);
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
  const std::int64_t start = std::max(1, scenario.replicates());
  if (max_replicates < start || max_replicates > (std::int64_t{1} << 31) - 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the replicate cap (", max_replicates,
        ") must be at least the starting count (", start, ") and below 2^31"));
  }
  const Precision precision{target_half_width, max_replicates};
  return Run(graph, scenario, options, &precision);
}

template RunResult RunModel(const DistrictGraph&, const Scenario&,
                            const MultiChannelCascade&, const RunOptions&,
                            const Precision*);
template RunResult RunModel(const DistrictGraph&, const Scenario&,
                            const IndependentCascade&, const RunOptions&,
                            const Precision*);
template RunResult RunModel(const DistrictGraph&, const Scenario&,
                            const LinearThreshold&, const RunOptions&,
                            const Precision*);
template RunResult RunModel(const DistrictGraph&, const Scenario&,
                            const ComplexContagion&, const RunOptions&,
                            const Precision*);
template RunResult RunModel(const DistrictGraph&, const Scenario&,
                            const LiveEdgeIc&, const RunOptions&,
                            const Precision*);
template RunResult RunModel(const DistrictGraph&, const Scenario&,
                            const LiveEdgeLt&, const RunOptions&,
                            const Precision*);

}  // namespace collabnet
