// The counters every cascade benchmark reports, so runs compare by name.
#ifndef COLLABNET_BENCH_CASCADE_COUNTERS_H_
#define COLLABNET_BENCH_CASCADE_COUNTERS_H_

#include <cstdint>

#include "benchmark/benchmark.h"

namespace collabnet {

// cascades_per_s, ties_examined_per_s (out-arcs of activated teachers looked
// at) and mean_reached, from totals over the benchmark's iterations.
inline void ReportCascadeCounters(benchmark::State& state, std::int64_t arcs,
                                  std::int64_t reached) {
  state.SetItemsProcessed(state.iterations());
  state.counters["cascades_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["ties_examined_per_s"] = benchmark::Counter(
      static_cast<double>(arcs), benchmark::Counter::kIsRate);
  state.counters["mean_reached"] = benchmark::Counter(
      static_cast<double>(reached) / static_cast<double>(state.iterations()));
}

}  // namespace collabnet

#endif  // COLLABNET_BENCH_CASCADE_COUNTERS_H_
