// Network measures on the peers' graphs (../shared/peers.md measured
// python-igraph's C core there), beside igraph's own C functions on the
// same network in the same process: exact betweenness (with closeness and
// harmonic centrality, which come from the same searches) on the district,
// PageRank on the district and the state, communities and the whole
// `collabnet analyze` on the district.
//
//   build/bench/measures_benchmark
//   build/bench/measures_benchmark --benchmark_filter=State
#include <benchmark/benchmark.h>

#include <string>

#include "bench/bench_graphs.h"
#include "bench/peak_rss.h"
#include "measures/analysis.h"
#include "measures/communities.h"
#include "measures/igraph_network.h"
#include "measures/measure_network.h"
#include "measures/pagerank.h"
#include "measures/shortest_paths.h"

namespace collabnet {
namespace {

// The bench graph `name` as the measures read it, built once.
const MeasureNetwork* Network(benchmark::State& state,
                              const std::string& name) {
  static auto* cache = new std::map<std::string, MeasureNetwork>;
  const BenchGraph& g = Load(name);
  if (!g.error.empty()) {
    state.SkipWithError(g.error.c_str());
    return nullptr;
  }
  auto it = cache->find(name);
  if (it == cache->end()) {
    it = cache->emplace(name, BuildMeasureNetwork(g.graph)).first;
  }
  return &it->second;
}

void Counters(benchmark::State& state, const MeasureNetwork& net, double peak) {
  state.counters["teachers"] = net.num_vertices();
  state.counters["ties"] = static_cast<double>(net.num_ties());
  state.counters["peak_rss_mb"] = peak;
}

void PathMeasures(benchmark::State& state, const std::string& name) {
  const MeasureNetwork* net = Network(state, name);
  if (net == nullptr) return;
  ResetPeakRss();
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        ComputePathMeasures(*net, static_cast<int>(state.range(0))));
  }
  // Throughput: searches (one from each teacher) a second.
  state.SetItemsProcessed(state.iterations() * net->num_vertices());
  Counters(state, *net, PeakRssMb());
}
BENCHMARK_CAPTURE(PathMeasures, District, "district")
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Runs `call` on the bench graph `name` as igraph holds it (the conversion
// to igraph's form not timed), writing into one reused vector.
template <typename Call>
void TimeIgraph(benchmark::State& state, const std::string& name, Call call) {
  const MeasureNetwork* net = Network(state, name);
  if (net == nullptr) return;
  absl::StatusOr<IgraphNetwork> g = IgraphNetwork::Make(*net);
  if (!g.ok()) {
    state.SkipWithError(std::string(g.status().message()).c_str());
    return;
  }
  igraph_vector_t out;
  igraph_vector_init(&out, 0);
  for (auto _ : state) call(*g, net->directed(), &out);
  igraph_vector_destroy(&out);
  Counters(state, *net, 0);
}

// igraph's exact betweenness alone.
void IgraphBetweenness(benchmark::State& state, const std::string& name) {
  TimeIgraph(state, name,
             [](const IgraphNetwork& g, bool directed, igraph_vector_t* out) {
               igraph_betweenness(g.graph(), out, igraph_vss_all(), directed,
                                  nullptr);
             });
}
BENCHMARK_CAPTURE(IgraphBetweenness, District, "district")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void PageRank(benchmark::State& state, const std::string& name) {
  const MeasureNetwork* net = Network(state, name);
  if (net == nullptr) return;
  PageRankOptions options;
  options.threads = static_cast<int>(state.range(0));
  ResetPeakRss();
  for (auto _ : state) {
    benchmark::DoNotOptimize(ComputePageRank(*net, options));
  }
  // Throughput: solves of the network a second, as ties.
  state.SetItemsProcessed(state.iterations() * net->num_ties());
  Counters(state, *net, PeakRssMb());
}
BENCHMARK_CAPTURE(PageRank, District, "district")
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(PageRank, State, "state")
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// igraph's PageRank (PRPACK).
void IgraphPageRank(benchmark::State& state, const std::string& name) {
  TimeIgraph(state, name,
             [](const IgraphNetwork& g, bool directed, igraph_vector_t* out) {
               igraph_real_t value = 0;
               igraph_pagerank(g.graph(), IGRAPH_PAGERANK_ALGO_PRPACK, out,
                               &value, igraph_vss_all(), directed, 0.85,
                               g.weights(), nullptr);
             });
}
BENCHMARK_CAPTURE(IgraphPageRank, District, "district")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(IgraphPageRank, State, "state")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void CommunitySearch(benchmark::State& state, const std::string& name,
                     CommunityMethod method) {
  const MeasureNetwork* net = Network(state, name);
  if (net == nullptr) return;
  const BenchGraph& g = Load(name);
  std::vector<std::uint32_t> school_of(net->num_vertices());
  for (VertexId v = 0; v < net->num_vertices(); ++v) {
    school_of[v] = g.graph.school_of(v);
  }
  absl::StatusOr<IgraphNetwork> pairs = IgraphNetwork::Make(*net, true);
  if (!pairs.ok()) {
    state.SkipWithError(std::string(pairs.status().message()).c_str());
    return;
  }
  double modularity = 0;
  for (auto _ : state) {
    absl::StatusOr<Communities> c =
        FindCommunities(*pairs, school_of, method, 1, /*starts=*/1);
    if (!c.ok()) {
      state.SkipWithError(std::string(c.status().message()).c_str());
      return;
    }
    modularity = c->modularity;
  }
  state.SetItemsProcessed(state.iterations() * net->num_ties());
  Counters(state, *net, 0);
  state.counters["modularity"] = modularity;
}
BENCHMARK_CAPTURE(CommunitySearch, District_Leiden, "district",
                  CommunityMethod::kLeiden)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(CommunitySearch, District_Louvain, "district",
                  CommunityMethod::kLouvain)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The whole of `collabnet analyze` but reading and writing.
void Analyze(benchmark::State& state, const std::string& name) {
  const BenchGraph& g = Load(name);
  if (!g.error.empty()) {
    state.SkipWithError(g.error.c_str());
    return;
  }
  AnalysisOptions options;
  options.threads = static_cast<int>(state.range(0));
  ResetPeakRss();
  for (auto _ : state) {
    absl::StatusOr<AnalysisResult> r = AnalyzeNetwork(g.graph, options);
    if (!r.ok()) {
      state.SkipWithError(std::string(r.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(r->network().ties());
  }
  state.SetItemsProcessed(state.iterations() * g.graph.num_vertices());
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK_CAPTURE(Analyze, District, "district")
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace collabnet

BENCHMARK_MAIN();
