// Every rule of ValidateScenario, each with the field its message names.
#include "sim/validate_scenario.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "sim/runner.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

using ::testing::HasSubstr;

class ValidateScenarioTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<DistrictGraph> g = FreezeDistrict(testing::Star(3));
    ASSERT_TRUE(g.ok());
    graph_ = *std::move(g);
  }
  std::string Error(const Scenario& s) const {
    return std::string(ValidateScenario(graph_, s).message());
  }
  DistrictGraph graph_;
};

TEST_F(ValidateScenarioTest, AValidScenarioOfEachModelPasses) {
  EXPECT_TRUE(
      ValidateScenario(graph_, testing::SimpleScenario({0}, 0.5, 10)).ok());
  EXPECT_TRUE(ValidateScenario(graph_, testing::IcScenario({0}, 0.5, 10)).ok());
  Scenario lt = testing::LeadersScenario({0}, 10);
  lt.mutable_linear_threshold();
  EXPECT_TRUE(ValidateScenario(graph_, lt).ok());
  Scenario cc = testing::LeadersScenario({0}, 10);
  cc.mutable_complex_contagion()->set_threshold(2);
  EXPECT_TRUE(ValidateScenario(graph_, cc).ok());
}

TEST_F(ValidateScenarioTest, SharedFields) {
  Scenario s = testing::SimpleScenario({0}, 0.5, 10);
  Scenario bad = s;
  bad.clear_model();
  EXPECT_THAT(Error(bad), HasSubstr("no model; add one of multi_channel"));
  bad = s;
  bad.set_replicates(0);
  EXPECT_THAT(Error(bad), HasSubstr("'replicates' must be at least 1"));
  bad = s;
  bad.set_horizon(-1);
  EXPECT_THAT(Error(bad), HasSubstr("'horizon' must be from 0"));
  bad.set_horizon(kMaxHorizon + 1);
  EXPECT_THAT(Error(bad), HasSubstr("'horizon' must be from 0"));
  bad = s;
  bad.add_leaders("nobody");
  EXPECT_THAT(Error(bad), HasSubstr("leaders[1]: teacher 'nobody' is not in"));
  bad = s;
  bad.add_leaders("t0");
  EXPECT_THAT(Error(bad),
              HasSubstr("leaders[1]: teacher 't0' is listed twice"));
  bad = s;
  bad.clear_leaders();
  EXPECT_THAT(Error(bad), HasSubstr("no leaders"));
  // ... unless a broadcast reaches teachers.
  bad.mutable_multi_channel()->mutable_broadcast()->set_probability(0.1);
  EXPECT_TRUE(ValidateScenario(graph_, bad).ok());
  for (const char* field :
       {"leader_credibility", "same_school_multiplier", "same_grade_multiplier",
        "same_subject_multiplier"}) {
    bad = s;
    const auto* f = Scenario::descriptor()->FindFieldByName(field);
    bad.GetReflection()->SetDouble(&bad, f, 0);
    EXPECT_THAT(Error(bad), HasSubstr(field)) << field;
    EXPECT_THAT(Error(bad), HasSubstr("must be a positive number")) << field;
  }
}

TEST_F(ValidateScenarioTest, ChannelParameters) {
  Scenario s = testing::SimpleScenario({0}, 0.5, 10);
  Scenario bad = s;
  bad.mutable_channels(2)->set_probability(1.5);
  EXPECT_THAT(Error(bad),
              HasSubstr("channels[2] (observation): field 'probability'"));
  bad = s;
  bad.mutable_channels(0)->set_mean_delay_weeks(0.5);
  EXPECT_THAT(Error(bad),
              HasSubstr("'mean_delay_weeks' must be from 1 (a week) to 1000"));
  bad = s;
  *bad.add_channels() = s.channels(0);
  EXPECT_THAT(Error(bad), HasSubstr("listed twice"));
  bad = s;
  bad.mutable_channels(0)->set_channel(CHANNEL_UNSPECIFIED);
  EXPECT_THAT(Error(bad), HasSubstr("'channel' is unspecified"));
}

