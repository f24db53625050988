// Reproducibility, bookkeeping and validation of scenario runs.
#include <atomic>
#include <string>
#include <vector>

#include "data/embedded_default.h"
#include "gtest/gtest.h"
#include "sim/multi_channel_cascade.h"
#include "sim/probability_threshold.h"
#include "sim/runner.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

class DefaultDistrictTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    graph_ = new DistrictGraph(*FreezeDistrict(*EmbeddedDistrict()));
    scenario_ = new Scenario(*EmbeddedScenario());
    scenario_->set_replicates(600);
  }
  static void TearDownTestSuite() {
    delete graph_;
    delete scenario_;
  }
  static std::string RunBytes(const Scenario& s, int threads) {
    absl::StatusOr<RunResult> r =
        RunScenario(*graph_, s, {.threads = threads, .progress = nullptr});
    EXPECT_TRUE(r.ok()) << r.status();
    r->mutable_details()->clear_threads();
    r->mutable_details()->clear_wall_seconds();
    r->mutable_details()->clear_prepare_seconds();
    r->mutable_details()->clear_simulate_seconds();
    return r->SerializeAsString();
  }
  static DistrictGraph* graph_;
  static Scenario* scenario_;
};
DistrictGraph* DefaultDistrictTest::graph_ = nullptr;
Scenario* DefaultDistrictTest::scenario_ = nullptr;

TEST_F(DefaultDistrictTest, SameSeedSameResultOnAnyNumberOfThreads) {
  const std::string one = RunBytes(*scenario_, 1);
  EXPECT_EQ(one, RunBytes(*scenario_, 2));
  EXPECT_EQ(one, RunBytes(*scenario_, 3));
  EXPECT_EQ(one, RunBytes(*scenario_, 8));
  EXPECT_EQ(one, RunBytes(*scenario_, 1));
}

TEST_F(DefaultDistrictTest, WeeklyBandsWithoutAHorizonAreTheSameOnAnyThreads) {
  // Without a horizon each thread's workspace grows to its own longest
  // replicate, so the weeks replicates report themselves for differ.
  Scenario s = *scenario_;
  s.set_horizon(0);
  s.set_replicates(400);
  for (ChannelParams& c : *s.mutable_channels()) c.set_mean_delay_weeks(6);
  const std::string one = RunBytes(s, 1);
  EXPECT_EQ(one, RunBytes(s, 2));
  EXPECT_EQ(one, RunBytes(s, 8));
  RunResult r;
  ASSERT_TRUE(r.ParseFromString(one));
  ASSERT_GT(r.weekly_size(), 36);
  // Every week speaks for every replicate, and the last is the final reach.
  for (const WeekPoint& w : r.weekly()) {
    EXPECT_EQ(w.reached().n(), 400);
    EXPECT_DOUBLE_EQ(w.reached().mean(), w.reached_mean());
    EXPECT_DOUBLE_EQ(w.adopting().mean(), w.adopting_mean());
  }
  const WeekPoint& last = r.weekly(r.weekly_size() - 1);
  EXPECT_DOUBLE_EQ(last.reached().sd(), r.reached().sd());
  ASSERT_EQ(last.reached().quantiles_size(), r.reached().quantiles_size());
  for (int q = 0; q < r.reached().quantiles_size(); ++q) {
    EXPECT_EQ(last.reached().quantiles(q).value(),
              r.reached().quantiles(q).value());
  }
}

TEST_F(DefaultDistrictTest, AnotherSeedGivesAnotherResult) {
  Scenario other = *scenario_;
  other.set_seed(scenario_->seed() + 1);
  EXPECT_NE(RunBytes(*scenario_, 2), RunBytes(other, 2));
}

TEST_F(DefaultDistrictTest, BreakdownsAddUpToTheTotals) {
  absl::StatusOr<RunResult> r = RunScenario(*graph_, *scenario_);
  ASSERT_TRUE(r.ok());
  double by_channel = 0, by_hop = 0, by_school = 0, direct = 0, category = 0;
  for (const ChannelReach& c : r->reached_by_channel()) {
    by_channel += c.teachers().mean();
  }
  for (const ChannelReach& c : r->direct_reach_by_channel()) {
    direct += c.teachers().mean();
  }
  for (const HopReach& h : r->reached_by_hop()) by_hop += h.teachers().mean();
  for (const SchoolReach& s : r->schools()) by_school += s.reached().mean();
  for (const CategoryComparison& c : r->observed_comparison()) {
    category += c.simulated().mean();
  }
  const double reached = r->reached().mean();
  EXPECT_NEAR(by_channel, reached, 1e-9 * reached);
  EXPECT_NEAR(by_hop, reached, 1e-9 * reached);
  EXPECT_NEAR(by_school, reached, 1e-9 * reached);
  EXPECT_NEAR(direct, r->direct_reach().mean(), 1e-9 * reached);
  EXPECT_NEAR(category, r->direct_reach().mean(), 1e-9 * reached);
  EXPECT_DOUBLE_EQ(r->reached_by_hop(0).teachers().mean(),
                   r->direct_reach().mean());
  EXPECT_NEAR(r->weekly().rbegin()->reached_mean(), reached, 1e-9 * reached);
  EXPECT_LE(r->adopting().mean(), reached);
}

