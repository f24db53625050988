#include "measures/communities.h"

#include <algorithm>
#include <cstddef>
#include <limits>

#include "absl/container/flat_hash_set.h"
#include "measures/igraph_network.h"
#include "random/philox_stream.h"

namespace collabnet {
namespace {

// An igraph integer vector freed however the search ends.
class IntVector {
 public:
  explicit IntVector(igraph_integer_t size = 0) {
    ok_ = igraph_vector_int_init(&v_, size) == IGRAPH_SUCCESS;
  }
  ~IntVector() {
    if (ok_) igraph_vector_int_destroy(&v_);
  }
  IntVector(const IntVector&) = delete;
  IntVector& operator=(const IntVector&) = delete;
  igraph_vector_int_t* get() { return &v_; }
  bool ok() const { return ok_; }

 private:
  igraph_vector_int_t v_{};
  bool ok_ = false;
};

// What Leiden needs to optimise modularity, as igraph's Python and R
// interfaces set it: each teacher weighs their strength, and the
// resolution is 1 / (2 * total weight). Made once for all starts.
class LeidenWeights {
 public:
  explicit LeidenWeights(const IgraphNetwork& g) {
    ok_ = igraph_vector_init(&strength_, igraph_vcount(g.graph())) ==
          IGRAPH_SUCCESS;
    if (!ok_) return;
    double total = 0;
    const igraph_integer_t edges = igraph_ecount(g.graph());
    for (igraph_integer_t e = 0; e < edges; ++e) {
      const double w = g.weights() == nullptr ? 1.0 : VECTOR(*g.weights())[e];
      VECTOR(strength_)[IGRAPH_FROM(g.graph(), e)] += w;
      VECTOR(strength_)[IGRAPH_TO(g.graph(), e)] += w;
      total += w;
    }
    resolution_ = total > 0 ? 1.0 / (2 * total) : 1.0;
  }
  ~LeidenWeights() {
    if (ok_) igraph_vector_destroy(&strength_);
  }
  LeidenWeights(const LeidenWeights&) = delete;
  LeidenWeights& operator=(const LeidenWeights&) = delete;
  bool ok() const { return ok_; }
  const igraph_vector_t* strength() const { return &strength_; }
  double resolution() const { return resolution_; }

 private:
  igraph_vector_t strength_{};
  double resolution_ = 1.0;
  bool ok_ = false;
};

// One start's partition into `membership`.
absl::Status Search(const IgraphNetwork& g, CommunityMethod method,
                    const LeidenWeights& leiden,
                    igraph_vector_int_t* membership) {
  if (method == CommunityMethod::kLouvain) {
    return IgraphStatus(
        igraph_community_multilevel(g.graph(), g.weights(), 1.0, membership,
                                    nullptr, nullptr),
        "Louvain communities");
  }
  igraph_integer_t clusters = 0;
  igraph_real_t quality = 0;
  return IgraphStatus(
      igraph_community_leiden(g.graph(), g.weights(), leiden.strength(),
                              leiden.resolution(), /*beta=*/0.01,
                              /*start=*/false, /*n_iterations=*/-1, membership,
                              &clusters, &quality),
      "Leiden communities");
}

}  // namespace

absl::string_view CommunityMethodName(CommunityMethod method) {
  return method == CommunityMethod::kLeiden ? "leiden" : "louvain";
}

absl::StatusOr<Communities> FindCommunities(
    const IgraphNetwork& g, std::span<const std::uint32_t> school_of,
    CommunityMethod method, std::uint64_t seed, int starts,
    const std::function<void()>& start_done) {
  const auto n = static_cast<VertexId>(igraph_vcount(g.graph()));
  const bool tied = igraph_ecount(g.graph()) > 0;
  Communities best;
  best.method = method;
  bool found = false;
  if (!tied) {
    // No tie: each teacher alone, and modularity undefined (igraph's
    // Leiden does not stop on a network without ties).
    found = true;
    best.modularity = std::numeric_limits<double>::quiet_NaN();
    best.count = static_cast<std::int32_t>(n);
    best.membership.resize(n);
    for (VertexId v = 0; v < n; ++v) {
      best.membership[v] = static_cast<std::int32_t>(v);
    }
  }
  const int searches = tied ? std::max(starts, 1) : 0;
  const LeidenWeights leiden(g);
  if (!leiden.ok()) return absl::ResourceExhaustedError("communities");
  for (int start = 0; start < searches; ++start) {
    PhiloxStream rng(seed, static_cast<std::uint64_t>(start),
                     kPurposeCommunities);
    SeedIgraph((std::uint64_t{rng.NextU32()} << 32) | rng.NextU32());
    IntVector membership;
    if (!membership.ok()) return absl::ResourceExhaustedError("communities");
    if (absl::Status s = Search(g, method, leiden, membership.get()); !s.ok()) {
      return s;
    }
    if (start_done) start_done();
    igraph_real_t q = 0;
    if (absl::Status s = IgraphStatus(
            igraph_modularity(g.graph(), membership.get(), g.weights(), 1.0,
                              /*directed=*/false, &q),
            "modularity");
        !s.ok()) {
      return s;
    }
    if (found && !(q > best.modularity)) continue;
    found = true;
    best.modularity = q;
    best.membership.assign(n, 0);
    best.count = 0;
    for (VertexId v = 0; v < n; ++v) {
      best.membership[v] =
          static_cast<std::int32_t>(VECTOR(*membership.get())[v]);
      best.count = std::max(best.count, best.membership[v] + 1);
    }
  }

  IntVector communities(static_cast<igraph_integer_t>(n));
  IntVector schools(static_cast<igraph_integer_t>(n));
  if (!communities.ok() || !schools.ok()) {
    return absl::ResourceExhaustedError("communities");
  }
  for (VertexId v = 0; v < n; ++v) {
    VECTOR(*communities.get())[v] = best.membership[v];
    VECTOR(*schools.get())[v] = school_of[v];
  }
  igraph_real_t nmi = 0;
  if (n > 0) {
    if (absl::Status s = IgraphStatus(
            igraph_compare_communities(communities.get(), schools.get(), &nmi,
                                       IGRAPH_COMMCMP_NMI),
            "communities against schools");
        !s.ok()) {
      return s;
    }
  }
  best.school_nmi = nmi;
  std::vector<absl::flat_hash_set<std::uint32_t>> their_schools(
      static_cast<std::size_t>(best.count));
  for (VertexId v = 0; v < n; ++v) {
    their_schools[static_cast<std::size_t>(best.membership[v])].insert(
        school_of[v]);
  }
  double sum = 0;
  for (const auto& s : their_schools) sum += static_cast<double>(s.size());
  best.schools_per_community = best.count > 0 ? sum / best.count : 0.0;
  return best;
}

}  // namespace collabnet
