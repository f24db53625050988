// Coupled random draws: every random number a replicate uses is a pure
// function of (seed, replicate, what it is for, which item it is about),
// computed by one of Random123's counter-based generators with those four
// as key and counter. No draw depends on the order a cascade happens to
// take, on which other draws were made before it, or on the scenario's
// parameters. Two scenarios that differ in one probability, or in their
// leaders, then see the same world wherever they agree: a tie that carries
// the practice in one carries it in the other when its probability is at
// least as high, a teacher who would adopt adopts in both, a contact takes
// the same delay. Sweeps, fits, comparisons, placement and calibration rely
// on this.
//
// A success with probability p is "U < t" for a 32-bit uniform U and the
// threshold t = ProbabilityThreshold(p), so raising p never turns a success
// into a failure. For the ties of one teacher, U is drawn in bit planes
// (BitSlicedLess): one block of Random123's Philox gives the same bit of U
// for up to 32 ties at once, and U's bits are compared with t's from the
// top down only until every tie is decided, usually after a handful of
// planes. A teacher's ties thus cost about one block, not one draw per tie.
// Draws about one item (a contact's delay, a teacher's adoption) are
// Philox2x64-10 blocks of 128 bits.
#ifndef COLLABNET_SIM_COUPLED_DRAWS_H_
#define COLLABNET_SIM_COUPLED_DRAWS_H_

#include <Random123/philox.h>

#include <array>
#include <cstdint>

#include "random/philox_stream.h"
#include "sim/probability_threshold.h"

namespace collabnet {

// 256 random bits, for bit planes.
using PlaneBlock = std::array<std::uint64_t, 4>;
// 128 random bits, for the draws about one item.
using ItemBlock = std::array<std::uint64_t, 2>;

class CoupledDraws {
 public:
  explicit CoupledDraws(std::uint64_t seed) : seed_(seed) {}

  // The plane block for (purpose, replicate, item, sub): `item` is the
  // teacher whose ties (or the run of teachers whose broadcast draws) it
  // holds, `sub` the run of 32 and the block within it.
  PlaneBlock Planes(std::uint32_t purpose, std::uint32_t replicate,
                    std::uint32_t item, std::uint32_t sub) const {
    const r123::Philox4x64::ctr_type ctr = {
        {Word(purpose, replicate), Word(sub, item), 0, 0}};
    const r123::Philox4x64::key_type key = {{seed_, 0}};
    const r123::Philox4x64::ctr_type out = r123::Philox4x64()(ctr, key);
    return {out.v[0], out.v[1], out.v[2], out.v[3]};
  }

  // The item block for (purpose, replicate, item, sub).
  ItemBlock Item(std::uint32_t purpose, std::uint32_t replicate,
                 std::uint32_t item, std::uint32_t sub) const {
    const r123::Philox2x64::ctr_type ctr = {
        {Word(purpose, replicate), Word(sub, item)}};
    const r123::Philox2x64::key_type key = {{seed_}};
    const r123::Philox2x64::ctr_type out = r123::Philox2x64()(ctr, key);
    return {out.v[0], out.v[1]};
  }

  // A uniform 32-bit integer from a word's top half.
  static std::uint32_t High32(std::uint64_t word) {
    return static_cast<std::uint32_t>(word >> 32);
  }
  // A uniform on (0, 1] with 53 random bits, safe to take the log of.
  static double OpenUnit(std::uint64_t word) {
    return 1.0 - static_cast<double>(word >> 11) * 0x1.0p-53;
  }

 private:
  static std::uint64_t Word(std::uint32_t hi, std::uint32_t lo) {
    return (std::uint64_t{hi} << 32) | lo;
  }
  std::uint64_t seed_;
};

// The threshold bits of plane k (bit 31 - k of each lane's threshold) for
// the lanes in `undecided`, as a W-lane mask. The uniform case: one
// threshold for every lane, its planes computed once.
class UniformThreshold {
 public:
  explicit UniformThreshold(std::uint32_t threshold) {
    for (int k = 0; k < 32; ++k) {
      planes_[static_cast<std::size_t>(k)] =
          0u - ((threshold >> (31 - k)) & 1u);
    }
  }
  std::uint32_t Plane(int k, std::uint32_t /*undecided*/) const {
    return planes_[static_cast<std::size_t>(k)];
  }

