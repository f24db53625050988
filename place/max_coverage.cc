#include "place/max_coverage.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "place/lazy_heap.h"
#include "place/sample_index.h"

namespace collabnet {
namespace {

constexpr double kOneMinusInvE = 1.0 - 0.36787944117144233;

// The fractional knapsack over every candidate's gain per unit of cost: at
// least what any set within the cost budget adds.
double KnapsackBound(const DistrictGraph& graph, const PlacementConstraints& c,
                     const Candidates& candidates,
                     const std::vector<std::int64_t>& gain) {
  std::vector<std::pair<double, VertexId>> by_ratio;
  double free_gain = 0;
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    if (!candidates(v) || gain[v] <= 0) continue;
    if (c.cost[v] == 0) {
      free_gain += static_cast<double>(gain[v]);
    } else {
      by_ratio.emplace_back(static_cast<double>(gain[v]) / c.cost[v], v);
    }
  }
  std::sort(by_ratio.begin(), by_ratio.end(), std::greater<>());
  double knapsack = free_gain;
  double room = c.cost_budget;
  for (const auto& [ratio, v] : by_ratio) {
    if (c.cost[v] <= room) {
      knapsack += static_cast<double>(gain[v]);
      room -= c.cost[v];
    } else {
      knapsack += ratio * room;
      break;
    }
  }
  return knapsack;
}

}  // namespace

double GreedyRatio(const PlacementConstraints& c) {
  if (c.has_costs() && c.max_per_school > 0) return 0;
  if (c.has_costs()) return kOneMinusInvE / 2;
  if (c.max_per_school > 0) return 0.5;
  return kOneMinusInvE;
}

const char* GreedyRatioText(const PlacementConstraints& c) {
  if (c.has_costs() && c.max_per_school > 0) {
    return "no proven ratio for costs and a per-school limit together";
  }
  if (c.has_costs()) return "(1 - 1/e)/2";
  if (c.max_per_school > 0) return "1/2";
  return "1 - 1/e";
}

