// Running replicates on several threads so that the result cannot depend on
// how many there are: each replicate's randomness is keyed by its index, and
// each thread accumulates into its own Local, which the caller merges with an
// order-independent (exact integer) merge.
#ifndef COLLABNET_SIM_PARALLEL_REPLICATES_H_
#define COLLABNET_SIM_PARALLEL_REPLICATES_H_

#include <omp.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace collabnet {

// Calls body(local, r) for every r in [0, replicates) on `threads` threads
// (0: every core). make() builds each thread's Local. progress, if set, is
// called now and then from one thread, and once at the end.
template <typename MakeLocal, typename Body>
auto RunReplicatesInParallel(
    std::int64_t replicates, int threads,
    const std::function<void(std::int64_t, std::int64_t)>& progress,
    MakeLocal make, Body body) {
  using Local = decltype(make());
  const int workers = threads > 0 ? threads : omp_get_num_procs();
  std::vector<std::unique_ptr<Local>> locals(workers);
  std::atomic<std::int64_t> done{0};
#pragma omp parallel num_threads(workers)
  {
    const int me = omp_get_thread_num();
    locals[me] = std::make_unique<Local>(make());
    Local& local = *locals[me];
#pragma omp for schedule(dynamic, 16) nowait
    for (std::int64_t r = 0; r < replicates; ++r) {
      body(local, r);
      const std::int64_t finished = done.fetch_add(1) + 1;
      if (progress && me == 0 && (finished & 63) == 0) {
        progress(finished, replicates);
      }
    }
  }
  if (progress) progress(replicates, replicates);
  return locals;
}

}  // namespace collabnet

#endif  // COLLABNET_SIM_PARALLEL_REPLICATES_H_