TEST_F(ValidateScenarioTest, AFieldTheModelDoesNotUseIsAnError) {
  // Channel parameters with a model that has one probability for all ties.
  Scenario ic = testing::IcScenario({0}, 0.5, 10);
  *ic.mutable_channels() = testing::SimpleScenario({0}, 0.5, 10).channels();
  EXPECT_THAT(Error(ic), HasSubstr("channel parameters apply to "
                                   "multi_channel and to independent_cascade "
                                   "with probabilities: CHANNELS; this "
                                   "scenario runs independent_cascade"));
  // Per-channel probabilities take no delays.
  ic.mutable_independent_cascade()->clear_probability();
  ic.mutable_independent_cascade()->set_probabilities(
      IndependentCascadeParams::CHANNELS);
  EXPECT_THAT(Error(ic), HasSubstr("'mean_delay_weeks' applies to the "
                                   "multi-channel model only"));
  for (ChannelParams& c : *ic.mutable_channels()) c.clear_mean_delay_weeks();
  EXPECT_TRUE(ValidateScenario(graph_, ic).ok());
  // One probability, where each tie's is its channel's or 1 / in-degree.
  ic.mutable_independent_cascade()->set_probability(0.1);
  EXPECT_THAT(Error(ic), HasSubstr("'probability' applies to probabilities: "
                                   "UNIFORM"));
  Scenario wc = testing::LeadersScenario({0}, 10);
  wc.mutable_independent_cascade()->set_probabilities(
      IndependentCascadeParams::WEIGHTED_CASCADE);
  wc.mutable_independent_cascade()->set_use_tie_weights(true);
  EXPECT_THAT(Error(wc), HasSubstr("'use_tie_weights' applies to"));
}

TEST_F(ValidateScenarioTest, UnsetDiffersFromZero) {
  // An independent cascade needs its probability; 0 is one.
  Scenario ic = testing::LeadersScenario({0}, 10);
  ic.mutable_independent_cascade();
  EXPECT_THAT(Error(ic), HasSubstr("field 'probability' is required"));
  ic.mutable_independent_cascade()->set_probability(0);
  EXPECT_TRUE(ValidateScenario(graph_, ic).ok());
  absl::StatusOr<RunResult> r = RunScenario(graph_, ic);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->reached().mean(), 0);
  // Adoption unset means every teacher reached adopts.
  Scenario m = testing::SimpleScenario({0}, 1.0, 10);
  m.mutable_multi_channel()->clear_adoption_at_zero_readiness();
  m.mutable_multi_channel()->clear_adoption_at_full_readiness();
  absl::StatusOr<RunResult> all = RunScenario(graph_, m);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->adopting().mean(), 3);
  m.mutable_multi_channel()->set_adoption_at_zero_readiness(0);
  m.mutable_multi_channel()->set_adoption_at_full_readiness(0);
  EXPECT_EQ(RunScenario(graph_, m)->adopting().mean(), 0);
}

TEST_F(ValidateScenarioTest, MultiChannelFields) {
  const Scenario s = testing::SimpleScenario({0}, 0.5, 10);
  Scenario bad = s;
  bad.mutable_multi_channel()->mutable_broadcast()->add_weeks(0);
  EXPECT_THAT(Error(bad), HasSubstr("multi_channel.broadcast: week 0"));
  bad = s;
  bad.set_horizon(10);
  bad.mutable_multi_channel()->mutable_broadcast()->add_weeks(11);
  EXPECT_THAT(Error(bad), HasSubstr("week 11 must be from 1 to the horizon"));
  bad = s;
  bad.mutable_multi_channel()->mutable_broadcast()->set_probability(-0.1);
  EXPECT_THAT(Error(bad), HasSubstr("broadcast: field 'probability'"));
  bad = s;
  bad.mutable_multi_channel()->set_lapse_probability(1.5);
  EXPECT_THAT(Error(bad), HasSubstr("lapse_probability"));
  bad = s;
  bad.mutable_multi_channel()->set_adoption_at_full_readiness(2);
  EXPECT_THAT(Error(bad), HasSubstr("adoption_at_full_readiness"));
  bad = s;
  bad.mutable_multi_channel()->mutable_leader_capacity()->set_teachers_per_term(
      -1);
  EXPECT_THAT(Error(bad), HasSubstr("teachers_per_term"));
  bad = s;
  bad.mutable_multi_channel()->mutable_leader_capacity()->add_channels(PLC);
  bad.mutable_multi_channel()->mutable_leader_capacity()->add_channels(PLC);
  EXPECT_THAT(Error(bad), HasSubstr("listed twice"));
  bad = s;
  bad.mutable_multi_channel()->mutable_calendar()->add_pd_weeks(40);
  EXPECT_THAT(Error(bad), HasSubstr("pd_weeks"));
}

