// The random numbers themselves: Random123's published known answers for
// the generators every draw comes from, the stream and the coupled draws
// built on them, and the bit-sliced compare against a lane-by-lane one.
#include "sim/coupled_draws.h"

#include <Random123/philox.h>

#include <vector>

#include "gtest/gtest.h"
#include "random/philox_stream.h"
#include "sim/arc_coins.h"
#include "sim/probability_threshold.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

// Random123's known-answer vectors (its tests/kat_vectors): counter, key,
// result.
TEST(Philox, MatchesRandom123KnownAnswers) {
  using P32 = r123::Philox4x32;
  EXPECT_EQ(P32()({{0, 0, 0, 0}}, {{0, 0}}),
            (P32::ctr_type{{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}}));
  EXPECT_EQ(P32()({{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}},
                  {{0xffffffff, 0xffffffff}}),
            (P32::ctr_type{{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}}));
  EXPECT_EQ(P32()({{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}},
                  {{0xa4093822, 0x299f31d0}}),
            (P32::ctr_type{{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}}));
  using P2 = r123::Philox2x64;
  EXPECT_EQ(P2()({{0, 0}}, {{0}}),
            (P2::ctr_type{{0xca00a0459843d731, 0x66c24222c9a845b5}}));
  EXPECT_EQ(P2()({{~0ull, ~0ull}}, {{~0ull}}),
            (P2::ctr_type{{0x65b021d60cd8310f, 0x4d02f3222f86df20}}));
  EXPECT_EQ(
      P2()({{0x243f6a8885a308d3, 0x13198a2e03707344}}, {{0xa4093822299f31d0}}),
      (P2::ctr_type{{0x0a5e742c2997341c, 0xb0f883d38000de5d}}));
  using P4 = r123::Philox4x64;
  EXPECT_EQ(P4()({{0, 0, 0, 0}}, {{0, 0}}),
            (P4::ctr_type{{0x16554d9eca36314c, 0xdb20fe9d672d0fdc,
                           0xd7e772cee186176b, 0x7e68b68aec7ba23b}}));
  EXPECT_EQ(P4()({{~0ull, ~0ull, ~0ull, ~0ull}}, {{~0ull, ~0ull}}),
            (P4::ctr_type{{0x87b092c3013fe90b, 0x438c3c67be8d0224,
                           0x9cc7d7c69cd777b6, 0xa09caebf594f0ba0}}));
  EXPECT_EQ(P4()({{0x243f6a8885a308d3, 0x13198a2e03707344, 0xa4093822299f31d0,
                   0x082efa98ec4e6c89}},
                 {{0x452821e638d01377, 0xbe5466cf34e90c6c}}),
            (P4::ctr_type{{0xa528f45403e61d95, 0x38c72dbd566e9788,
                           0xa5a1610e72fd18b5, 0x57bd43b5e52b7fe6}}));
}

TEST(PhiloxStream, KnownAnswers) {
  // Stream (seed 0, index 0, purpose 0) is Philox4x32-10 at key 0 and
  // counters (0, 0, 0, 0), (1, 0, 0, 0), ...: its first block is
  // Random123's zero vector.
  PhiloxStream zero(0, 0, 0);
  for (std::uint32_t expected :
       {0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u}) {
    EXPECT_EQ(zero.NextU32(), expected);
  }
  // Any stream: block b of (seed, index, purpose) is the generator at key
  // (seed low, seed high) and counter (b, index low, index high, purpose).
  const std::uint64_t seed = 0x0123456789abcdefull;
  const std::uint64_t index = 0x00000002fedcba98ull;
  PhiloxStream stream(seed, index, kPurposeCascade);
  for (std::uint32_t b = 0; b < 9; ++b) {
    const r123::Philox4x32::ctr_type out = r123::Philox4x32()(
        {{b, static_cast<std::uint32_t>(index),
          static_cast<std::uint32_t>(index >> 32), kPurposeCascade}},
        {{static_cast<std::uint32_t>(seed),
          static_cast<std::uint32_t>(seed >> 32)}});
    for (int i = 0; i < 4; ++i) ASSERT_EQ(stream.NextU32(), out.v[i]) << b;
  }
  // What a replicate's stream starts with, frozen: a change to the stream
  // changes every single run, and must show here first.
  PhiloxStream replicate(20190601, 7, kPurposeCascade);
  const std::uint32_t expected[] = {0x1e08c244u, 0x77f0df57u, 0xd92d98a6u,
                                    0x0b3725acu};
  for (std::uint32_t e : expected) EXPECT_EQ(replicate.NextU32(), e);
}