 private:
  std::array<std::uint32_t, 32> planes_{};
};

// Per-lane thresholds t[0..lanes), with their first kStoredPlanes planes
// transposed ahead (`planes`); later planes, wanted for few lanes and
// rarely, are gathered lane by lane.
struct LaneThresholds {
  static constexpr int kStoredPlanes = 8;
  const std::uint32_t* t;
  const std::uint32_t* planes;  // kStoredPlanes lane masks
  std::uint32_t Plane(int k, std::uint32_t undecided) const {
    if (k < kStoredPlanes) return planes[k];
    const int bit = 31 - k;
    std::uint32_t plane = 0;
    for (std::uint32_t m = undecided; m != 0; m &= m - 1) {
      const int lane = __builtin_ctz(m);
      plane |= ((t[lane] >> bit) & 1u) << lane;
    }
    return plane;
  }
};

// The bit planes of W-lane runs: a Philox2x64-10 block of 128 bits for runs
// of up to 16 lanes (16 or 8 planes, which decide all of them nearly
// always), a Philox4x64-10 block of 256 bits (8 planes) for runs of 32.
template <int W>
auto PlaneWords(const CoupledDraws& draws, std::uint32_t purpose,
                std::uint32_t replicate, std::uint32_t item,
                std::uint32_t sub) {
  if constexpr (W == 32) {
    return draws.Planes(purpose, replicate, item, sub);
  } else {
    return draws.Item(purpose, replicate, item, sub);
  }
}

// The lanes of `lanes` (bits of a W-lane set, W = 8, 16 or 32) whose
// uniform U is below their threshold. Lane l's U has, as bit 31 - k, bit l
// of plane k; plane k is the W-bit field k of the blocks
// PlaneWords<W>(draws, purpose, replicate, item, sub + b), fields taken
// from the low bits of each 64-bit word up, read only until every lane is
// decided. An exact compare: lane l succeeds with probability t_l / 2^32.
template <int W, typename Thresholds>
std::uint32_t BitSlicedLess(const CoupledDraws& draws, std::uint32_t purpose,
                            std::uint32_t replicate, std::uint32_t item,
                            std::uint32_t sub, std::uint32_t lanes,
                            const Thresholds& thresholds) {
  static_assert(W == 8 || W == 16 || W == 32);
  constexpr int kPerWord = 64 / W;
  constexpr std::uint32_t kWidth = W == 32 ? ~0u : (1u << W) - 1;
  std::uint32_t less = 0;
  std::uint32_t equal = lanes;  // undecided: U's bits so far equal t's
  int k = 0;
  for (std::uint32_t b = 0;; ++b) {
    for (const std::uint64_t planes :
         PlaneWords<W>(draws, purpose, replicate, item, sub + b)) {
      std::uint64_t word = planes;
      for (int j = 0; j < kPerWord; ++j, ++k) {
        const std::uint32_t u = static_cast<std::uint32_t>(word) & kWidth;
        word >>= W;
        const std::uint32_t t = thresholds.Plane(k, equal);
        less |= equal & ~u & t;
        equal &= ~(u ^ t);
        if (equal == 0) return less;
      }
    }
    if (k == 32) return less;  // lanes still equal have U == t: not below
  }
}

// The lane width a run of `count` items is drawn with: the narrowest that
// holds them, 32 for longer runs (drawn 32 at a time).
inline int LaneWidth(std::uint64_t count) {
  return count <= 8 ? 8 : count <= 16 ? 16 : 32;
}

}  // namespace collabnet

#endif  // COLLABNET_SIM_COUPLED_DRAWS_H_
