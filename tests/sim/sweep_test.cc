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
  ASSERT_TRUE(SetScenarioParameter(s, "horizon", "36").ok());
  EXPECT_EQ(s.horizon(), 36);
  ASSERT_TRUE(
      SetScenarioParameter(s, "channel.pd_workshop.probability", "0.7").ok());
  ASSERT_TRUE(
      SetScenarioParameter(s, "channel.plc.mean_delay_weeks", "3").ok());
  // A path from the scenario, or from the block of its model.
  ASSERT_TRUE(SetScenarioParameter(
                  s, "multi_channel.leader_capacity.teachers_per_term", "8")
                  .ok());
  EXPECT_EQ(s.multi_channel().leader_capacity().teachers_per_term(), 8);
  ASSERT_TRUE(SetScenarioParameter(s, "calendar.plc_every_weeks", "2").ok());
  EXPECT_EQ(s.multi_channel().calendar().plc_every_weeks(), 2);
  ASSERT_TRUE(SetScenarioParameter(s, "lapse_probability", "0.1").ok());
  EXPECT_EQ(s.multi_channel().lapse_probability(), 0.1);
  for (const ChannelParams& c : s.channels()) {
    if (c.channel() == PD_WORKSHOP) {
      EXPECT_EQ(c.probability(), 0.7);
    }
    if (c.channel() == PLC) {
      EXPECT_EQ(c.mean_delay_weeks(), 3);
    }
  }
  Scenario ic = testing::IcScenario({0}, 0.1, 10);
  ASSERT_TRUE(SetScenarioParameter(ic, "probability", "0.3").ok());
  EXPECT_EQ(ic.independent_cascade().probability(), 0.3);
  ASSERT_TRUE(SetScenarioParameter(ic, "use_tie_weights", "true").ok());
  EXPECT_TRUE(ic.independent_cascade().use_tie_weights());
  ASSERT_TRUE(
      SetScenarioParameter(ic, "probabilities", "WEIGHTED_CASCADE").ok());
  EXPECT_EQ(ic.independent_cascade().probabilities(),
            IndependentCascadeParams::WEIGHTED_CASCADE);
}

TEST(SetScenarioParameter, FlagNamesAndLeaderSets) {
  Scenario ic = testing::IcScenario({0}, 0.1, 10);
  ASSERT_TRUE(SetScenarioParameter(ic, "p", "0.25").ok());
  EXPECT_EQ(ic.independent_cascade().probability(), 0.25);
  ASSERT_TRUE(SetScenarioParameter(ic, "leaders", " a + b+c ").ok());
  EXPECT_THAT(ic.leaders(), ::testing::ElementsAre("a", "b", "c"));
  EXPECT_THAT(SetScenarioParameter(ic, "leaders", "+").message(),
              HasSubstr("expected teacher ids joined by '+'"));
  EXPECT_THAT(ic.leaders(), ::testing::ElementsAre("a", "b", "c"));
  EXPECT_THAT(SetScenarioParameter(ic, "k", "2").message(),
              HasSubstr("unknown parameter 'k'"));
}

TEST(ParseSweepAxis, KeepsEveryValueOrRefusesTheList) {
  absl::StatusOr<SweepAxis> axis = ParseSweepAxis("p= 0.1 ,0.2");
  ASSERT_TRUE(axis.ok()) << axis.status();
  EXPECT_EQ(axis->parameter, "p");
  EXPECT_THAT(axis->values, ::testing::ElementsAre("0.1", "0.2"));
  for (const char* bad : {"p=0.1,,0.2", "p=0.1,", "p=,0.1", "p=", "=0.1", "p",
                          "leaders=a+", "leaders=a++b", "leaders=+"}) {
    EXPECT_FALSE(ParseSweepAxis(bad).ok()) << bad;
  }
  axis = ParseSweepAxis("leaders=a+b,c");
  ASSERT_TRUE(axis.ok()) << axis.status();
  EXPECT_THAT(axis->values, ::testing::ElementsAre("a+b", "c"));
  EXPECT_TRUE(LeaderSet("a+").empty());
}

TEST(CheckSweepAxes, OneFieldByAnyOfItsNamesIsOneAxis) {
  const Scenario ic = testing::IcScenario({0}, 0.1, 10);
  EXPECT_TRUE(CheckSweepAxes(ic, {{"p", {"0.1"}}, {"replicates", {"5"}}}).ok());
  for (const char* other :
       {"p", "probability", "independent_cascade.probability"}) {
    EXPECT_THAT(CheckSweepAxes(ic, {{"probability", {"0.1"}}, {other, {"0.2"}}})
                    .message(),
                HasSubstr("set one field"))
        << other;
  }
  EXPECT_THAT(CheckSweepAxes(ic, {{"p", {}}}).message(),
              HasSubstr("has no values"));
  // A channel by another of its names is the same channel.
  EXPECT_THAT(CheckSweepAxes(ic, {{"channel.plc.probability", {"0.1"}},
                                  {"channel.PLC.probability", {"0.2"}}})
                  .message(),
              HasSubstr("set one field"));
  EXPECT_TRUE(CheckSweepAxes(ic, {{"channel.plc.probability", {"0.1"}},
                                  {"channel.advice.probability", {"0.2"}}})
                  .ok());
}

