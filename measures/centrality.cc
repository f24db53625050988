#include "measures/centrality.h"

#include <utility>

#include "measures/pagerank.h"

namespace collabnet {
namespace {

// A vector igraph fills, freed however the call ends.
class RealVector {
 public:
  RealVector() { ok_ = igraph_vector_init(&v_, 0) == IGRAPH_SUCCESS; }
  ~RealVector() {
    if (ok_) igraph_vector_destroy(&v_);
  }
  RealVector(const RealVector&) = delete;
  RealVector& operator=(const RealVector&) = delete;
  igraph_vector_t* get() { return &v_; }
  bool ok() const { return ok_; }
  std::vector<double> Take() const {
    const igraph_integer_t n = igraph_vector_size(&v_);
    std::vector<double> out(static_cast<std::size_t>(n));
    for (igraph_integer_t i = 0; i < n; ++i) {
      out[static_cast<std::size_t>(i)] = VECTOR(v_)[i];
    }
    return out;
  }

 private:
  igraph_vector_t v_{};
  bool ok_ = false;
};

absl::StatusOr<std::vector<double>> Measure(
    const char* what,
    igraph_error_t (*call)(const IgraphNetwork&, igraph_vector_t*, bool),
    const IgraphNetwork& g, bool directed) {
  RealVector v;
  if (!v.ok()) return absl::ResourceExhaustedError(what);
  if (absl::Status s = IgraphStatus(call(g, v.get(), directed), what);
      !s.ok()) {
    return s;
  }
  return v.Take();
}

}  // namespace

Degrees ComputeDegrees(const MeasureNetwork& net) {
  const VertexId n = net.num_vertices();
  Degrees d;
  d.in.assign(n, 0);
  d.out.assign(n, 0);
  d.in_strength.assign(n, 0);
  d.out_strength.assign(n, 0);
  for (VertexId v = 0; v < n; ++v) {
    d.out[v] = static_cast<std::int32_t>(net.out_end(v) - net.out_begin(v));
    d.in[v] = static_cast<std::int32_t>(net.in_end(v) - net.in_begin(v));
    for (std::uint32_t i = net.out_begin(v); i < net.out_end(v); ++i) {
      d.out_strength[v] += net.out_weight(i);
    }
    for (std::uint32_t i = net.in_begin(v); i < net.in_end(v); ++i) {
      d.in_strength[v] += net.in_weight(i);
    }
  }
  return d;
}

absl::StatusOr<Centrality> ComputeCentrality(const MeasureNetwork& net,
                                             const IgraphNetwork& g,
                                             int threads) {
  Centrality c;
  const bool directed = net.directed();
  PageRankOptions pagerank;
  pagerank.threads = threads;
  c.pagerank = ComputePageRank(net, pagerank);
  absl::StatusOr<std::vector<double>> v;
  // ARPACK starts from a random vector: the same seed every time, so the
  // last digits are the same every run.
  SeedIgraph(0);
  v = Measure(
      "eigenvector centrality",
      [](const IgraphNetwork& x, igraph_vector_t* out, bool dir) {
        igraph_real_t value = 0;
        return igraph_eigenvector_centrality(x.graph(), out, &value, dir,
                                             /*scale=*/true, x.weights(),
                                             nullptr);
      },
      g, directed);
  if (!v.ok()) return v.status();
  c.eigenvector = *std::move(v);
  v = Measure(
      "clustering",
      [](const IgraphNetwork& x, igraph_vector_t* out, bool) {
        return igraph_transitivity_local_undirected(
            x.graph(), out, igraph_vss_all(), IGRAPH_TRANSITIVITY_NAN);
      },
      g, directed);
  if (!v.ok()) return v.status();
  c.clustering = *std::move(v);
  v = Measure(
      "constraint",
      [](const IgraphNetwork& x, igraph_vector_t* out, bool) {
        return igraph_constraint(x.graph(), out, igraph_vss_all(), x.weights());
      },
      g, directed);
  if (!v.ok()) return v.status();
  c.constraint = *std::move(v);

  igraph_vector_int_t cores;
  if (absl::Status s =
          IgraphStatus(igraph_vector_int_init(&cores, 0), "k-core");
      !s.ok()) {
    return s;
  }
  absl::Status s =
      IgraphStatus(igraph_coreness(g.graph(), &cores, IGRAPH_ALL), "k-core");
  if (s.ok()) {
    c.coreness.resize(static_cast<std::size_t>(igraph_vector_int_size(&cores)));
    for (std::size_t i = 0; i < c.coreness.size(); ++i) {
      c.coreness[i] = static_cast<std::int32_t>(
          VECTOR(cores)[static_cast<igraph_integer_t>(i)]);
    }
  }
  igraph_vector_int_destroy(&cores);
  if (!s.ok()) return s;
  return c;
}

}  // namespace collabnet