CoverageChoice GreedyCoverage(const DistrictGraph& graph,
                              const ReverseSamples& samples,
                              const PlacementConstraints& c, int threads) {
  const VertexId n = graph.num_vertices();
  const std::span<const std::uint64_t> offsets = samples.offsets();
  const std::span<const VertexId> members = samples.members();
  const std::size_t stored = samples.stored();
  const SampleIndex by_teacher = IndexSamples(samples, n, threads);
  const std::vector<std::uint64_t>& index_at = by_teacher.at;
  const std::vector<std::uint32_t>& index = by_teacher.samples;
  std::vector<std::int64_t> gain(n);
  for (VertexId v = 0; v < n; ++v) {
    gain[v] = static_cast<std::int64_t>(index_at[v + 1] - index_at[v]);
  }
  std::vector<std::uint8_t> done(stored, 0);
  std::uint64_t covered = 0;
  auto cover = [&](VertexId v) {
    for (std::uint64_t k = index_at[v]; k < index_at[v + 1]; ++k) {
      const std::uint32_t s = index[k];
      if (done[s] != 0) continue;
      done[s] = 1;
      ++covered;
      for (std::uint64_t i = offsets[s]; i < offsets[s + 1]; ++i) {
        --gain[members[i]];
      }
    }
  };

  const Candidates candidates(graph, c);
  for (VertexId e : c.existing) cover(e);
  const std::uint64_t covered_in_place = covered;
  const std::vector<std::int64_t> gain_in_place =
      c.has_costs() ? gain : std::vector<std::int64_t>();

  auto gain_of = [&](VertexId v) { return static_cast<double>(gain[v]); };
  auto score_of = [&](VertexId v) {
    if (!c.has_costs()) return static_cast<double>(gain[v]);
    if (c.cost[v] == 0) {
      return gain[v] > 0 ? std::numeric_limits<double>::infinity() : 0.0;
    }
    return static_cast<double>(gain[v]) / c.cost[v];
  };
  LazyHeap choose;  // by score, feasible for the set being built
  LazyHeap bound;   // by gain, for the upper bound
  for (VertexId v = 0; v < n; ++v) {
    if (candidates(v) && gain[v] > 0) {
      choose.Push(score_of(v), v);
      bound.Push(gain_of(v), v);
    }
  }
  // The most the teachers of a feasible set can add, each by their gain
  // over the current set: greedy on the gains under the count and the
  // per-school limit, exact for a linear objective on that matroid.
  std::vector<VertexId> popped;
  std::vector<int> taken(graph.num_schools(), 0);
  auto best_gain_sum = [&]() {
    double sum = 0;
    int count = 0;
    popped.clear();
    VertexId v = 0;
    while (count < c.budget && bound.Top(gain_of, v)) {
      bound.Pop();
      popped.push_back(v);
      if (c.max_per_school > 0) {
        const std::uint32_t s = graph.school_of(v);
        if (candidates.in_place(s) + taken[s] >= c.max_per_school) continue;
        ++taken[s];
      }
      sum += gain_of(v);
      ++count;
    }
    for (VertexId u : popped) {
      bound.Push(gain_of(u), u);
      taken[graph.school_of(u)] = 0;
    }
    return sum;
  };

  FeasibleSet set(graph, c);
  double upper = std::numeric_limits<double>::infinity();
  if (c.has_costs()) {
    upper = static_cast<double>(covered) +
            KnapsackBound(graph, c, candidates, gain);
  }
  for (int step = 0; step < c.budget; ++step) {
    upper = std::min(upper, static_cast<double>(covered) + best_gain_sum());
    const VertexId best =
        PopBestFitting(choose, score_of, set, c.has_costs(), n);
    if (best == n) break;
    set.Take(best);
    cover(best);
  }
  upper = std::min(upper, static_cast<double>(covered) + best_gain_sum());
  if (c.has_costs()) {
    upper = std::min(upper, static_cast<double>(covered) +
                                KnapsackBound(graph, c, candidates, gain));
  }
  CoverageChoice choice;
  choice.chosen = set.taken();
  choice.covered = covered;
  if (c.has_costs()) {
    // The best single leader, which the cost-effective greedy can miss.
    VertexId single = n;
    for (VertexId v = 0; v < n; ++v) {
      if (!candidates(v) || c.cost[v] > c.cost_budget) continue;
      if (c.max_per_school > 0 &&
          candidates.in_place(graph.school_of(v)) >= c.max_per_school) {
        continue;
      }
      if (single == n || gain_in_place[v] > gain_in_place[single]) single = v;
    }
    if (single != n &&
        covered_in_place + static_cast<std::uint64_t>(gain_in_place[single]) >
            covered) {
      choice.chosen.assign(1, single);
      choice.covered =
          covered_in_place + static_cast<std::uint64_t>(gain_in_place[single]);
    }
  }
  const auto anyway = static_cast<double>(samples.reached_anyway());
  choice.upper_bound =
      std::max(upper, static_cast<double>(choice.covered)) + anyway;
  choice.covered += samples.reached_anyway();
  return choice;
}

std::vector<std::uint64_t> MarginalCoverage(
    const ReverseSamples& samples, VertexId n,
    const std::vector<VertexId>& existing,
    const std::vector<VertexId>& chosen) {
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> rank(n, kNone);
  for (VertexId e : existing) rank[e] = 0;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    rank[chosen[i]] =
        std::min(rank[chosen[i]], static_cast<std::uint32_t>(i + 1));
  }
  std::vector<std::uint64_t> gains(chosen.size() + 1, 0);
  gains[0] = samples.reached_anyway();
  const auto offsets = samples.offsets();
  const auto members = samples.members();
  for (std::size_t s = 0; s < samples.stored(); ++s) {
    std::uint32_t first = kNone;
    for (std::uint64_t i = offsets[s]; i < offsets[s + 1]; ++i) {
      first = std::min(first, rank[members[i]]);
    }
    if (first != kNone) ++gains[first];
  }
  return gains;
}

}  // namespace collabnet
