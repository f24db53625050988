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
  std::vector<VertexId> anyway_targets;
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
          block.anyway_targets.push_back(sample.members.front());
          continue;
        }
        block.sizes.push_back(
            static_cast<std::uint32_t>(sample.members.size()));
        block.members.insert(block.members.end(), sample.members.begin(),
                             sample.members.end());
      }
    }
  }
  // Stored in index order, each block copied in parallel into its place.
  std::vector<std::size_t> member_at(blocks + 1, members_.size());
  std::vector<std::size_t> sample_at(blocks + 1, offsets_.size());
  for (std::uint64_t b = 0; b < blocks; ++b) {
    member_at[b + 1] = member_at[b] + made[b].members.size();
    sample_at[b + 1] = sample_at[b] + made[b].sizes.size();
    anyway_ += made[b].anyway;
    anyway_targets_.insert(anyway_targets_.end(),
                           made[b].anyway_targets.begin(),
                           made[b].anyway_targets.end());
  }
  const std::uint64_t base = offsets_.back();
  members_.resize(member_at[blocks]);
  offsets_.resize(sample_at[blocks]);
#pragma omp parallel for schedule(dynamic, 4) num_threads(team)
  for (std::uint64_t b = 0; b < blocks; ++b) {
    Block& block = made[b];
    std::copy(block.members.begin(), block.members.end(),
              members_.begin() + static_cast<std::ptrdiff_t>(member_at[b]));
    std::uint64_t end = base + (member_at[b] - member_at[0]);
    for (std::size_t i = 0; i < block.sizes.size(); ++i) {
      end += block.sizes[i];
      offsets_[sample_at[b] + i] = end;
    }
    block = Block{};
  }
  size_ = count;
}

std::uint64_t ReverseSamples::Covered(std::span<const VertexId> set, VertexId n,
                                      int threads) const {
  std::vector<std::uint8_t> in(n, 0);
  for (VertexId v : set) in[v] = 1;
  std::uint64_t covered = anyway_;
  const auto stored = static_cast<std::int64_t>(offsets_.size()) - 1;
  const int team = threads > 0 ? threads : omp_get_max_threads();
#pragma omp parallel for schedule(static) reduction(+ : covered) \
    num_threads(team)
  for (std::int64_t s = 0; s < stored; ++s) {
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
