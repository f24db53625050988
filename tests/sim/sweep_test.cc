#include "sim/sweep.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

using ::testing::HasSubstr;

TEST(SetScenarioParameter, SetsNumbersFlagsAndChannelFields) {
  Scenario s = testing::SimpleScenario({0}, 0.1, 10);
  ASSERT_TRUE(SetScenarioParameter(s, "leader_credibility", "2.5").ok());
  EXPECT_EQ(s.leader_credibility(), 2.5);
  ASSERT_TRUE(SetScenarioParameter(s, "horizon_weeks", "36").ok());
  EXPECT_EQ(s.horizon_weeks(), 36);
  ASSERT_TRUE(SetScenarioParameter(s, "use_tie_weights", "true").ok());
  EXPECT_TRUE(s.use_tie_weights());
  ASSERT_TRUE(SetScenarioParameter(s, "model", "LINEAR_THRESHOLD").ok());
  EXPECT_EQ(s.model(), LINEAR_THRESHOLD);
  ASSERT_TRUE(
      SetScenarioParameter(s, "channel.pd_workshop.probability", "0.7").ok());
  ASSERT_TRUE(
      SetScenarioParameter(s, "channel.plc.mean_delay_weeks", "3").ok());
  ASSERT_TRUE(
      SetScenarioParameter(s, "leader_capacity.teachers_per_term", "8").ok());
  EXPECT_EQ(s.leader_capacity().teachers_per_term(), 8);
  ASSERT_TRUE(SetScenarioParameter(s, "calendar.plc_every_weeks", "2").ok());
  EXPECT_EQ(s.calendar().plc_every_weeks(), 2);
  for (const ChannelParams& c : s.channels()) {
    if (c.channel() == PD_WORKSHOP) {
      EXPECT_EQ(c.probability(), 0.7);
    }
    if (c.channel() == PLC) {
      EXPECT_EQ(c.mean_delay_weeks(), 3);
    }
  }
}

TEST(SetScenarioParameter, ErrorsNameTheParameterAndValue) {
  Scenario s = testing::SimpleScenario({0}, 0.1, 10);
  EXPECT_THAT(SetScenarioParameter(s, "nope", "1").message(),
              HasSubstr("unknown parameter 'nope'"));
  EXPECT_THAT(SetScenarioParameter(s, "name", "x").message(),
              HasSubstr("unknown parameter 'name'"));
  EXPECT_THAT(SetScenarioParameter(s, "horizon_weeks", "3.5").message(),
              HasSubstr("found '3.5'; expected a whole number"));
  EXPECT_THAT(SetScenarioParameter(s, "channel.pd.probability", "1").message(),
              HasSubstr("unknown channel 'pd'"));
  EXPECT_THAT(SetScenarioParameter(s, "channel.plc.channel", "1").message(),
              HasSubstr("expected channel.NAME.probability"));
  EXPECT_THAT(SetScenarioParameter(s, "calendar.pd_weeks", "1").message(),
              HasSubstr("unknown parameter 'calendar.pd_weeks'"));
  EXPECT_THAT(SetScenarioParameter(s, "leaders.x", "1").message(),
              HasSubstr("unknown parameter 'leaders.x'"));
  EXPECT_THAT(SetScenarioParameter(s, "calendar.term_weeks", "x").message(),
              HasSubstr("expected a whole number"));
  s.clear_channels();
  EXPECT_THAT(SetScenarioParameter(s, "channel.plc.probability", "1").message(),
              HasSubstr("not listed in the scenario"));
}

TEST(RunSweep, GridInOrderWithCommonRandomNumbers) {
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(testing::Star(60));
  ASSERT_TRUE(g.ok());
  Scenario base = testing::SimpleScenario({0}, 0.1, 300, 77);
  const std::vector<SweepAxis> axes = {
      {"probability", {"0.2", "0.4"}},
      {"channel.pd_workshop.probability", {"0.1", "0.3", "0.5"}}};
  base.set_model(INDEPENDENT_CASCADE);
  absl::StatusOr<std::vector<SweepPoint>> points = RunSweep(*g, base, axes);
  ASSERT_TRUE(points.ok()) << points.status();
  ASSERT_EQ(points->size(), 6u);
  EXPECT_THAT((*points)[1].values, ::testing::ElementsAre("0.2", "0.3"));
  EXPECT_THAT((*points)[5].values, ::testing::ElementsAre("0.4", "0.5"));
  // Each point is exactly the run of its own scenario with the same seed.
  for (const SweepPoint& p : *points) {
    Scenario s = base;
    ASSERT_TRUE(SetScenarioParameter(s, axes[0].parameter, p.values[0]).ok());
    ASSERT_TRUE(SetScenarioParameter(s, axes[1].parameter, p.values[1]).ok());
    absl::StatusOr<RunResult> alone = RunScenario(*g, s);
    ASSERT_TRUE(alone.ok());
    EXPECT_EQ(alone->reached().mean(), p.result.reached().mean());
    EXPECT_EQ(alone->reached().sd(), p.result.reached().sd());
  }
  // The plain cascade ignores channel probabilities: equal within a row.
  EXPECT_EQ((*points)[0].result.reached().mean(),
            (*points)[2].result.reached().mean());
}

TEST(RunSweep, NamesThePointThatFails) {
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(testing::Star(5));
  Scenario base = testing::SimpleScenario({0}, 0.1, 10);
  absl::StatusOr<std::vector<SweepPoint>> points =
      RunSweep(*g, base, {{"lapse_probability", {"0.1", "2"}}});
  EXPECT_THAT(points.status().message(), HasSubstr("at lapse_probability=2"));
  EXPECT_FALSE(RunSweep(*g, base, {{"probability", {}}}).ok());
}

}  // namespace
}  // namespace collabnet
