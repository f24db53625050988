#include "measures/igraph_network.h"

#include <mutex>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"

namespace collabnet {
namespace {

thread_local std::string last_reason;

// igraph calls this on an error instead of aborting: it frees what the
// failed call had allocated (igraph's rule for a handler that returns) and
// keeps the reason for IgraphStatus.
void KeepReason(const char* reason, const char* /*file*/, int /*line*/,
                igraph_error_t /*code*/) {
  IGRAPH_FINALLY_FREE();
  last_reason = reason == nullptr ? "" : reason;
}

void InstallHandlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    igraph_set_error_handler(KeepReason);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
  });
}

}  // namespace

absl::Status IgraphStatus(igraph_error_t code, absl::string_view what) {
  if (code == IGRAPH_SUCCESS) return absl::OkStatus();
  return absl::InternalError(absl::StrCat(what, ": igraph: ", last_reason, " (",
                                          igraph_strerror(code), ")"));
}

void SeedIgraph(std::uint64_t seed) {
  InstallHandlers();
  igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(seed));
}

absl::StatusOr<IgraphNetwork> IgraphNetwork::Make(const MeasureNetwork& net,
                                                  bool undirected) {
  InstallHandlers();
  const bool directed = net.directed() && !undirected;
  const VertexId n = net.num_vertices();
  // Each ordered pair in a directed network; each pair once otherwise, from
  // its lower end, both directions' weights added.
  igraph_vector_int_t edges;
  igraph_vector_t weights;
  if (absl::Status s = IgraphStatus(igraph_vector_int_init(&edges, 0), "ties");
      !s.ok()) {
    return s;
  }
  if (absl::Status s = IgraphStatus(igraph_vector_init(&weights, 0), "ties");
      !s.ok()) {
    igraph_vector_int_destroy(&edges);
    return s;
  }
  bool weighted = false;
  igraph_error_t code = IGRAPH_SUCCESS;
  for (VertexId u = 0; u < n && code == IGRAPH_SUCCESS; ++u) {
    for (std::uint32_t i = net.out_begin(u);
         i < net.out_end(u) && code == IGRAPH_SUCCESS; ++i) {
      const VertexId v = net.out_target(i);
      double w = net.out_weight(i);
      if (!directed) {
        // Each pair from its lower end; from the higher one only when the
        // lower has no tie back (a directed network's one-way tie).
        const double back = net.directed() ? net.TieWeight(v, u) : w;
        if (v < u && back > 0) continue;
        if (net.directed()) w += back;
      }
      weighted |= w != 1.0;
      code = igraph_vector_int_push_back(&edges, u);
      if (code == IGRAPH_SUCCESS) code = igraph_vector_int_push_back(&edges, v);
      if (code == IGRAPH_SUCCESS) code = igraph_vector_push_back(&weights, w);
    }
  }
  IgraphNetwork out;
  if (code == IGRAPH_SUCCESS) {
    code = igraph_create(&out.graph_, &edges, n, directed);
  }
  igraph_vector_int_destroy(&edges);
  if (absl::Status s = IgraphStatus(code, "the network"); !s.ok()) {
    igraph_vector_destroy(&weights);
    return s;
  }
  out.weights_ = weights;
  out.weighted_ = weighted;
  out.owns_ = true;
  return out;
}

IgraphNetwork::IgraphNetwork(IgraphNetwork&& other) noexcept
    : graph_(other.graph_),
      weights_(other.weights_),
      weighted_(other.weighted_),
      owns_(std::exchange(other.owns_, false)) {}

IgraphNetwork::~IgraphNetwork() {
  if (!owns_) return;
  igraph_destroy(&graph_);
  igraph_vector_destroy(&weights_);
}

}  // namespace collabnet
