// Throughput of the multi-channel cascade: cascades (replicates) per second
// and ties examined per second, one thread, on the embedded sample district,
// on a generated 300,000-teacher state, and on a ladder of generated
// districts from 1,400 to 300,000 teachers (41 schools per 1,400); and the
// Monte Carlo runner on every core.
//
//   build/bench/cascade_benchmark --benchmark_format=json
#include <algorithm>
#include <map>
#include <memory>

#include "bench/cascade_counters.h"
#include "benchmark/benchmark.h"
#include "data/embedded_default.h"
#include "graph/district_graph.h"
#include "sim/multi_channel_cascade.h"
#include "sim/runner.h"
#include "synthetic/generator.h"

namespace collabnet {
namespace {

struct Fixture {
  DistrictGraph graph;
  Scenario scenario;
};

const Fixture& SampleDistrict() {
  static const Fixture* f = [] {
    auto* out =
        new Fixture{*FreezeDistrict(*EmbeddedDistrict()), *EmbeddedScenario()};
    return out;
  }();
  return *f;
}

// A generated district of `schools` and `teachers`, the default scenario's
// parameters, leaders the four featured co-teachers.
Fixture* MakeGenerated(int schools, int teachers) {
  GeneratorOptions o;
  o.name = "generated";
  o.schools = schools;
  o.teachers = teachers;
  o.seed = 2019;
  GeneratedDistrict g = *GenerateDistrict(o);
  Scenario s = *EmbeddedScenario();
  s.clear_leaders();
  for (const std::string& id : g.featured_leaders) s.add_leaders(id);
  return new Fixture{*FreezeDistrict(g.district), s};
}

// The state: the generator scaled to 10,000 schools and 300,000 teachers.
const Fixture& State() {
  static const Fixture* f = MakeGenerated(10000, 300000);
  return *f;
}

// The ladder's districts, by teachers, made once each.
const Fixture& Ladder(int teachers) {
  static auto* cache = new std::map<int, Fixture*>;
  Fixture*& f = (*cache)[teachers];
  if (f == nullptr)
    f = MakeGenerated(std::max(1, teachers * 41 / 1400), teachers);
  return *f;
}

// Replicate after replicate, with the draws of a single run (one stream a
// replicate) or of runs that compare (coupled).
void RunReplicates(benchmark::State& state, const Fixture& f,
                   DrawMode draws = DrawMode::kStream) {
  absl::StatusOr<MultiChannelCascade> model =
      MultiChannelCascade::Prepare(f.graph, f.scenario, draws);
  if (!model.ok()) {
    state.SkipWithError(std::string(model.status().message()).c_str());
    return;
  }
  MultiChannelCascade::Workspace ws(*model);
  ReplicateCounts counts;
  std::uint32_t replicate = 0;
  std::int64_t arcs = 0, reached = 0;
  for (auto _ : state) {
    counts.Reset();
    model->Run(replicate++, ws, counts);
    arcs += counts.arcs_examined();
    reached += static_cast<std::int64_t>(counts.reached().size());
    benchmark::DoNotOptimize(counts.adopting());
  }
  ReportCascadeCounters(state, arcs, reached);
}

void BM_CascadeSampleDistrict(benchmark::State& state) {
  RunReplicates(state, SampleDistrict());
}
BENCHMARK(BM_CascadeSampleDistrict);

void BM_CascadeSampleDistrictCoupled(benchmark::State& state) {
  RunReplicates(state, SampleDistrict(), DrawMode::kCoupled);
}
BENCHMARK(BM_CascadeSampleDistrictCoupled);

void BM_CascadeState(benchmark::State& state) { RunReplicates(state, State()); }
BENCHMARK(BM_CascadeState)->Unit(benchmark::kMillisecond);

void BM_CascadeStateCoupled(benchmark::State& state) {
  RunReplicates(state, State(), DrawMode::kCoupled);
}
BENCHMARK(BM_CascadeStateCoupled)->Unit(benchmark::kMillisecond);

void BM_CascadeLadder(benchmark::State& state) {
  RunReplicates(state, Ladder(static_cast<int>(state.range(0))));
}
BENCHMARK(BM_CascadeLadder)
    ->ArgName("teachers")
    ->Arg(1400)
    ->Arg(10000)
    ->Arg(50000)
    ->Arg(300000)
    ->Unit(benchmark::kMicrosecond);

// The whole runner, as `collabnet simulate` uses it (one stream a
// replicate, each leader's own reach), on 1 and 2 threads.
void BM_MonteCarloSampleDistrict(benchmark::State& state) {
  const Fixture& f = SampleDistrict();
  Scenario s = f.scenario;
  s.set_replicates(2000);
  for (auto _ : state) {
    absl::StatusOr<RunResult> r =
        RunScenario(f.graph, s,
                    {.threads = static_cast<int>(state.range(0)),
                     .draws = DrawMode::kStream,
                     .per_leader = true});
    benchmark::DoNotOptimize(r->reached().mean());
  }
  state.SetItemsProcessed(state.iterations() * s.replicates());
}
BENCHMARK(BM_MonteCarloSampleDistrict)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_FreezeState(benchmark::State& state) {
  GeneratorOptions o;
  o.schools = 10000;
  o.teachers = 300000;
  static const District* d = new District(GenerateDistrict(o)->district);
  std::size_t bytes = 0, tie_bytes = 0, teacher_bytes = 0;
  std::int64_t ties = 0, teachers = 0;
  for (auto _ : state) {
    absl::StatusOr<DistrictGraph> g = FreezeDistrict(*d);
    bytes = g->MemoryBytes();
    tie_bytes = g->TieBytes();
    teacher_bytes = g->TeacherBytes();
    ties = g->num_ties();
    teachers = g->num_vertices();
  }
  state.SetItemsProcessed(state.iterations() * ties);
  state.counters["graph_bytes_per_tie"] =
      static_cast<double>(bytes) / static_cast<double>(ties);
  state.counters["tie_bytes_per_tie"] =
      static_cast<double>(tie_bytes) / static_cast<double>(ties);
  state.counters["teacher_bytes_per_teacher"] =
      static_cast<double>(teacher_bytes) / static_cast<double>(teachers);
}
BENCHMARK(BM_FreezeState)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace collabnet

BENCHMARK_MAIN();
