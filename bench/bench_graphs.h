// The graphs the peers were measured on (../shared/peers.md), read once
// per benchmark program: "district" and "state" from the shared
// bench-graphs folder ($COLLABNET_BENCH_GRAPHS, by default the one beside
// the source tree), "ba1m" (a generated Barabasi-Albert graph of a million
// nodes, m = 10) and "generated:N" (the district generator at N
// teachers), each with its four seeds.
#ifndef COLLABNET_BENCH_BENCH_GRAPHS_H_
#define COLLABNET_BENCH_BENCH_GRAPHS_H_

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "formats/edge_list.h"
#include "graph/district_graph.h"
#include "random/philox_stream.h"
#include "synthetic/generator.h"
#include "synthetic/scale_free.h"

namespace collabnet {

struct BenchGraph {
  DistrictGraph graph;
  std::vector<VertexId> seeds;
  std::string error;
};

inline std::string GraphDir() {
  const char* dir = std::getenv("COLLABNET_BENCH_GRAPHS");
  return dir != nullptr
             ? dir
             : std::string(COLLABNET_SOURCE_DIR) + "/../shared/bench-graphs";
}

// The graph `name`, cached; `error` says why it could not be read.
inline const BenchGraph& Load(const std::string& name) {
  static auto* cache = new std::map<std::string, std::unique_ptr<BenchGraph>>;
  auto& slot = (*cache)[name];
  if (slot) return *slot;
  slot = std::make_unique<BenchGraph>();
  if (name.rfind("generated:", 0) == 0) {
    const int teachers = std::stoi(name.substr(name.find(':') + 1));
    GeneratorOptions o;
    o.name = name;
    o.teachers = teachers;
    o.schools = std::max(1, teachers * 41 / 1400);
    o.seed = 2019;
    absl::StatusOr<GeneratedDistrict> d = GenerateDistrict(o);
    absl::StatusOr<DistrictGraph> g =
        d.ok() ? FreezeDistrict(d->district) : d.status();
    if (!g.ok()) {
      slot->error = std::string(g.status().message());
      return *slot;
    }
    slot->graph = *std::move(g);
    for (const std::string& id : d->featured_leaders) {
      slot->seeds.push_back(*slot->graph.FindTeacher(id));
    }
    return *slot;
  }
  if (name == "ba1m") {
    // Generated, as the peers' ba1m: a million nodes, m = 10, four random
    // seeds.
    absl::StatusOr<DistrictGraph> g =
        GenerateBarabasiAlbert(1000000, 10, 20190601);
    if (!g.ok()) {
      slot->error = std::string(g.status().message());
      return *slot;
    }
    slot->graph = *std::move(g);
    PhiloxStream rng(20190601, 1, kPurposeGenerator);
    while (slot->seeds.size() < 4) {
      const VertexId v = rng.NextBelow(slot->graph.num_vertices());
      if (std::find(slot->seeds.begin(), slot->seeds.end(), v) ==
          slot->seeds.end()) {
        slot->seeds.push_back(v);
      }
    }
    return *slot;
  }
  const std::string base = GraphDir() + "/" + name;
  std::string edges = base + ".edges";
  if (name == "state") edges += ".gz";
  EdgeListOptions options;
  options.nodes_path = base + (name == "state" ? ".nodes.gz" : ".nodes");
  absl::StatusOr<DistrictGraph> g = ReadEdgeListGraph(edges, options);
  absl::StatusOr<std::vector<std::string>> seeds = ReadIdList(base + ".seeds4");
  if (!g.ok() || !seeds.ok()) {
    slot->error = !g.ok() ? std::string(g.status().message())
                          : std::string(seeds.status().message());
    return *slot;
  }
  slot->graph = *std::move(g);
  for (const std::string& id : *seeds) {
    slot->seeds.push_back(*slot->graph.FindTeacher(id));
  }
  return *slot;
}

}  // namespace collabnet

#endif  // COLLABNET_BENCH_BENCH_GRAPHS_H_
