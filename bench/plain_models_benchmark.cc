// The plain diffusion models on the graphs the peers were measured on
// (shared bench-graphs: district, 1,400 teachers; state, 300,000; and a
// generated Barabasi-Albert graph of a million nodes, m = 10), one
// thread: cascades per second and ties (arcs) examined per second, for the
// figures in ../shared/peers.md. Seeds: each graph's seeds4 file. Then a
// ladder of generated districts, 1,400 to 300,000 teachers (the generator
// at 41 schools per 1,400 teachers, seed 2019, its four featured leaders as
// seeds), to show how throughput scales with the district.
//
// The graphs are read from $COLLABNET_BENCH_GRAPHS, by default the
// bench-graphs folder of the shared folder beside the source tree.
//
//   build/bench/plain_models_benchmark --benchmark_filter=District
#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>

#include "bench/bench_graphs.h"
#include "bench/cascade_counters.h"
#include "benchmark/benchmark.h"
#include "formats/edge_list.h"
#include "random/philox_stream.h"
#include "sim/independent_cascade.h"
#include "sim/linear_threshold.h"
#include "sim/runner.h"
#include "synthetic/generator.h"
#include "synthetic/scale_free.h"

namespace collabnet {
namespace {

void Report(benchmark::State& state, const DistrictGraph& g, std::int64_t arcs,
            std::int64_t reached) {
  ReportCascadeCounters(state, arcs, reached);
  // The frozen graph's arrays per tie, teachers' own arrays included; and
  // split into what grows with the ties and what with the teachers.
  const auto ties = static_cast<double>(g.num_ties());
  state.counters["graph_bytes_per_tie"] =
      static_cast<double>(g.MemoryBytes()) / ties;
  state.counters["tie_bytes_per_tie"] =
      static_cast<double>(g.TieBytes()) / ties;
  state.counters["teacher_bytes_per_teacher"] =
      static_cast<double>(g.TeacherBytes()) /
      static_cast<double>(g.num_vertices());
}

// The scenario a benchmark runs: `model` on the graph's seeds, one seed.
Scenario BenchScenario(const BenchGraph& g, void (*model)(Scenario&)) {
  Scenario s;
  s.set_name("bench");
  s.set_replicates(1);
  s.set_seed(1);
  for (VertexId v : g.seeds) s.add_leaders(g.graph.teacher_id(v));
  model(s);
  return s;
}

// Replicate after replicate of one model, on one thread, with the draws of
// a single run (one stream a replicate) or of runs that compare (coupled).
template <typename M>
void RunModelReplicates(benchmark::State& state, const std::string& graph,
                        void (*model)(Scenario&), DrawMode draws) {
  const BenchGraph& g = Load(graph);
  if (!g.error.empty()) {
    state.SkipWithError(g.error.c_str());
    return;
  }
  absl::StatusOr<M> m = M::Prepare(g.graph, BenchScenario(g, model), draws);
  if (!m.ok()) {
    state.SkipWithError(std::string(m.status().message()).c_str());
    return;
  }
  typename M::Workspace ws(*m);
  ReplicateCounts counts;
  std::int64_t arcs = 0, reached = 0;
  std::uint32_t r = 0;
  for (auto _ : state) {
    counts.Reset();
    m->Run(r++, ws, counts);
    arcs += counts.arcs_examined();
    reached += static_cast<std::int64_t>(counts.reached().size());
  }
  Report(state, g.graph, arcs, reached);
}

void Ic(benchmark::State& state, const std::string& graph,
        void (*model)(Scenario&)) {
  RunModelReplicates<IndependentCascade>(state, graph, model,
                                         DrawMode::kStream);
}
void IcCoupled(benchmark::State& state, const std::string& graph,
               void (*model)(Scenario&)) {
  RunModelReplicates<IndependentCascade>(state, graph, model,
                                         DrawMode::kCoupled);
}

// The linear threshold's draws are coupled in every run: they cost no more.
void Lt(benchmark::State& state, const std::string& graph) {
  RunModelReplicates<LinearThreshold>(
      state, graph, [](Scenario& s) { s.mutable_linear_threshold(); },
      DrawMode::kCoupled);
}

void IcP005(Scenario& s) {
  s.mutable_independent_cascade()->set_probability(0.05);
}
void IcP01(Scenario& s) {
  s.mutable_independent_cascade()->set_probability(0.1);
}
void Wc(Scenario& s) {
  s.mutable_independent_cascade()->set_probabilities(
      IndependentCascadeParams::WEIGHTED_CASCADE);
}
constexpr auto* kP005 = &IcP005;
constexpr auto* kP01 = &IcP01;
constexpr auto* kWc = &Wc;

// The whole runner, as `collabnet simulate --graph` uses it, one thread:
// the model's replicates and every figure of the result made from them.
void Runner(benchmark::State& state, const std::string& graph,
            void (*model)(Scenario&)) {
  const BenchGraph& g = Load(graph);
  if (!g.error.empty()) {
    state.SkipWithError(g.error.c_str());
    return;
  }
  Scenario s = BenchScenario(g, model);
  s.set_replicates(static_cast<std::int32_t>(state.range(0)));
  for (auto _ : state) {
    absl::StatusOr<RunResult> r =
        RunScenario(g.graph, s, {.threads = 1, .draws = DrawMode::kStream});
    benchmark::DoNotOptimize(r->reached().mean());
  }
  state.counters["cascades_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * state.range(0)),
      benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(Runner, District_IC_p0_05, "district", kP005)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Runner, District_WeightedCascade, "district", kWc)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);

BENCHMARK_CAPTURE(Ic, District_IC_p0_05, "district", kP005);
BENCHMARK_CAPTURE(Ic, District_IC_p0_1, "district", kP01);
BENCHMARK_CAPTURE(Ic, District_WeightedCascade, "district", kWc);
BENCHMARK_CAPTURE(Lt, District_LinearThreshold, "district");
BENCHMARK_CAPTURE(Ic, State_IC_p0_05, "state", kP005)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(Ic, State_WeightedCascade, "state", kWc)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(Lt, State_LinearThreshold, "state")
    ->Unit(benchmark::kMicrosecond);
// The same with coupled draws, as sweeps, fits and comparisons run.
BENCHMARK_CAPTURE(IcCoupled, District_IC_p0_05, "district", kP005);
BENCHMARK_CAPTURE(IcCoupled, District_IC_p0_1, "district", kP01);
BENCHMARK_CAPTURE(IcCoupled, District_WeightedCascade, "district", kWc);
BENCHMARK_CAPTURE(IcCoupled, State_IC_p0_05, "state", kP005)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(IcCoupled, State_WeightedCascade, "state", kWc)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(Ic, Ba1m_IC_p0_05, "ba1m", kP005)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Ic, Ba1m_WeightedCascade, "ba1m", kWc)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(Lt, Ba1m_LinearThreshold, "ba1m")
    ->Unit(benchmark::kMicrosecond);

// The ladder: state.range(0) teachers.
std::string Generated(const benchmark::State& state) {
  return "generated:" + std::to_string(state.range(0));
}
void LadderIc(benchmark::State& state, void (*model)(Scenario&)) {
  Ic(state, Generated(state), model);
}
void LadderLt(benchmark::State& state) { Lt(state, Generated(state)); }

void LadderSizes(benchmark::internal::Benchmark* b) {
  b->ArgName("teachers");
  for (int teachers : {1400, 10000, 50000, 300000}) b->Arg(teachers);
  b->Unit(benchmark::kMicrosecond);
}
BENCHMARK_CAPTURE(LadderIc, IC_p0_05, kP005)->Apply(LadderSizes);
BENCHMARK_CAPTURE(LadderIc, WeightedCascade, kWc)->Apply(LadderSizes);
BENCHMARK(LadderLt)->Apply(LadderSizes);

}  // namespace
}  // namespace collabnet

BENCHMARK_MAIN();
