#include "place/reverse_samples.h"

#include <omp.h>

#include <algorithm>
#include <vector>

namespace collabnet {
namespace {

// Samples a block holds: enough to keep threads busy between the
// scheduler's handoffs, few enough to balance a skewed graph.
constexpr std::uint64_t kBlock = 512;

struct Block {
  std::vector<std::uint32_t> sizes;
  std::vector<VertexId> members;
  std::uint64_t anyway = 0;
};

}  // namespace

void ReverseSamples::GrowTo(const ReverseSampler& sampler, std::uint64_t count,
                            int threads) {
  if (count <= size_) return;
  const std::uint64_t first = size_;
  const std::uint64_t blocks = (count - first + kBlock - 1) / kBlock;
  std::vector<Block> made(blocks);
  const int team = threads > 0 ? threads : omp_get_max_threads();
#pragma omp parallel num_threads(team)
  {
    ReverseSampler::Workspace ws(sampler);
    ReverseSample sample;
#pragma omp for schedule(dynamic, 1)
    for (std::uint64_t b = 0; b < blocks; ++b) {
      Block& block = made[b];
      const std::uint64_t begin = first + b * kBlock;
      const std::uint64_t end = std::min(count, begin + kBlock);
      for (std::uint64_t j = begin; j < end; ++j) {
        sampler.Sample(2 * j + static_cast<std::uint64_t>(collection_), ws,
                       sample);
        if (sample.reached_anyway) {
          ++block.anyway;
          continue;
        }
        block.sizes.push_back(
            static_cast<std::uint32_t>(sample.members.size()));
        block.members.insert(block.members.end(), sample.members.begin(),
                             sample.members.end());
      }
    }
  }
  std::size_t members = members_.size();
  std::size_t samples = offsets_.size();
  for (const Block& block : made) {
    members += block.members.size();
    samples += block.sizes.size();
  }
  members_.reserve(members);
  offsets_.reserve(samples);
  for (Block& block : made) {
    anyway_ += block.anyway;
    for (std::uint32_t s : block.sizes) offsets_.push_back(offsets_.back() + s);
    members_.insert(members_.end(), block.members.begin(), block.members.end());
    block = Block{};
  }
  size_ = count;
}

std::uint64_t ReverseSamples::Covered(std::span<const VertexId> set,
                                      VertexId n) const {
  std::vector<std::uint8_t> in(n, 0);
  for (VertexId v : set) in[v] = 1;
  std::uint64_t covered = anyway_;
  for (std::size_t s = 0; s + 1 < offsets_.size(); ++s) {
    for (std::uint64_t i = offsets_[s]; i < offsets_[s + 1]; ++i) {
      if (in[members_[i]] != 0) {
        ++covered;
        break;
      }
    }
  }
  return covered;
}

}  // namespace collabnet
