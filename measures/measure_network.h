// The network the measures read: a district's ties in the chosen channels
// as one simple network, a tie for each ordered pair of teachers (or each
// pair, undirected) that any chosen tie joins, weighing the sum of those
// ties' weights.
//
// The district graph is a multigraph (a pair of teachers may share a PLC,
// a co-taught class and an advice nomination); the measures of network
// analysis are defined on simple graphs, and a pair's ties added up are
// what the usual projection of a multiplex network gives (igraph's
// `simplify(combine_edges = "sum")`). A network whose chosen ties are all
// undirected is undirected; one with any directed tie among them is
// directed, its undirected ties mutual.
//
//   MeasureNetwork net = BuildMeasureNetwork(graph, {PLC, CO_TEACHING});
//   for (std::uint32_t i = net.out_begin(v); i < net.out_end(v); ++i)
//     Visit(net.out_target(i), net.out_weight(i));
//
// Immutable once built; share across threads.
#ifndef COLLABNET_MEASURES_MEASURE_NETWORK_H_
#define COLLABNET_MEASURES_MEASURE_NETWORK_H_

#include <cstdint>
#include <span>
#include <vector>

#include "graph/district_graph.h"
#include "proto/district.pb.h"

namespace collabnet {

class MeasureNetwork {
 public:
  VertexId num_vertices() const {
    return static_cast<VertexId>(out_offsets_.size() - 1);
  }
  // Ties: each ordered pair once in a directed network, each pair once in
  // an undirected one.
  std::int64_t num_ties() const { return num_ties_; }
  bool directed() const { return directed_; }
  bool weighted() const { return weighted_; }

  // Out-neighbours of v, sorted by id: [out_begin(v), out_end(v)). In an
  // undirected network these are v's neighbours, and the in-lists equal
  // them.
  std::uint32_t out_begin(VertexId v) const { return out_offsets_[v]; }
  std::uint32_t out_end(VertexId v) const { return out_offsets_[v + 1]; }
  VertexId out_target(std::uint32_t i) const { return out_targets_[i]; }
  double out_weight(std::uint32_t i) const { return out_weights_[i]; }
  std::uint32_t in_begin(VertexId v) const { return in_offsets_[v]; }
  std::uint32_t in_end(VertexId v) const { return in_offsets_[v + 1]; }
  VertexId in_source(std::uint32_t i) const { return in_sources_[i]; }
  double in_weight(std::uint32_t i) const { return in_weights_[i]; }

  std::span<const std::uint32_t> out_offsets() const { return out_offsets_; }
  std::span<const VertexId> out_targets() const { return out_targets_; }

  // The weight of u's tie to v, 0 when there is none (a binary search of
  // u's out-list).
  double TieWeight(VertexId u, VertexId v) const;

 private:
  friend MeasureNetwork BuildMeasureNetwork(const DistrictGraph& graph,
                                            std::span<const Channel> channels);
  bool directed_ = false;
  bool weighted_ = false;
  std::int64_t num_ties_ = 0;
  std::vector<std::uint32_t> out_offsets_{0};
  std::vector<VertexId> out_targets_;
  std::vector<double> out_weights_;
  std::vector<std::uint32_t> in_offsets_{0};
  std::vector<VertexId> in_sources_;
  std::vector<double> in_weights_;
};

// The ties of `graph` in `channels` (empty: every tie, whatever its
// channel, plain networks' unchannelled ones included) as one simple
// network on all of graph's teachers. Directed when some tie of a chosen
// channel is (DistrictGraph::channel_directed).
MeasureNetwork BuildMeasureNetwork(const DistrictGraph& graph,
                                   std::span<const Channel> channels = {});

}  // namespace collabnet

#endif  // COLLABNET_MEASURES_MEASURE_NETWORK_H_