TEST(RunSweep, LeaderSetsAreCoupledRunsOfTheirOwn) {
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(testing::Star(60));
  ASSERT_TRUE(g.ok());
  Scenario base = testing::IcScenario({0}, 0.1, 300, 9);
  const std::vector<SweepAxis> axes = {{"leaders", {"t1", "t0", "t0+t1"}}};
  absl::StatusOr<std::vector<SweepPoint>> points = RunSweep(*g, base, axes);
  ASSERT_TRUE(points.ok()) << points.status();
  ASSERT_EQ(points->size(), 3u);
  for (const SweepPoint& p : *points) {
    Scenario s = base;
    ASSERT_TRUE(SetScenarioParameter(s, "leaders", p.values[0]).ok());
    absl::StatusOr<RunResult> alone =
        RunScenario(*g, s, {.draws = DrawMode::kCoupled});
    ASSERT_TRUE(alone.ok());
    EXPECT_EQ(alone->reached().mean(), p.result.reached().mean());
  }
  // The star's ties point out of the hub: the hub reaches its leaves, a
  // leaf no one.
  EXPECT_EQ((*points)[0].result.reached().mean(), 0);
  EXPECT_GT((*points)[1].result.reached().mean(), 1);
  // Coupled, the hub reaches the same leaves with t1 a leader as without,
  // less t1 itself where its arc fired: the difference is that arc's share.
  const double difference = (*points)[1].result.reached().mean() -
                            (*points)[2].result.reached().mean();
  EXPECT_GT(difference, 0);
  EXPECT_LT(difference, 1);
}

TEST(SetScenarioParameter, ErrorsNameTheParameterAndValue) {
  Scenario s = testing::SimpleScenario({0}, 0.1, 10);
  EXPECT_THAT(SetScenarioParameter(s, "nope", "1").message(),
              HasSubstr("unknown parameter 'nope'"));
  EXPECT_THAT(SetScenarioParameter(s, "name", "x").message(),
              HasSubstr("'name' cannot be swept"));
  EXPECT_THAT(SetScenarioParameter(s, "horizon", "3.5").message(),
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
  // Another model's field would switch the model: refused, never silently.
  EXPECT_THAT(SetScenarioParameter(s, "independent_cascade.probability", "0.1")
                  .message(),
              HasSubstr("this scenario runs multi_channel_cascade"));
  EXPECT_TRUE(s.has_multi_channel());
  EXPECT_THAT(SetScenarioParameter(s, "probability", "0.1").message(),
              HasSubstr("unknown parameter 'probability'"));
  s.clear_channels();
  EXPECT_THAT(SetScenarioParameter(s, "channel.plc.probability", "1").message(),
              HasSubstr("not listed in the scenario"));
}

TEST(RunSweep, GridInOrderWithCommonRandomNumbers) {
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(testing::Star(60));
  ASSERT_TRUE(g.ok());
  Scenario base = testing::SimpleScenario({0}, 0.1, 300, 77);
  const std::vector<SweepAxis> axes = {
      {"leader_credibility", {"1", "2"}},
      {"channel.pd_workshop.probability", {"0.1", "0.3", "0.5"}}};
  absl::StatusOr<std::vector<SweepPoint>> points = RunSweep(*g, base, axes);
  ASSERT_TRUE(points.ok()) << points.status();
  ASSERT_EQ(points->size(), 6u);
  EXPECT_THAT((*points)[1].values, ::testing::ElementsAre("1", "0.3"));
  EXPECT_THAT((*points)[5].values, ::testing::ElementsAre("2", "0.5"));
  // Each point is exactly the coupled run of its own scenario, seed alike.
  for (const SweepPoint& p : *points) {
    Scenario s = base;
    ASSERT_TRUE(SetScenarioParameter(s, axes[0].parameter, p.values[0]).ok());
    ASSERT_TRUE(SetScenarioParameter(s, axes[1].parameter, p.values[1]).ok());
    absl::StatusOr<RunResult> alone =
        RunScenario(*g, s, {.draws = DrawMode::kCoupled});
    ASSERT_TRUE(alone.ok());
    EXPECT_EQ(alone->reached().mean(), p.result.reached().mean());
    EXPECT_EQ(alone->reached().sd(), p.result.reached().sd());
    EXPECT_EQ(p.result.details().draws(), "coupled");
  }
  // The star's ties are PD ties, which the leader (a teacher, not a leader
  // by role) spreads at its probability: reach rises along each row.
  EXPECT_LT((*points)[0].result.reached().mean(),
            (*points)[1].result.reached().mean());
  EXPECT_LT((*points)[1].result.reached().mean(),
            (*points)[2].result.reached().mean());
  // Credibility applies to leaders and coaches by role only: equal columns.
  EXPECT_EQ((*points)[0].result.reached().mean(),
            (*points)[3].result.reached().mean());
}

TEST(RunSweep, PointsAreCoupledWhateverTheCallerAsked) {
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(testing::Star(60));
  Scenario base = testing::IcScenario({0}, 0.1, 200, 5);
  absl::StatusOr<std::vector<SweepPoint>> points =
      RunSweep(*g, base, {{"probability", {"0.1", "0.2"}}},
               {.draws = DrawMode::kStream});
  ASSERT_TRUE(points.ok()) << points.status();
  for (const SweepPoint& p : *points) {
    EXPECT_EQ(p.result.details().draws(), "coupled");
  }
}

TEST(RunSweep, NamesThePointThatFails) {
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(testing::Star(5));
  Scenario base = testing::SimpleScenario({0}, 0.1, 10);
  absl::StatusOr<std::vector<SweepPoint>> points =
      RunSweep(*g, base, {{"lapse_probability", {"0.1", "2"}}});
  EXPECT_THAT(points.status().message(), HasSubstr("at lapse_probability=2"));
  EXPECT_FALSE(RunSweep(*g, base, {{"horizon", {}}}).ok());
}

}  // namespace
}  // namespace collabnet
