#include "sim/plain_monte_carlo.h"

#include <chrono>
#include <limits>
#include <optional>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "sim/complex_contagion.h"
#include "sim/independent_cascade.h"
#include "sim/linear_threshold.h"
#include "sim/moments.h"
#include "sim/parallel_replicates.h"
#include "sim/quantiles.h"
#include "sim/result_parts.h"
#include "sim/tie_context.h"

namespace collabnet {
namespace {

struct Worker {
  Worker(const DistrictGraph& g, bool per_teacher)
      : lt(g.num_vertices()),
        school_reached(g.num_schools()),
        school_count(g.num_schools(), 0) {
    if (per_teacher) teacher_reached.assign(g.num_vertices(), 0);
  }
  LtWorkspace lt;  // its PlainWorkspace serves the cascades too
  std::optional<ContagionWorkspace> contagion;
  Moments reached;
  std::vector<Moments> school_reached;
  std::vector<std::int32_t> school_count;
  std::vector<std::uint32_t> touched_schools;
  std::vector<std::int64_t> teacher_reached;
};

}  // namespace

absl::StatusOr<RunResult> RunPlainScenario(const DistrictGraph& graph,
                                           const Scenario& scenario,
                                           const RunOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (scenario.replicates() < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("scenario: field 'replicates' must be at least 1, got ",
                     scenario.replicates()));
  }
  std::vector<VertexId> seeds;
  for (int i = 0; i < scenario.leaders_size(); ++i) {
    const std::optional<VertexId> v = graph.FindTeacher(scenario.leaders(i));
    if (!v) {
      return absl::InvalidArgumentError(
          absl::StrCat("scenario leaders[", i, "]: teacher '",
                       scenario.leaders(i), "' is not in the network"));
    }
    seeds.push_back(*v);
  }
  const absl::StatusOr<TieContext> context = TieContextOf(scenario);
  if (!context.ok()) return context.status();
  std::optional<IcModel> ic;
  std::optional<LtModel> lt;
  std::optional<ContagionModel> cc;
  const char* model_name = "";
  switch (scenario.model()) {
    case INDEPENDENT_CASCADE:
    case WEIGHTED_CASCADE: {
      IcParams params;
      params.probability = scenario.probability();
      params.arc_factor = TieContextFactors(graph, *context);
      if (scenario.channel_probabilities() &&
          scenario.model() == INDEPENDENT_CASCADE) {
        params.channel_probability.assign(kNumChannels, 0.0);
        for (int i = 0; i < scenario.channels_size(); ++i) {
          const int ch = scenario.channels(i).channel();
          if (ch <= 0 || ch >= kNumChannels) {
            return absl::InvalidArgumentError(absl::StrCat(
                "scenario channels[", i, "]: field 'channel' is unspecified"));
          }
          params.channel_probability[static_cast<std::size_t>(ch)] =
              scenario.channels(i).probability();
        }
      }
      params.weighting = scenario.model() == WEIGHTED_CASCADE
                             ? IcWeighting::kWeightedCascade
                         : scenario.use_tie_weights() ? IcWeighting::kTieWeight
                                                      : IcWeighting::kUniform;
      absl::StatusOr<IcModel> m =
          PrepareIndependentCascade(graph, params, seeds);
      if (!m.ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat("scenario: ", m.status().message()));
      }
      ic = *std::move(m);
      model_name = scenario.model() == WEIGHTED_CASCADE ? "weighted_cascade"
                                                        : "independent_cascade";
      break;
    }
    case LINEAR_THRESHOLD: {
      LtParams params;
      params.use_tie_weights = scenario.use_tie_weights();
      params.arc_factor = TieContextFactors(graph, *context);
      if (!scenario.thresholds().empty()) {
        params.thresholds.assign(graph.num_vertices(),
                                 std::numeric_limits<double>::quiet_NaN());
        for (const auto& [id, threshold] : scenario.thresholds()) {
          const std::optional<VertexId> v = graph.FindTeacher(id);
          if (!v) {
            return absl::InvalidArgumentError(
                absl::StrCat("scenario thresholds: teacher '", id,
                             "' is not in the network"));
          }
          params.thresholds[*v] = threshold;
        }
      }
      absl::StatusOr<LtModel> m = PrepareLinearThreshold(graph, params, seeds);
      if (!m.ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat("scenario: ", m.status().message()));
      }
      lt = *std::move(m);
      model_name = "linear_threshold";
      break;
    }
    case COMPLEX_CONTAGION: {
      ContagionParams params;
      params.probability = scenario.probability();
      params.threshold = scenario.contagion_threshold();
      params.fraction = scenario.contagion_fraction();
      params.arc_factor = TieContextFactors(graph, *context);
      absl::StatusOr<ContagionModel> m =
          PrepareComplexContagion(graph, params, seeds);
      if (!m.ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat("scenario: ", m.status().message()));
      }
      cc = *std::move(m);
      model_name = "complex_contagion";
      break;
    }
    default:
      return absl::InvalidArgumentError(absl::StrCat(
          "scenario: field 'model': ", Model_Name(scenario.model()),
          " is not a plain model"));
  }

  const auto prepared = std::chrono::steady_clock::now();
  const std::int64_t replicates = scenario.replicates();
  const std::uint64_t seed = scenario.seed();
  std::vector<std::int32_t> values(replicates);
  auto workers = RunReplicatesInParallel(
      replicates, options.threads, options.progress,
      [&] { return Worker(graph, options.per_teacher); },
      [&](Worker& w, std::int64_t r) {
        const auto rep = static_cast<std::uint64_t>(r);
        std::int64_t count = 0;
        const std::vector<VertexId>* queue = &w.lt.plain.queue;
        if (ic) {
          count = RunIcReplicate(*ic, seed, rep, w.lt.plain);
        } else if (lt) {
          count = RunLtReplicate(*lt, seed, rep, w.lt);
        } else {
          if (!w.contagion) w.contagion.emplace(graph.num_vertices());
          count = RunContagionReplicate(*cc, seed, rep, *w.contagion);
          queue = &w.contagion->plain.queue;
        }
        w.reached.Add(count);
        values[r] = static_cast<std::int32_t>(count);
        const std::vector<VertexId>& active = *queue;
        for (std::size_t i = seeds.size(); i < active.size(); ++i) {
          const std::uint32_t s = graph.school_of(active[i]);
          if (w.school_count[s]++ == 0) w.touched_schools.push_back(s);
          if (!w.teacher_reached.empty()) ++w.teacher_reached[active[i]];
        }
        for (std::uint32_t s : w.touched_schools) {
          w.school_reached[s].Add(w.school_count[s]);
          w.school_count[s] = 0;
        }
        w.touched_schools.clear();
      });

  const auto simulated = std::chrono::steady_clock::now();
  Moments reached;
  std::vector<Moments> school_reached(graph.num_schools());
  std::vector<std::int64_t> teacher_reached(
      options.per_teacher ? graph.num_vertices() : 0, 0);
  for (const auto& w : workers) {
    if (!w) continue;
    reached.Merge(w->reached);
    for (std::size_t s = 0; s < school_reached.size(); ++s) {
      school_reached[s].Merge(w->school_reached[s]);
    }
    for (std::size_t v = 0; v < teacher_reached.size(); ++v) {
      teacher_reached[v] += w->teacher_reached[v];
    }
  }

  RunResult result;
  *result.mutable_details() =
      MakeRunDetails(graph, scenario, options.threads, model_name);
  result.mutable_details()->set_prepare_seconds(
      std::chrono::duration<double>(prepared - start).count());
  result.mutable_details()->set_simulate_seconds(
      std::chrono::duration<double>(simulated - prepared).count());
  for (VertexId v : seeds) result.add_leaders(graph.teacher_id(v));
  *result.mutable_reached() = MakeEstimate(reached, replicates);
  AddQuantiles(values, *result.mutable_reached());
  // Everyone a plain model activates passes it on: adopting = reached.
  *result.mutable_adopting() = result.reached();
  AddSchoolReach(graph, school_reached, school_reached, replicates, result);
  if (options.per_teacher) {
    AddTeacherReach(graph, teacher_reached, teacher_reached, seeds, replicates,
                    result);
  }
  result.mutable_details()->set_wall_seconds(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
  return result;
}

}  // namespace collabnet
