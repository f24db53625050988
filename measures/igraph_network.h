// A MeasureNetwork as igraph's C library holds it, for the measures taken
// from igraph (PageRank, eigenvector centrality, coreness, clustering,
// constraint, communities, assortativity), and igraph's errors as
// absl::Status.
//
// igraph's default error handler aborts the process; the first network
// made installs one that records the reason instead, so every call is
// checked through IgraphStatus. igraph keeps one random generator for the
// process: SeedIgraph before each randomised call, and do not call igraph
// from two threads at once.
#ifndef COLLABNET_MEASURES_IGRAPH_NETWORK_H_
#define COLLABNET_MEASURES_IGRAPH_NETWORK_H_

#include <igraph/igraph.h>

#include <cstdint>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "measures/measure_network.h"

namespace collabnet {

class IgraphNetwork {
 public:
  // The network, directed as it is; or, with `undirected`, each pair of
  // teachers once, its weight the sum of both directions' (igraph's
  // as_undirected(combine_edges = "sum")), as community detection needs.
  static absl::StatusOr<IgraphNetwork> Make(const MeasureNetwork& net,
                                            bool undirected = false);

  IgraphNetwork(IgraphNetwork&& other) noexcept;
  IgraphNetwork& operator=(IgraphNetwork&&) = delete;
  IgraphNetwork(const IgraphNetwork&) = delete;
  ~IgraphNetwork();

  const igraph_t* graph() const { return &graph_; }
  // The ties' weights, or nullptr when every tie weighs 1.
  const igraph_vector_t* weights() const {
    return weighted_ ? &weights_ : nullptr;
  }

 private:
  IgraphNetwork() = default;
  igraph_t graph_{};
  igraph_vector_t weights_{};
  bool weighted_ = false;
  bool owns_ = false;
};

// OK for IGRAPH_SUCCESS; otherwise Internal, naming `what` and igraph's
// reason.
absl::Status IgraphStatus(igraph_error_t code, absl::string_view what);

// Seeds igraph's process-wide random generator.
void SeedIgraph(std::uint64_t seed);

}  // namespace collabnet

#endif  // COLLABNET_MEASURES_IGRAPH_NETWORK_H_
