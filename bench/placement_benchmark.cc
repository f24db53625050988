// Leader placement by reverse samples (OPIM-C, place/opim.h) on the graphs
// the peers were measured on (../shared/peers.md: OPIM-C and SUBSIM, 2-core
// machine, epsilon 0.1, delta 1/n), one and two threads: seconds per
// placement (sampler preparation included, reading the graph not), the
// samples and the bytes they held, bytes per sample member, the peak
// resident memory of the placement, and the chosen set's expected reach on
// the checking samples (leaders counted, as the peers' figures count them).
// Then placement time against budget on the state graph, and against
// network size on generated districts under the embedded scenario's
// multi-channel model. items_per_second is placements per second.
//
//   build/bench/placement_benchmark --benchmark_filter=State
#include <string>

#include "bench/bench_graphs.h"
#include "bench/peak_rss.h"
#include "benchmark/benchmark.h"
#include "data/embedded_default.h"
#include "place/opim.h"
#include "place/reverse_sampler.h"
#include "proto/scenario.pb.h"

namespace collabnet {
namespace {

// The default sample floor, as `collabnet place` uses it.
const auto kFloor = static_cast<std::int64_t>(OpimOptions().min_members);

enum Model { kIc005, kIc001, kWc, kLt, kDistrictModel };

Scenario ModelScenario(Model model) {
  Scenario s;
  s.set_seed(20190601);
  s.set_replicates(1);  // a valid scenario; placement runs no replicates
  switch (model) {
    case kIc005:
      s.mutable_independent_cascade()->set_probability(0.05);
      break;
    case kIc001:
      s.mutable_independent_cascade()->set_probability(0.01);
      break;
    case kWc:
      s.mutable_independent_cascade()->set_probabilities(
          IndependentCascadeParams::WEIGHTED_CASCADE);
      break;
    case kLt:
      s.mutable_linear_threshold();
      break;
    case kDistrictModel: {
      absl::StatusOr<Scenario> embedded = EmbeddedScenario();
      if (embedded.ok()) s = *embedded;
      break;
    }
  }
  return s;
}

// range(0): budget; range(1): threads; range(2): the sample floor in
// members (OpimOptions::min_members; 0 is OPIM-C's own rule).
void Place(benchmark::State& state, const std::string& graph, Model model) {
  const BenchGraph& g = Load(graph);
  if (!g.error.empty()) {
    state.SkipWithError(g.error.c_str());
    return;
  }
  Scenario scenario = ModelScenario(model);
  // A valid scenario names leaders; placement does not use them.
  scenario.clear_leaders();
  for (VertexId v : g.seeds) scenario.add_leaders(g.graph.teacher_id(v));
  PlacementConstraints c;
  c.budget = static_cast<int>(state.range(0));
  OpimOptions options;
  options.threads = static_cast<int>(state.range(1));
  options.min_members = static_cast<std::uint64_t>(state.range(2));
  OpimResult last;
  double peak = 0;
  for (auto _ : state) {
    state.PauseTiming();
    ResetPeakRss();
    state.ResumeTiming();
    absl::StatusOr<ReverseSampler> sampler = ReverseSampler::Prepare(
        g.graph, scenario, PlacementObjective::kReached);
    if (!sampler.ok()) {
      state.SkipWithError(std::string(sampler.status().message()).c_str());
      return;
    }
    absl::StatusOr<OpimResult> r =
        PlaceByReverseSamples(g.graph, *sampler, c, options);
    if (!r.ok()) {
      state.SkipWithError(std::string(r.status().message()).c_str());
      return;
    }
    state.PauseTiming();
    peak = std::max(peak, PeakRssMb());
    last = *std::move(r);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations());  // placements per second
  state.counters["samples"] = static_cast<double>(last.samples);
  state.counters["sample_mb"] = static_cast<double>(last.sample_bytes) / 1e6;
  state.counters["bytes_per_member"] =
      last.sample_members == 0 ? 0
                               : static_cast<double>(last.sample_bytes) /
                                     static_cast<double>(last.sample_members);
  state.counters["peak_rss_mb"] = peak;
  state.counters["reach"] = last.estimate;
  state.counters["certified_ratio"] =
      last.upper > 0 ? last.lower / last.upper : 0;
}

void Threads(benchmark::internal::Benchmark* b) {
  b->ArgNames({"budget", "threads", "floor"})->Unit(benchmark::kSecond);
}
// The same work as the peers: OPIM-C's stopping rule, no sample floor.
void PeersRule(benchmark::internal::Benchmark* b) {
  b->ArgNames({"budget", "threads", "floor"})->Unit(benchmark::kSecond);
}

// The peers' rows.
BENCHMARK_CAPTURE(Place, District_IC_p0_05, "district", kIc005)
    ->Apply(Threads)
    ->Args({40, 1, kFloor})
    ->Args({40, 2, kFloor});
BENCHMARK_CAPTURE(Place, District_WeightedCascade, "district", kWc)
    ->Apply(Threads)
    ->Args({40, 1, kFloor})
    ->Args({40, 2, kFloor});
BENCHMARK_CAPTURE(Place, State_WeightedCascade, "state", kWc)
    ->Apply(Threads)
    ->Args({40, 1, kFloor})
    ->Args({40, 2, kFloor});
BENCHMARK_CAPTURE(Place, State_IC_p0_05, "state", kIc005)
    ->Apply(Threads)
    ->Args({4, 1, kFloor})
    ->Args({4, 2, kFloor})
    ->Args({40, 1, kFloor})
    ->Args({40, 2, kFloor})
    ->Iterations(1);
BENCHMARK_CAPTURE(Place, State_IC_p0_01, "state", kIc001)
    ->Apply(Threads)
    ->Args({40, 1, kFloor})
    ->Args({40, 2, kFloor});
BENCHMARK_CAPTURE(Place, State_LinearThreshold, "state", kLt)
    ->Apply(Threads)
    ->Args({40, 1, kFloor})
    ->Args({40, 2, kFloor});

// The peers' rows under the peers' own stopping rule.
BENCHMARK_CAPTURE(Place, PeersRule_District_IC_p0_05, "district", kIc005)
    ->Apply(PeersRule)
    ->Args({40, 1, 0})
    ->Args({40, 2, 0});
BENCHMARK_CAPTURE(Place, PeersRule_District_WeightedCascade, "district", kWc)
    ->Apply(PeersRule)
    ->Args({40, 1, 0})
    ->Args({40, 2, 0});
BENCHMARK_CAPTURE(Place, PeersRule_State_WeightedCascade, "state", kWc)
    ->Apply(PeersRule)
    ->Args({40, 1, 0})
    ->Args({40, 2, 0});
BENCHMARK_CAPTURE(Place, PeersRule_State_LinearThreshold, "state", kLt)
    ->Apply(PeersRule)
    ->Args({40, 1, 0})
    ->Args({40, 2, 0});

// Time against budget.
BENCHMARK_CAPTURE(Place, StateBudget_WeightedCascade, "state", kWc)
    ->Apply(Threads)
    ->Args({1, 2, kFloor})
    ->Args({10, 2, kFloor})
    ->Args({100, 2, kFloor})
    ->Args({400, 2, kFloor});

// Time against network size: the district model on generated districts.
BENCHMARK_CAPTURE(Place, Generated1400_District, "generated:1400",
                  kDistrictModel)
    ->Apply(Threads)
    ->Args({40, 2, kFloor});
BENCHMARK_CAPTURE(Place, Generated30000_District, "generated:30000",
                  kDistrictModel)
    ->Apply(Threads)
    ->Args({40, 2, kFloor});
BENCHMARK_CAPTURE(Place, Generated300000_District, "generated:300000",
                  kDistrictModel)
    ->Apply(Threads)
    ->Args({40, 2, kFloor})
    ->Iterations(1);

}  // namespace
}  // namespace collabnet

BENCHMARK_MAIN();
