#include "measures/cohesion.h"

#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace collabnet {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Components of `mode`: how many, and the largest's size.
absl::Status Components(const IgraphNetwork& g, igraph_connectedness_t mode,
                        std::int32_t& count, std::int32_t& largest) {
  igraph_vector_int_t sizes;
  if (absl::Status s =
          IgraphStatus(igraph_vector_int_init(&sizes, 0), "components");
      !s.ok()) {
    return s;
  }
  igraph_integer_t no = 0;
  absl::Status s = IgraphStatus(
      igraph_connected_components(g.graph(), nullptr, &sizes, &no, mode),
      "components");
  if (s.ok()) {
    count = static_cast<std::int32_t>(no);
    largest = 0;
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(&sizes); ++i) {
      largest = std::max(largest, static_cast<std::int32_t>(VECTOR(sizes)[i]));
    }
  }
  igraph_vector_int_destroy(&sizes);
  return s;
}

}  // namespace

double Centralization(std::span<const std::int32_t> degrees,
                      double theoretical_max) {
  if (degrees.empty() || !(theoretical_max > 0)) return kNaN;
  const std::int32_t top = *std::max_element(degrees.begin(), degrees.end());
  double total = 0;
  for (std::int32_t d : degrees) total += top - d;
  return total / theoretical_max;
}

double NominalAssortativity(const MeasureNetwork& net,
                            std::span<const std::uint64_t> category) {
  // Over the ties between teachers with a category (an undirected tie is
  // held both ways, so counts both ways, as igraph counts it): the share
  // within a category, against what the categories' shares among sources
  // and targets would give by chance.
  absl::flat_hash_map<std::uint64_t, std::pair<double, double>> shares;
  double ties = 0, within = 0;
  for (VertexId u = 0; u < net.num_vertices(); ++u) {
    if (category[u] == 0) continue;
    for (std::uint32_t i = net.out_begin(u); i < net.out_end(u); ++i) {
      const VertexId v = net.out_target(i);
      if (category[v] == 0) continue;
      ties += 1;
      if (category[u] == category[v]) within += 1;
      shares[category[u]].first += 1;
      shares[category[v]].second += 1;
    }
  }
  if (shares.size() < 2) return kNaN;
  // Summed in the categories' order: a hash table's order varies from
  // table to table, and with it the last bits.
  std::vector<std::pair<std::uint64_t, std::pair<double, double>>> sorted(
      shares.begin(), shares.end());
  std::sort(sorted.begin(), sorted.end());
  double chance = 0;
  for (const auto& [unused, ab] : sorted) {
    chance += (ab.first / ties) * (ab.second / ties);
  }
  return (within / ties - chance) / (1 - chance);
}

absl::StatusOr<Cohesion> ComputeCohesion(
    const MeasureNetwork& net, const IgraphNetwork& g, const Degrees& degrees,
    std::span<const std::uint32_t> school_of,
    std::span<const std::uint64_t> grades,
    std::span<const std::uint64_t> subjects) {
  Cohesion c;
  const VertexId n = net.num_vertices();
  const double nd = n;
  const double ties = static_cast<double>(net.num_ties());
  const bool directed = net.directed();
  c.density =
      n < 2 ? kNaN : ties / (directed ? nd * (nd - 1) : nd * (nd - 1) / 2);
  if (net.num_ties() == 0) {
    c.reciprocity = kNaN;
  } else if (!directed) {
    c.reciprocity = 1;
  } else {
    std::int64_t mutual = 0;
    for (VertexId u = 0; u < n; ++u) {
      for (std::uint32_t i = net.out_begin(u); i < net.out_end(u); ++i) {
        if (net.TieWeight(net.out_target(i), u) > 0) ++mutual;
      }
    }
    c.reciprocity = static_cast<double>(mutual) / ties;
  }
  igraph_real_t transitivity = 0;
  if (absl::Status s =
          IgraphStatus(igraph_transitivity_undirected(g.graph(), &transitivity,
                                                      IGRAPH_TRANSITIVITY_NAN),
                       "transitivity");
      !s.ok()) {
    return s;
  }
  c.transitivity = transitivity;
  std::int32_t largest_strong = 0;
  if (absl::Status s =
          Components(g, IGRAPH_WEAK, c.weak_components, c.largest_component);
      !s.ok()) {
    return s;
  }
  if (absl::Status s =
          Components(g, IGRAPH_STRONG, c.strong_components, largest_strong);
      !s.ok()) {
    return s;
  }
  for (VertexId v = 0; v < n; ++v) {
    if (degrees.in[v] == 0 && degrees.out[v] == 0) ++c.isolates;
  }
  c.degree_centralization = c.in_degree_centralization =
      c.out_degree_centralization = kNaN;
  if (directed) {
    const double tmax = (nd - 1) * (nd - 1);
    c.in_degree_centralization = Centralization(degrees.in, tmax);
    c.out_degree_centralization = Centralization(degrees.out, tmax);
  } else {
    c.degree_centralization = Centralization(degrees.out, (nd - 1) * (nd - 2));
  }

  std::vector<std::uint64_t> school_category(n);
  for (VertexId v = 0; v < n; ++v) school_category[v] = school_of[v] + 1ull;
  c.assortativity_school = NominalAssortativity(net, school_category);
  c.assortativity_grade =
      grades.empty() ? kNaN : NominalAssortativity(net, grades);
  c.assortativity_subject =
      subjects.empty() ? kNaN : NominalAssortativity(net, subjects);
  return c;
}

}  // namespace collabnet