TEST_F(DefaultDistrictTest, ResultCarriesItsRunDetails) {
  absl::StatusOr<RunResult> r =
      RunScenario(*graph_, *scenario_, {.threads = 2, .progress = nullptr});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->details().seed(), scenario_->seed());
  EXPECT_EQ(r->details().replicates(), 600);
  EXPECT_EQ(r->details().threads(), 2);
  EXPECT_EQ(r->details().teachers(), 1400);
  EXPECT_EQ(r->details().horizon(), 36);
  EXPECT_EQ(r->details().time_unit(), "week");
  EXPECT_EQ(r->details().draws(), "coupled");
  EXPECT_EQ(r->details().model(), "multi_channel_cascade");
  EXPECT_GT(r->details().wall_seconds(), 0);
  EXPECT_EQ(r->leaders_size(), 4);
  EXPECT_EQ(r->weekly_size(), 37);
}

TEST_F(DefaultDistrictTest, ProgressReachesTheTotal) {
  std::int64_t last = 0;
  RunOptions options;
  options.threads = 2;
  options.progress = [&last](std::int64_t done, std::int64_t total) {
    EXPECT_LE(done, total);
    last = done;
  };
  ASSERT_TRUE(RunScenario(*graph_, *scenario_, options).ok());
  EXPECT_EQ(last, 600);
}

TEST_F(DefaultDistrictTest, RunToPrecisionDoublesUntilTheIntervalIsNarrow) {
  Scenario s = *scenario_;
  s.set_replicates(100);
  absl::StatusOr<RunResult> r = RunToPrecision(*graph_, s, 5.0, 100000);
  ASSERT_TRUE(r.ok()) << r.status();
  const double half = r->reached().ci_high() - r->reached().mean();
  EXPECT_LE(half, 5.0);
  EXPECT_TRUE(r->details().target_met());
  EXPECT_EQ(r->details().target_half_width(), 5.0);
  const int n = r->details().replicates();
  EXPECT_EQ(n % 100, 0);
  // Half as many replicates were not enough (the doubling stopped on time).
  s.set_replicates(n / 2);
  absl::StatusOr<RunResult> fewer = RunScenario(*graph_, s);
  ASSERT_TRUE(fewer.ok());
  EXPECT_GT(fewer->reached().ci_high() - fewer->reached().mean(), 5.0);
  // And the result is exactly the plain run with the final count.
  s.set_replicates(n);
  RunResult plain = *RunScenario(*graph_, s);
  RunResult stopped = *r;
  plain.clear_details();
  stopped.clear_details();
  EXPECT_EQ(plain.SerializeAsString(), stopped.SerializeAsString());
  // Each step ran only its new replicates: every replicate once.
  s.set_replicates(100);
  std::vector<std::atomic<int>> runs(static_cast<std::size_t>(n));
  RunOptions counting;
  counting.on_replicate = [&runs](std::uint32_t replicate,
                                  const ReplicateCounts&) {
    ++runs[replicate];
  };
  ASSERT_TRUE(RunToPrecision(*graph_, s, 5.0, 100000, counting).ok());
  for (std::size_t i = 0; i < runs.size(); ++i) {
    ASSERT_EQ(runs[i].load(), 1) << "replicate " << i;
  }
  // A cap stops it short, and says so.
  s.set_replicates(100);
  absl::StatusOr<RunResult> capped = RunToPrecision(*graph_, s, 0.01, 400);
  ASSERT_TRUE(capped.ok());
  EXPECT_EQ(capped->details().replicates(), 400);
  EXPECT_FALSE(capped->details().target_met());
  EXPECT_FALSE(RunToPrecision(*graph_, s, 0, 400).ok());
  EXPECT_FALSE(RunToPrecision(*graph_, s, 1, 50).ok());
}

TEST_F(DefaultDistrictTest, RunDetailsTimeEachPhase) {
  absl::StatusOr<RunResult> r = RunScenario(*graph_, *scenario_);
  ASSERT_TRUE(r.ok());
  EXPECT_GT(r->details().prepare_seconds(), 0);
  EXPECT_GT(r->details().simulate_seconds(), 0);
  EXPECT_LE(r->details().prepare_seconds() + r->details().simulate_seconds(),
            r->details().wall_seconds());
}

TEST(ProbabilityThreshold, EndsAreExact) {
  EXPECT_EQ(ProbabilityThreshold(0), 0u);
  EXPECT_EQ(ProbabilityThreshold(-1), 0u);
  EXPECT_EQ(ProbabilityThreshold(1), kAlways);
  EXPECT_EQ(ProbabilityThreshold(0.5), 0x80000000u);
  // Every draw passes kAlways and none passes 0.
  for (std::uint32_t u : {0u, 1u, 0x80000000u, 0xFFFFFFFEu, 0xFFFFFFFFu}) {
    EXPECT_TRUE(Below(u, kAlways)) << u;
    EXPECT_FALSE(Below(u, 0)) << u;
  }
  EXPECT_TRUE(Below(0x7FFFFFFFu, 0x80000000u));
  EXPECT_FALSE(Below(0x80000000u, 0x80000000u));
}

TEST(RunScenario, ChannelsNotListedNeverTransmit) {
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(testing::Star(20, ADVICE));
  Scenario s = testing::SimpleScenario({0}, 1.0, 50);
  s.clear_channels();
  ChannelParams* c = s.add_channels();
  c->set_channel(PLC);
  c->set_probability(1);
  absl::StatusOr<RunResult> r = RunScenario(*g, s);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->reached().mean(), 0);
}

}  // namespace
}  // namespace collabnet
