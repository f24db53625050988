#include "place/baselines.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

#include "random/philox_stream.h"

namespace collabnet {
namespace {

// Takes teachers in the order of `rank` (best first) while they fit.
std::vector<VertexId> TakeInOrder(const DistrictGraph& graph,
                                  const PlacementConstraints& c,
                                  const std::vector<VertexId>& rank) {
  FeasibleSet set(graph, c);
  for (VertexId v : rank) {
    if (set.full()) break;
    if (set.Fits(v)) set.Take(v);
  }
  return set.taken();
}

// Teachers by descending score, ties by id.
std::vector<VertexId> ByScore(const std::vector<double>& score) {
  std::vector<VertexId> rank(score.size());
  std::iota(rank.begin(), rank.end(), 0);
  std::stable_sort(rank.begin(), rank.end(),
                   [&](VertexId a, VertexId b) { return score[a] > score[b]; });
  return rank;
}

}  // namespace

std::vector<VertexId> PlaceByDegree(const DistrictGraph& graph,
                                    const PlacementConstraints& c) {
  std::vector<double> degree(graph.num_vertices());
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    degree[v] = graph.arc_end(v) - graph.arc_begin(v);
  }
  return TakeInOrder(graph, c, ByScore(degree));
}

std::vector<double> ReversePageRank(const DistrictGraph& graph) {
  const VertexId n = graph.num_vertices();
  constexpr double kDamping = 0.85;
  std::vector<std::uint32_t> in_degree(n, 0);
  for (VertexId t : graph.targets()) ++in_degree[t];
  std::vector<double> rank(n, 1.0 / n);
  std::vector<double> next(n);
  for (int iteration = 0; iteration < 1000; ++iteration) {
    // In the reversed graph, v's out-ties are its in-ties here.
    double dangling = 0;
    for (VertexId v = 0; v < n; ++v) {
      if (in_degree[v] == 0) dangling += rank[v];
    }
    const double base = (1 - kDamping) / n + kDamping * dangling / n;
    for (VertexId u = 0; u < n; ++u) {
      double sum = 0;
      for (ArcIndex a = graph.arc_begin(u); a < graph.arc_end(u); ++a) {
        const VertexId v = graph.arc_target(a);
        sum += rank[v] / in_degree[v];
      }
      next[u] = base + kDamping * sum;
    }
    double change = 0;
    for (VertexId v = 0; v < n; ++v) change += std::abs(next[v] - rank[v]);
    rank.swap(next);
    if (change < 1e-12) break;
  }
  return rank;
}

std::vector<VertexId> PlaceByPageRank(const DistrictGraph& graph,
                                      const PlacementConstraints& c) {
  return TakeInOrder(graph, c, ByScore(ReversePageRank(graph)));
}

std::vector<VertexId> PlaceByDegreeDiscount(const DistrictGraph& graph,
                                            const PlacementConstraints& c,
                                            double p) {
  const VertexId n = graph.num_vertices();
  std::vector<double> degree(n);
  for (VertexId v = 0; v < n; ++v) {
    degree[v] = graph.arc_end(v) - graph.arc_begin(v);
  }
  std::vector<double> discounted = degree;
  std::vector<double> tied(n, 0);  // t(v)
  FeasibleSet set(graph, c);
  auto pick = [&](VertexId u) {
    for (ArcIndex a = graph.arc_begin(u); a < graph.arc_end(u); ++a) {
      const VertexId v = graph.arc_target(a);
      tied[v] += 1;
      discounted[v] =
          degree[v] - 2 * tied[v] - (degree[v] - tied[v]) * tied[v] * p;
    }
  };
  for (VertexId e : c.existing) pick(e);
  while (!set.full()) {
    VertexId best = n;
    for (VertexId v = 0; v < n; ++v) {
      if (set.Fits(v) && (best == n || discounted[v] > discounted[best])) {
        best = v;
      }
    }
    if (best == n) break;
    set.Take(best);
    pick(best);
  }
  return set.taken();
}

std::vector<VertexId> PlaceRandomlyPerSchool(const DistrictGraph& graph,
                                             const PlacementConstraints& c,
                                             std::uint64_t seed) {
  const VertexId n = graph.num_vertices();
  const Candidates candidates(graph, c);
  // A random key per teacher and per school, from draws about each.
  std::vector<std::uint64_t> key(n);
  for (VertexId v = 0; v < n; ++v) {
    PhiloxStream rng(seed, v, kPurposeRandomPlacement);
    key[v] = (std::uint64_t{rng.NextU32()} << 32) | rng.NextU32();
  }
  std::vector<std::uint64_t> school_key(graph.num_schools());
  for (std::uint32_t s = 0; s < graph.num_schools(); ++s) {
    PhiloxStream rng(seed, (std::uint64_t{1} << 40) + s,
                     kPurposeRandomPlacement);
    school_key[s] = (std::uint64_t{rng.NextU32()} << 32) | rng.NextU32();
  }
  // Each candidate's round: their place in their school's random order.
  std::vector<VertexId> order;
  for (VertexId v = 0; v < n; ++v) {
    if (candidates(v)) order.push_back(v);
  }
  std::sort(order.begin(), order.end(), [&](VertexId a, VertexId b) {
    const std::uint32_t sa = graph.school_of(a);
    const std::uint32_t sb = graph.school_of(b);
    return sa != sb ? sa < sb : key[a] < key[b];
  });
  std::vector<std::uint32_t> round(n, 0);
  for (std::size_t i = 1; i < order.size(); ++i) {
    if (graph.school_of(order[i]) == graph.school_of(order[i - 1])) {
      round[order[i]] = round[order[i - 1]] + 1;
    }
  }
  std::sort(order.begin(), order.end(), [&](VertexId a, VertexId b) {
    if (round[a] != round[b]) return round[a] < round[b];
    const std::uint64_t ka = school_key[graph.school_of(a)];
    const std::uint64_t kb = school_key[graph.school_of(b)];
    return ka != kb ? ka < kb : a < b;
  });
  return TakeInOrder(graph, c, order);
}

}  // namespace collabnet
