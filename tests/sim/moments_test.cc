#include "sim/moments.h"

#include <cmath>
#include <vector>

#include "gtest/gtest.h"
#include "random/philox_stream.h"
#include "sim/count_histogram.h"
#include "sim/quantiles.h"

namespace collabnet {
namespace {

TEST(CountHistogram, EqualsTheEstimateOfTheValuesOneByOne) {
  // Few distinct values, many repeats, in two halves merged: the same
  // moments and quantiles as the values themselves.
  PhiloxStream rng(11, 0, kPurposeTieBreak);
  std::vector<std::int32_t> values;
  CountHistogram first, second;
  for (int i = 0; i < 1001; ++i) {
    const auto x = static_cast<std::int32_t>(rng.NextBelow(40)) - 5;
    values.push_back(x);
    (i % 3 == 0 ? first : second).Add(x);
  }
  first.Merge(second);
  Moments m;
  for (std::int32_t x : values) m.Add(x);
  Estimate expected = MakeEstimate(m, static_cast<std::int64_t>(values.size()));
  AddQuantiles(values, expected);
  const Estimate got = first.ToEstimate();
  EXPECT_EQ(got.SerializeAsString(), expected.SerializeAsString());
  EXPECT_EQ(first.n(), 1001);
  // Interpolation between distinct neighbours: 1, 2, 2, 10 at 5% is 1.15.
  CountHistogram h;
  h.Add(10);
  h.Add(2, 2);
  h.Add(1);
  EXPECT_DOUBLE_EQ(h.ToEstimate().quantiles(0).value(), 1.15);
  EXPECT_DOUBLE_EQ(h.ToEstimate().quantiles(4).value(), 10 - 0.15 * 8);
  EXPECT_EQ(CountHistogram().ToEstimate().quantiles_size(), 0);
}

TEST(MakeEstimate, MeanSdAndInterval) {
  Moments m;
  for (int x : {2, 4, 4, 4, 5, 5, 7, 9}) m.Add(x);
  const Estimate e = MakeEstimate(m, 8);
  EXPECT_DOUBLE_EQ(e.mean(), 5.0);
  EXPECT_DOUBLE_EQ(e.sd(), std::sqrt(32.0 / 7.0));  // sample sd
  const double half = 1.959963984540054 * e.sd() / std::sqrt(8.0);
  EXPECT_DOUBLE_EQ(e.ci_low(), 5.0 - half);
  EXPECT_DOUBLE_EQ(e.ci_high(), 5.0 + half);
  EXPECT_EQ(e.n(), 8);
}

TEST(MakeEstimate, ConstantAndSingleValuesHaveZeroWidth) {
  Moments m;
  for (int i = 0; i < 5; ++i) m.Add(300000);
  EXPECT_EQ(MakeEstimate(m, 5).sd(), 0);
  Moments one;
  one.Add(7);
  EXPECT_EQ(MakeEstimate(one, 1).sd(), 0);
  EXPECT_EQ(MakeEstimate(one, 1).mean(), 7);
}

TEST(MakeEstimate, NoCancellationForLargeCountsWithTinyVariance) {
  // Values around 10^9 whose variance is 0.25: naive double arithmetic on
  // the sums would lose it entirely.
  Moments m;
  for (int i = 0; i < 1000; ++i) m.Add(1000000000 + (i % 2));
  const Estimate e = MakeEstimate(m, 1000);
  EXPECT_NEAR(e.sd(), std::sqrt(0.25 * 1000 / 999), 1e-12);
}

TEST(Moments, SumsOfSquaresDoNotOverflowForStateSizedReach) {
  // A reach of ten million in each of 200,000 replicates: 2e19 squared sum.
  Moments m;
  for (int i = 0; i < 200000; ++i) m.Add(10'000'000);
  const Estimate e = MakeEstimate(m, 200000);
  EXPECT_EQ(e.mean(), 1e7);
  EXPECT_EQ(e.sd(), 0);
}

TEST(Moments, MergingEqualsAddingInOneGo) {
  Moments a, b, all;
  for (int i = 0; i < 10; ++i) {
    (i % 3 == 0 ? a : b).Add(std::int64_t{i} * i);
    all.Add(std::int64_t{i} * i);
  }
  a.Merge(b);
  EXPECT_EQ(a.sum, all.sum);
  EXPECT_TRUE(a.sum_squares == all.sum_squares);
}

}  // namespace
}  // namespace collabnet
