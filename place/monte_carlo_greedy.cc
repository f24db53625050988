#include "place/monte_carlo_greedy.h"

#include <algorithm>
#include <cmath>
#include <queue>
#include <tuple>

#include "absl/container/flat_hash_set.h"
#include "random/philox_stream.h"
#include "sim/runner.h"

namespace collabnet {
namespace {

constexpr int kPilotReplicates = 200;
constexpr int kFewestReplicates = 100;
constexpr int kMostReplicates = 5000;

}  // namespace

absl::StatusOr<MonteCarloGreedyResult> PlaceByMonteCarloGreedy(
    const DistrictGraph& graph, const Scenario& scenario,
    const PlacementConstraints& c, PlacementObjective objective,
    PlacementTargets targets, int replicates, int threads,
    const std::function<void(std::int64_t, std::int64_t)>& progress) {
  if (absl::Status s = CheckConstraints(graph, c); !s.ok()) return s;
  MonteCarloGreedyResult result;
  absl::flat_hash_set<std::string> title_i;
  for (std::uint32_t s = 0; s < graph.num_schools(); ++s) {
    if (graph.school_title_i(s)) title_i.insert(graph.school_id(s));
  }
  if (targets == PlacementTargets::kTitleI && title_i.empty()) {
    return absl::InvalidArgumentError(
        "the objective counts Title I schools' teachers, and no school is "
        "Title I (schools.csv column title_i)");
  }
  // Its own replicates, so that the scenario's (the estimate of the set it
  // chooses) are independent of those that chose it.
  Scenario own = scenario;
  {
    PhiloxStream rng(scenario.seed(), 0, kPurposeGreedyRuns);
    own.set_seed((std::uint64_t{rng.NextU32()} << 32) | rng.NextU32());
  }
  // The greedy's own run of a leader set on `count` replicates.
  auto run_with = [&](const std::vector<VertexId>& leaders, int count) {
    Scenario s = own;
    s.clear_leaders();
    for (VertexId v : leaders) s.add_leaders(graph.teacher_id(v));
    s.set_replicates(count);
    return RunScenario(graph, s, RunOptions{.threads = threads});
  };
  // The objective of a leader set, leaders counted, on `count` replicates.
  auto evaluate = [&](const std::vector<VertexId>& leaders,
                      int count) -> absl::StatusOr<double> {
    if (leaders.empty()) return 0.0;
    absl::StatusOr<RunResult> run = run_with(leaders, count);
    if (!run.ok()) return run.status();
    ++result.evaluations;
    const bool adopting = objective == PlacementObjective::kAdopting;
    if (targets == PlacementTargets::kAll) {
      const Estimate& e = adopting ? run->adopting() : run->reached();
      return e.mean() + static_cast<double>(leaders.size());
    }
    double sum = 0;
    for (const SchoolReach& school : run->schools()) {
      if (title_i.contains(school.school_id())) {
        sum += (adopting ? school.adopting() : school.reached()).mean() +
               school.leaders();
      }
    }
    return sum;
  };

  FeasibleSet set(graph, c);
  std::vector<VertexId> leaders = c.existing;
  if (replicates <= 0) {
    // The pilot: the leaders in place, or the best-connected candidate.
    std::vector<VertexId> pilot = leaders;
    if (pilot.empty()) {
      VertexId best = graph.num_vertices();
      for (VertexId v = 0; v < graph.num_vertices(); ++v) {
        if (set.Fits(v) && (best == graph.num_vertices() ||
                            graph.arc_end(v) - graph.arc_begin(v) >
                                graph.arc_end(best) - graph.arc_begin(best))) {
          best = v;
        }
      }
      pilot.push_back(best);
    }
    absl::StatusOr<RunResult> run = run_with(pilot, kPilotReplicates);
    if (!run.ok()) return run.status();
    const Estimate& e = run->reached();
    const double half =
        std::max(0.5, 0.01 * (e.mean() + static_cast<double>(pilot.size())));
    const double wanted = std::ceil(std::pow(1.96 * e.sd() / half, 2));
    replicates = static_cast<int>(
        std::clamp<double>(wanted, kFewestReplicates, kMostReplicates));
  }
  result.replicates = replicates;

  absl::StatusOr<double> base = evaluate(leaders, replicates);
  if (!base.ok()) return base.status();
  // (score, -vertex, step the score is from): the best score first, ties
  // to the lower id.
  using Entry = std::tuple<double, std::int64_t, int>;
  std::priority_queue<Entry> heap;
  std::vector<double> gain_of(graph.num_vertices(), 0);
  auto score = [&](VertexId v, double gain) {
    if (!c.has_costs()) return gain;
    return c.cost[v] == 0 ? (gain > 0 ? 1e300 : 0) : gain / c.cost[v];
  };
  std::int64_t planned = 0;
  for (VertexId v = 0; v < graph.num_vertices(); ++v) planned += set.Fits(v);
  planned += 2 * std::int64_t{c.budget};
  std::int64_t done = 0;
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    if (!set.Fits(v)) continue;
    leaders.push_back(v);
    absl::StatusOr<double> with = evaluate(leaders, replicates);
    leaders.pop_back();
    if (!with.ok()) return with.status();
    gain_of[v] = *with - *base;
    heap.emplace(score(v, gain_of[v]), -static_cast<std::int64_t>(v), 0);
    if (progress) progress(++done, planned);
  }
  // The best single leader, for the fallback with costs.
  VertexId single = graph.num_vertices();
  double single_gain = -1;
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    if (set.Fits(v) && gain_of[v] > single_gain) {
      single = v;
      single_gain = gain_of[v];
    }
  }
  int step = 0;
  double total = *base;
  while (!set.full() && !heap.empty()) {
    auto [s, negative, from] = heap.top();
    heap.pop();
    const auto v = static_cast<VertexId>(-negative);
    if (!set.Fits(v)) continue;
    if (from == step) {
      if (c.has_costs() && gain_of[v] <= 0) break;
      set.Take(v);
      leaders.push_back(v);
      result.gains.push_back(gain_of[v]);
      total += gain_of[v];
      ++step;
      continue;
    }
    leaders.push_back(v);
    absl::StatusOr<double> with = evaluate(leaders, replicates);
    leaders.pop_back();
    if (!with.ok()) return with.status();
    gain_of[v] = *with - total;
    heap.emplace(score(v, gain_of[v]), negative, step);
    ++done;
    if (progress) progress(done, std::max(planned, done + 1));
  }
  result.chosen = set.taken();
  if (c.has_costs() && single != graph.num_vertices() &&
      single_gain > total - *base) {
    result.chosen.assign(1, single);
    result.gains.assign(1, single_gain);
  }
  return result;
}

}  // namespace collabnet
