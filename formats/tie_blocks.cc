#include "formats/tie_blocks.h"

#include <omp.h>

#include <algorithm>
#include <atomic>

namespace collabnet {
namespace {

constexpr std::size_t kBytesPerTie = 64;

}  // namespace

absl::Status WriteTieBlocks(
    const TieStream& ties,
    absl::FunctionRef<absl::Status(std::int64_t begin, std::int64_t end,
                                   std::string& bytes)>
        make,
    absl::FunctionRef<bool(const std::string& bytes)> write) {
  const std::int64_t n = ties.size();
  // Enough blocks to keep every core busy; each large enough to be worth
  // a turn.
  const std::int64_t block = std::max<std::int64_t>(
      std::int64_t{1} << 16, n / (std::int64_t{8} * omp_get_max_threads()) + 1);
  const std::int64_t blocks = (n + block - 1) / block;
  std::atomic<bool> stop{false};
  absl::Status error;
#pragma omp parallel for ordered schedule(dynamic, 1)
  for (std::int64_t b = 0; b < blocks; ++b) {
    std::string bytes;
    absl::Status made;
    if (!stop.load(std::memory_order_relaxed)) {
      const std::int64_t begin = b * block;
      const std::int64_t end = std::min(n, (b + 1) * block);
      // Ties take some tens of bytes in every format: a block's bytes are
      // not copied as they grow.
      bytes.reserve(static_cast<std::size_t>(end - begin) * kBytesPerTie);
      made = make(begin, end, bytes);
    }
#pragma omp ordered
    {
      if (!stop.load(std::memory_order_relaxed)) {
        if (!write(bytes)) {
          stop = true;
        } else if (!made.ok()) {
          error = made;
          stop = true;
        }
      }
    }
  }
  return error;
}

}  // namespace collabnet