TEST(CoupledDraws, BlocksAreTheGeneratorsAtTheirKeys) {
  // Item blocks: Philox2x64-10, key the seed, counter (purpose << 32 |
  // replicate, sub << 32 | item); plane blocks: Philox4x64-10 with the same
  // two words and zeros, key (seed, 0). So seed 0 and all-zero keys give
  // Random123's zero vectors.
  const CoupledDraws zero(0);
  EXPECT_EQ(zero.Item(0, 0, 0, 0),
            (ItemBlock{0xca00a0459843d731, 0x66c24222c9a845b5}));
  EXPECT_EQ(zero.Planes(0, 0, 0, 0),
            (PlaneBlock{0x16554d9eca36314c, 0xdb20fe9d672d0fdc,
                        0xd7e772cee186176b, 0x7e68b68aec7ba23b}));
  const CoupledDraws draws(0xa4093822299f31d0ull);
  const r123::Philox2x64::ctr_type out =
      r123::Philox2x64()({{(std::uint64_t{kPurposeAdoption} << 32) | 5,
                           (std::uint64_t{3} << 32) | 11}},
                         {{0xa4093822299f31d0ull}});
  EXPECT_EQ(draws.Item(kPurposeAdoption, 5, 11, 3),
            (ItemBlock{out.v[0], out.v[1]}));
  // Each of the four identifiers changes the block.
  const ItemBlock base = draws.Item(kPurposeAdoption, 5, 11, 3);
  EXPECT_NE(draws.Item(kPurposeContactDelay, 5, 11, 3), base);
  EXPECT_NE(draws.Item(kPurposeAdoption, 6, 11, 3), base);
  EXPECT_NE(draws.Item(kPurposeAdoption, 5, 12, 3), base);
  EXPECT_NE(draws.Item(kPurposeAdoption, 5, 11, 4), base);
  EXPECT_NE(CoupledDraws(1).Item(kPurposeAdoption, 5, 11, 3), base);
}

// Lane l's U, assembled a bit at a time as BitSlicedLess documents it.
template <int W>
std::uint32_t LaneUniform(const CoupledDraws& d, std::uint32_t purpose,
                          std::uint32_t replicate, std::uint32_t item,
                          std::uint32_t sub, int lane) {
  const int per_block = (W == 32 ? 256 : 128) / W;
  std::uint32_t u = 0;
  for (int k = 0; k < 32; ++k) {
    const auto b = static_cast<std::uint32_t>(k / per_block);
    const int plane = k % per_block;
    const std::uint64_t word =
        W == 32 ? d.Planes(purpose, replicate, item, sub + b)[plane / (64 / W)]
                : d.Item(purpose, replicate, item, sub + b)[plane / (64 / W)];
    const int shift = W * (plane % (64 / W));
    u |= static_cast<std::uint32_t>((word >> (shift + lane)) & 1u) << (31 - k);
  }
  return u;
}

