#include "place/max_coverage.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace collabnet {
namespace {

constexpr double kOneMinusInvE = 1.0 - 0.36787944117144233;

// The most coverage a feasible set's teachers can add, each by their gain
// `gain` over the current set: exact for the count and per-school limit,
// and with costs also at most the fractional knapsack's value.
double BestGainSum(const DistrictGraph& graph, const PlacementConstraints& c,
                   const Candidates& candidates,
                   const std::vector<std::int64_t>& gain) {
  const VertexId n = graph.num_vertices();
  std::vector<std::pair<std::int64_t, VertexId>> heap;
  for (VertexId v = 0; v < n; ++v) {
    if (candidates(v) && gain[v] > 0) heap.emplace_back(gain[v], v);
  }
  std::make_heap(heap.begin(), heap.end());
  std::vector<int> taken(c.max_per_school > 0 ? graph.num_schools() : 0, 0);
  double sum = 0;
  int count = 0;
  while (count < c.budget && !heap.empty()) {
    std::pop_heap(heap.begin(), heap.end());
    const auto [g, v] = heap.back();
    heap.pop_back();
    if (c.max_per_school > 0) {
      const std::uint32_t s = graph.school_of(v);
      if (candidates.in_place(s) + taken[s] >= c.max_per_school) continue;
      ++taken[s];
    }
    sum += static_cast<double>(g);
    ++count;
  }
  if (!c.has_costs()) return sum;
  // Fractional knapsack: by gain per unit of cost, the last one in part.
  std::vector<std::pair<double, VertexId>> by_ratio;
  double free_gain = 0;
  for (VertexId v = 0; v < n; ++v) {
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
  return std::min(sum, knapsack);
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
                              const PlacementConstraints& c) {
  const VertexId n = graph.num_vertices();
  const std::span<const std::uint64_t> offsets = samples.offsets();
  const std::span<const VertexId> members = samples.members();
  const std::size_t stored = samples.stored();

  // The samples each teacher is in.
  std::vector<std::uint64_t> index_at(static_cast<std::size_t>(n) + 1, 0);
  for (VertexId m : members) ++index_at[m + 1];
  for (VertexId v = 0; v < n; ++v) index_at[v + 1] += index_at[v];
  std::vector<std::uint64_t> next(index_at.begin(), index_at.end() - 1);
  // Sample numbers fit 32 bits: OPIM-C's samples stay far below 2^32.
  std::vector<std::uint32_t> index(members.size());
  for (std::size_t s = 0; s < stored; ++s) {
    for (std::uint64_t i = offsets[s]; i < offsets[s + 1]; ++i) {
      index[next[members[i]]++] = static_cast<std::uint32_t>(s);
    }
  }
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
  FeasibleSet set(graph, c);
  CoverageChoice choice;
  double bound = std::numeric_limits<double>::infinity();
  for (int step = 0; step < c.budget; ++step) {
    bound = std::min(bound, static_cast<double>(covered) +
                                BestGainSum(graph, c, candidates, gain));
    VertexId best = n;
    double best_score = -1;
    for (VertexId v = 0; v < n; ++v) {
      if (!set.Fits(v)) continue;
      double score = static_cast<double>(gain[v]);
      if (c.has_costs()) {
        score =
            c.cost[v] == 0
                ? (gain[v] > 0 ? std::numeric_limits<double>::infinity() : 0)
                : score / c.cost[v];
      }
      if (score > best_score) {
        best_score = score;
        best = v;
      }
    }
    if (best == n) break;
    // With costs a leader who adds nothing only spends the budget.
    if (c.has_costs() && gain[best] == 0) break;
    set.Take(best);
    cover(best);
  }
  bound = std::min(bound, static_cast<double>(covered) +
                              BestGainSum(graph, c, candidates, gain));
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
  choice.covered += samples.reached_anyway();
  choice.upper_bound =
      std::max(bound,
               static_cast<double>(choice.covered - samples.reached_anyway())) +
      static_cast<double>(samples.reached_anyway());
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
