// PhiloxStream: a reproducible stream of random numbers identified by
// (seed, index, purpose), from Random123's Philox4x32-10 counter-based
// generator (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3",
// SC 2011).
//
// The numbers depend only on the three identifiers, never on the thread that
// draws them or on other streams, so a replicate gives the same result on 1
// thread or 64, and giving each purpose its own stream means adding a new
// kind of draw never changes the old ones.
//
//   PhiloxStream rng(seed, index, kPurposeGenerator);
//   if (rng.NextU32() < threshold) ...
//
// Thread-compatible: one stream per thread; streams are cheap to create.
#ifndef COLLABNET_RANDOM_PHILOX_STREAM_H_
#define COLLABNET_RANDOM_PHILOX_STREAM_H_

#include <Random123/philox.h>

#include <cmath>
#include <cstdint>

namespace collabnet {

// What a draw is for. Never renumber: results are keyed by these values.
// The simulator's coupled draws (sim/coupled_draws.h) are keyed by their
// purpose, the replicate and the item they are about.
enum RandomPurpose : std::uint32_t {
  kPurposeCascade = 1,         // a replicate's one stream (DrawMode::kStream)
  kPurposeGenerator = 2,       // synthetic districts
  kPurposeThresholds = 3,      // a teacher's linear-threshold threshold
  kPurposeTieBreak = 4,        // ties in rankings
  kPurposeCalibration = 5,     // parameter fitting
  kPurposeArcSuccess = 6,      // whether a tie carries the practice
  kPurposeContactDelay = 7,    // the weeks a successful contact takes
  kPurposeAdoption = 8,        // whether a reached teacher adopts, and for how
                               // long they practise
  kPurposeBroadcast = 9,       // whether a broadcast reaches a teacher
  kPurposeLiveEdge = 10,       // the live-edge reference estimators
  kPurposeReverseSample = 11,  // a reverse-reachable sample (placement)
  kPurposeRandomPlacement = 12,  // leaders placed at random (a baseline)
  kPurposeGreedyRuns = 13,       // the seed of greedy placement's own runs
  kPurposeCommunities = 14,      // the seed of a community search start
};

class PhiloxStream {
 public:
  PhiloxStream(std::uint64_t seed, std::uint64_t index, std::uint32_t purpose)
      : key_{{static_cast<std::uint32_t>(seed),
              static_cast<std::uint32_t>(seed >> 32)}},
        ctr_{{0, static_cast<std::uint32_t>(index),
              static_cast<std::uint32_t>(index >> 32), purpose}} {}

  // A uniform 32-bit integer.
  std::uint32_t NextU32() {
    if (used_ == kBuffered) Refill();
    return buffer_[used_++];
  }

  // Uniform on [0, 1) with 53 random bits.
  double NextDouble() {
    const std::uint64_t hi = NextU32() >> 5;  // 27 bits
    const std::uint64_t lo = NextU32() >> 6;  // 26 bits
    return static_cast<double>((hi << 26) | lo) * 0x1.0p-53;
  }

  // Uniform on (0, 1], safe to take the logarithm of.
  double NextOpenDouble() { return 1.0 - NextDouble(); }

  // Uniform on (0, 1] with 32-bit resolution, from a single draw: for
  // geometric jumps, where the 2^-32 granularity is far below Monte Carlo
  // error and one draw instead of two matters.
  double NextOpenDouble32() {
    return (static_cast<double>(NextU32()) + 1.0) * 0x1.0p-32;
  }

  // The same rounded to float (24-bit mantissa): values within 2^-25 of 1
  // become 1. For single-precision logarithms in geometric jumps.
  float NextOpenFloat() { return static_cast<float>(NextOpenDouble32()); }

  // Uniform integer in [0, n), n > 0, without modulo bias (Lemire's method).
  std::uint32_t NextBelow(std::uint32_t n) {
    std::uint64_t m = static_cast<std::uint64_t>(NextU32()) * n;
    auto low = static_cast<std::uint32_t>(m);
    if (low < n) {
      const std::uint32_t threshold = -n % n;
      while (low < threshold) {
        m = static_cast<std::uint64_t>(NextU32()) * n;
        low = static_cast<std::uint32_t>(m);
      }
    }
    return static_cast<std::uint32_t>(m >> 32);
  }

  bool Bernoulli(double p) { return NextDouble() < p; }

  // Poisson by inversion; for the small means the generator uses.
  int Poisson(double mean) {
    if (mean <= 0) return 0;
    if (mean > 30) {
      // Normal approximation, rounded; used only for large group sizes.
      const double z = Normal();
      const double x = std::round(mean + std::sqrt(mean) * z);
      return x < 0 ? 0 : static_cast<int>(x);
    }
    const double l = std::exp(-mean);
    int k = 0;
    double p = NextOpenDouble();
    while (p > l) {
      ++k;
      p *= NextOpenDouble();
    }
    return k;
  }

  // Standard normal (Box-Muller; the second value is dropped for simplicity
  // of the stream's state).
  double Normal() {
    const double u1 = NextOpenDouble();
    const double u2 = NextDouble();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

 private:
  // Four counter blocks at a time: independent rounds the processor can
  // overlap. The numbers are those of blocks 0, 1, 2, ... in order, the same
  // as drawing one block at a time.
  static constexpr int kBlocks = 4;
  static constexpr int kBuffered = 4 * kBlocks;

  void Refill() {
    for (int b = 0; b < kBlocks; ++b) {
      const r123::Philox4x32::ctr_type out = philox_(ctr_, key_);
      for (int i = 0; i < 4; ++i) buffer_[4 * b + i] = out.v[i];
      ++ctr_.v[0];
      // 2^32 blocks per stream is 16 G draws; a replicate never comes close,
      // but wrapping the counter would repeat numbers, so carry into the
      // purpose word's high bits rather than wrap silently.
      if (ctr_.v[0] == 0) ctr_.v[3] += 1u << 16;
    }
    used_ = 0;
  }

  r123::Philox4x32 philox_;
  r123::Philox4x32::key_type key_;
  r123::Philox4x32::ctr_type ctr_;
  std::uint32_t buffer_[kBuffered];
  int used_ = kBuffered;
};

}  // namespace collabnet

#endif  // COLLABNET_RANDOM_PHILOX_STREAM_H_
