// The process's peak resident memory, measured run by run: the kernel's
// high-water mark (VmHWM), reset before each run.
#ifndef COLLABNET_BENCH_PEAK_RSS_H_
#define COLLABNET_BENCH_PEAK_RSS_H_

#include <malloc.h>

#include <fstream>
#include <string>

namespace collabnet {

// Resets the kernel's peak-RSS mark so VmHWM measures what follows alone.
inline void ResetPeakRss() {
  // Freed heap goes back first, or an earlier run's pages would still count.
  malloc_trim(0);
  std::ofstream("/proc/self/clear_refs") << "5";
}

// VmHWM in MB (2^20 bytes).
inline double PeakRssMb() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmHWM:") {
      double kb = 0;
      status >> kb;
      return kb / 1024;
    }
  }
  return 0;
}

}  // namespace collabnet

#endif  // COLLABNET_BENCH_PEAK_RSS_H_