TEST_F(ValidateScenarioTest, ObservedCategories) {
  Scenario s = testing::SimpleScenario({0}, 0.5, 10);
  ObservedCategory* c = s.mutable_observed()->add_categories();
  c->add_channels(PLC);
  c = s.mutable_observed()->add_categories();
  c->add_channels(PLC);
  EXPECT_THAT(Error(s), HasSubstr("already in another category"));
  s.mutable_observed()->mutable_categories(1)->set_channels(0, ADVICE);
  s.mutable_observed()->mutable_categories(1)->set_direct_reach(-3);
  EXPECT_THAT(Error(s), HasSubstr("'direct_reach' must be a count"));
}

TEST_F(ValidateScenarioTest, OtherModelsFields) {
  Scenario cc = testing::LeadersScenario({0}, 10);
  cc.mutable_complex_contagion();
  EXPECT_THAT(Error(cc), HasSubstr("set threshold"));
  cc.mutable_complex_contagion()->set_threshold(0);
  EXPECT_THAT(Error(cc), HasSubstr("'threshold'"));
  cc.mutable_complex_contagion()->set_fraction(1.5);
  EXPECT_THAT(Error(cc), HasSubstr("'fraction' must be in (0, 1]"));
  cc.mutable_complex_contagion()->set_fraction(0.5);
  cc.mutable_complex_contagion()->set_probability(2);
  EXPECT_THAT(Error(cc), HasSubstr("complex_contagion: field 'probability'"));
  Scenario lt = testing::LeadersScenario({0}, 10);
  (*lt.mutable_linear_threshold()->mutable_thresholds())["t1"] = -0.5;
  EXPECT_THAT(Error(lt), HasSubstr("teacher 't1': the threshold must be"));
}

TEST_F(ValidateScenarioTest, ChannelsNeedTiesThatNameThem) {
  DistrictGraphBuilder b;
  const std::uint32_t school = b.AddSchool("s", "", 1);
  ASSERT_TRUE(b.AddTeacher("t0", school, TEACHER).ok());
  ASSERT_TRUE(b.AddTeacher("t1", school, TEACHER).ok());
  b.AddTie(0, 1, CHANNEL_UNSPECIFIED, true, 1);
  absl::StatusOr<DistrictGraph> plain =
      std::move(b).Freeze({.require_channels = false});
  ASSERT_TRUE(plain.ok());
  EXPECT_THAT(
      ValidateScenario(*plain, testing::SimpleScenario({0}, 0.5, 10)).message(),
      HasSubstr("the multi-channel model needs a district whose ties name"));
  EXPECT_TRUE(ValidateScenario(*plain, testing::IcScenario({0}, 0.5, 10)).ok());
}

TEST_F(ValidateScenarioTest, EveryModelPreparesOnlyWhatPasses) {
  Scenario bad = testing::SimpleScenario({0}, 0.5, 10);
  bad.set_replicates(0);
  EXPECT_FALSE(MultiChannelCascade::Prepare(graph_, bad).ok());
  EXPECT_FALSE(PrepareModel(graph_, bad).ok());
  EXPECT_FALSE(RunScenario(graph_, bad).ok());
  // A model's Prepare refuses a scenario of another model.
  EXPECT_FALSE(
      IndependentCascade::Prepare(graph_, testing::SimpleScenario({0}, 0.5, 10))
          .ok());
}

}  // namespace
}  // namespace collabnet
