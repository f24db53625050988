#include "place/placement.h"

#include <algorithm>
#include <array>
#include <numeric>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "place/baselines.h"
#include "place/max_coverage.h"
#include "place/monte_carlo_greedy.h"
#include "place/reverse_samples.h"
#include "place/school_equity.h"
#include "sim/independent_cascade.h"
#include "sim/linear_threshold.h"
#include "sim/multi_channel_cascade.h"

namespace collabnet {
namespace {

struct Named {
  PlacementStrategy strategy;
  absl::string_view name;
};
constexpr std::array<Named, 7> kStrategies{{
    {PlacementStrategy::kAuto, "auto"},
    {PlacementStrategy::kReverseSamples, "reverse-samples"},
    {PlacementStrategy::kGreedy, "greedy"},
    {PlacementStrategy::kDegree, "degree"},
    {PlacementStrategy::kPageRank, "pagerank"},
    {PlacementStrategy::kDegreeDiscount, "degree-discount"},
    {PlacementStrategy::kRandomPerSchool, "random-per-school"},
}};

constexpr char kNoGuarantee[] =
    "none: a heuristic ranking, judged only by its simulated reach";

// Samples held for the equity index at most: 2^26 members, 256 MB.
constexpr std::uint64_t kMostEquityMembers = std::uint64_t{1} << 26;

// The equity index by greedy on one collection of reverse samples, grown
// by doubling until the smallest school is well sampled
// (EquitySamples) and the floor of members is met, or the cap is.
Placement PlaceForEquity(const DistrictGraph& graph,
                         const ReverseSampler& sampler,
                         const PlacementRequest& request) {
  const std::uint64_t wanted = EquitySamples(graph, request.epsilon);
  ReverseSamples samples(0);
  std::uint64_t count = 4096;
  while (true) {
    samples.GrowTo(sampler, count, request.threads);
    if (request.progress) {
      request.progress(static_cast<std::int64_t>(count),
                       static_cast<std::int64_t>(std::max(count, wanted)));
    }
    const std::uint64_t held = samples.members().size();
    if ((count >= wanted && held >= request.min_sample_members) ||
        held >= kMostEquityMembers) {
      break;
    }
    count *= 2;
  }
  const EquityChoice choice =
      GreedyEquity(graph, samples, request.constraints, request.threads);
  Placement placement;
  placement.strategy = PlacementStrategy::kReverseSamples;
  placement.chosen = choice.chosen;
  placement.gains = choice.gains;
  const double smallest = wanted > 0 ? static_cast<double>(samples.size()) /
                                           static_cast<double>(wanted) /
                                           (request.epsilon * request.epsilon)
                                     : 0;
  const std::string ratio =
      GreedyRatio(request.constraints) > 0
          ? absl::StrCat(GreedyRatioText(request.constraints),
                         " of the best feasible set's equity index as the "
                         "samples estimate it (the index is monotone "
                         "submodular)")
          : std::string(GreedyRatioText(request.constraints));
  placement.guarantee = absl::StrFormat(
      "greedy on %d reverse samples: %s; the smallest school is the target "
      "of %.0f samples in expectation, and the ratio on the district's own "
      "index is empirical, not proven: the estimate below gives the set's "
      "index by fresh replicates",
      samples.size(), ratio, smallest);
  return placement;
}

}  // namespace

absl::string_view StrategyName(PlacementStrategy s) {
  for (const Named& n : kStrategies) {
    if (n.strategy == s) return n.name;
  }
  return "?";
}

absl::StatusOr<PlacementStrategy> ParseStrategy(absl::string_view name) {
  for (const Named& n : kStrategies) {
    if (n.name == name) return n.strategy;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("--strategy: '", name, "' is not one of ", StrategyNames()));
}

std::string StrategyNames() {
  std::vector<std::string> names;
  names.reserve(kStrategies.size());
  for (const Named& n : kStrategies) names.emplace_back(n.name);
  return absl::StrJoin(names, ", ");
}

double MeanTieProbability(const DistrictGraph& graph,
                          const Scenario& scenario) {
  if (graph.num_arcs() == 0) return 0;
  std::vector<double> p;
  switch (scenario.model_case()) {
    case Scenario::kIndependentCascade:
      p = IcArcProbabilities(graph, scenario);
      break;
    case Scenario::kMultiChannel:
      p = MultiChannelArcProbabilities(graph, scenario);
      break;
    case Scenario::kLinearThreshold: {
      absl::StatusOr<LinearThreshold> lt =
          LinearThreshold::Prepare(graph, scenario);
      if (lt.ok()) p = lt->arc_weights();
      break;
    }
    case Scenario::kComplexContagion: {
      const ComplexContagionParams& cc = scenario.complex_contagion();
      return cc.has_probability() ? cc.probability() : 1.0;
    }
    default:
      return 0;
  }
  if (p.empty()) return 0;
  return std::accumulate(p.begin(), p.end(), 0.0) /
         static_cast<double>(p.size());
}

absl::StatusOr<Placement> PlaceLeaders(const DistrictGraph& graph,
                                       const Scenario& scenario,
                                       const PlacementRequest& request) {
  const PlacementConstraints& c = request.constraints;
  if (absl::Status s = CheckConstraints(graph, c); !s.ok()) return s;
  Placement placement;
  PlacementStrategy strategy = request.strategy;
  absl::StatusOr<ReverseSampler> sampler =
      absl::FailedPreconditionError("not prepared");
  if (strategy == PlacementStrategy::kAuto ||
      strategy == PlacementStrategy::kReverseSamples) {
    sampler = ReverseSampler::Prepare(graph, scenario, request.objective,
                                      request.targets);
    if (!sampler.ok()) {
      if (strategy == PlacementStrategy::kReverseSamples ||
          !absl::IsFailedPrecondition(sampler.status())) {
        return absl::InvalidArgumentError(absl::StrCat(
            "--strategy reverse-samples: ", sampler.status().message(),
            "; use --strategy greedy"));
      }
      strategy = PlacementStrategy::kGreedy;
    } else {
      strategy = PlacementStrategy::kReverseSamples;
    }
  }
  placement.strategy = strategy;
  if (request.school_equity) {
    if (request.targets != PlacementTargets::kAll) {
      return absl::InvalidArgumentError(
          "--objective equity: weighs every school, not Title I's only");
    }
    if (SchoolsWithTeachers(graph) < 2) {
      return absl::InvalidArgumentError(
          "--objective equity: compares schools, and every teacher here is "
          "in one school; use --objective reached or adopting");
    }
    if (strategy == PlacementStrategy::kGreedy) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--objective equity: chosen by reverse samples only, and ",
          sampler.ok() ? "--strategy greedy was asked for"
                       : sampler.status().message(),
          "; use --objective reached or adopting, or a baseline"));
    }
    if (strategy == PlacementStrategy::kReverseSamples) {
      return PlaceForEquity(graph, *sampler, request);
    }
  }
  switch (strategy) {
    case PlacementStrategy::kReverseSamples: {
      OpimOptions options;
      options.epsilon = request.epsilon;
      options.min_members = request.min_sample_members;
      options.threads = request.threads;
      if (request.progress) {
        options.progress = [&](std::uint64_t made, std::uint64_t most) {
          request.progress(static_cast<std::int64_t>(made),
                           static_cast<std::int64_t>(most));
        };
      }
      absl::StatusOr<OpimResult> opim =
          PlaceByReverseSamples(graph, *sampler, c, options);
      if (!opim.ok()) return opim.status();
      placement.chosen = opim->chosen;
      placement.gains = opim->gains;
      const double proven = GreedyRatio(c);
      placement.guarantee =
          proven > 0
              ? absl::StrFormat(
                    "within %s - %g of the best feasible set's expected "
                    "reach, with probability at least 1 - 1/n; certified "
                    "on the samples at %.3f of the best",
                    GreedyRatioText(c), request.epsilon,
                    opim->upper > 0 ? opim->lower / opim->upper : 0.0)
              : absl::StrFormat(
                    "%s; certified on the samples at %.3f of the best "
                    "feasible set's expected reach, with probability at "
                    "least 1 - 1/n",
                    GreedyRatioText(c),
                    opim->upper > 0 ? opim->lower / opim->upper : 0.0);
      placement.has_opim = true;
      placement.opim = *std::move(opim);
      return placement;
    }
    case PlacementStrategy::kGreedy: {
      absl::StatusOr<MonteCarloGreedyResult> greedy = PlaceByMonteCarloGreedy(
          graph, scenario, c, request.objective, request.targets,
          request.replicates, request.threads, request.progress);
      if (!greedy.ok()) return greedy.status();
      placement.chosen = greedy->chosen;
      placement.gains = greedy->gains;
      placement.replicates = greedy->replicates;
      absl::StatusOr<ReverseSampler> coverage = ReverseSampler::Prepare(
          graph, scenario, request.objective, request.targets);
      placement.guarantee =
          coverage.ok()
              ? absl::StrCat("greedy over Monte Carlo: ", GreedyRatioText(c),
                             " of the best up to Monte Carlo error, "
                             "no confidence bound")
              : absl::StrCat("none: ", coverage.status().message(),
                             ", and not submodular, so greedy is a heuristic");
      return placement;
    }
    case PlacementStrategy::kDegree:
      placement.chosen = PlaceByDegree(graph, c);
      break;
    case PlacementStrategy::kPageRank:
      placement.chosen = PlaceByPageRank(graph, c);
      break;
    case PlacementStrategy::kDegreeDiscount:
      placement.chosen =
          PlaceByDegreeDiscount(graph, c, MeanTieProbability(graph, scenario));
      break;
    case PlacementStrategy::kRandomPerSchool:
      placement.chosen = PlaceRandomlyPerSchool(graph, c, scenario.seed());
      break;
    case PlacementStrategy::kAuto:
      break;
  }
  placement.guarantee = kNoGuarantee;
  return placement;
}

}  // namespace collabnet
