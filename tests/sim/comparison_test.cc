// Scenarios compared on coupled draws: differences are paired replicate by
// replicate, so a scenario against itself differs by exactly nothing, a
// superset of leaders never reaches fewer, and the paired interval is
// narrower than the two unpaired ones side by side.
#include "sim/comparison.h"

#include <gtest/gtest.h>

#include <cmath>

#include "graph/district_graph.h"
#include "tests/place/place_test_support.h"

namespace collabnet {
namespace {

Scenario Base() {
  Scenario s;
  s.set_name("base");
  s.set_seed(5);
  s.set_replicates(2000);
  s.set_horizon(12);
  for (Channel ch :
       {PD_WORKSHOP, PLC, CO_TEACHING, SOCIAL_MEDIA, JOB_EMBEDDED_COACHING}) {
    ChannelParams* p = s.add_channels();
    p->set_channel(ch);
    p->set_probability(0.15);
    p->set_mean_delay_weeks(2);
  }
  s.mutable_multi_channel()->set_adoption_at_zero_readiness(0.4);
  s.add_leaders("t1");
  s.add_leaders("t2");
  return s;
}

TEST(CompareScenarios, DifferencesArePairedByReplicate) {
  const District district = testing::RandomDistrict(120, 4, 360, 21);
  absl::StatusOr<DistrictGraph> graph = FreezeDistrict(district);
  ASSERT_TRUE(graph.ok()) << graph.status();
  Scenario more = Base();
  more.add_leaders("t40");
  more.add_leaders("t77");
  Scenario other_seed = Base();
  other_seed.set_seed(99);  // the first's seed holds for all
  absl::StatusOr<ComparisonResult> c = CompareScenarios(
      *graph, {{"base", Base()}, {"same", other_seed}, {"more", more}},
      {.threads = 2});
  ASSERT_TRUE(c.ok()) << c.status();
  ASSERT_EQ(c->rows_size(), 3);
  EXPECT_EQ(c->seed(), 5u);
  const ComparisonRow& base = c->rows(0);
  const ComparisonRow& same = c->rows(1);
  const ComparisonRow& bigger = c->rows(2);
  EXPECT_FALSE(base.has_reached_difference());
  // The same scenario sees the same worlds: no difference at all.
  EXPECT_EQ(same.reached().mean(), base.reached().mean());
  EXPECT_EQ(same.reached_difference().mean(), 0);
  EXPECT_EQ(same.reached_difference().sd(), 0);
  EXPECT_FALSE(same.reached_significant());
  // More leaders reach a superset in every world (they reach teachers the
  // base counts as reached, and themselves, so reached can fall by at
  // most the two new leaders).
  EXPECT_NEAR(bigger.reached_difference().mean(),
              bigger.reached().mean() - base.reached().mean(), 1e-9);
  EXPECT_GE(bigger.reached_difference().ci_low(), -2);
  EXPECT_TRUE(bigger.reached_significant());
  // Paired: narrower than the unpaired interval of the difference.
  const double unpaired =
      1.96 * std::hypot(base.reached().sd(), bigger.reached().sd()) /
      std::sqrt(2000.0);
  const double paired = (bigger.reached_difference().ci_high() -
                         bigger.reached_difference().ci_low()) /
                        2;
  EXPECT_LT(paired, 0.8 * unpaired);
  // Title I: half the schools are; the share is a share.
  ASSERT_TRUE(base.has_title_i_share());
  EXPECT_GT(base.title_i_share().mean(), 0);
  EXPECT_LT(base.title_i_share().mean(), 1);
  EXPECT_GT(base.schools_reached().mean(), 1);
  EXPECT_LE(base.schools_reached().mean(), 4);
}

TEST(CompareScenarios, TheSameOnOneAndTwoThreads) {
  const District district = testing::RandomDistrict(80, 3, 200, 8);
  absl::StatusOr<DistrictGraph> graph = FreezeDistrict(district);
  ASSERT_TRUE(graph.ok());
  Scenario more = Base();
  more.add_leaders("t9");
  std::string bytes[2];
  for (int threads : {1, 2}) {
    absl::StatusOr<ComparisonResult> c = CompareScenarios(
        *graph, {{"base", Base()}, {"more", more}}, {.threads = threads});
    ASSERT_TRUE(c.ok());
    for (ComparisonRow& r : *c->mutable_rows()) {
      r.mutable_result()->clear_details();
    }
    bytes[threads - 1] = c->SerializeAsString();
  }
  EXPECT_EQ(bytes[0], bytes[1]);
}

TEST(CompareScenarios, RefusesAnInvalidScenarioByName) {
  const District district = testing::RandomDistrict(20, 2, 30, 1);
  absl::StatusOr<DistrictGraph> graph = FreezeDistrict(district);
  ASSERT_TRUE(graph.ok());
  Scenario bad = Base();
  bad.add_leaders("nobody");
  absl::StatusOr<ComparisonResult> c =
      CompareScenarios(*graph, {{"base", Base()}, {"typo", bad}});
  EXPECT_TRUE(absl::IsInvalidArgument(c.status()));
  EXPECT_NE(c.status().message().find("'typo'"), std::string::npos);
  EXPECT_FALSE(CompareScenarios(*graph, {}).ok());
}

}  // namespace
}  // namespace collabnet