template <int W>
void ExpectBitSlicedLessIsTheLaneCompare() {
  const CoupledDraws draws(77);
  PhiloxStream pick(5, W, kPurposeTieBreak);
  for (int trial = 0; trial < 300; ++trial) {
    const std::uint32_t replicate = pick.NextU32() % 1000;
    const std::uint32_t item = pick.NextU32() % 5000;
    std::vector<std::uint32_t> t(W);
    std::uint32_t planes[LaneThresholds::kStoredPlanes] = {};
    for (int l = 0; l < W; ++l) {
      // Thresholds near each lane's U, so that the compare runs deep, and
      // exactly at it, where U < t is false.
      const std::uint32_t u =
          LaneUniform<W>(draws, kPurposeArcSuccess, replicate, item, 0, l);
      const std::uint32_t r = pick.NextU32();
      t[l] = r % 4 == 0 ? u : r % 4 == 1 ? u + 1 : r % 4 == 2 ? r : r >> 20;
      for (int k = 0; k < LaneThresholds::kStoredPlanes; ++k) {
        if ((t[l] >> (31 - k)) & 1u) planes[k] |= 1u << l;
      }
    }
    const std::uint32_t lanes =
        (W == 32 ? ~0u : (1u << W) - 1) & (pick.NextU32() | 1u);
    const std::uint32_t got =
        BitSlicedLess<W>(draws, kPurposeArcSuccess, replicate, item, 0, lanes,
                         LaneThresholds{t.data(), planes});
    std::uint32_t expected = 0;
    for (int l = 0; l < W; ++l) {
      const std::uint32_t u =
          LaneUniform<W>(draws, kPurposeArcSuccess, replicate, item, 0, l);
      if (((lanes >> l) & 1u) && u < t[l]) expected |= 1u << l;
    }
    ASSERT_EQ(got, expected) << "trial " << trial;
    // One threshold for all lanes gives the same answer as lane by lane.
    const UniformThreshold uniform(t[0]);
    std::uint32_t uniform_expected = 0;
    for (int l = 0; l < W; ++l) {
      const std::uint32_t u =
          LaneUniform<W>(draws, kPurposeArcSuccess, replicate, item, 0, l);
      if (((lanes >> l) & 1u) && u < t[0]) uniform_expected |= 1u << l;
    }
    ASSERT_EQ(BitSlicedLess<W>(draws, kPurposeArcSuccess, replicate, item, 0,
                               lanes, uniform),
              uniform_expected);
  }
}

TEST(BitSlicedLess, IsTheLaneByLaneCompareInEveryWidth) {
  ExpectBitSlicedLessIsTheLaneCompare<8>();
  ExpectBitSlicedLessIsTheLaneCompare<16>();
  ExpectBitSlicedLessIsTheLaneCompare<32>();
}

TEST(ArcCoins, SuccessesAreEachArcsUniformBelowItsThreshold) {
  // Vertices of every run shape: 1, 8 and 9, 16 and 17, 32, 33 and 100
  // out-arcs; thresholds of every kind, certain ones included.
  std::vector<testing::TieSpec> ties;
  int next = 1;
  for (int degree : {1, 8, 9, 16, 17, 32, 33, 100}) {
    const int source = next++;
    for (int i = 0; i < degree; ++i) ties.push_back({source, next++});
  }
  absl::StatusOr<DistrictGraph> g =
      FreezeDistrict(testing::MakeDistrict(next, ties));
  ASSERT_TRUE(g.ok());
  PhiloxStream pick(9, 0, kPurposeTieBreak);
  std::vector<double> p(g->num_arcs());
  for (double& x : p) {
    const std::uint32_t r = pick.NextU32() % 5;
    x = r == 0 ? 1.0 : r == 1 ? 0.0 : pick.NextDouble();
  }
  const CoupledDraws draws(123);
  for (const ArcCoins& coins :
       {ArcCoins::PerArc(*g, p), ArcCoins::Uniform(*g, 0.3)}) {
    for (std::uint32_t replicate : {0u, 1u, 999u}) {
      std::vector<bool> success(g->num_arcs(), false);
      for (VertexId u = 0; u < g->num_vertices(); ++u) {
        ArcIndex last = 0;
        bool first = true;
        coins.ForEachSuccess(draws, replicate, u, [&](ArcIndex a) {
          EXPECT_TRUE(first || a > last) << "arcs come in order";
          EXPECT_GE(a, g->arc_begin(u));
          EXPECT_LT(a, g->arc_end(u));
          first = false;
          last = a;
          success[a] = true;
        });
      }
      for (ArcIndex a = 0; a < g->num_arcs(); ++a) {
        const bool expected = Below(
            ArcCoins::Uniform32(*g, draws, replicate, a), coins.threshold(a));
        ASSERT_EQ(success[a], expected)
            << "arc " << a << ", replicate " << replicate;
      }
    }
  }
}

}  // namespace
}  // namespace collabnet
