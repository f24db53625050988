#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "report/json.h"
#include "report/summary.h"
#include "report/sweep_csv.h"

namespace collabnet {
namespace {

using ::testing::HasSubstr;

Estimate Est(double mean, double half) {
  Estimate e;
  e.set_mean(mean);
  e.set_sd(half);
  e.set_ci_low(mean - half);
  e.set_ci_high(mean + half);
  e.set_n(100);
  return e;
}

RunResult Sample() {
  RunResult r;
  RunDetails* d = r.mutable_details();
  d->set_scenario("default");
  d->set_district("sample-district");
  d->set_seed(42);
  d->set_replicates(10000);
  d->set_threads(2);
  d->set_teachers(1400);
  d->set_ties(12149);
  d->set_horizon(36);
  d->set_model("multi_channel_cascade");
  for (const char* id : {"T1", "T2", "T3", "T4"}) r.add_leaders(id);
  *r.mutable_direct_reach() = Est(486.7, 0.3);
  r.set_observed_direct_reach(487);
  CategoryComparison* c = r.add_observed_comparison();
  c->set_name("professional development");
  *c->mutable_simulated() = Est(310.8, 0.2);
  c->set_observed(311);
  ChannelReach* ch = r.add_direct_reach_by_channel();
  ch->set_channel(PD_WORKSHOP);
  *ch->mutable_teachers() = Est(310.8, 0.2);
  *r.mutable_reached() = Est(841.8, 1.1);
  *r.mutable_adopting() = Est(259.2, 0.5);
  for (int s = 0; s < 4; ++s) {
    SchoolReach* school = r.add_schools();
    school->set_school_id(absl::StrCat("S", s));
    school->set_name(absl::StrCat("School ", s));
    school->set_teachers(20);
    *school->mutable_reached() = Est(4.0 * (s + 1), 0.1);
    *school->mutable_adopting() = Est(1.0, 0.1);
  }
  for (int w = 0; w <= 36; ++w) {
    WeekPoint* p = r.add_weekly();
    p->set_week(w);
    p->set_reached_mean(w * 20.0);
  }
  return r;
}

TEST(FormatSummary, ASchoolsLeadersCountInItsShare) {
  RunResult r = Sample();
  // School 0 reaches 4 of its others, but has 13 leaders: 17 of 20.
  r.mutable_schools(0)->set_leaders(13);
  const std::string text = FormatSummary(r, 2);
  const auto most = text.find("Schools reached most");
  const auto least = text.find("Schools reached least");
  EXPECT_LT(text.find("School 0 (S0)", most), least);
  EXPECT_THAT(text, HasSubstr("85.0% reached"));
  EXPECT_THAT(text, HasSubstr("(20 teachers, 13 leaders)"));
}

TEST(FormatSummary, ShowsTheObservedComparisonSpreadAndSchools) {
  const std::string text = FormatSummary(Sample(), 2);
  EXPECT_THAT(text, HasSubstr("professional development"));
  EXPECT_THAT(text, HasSubstr("310.8 [310.6, 311.0]"));
  EXPECT_THAT(text, HasSubstr("-0.1%"));
  EXPECT_THAT(text, HasSubstr("486.7 [486.4, 487.0]"));
  EXPECT_THAT(text, HasSubstr("by week 36"));
  EXPECT_THAT(text, HasSubstr("841.8 [840.7, 842.9]"));
  // Shares count the leaders among the reached, of all teachers:
  // (841.8 + 4) / 1,400.
  EXPECT_THAT(text, HasSubstr("shares of all 1,400 teachers"));
  EXPECT_THAT(text, HasSubstr("60.4%"));
  EXPECT_THAT(text, HasSubstr("wk 36: 720"));
  // Most reached first: School 3 (80%), least: School 0 (20%).
  const auto most = text.find("Schools reached most");
  const auto least = text.find("Schools reached least");
  ASSERT_NE(most, std::string::npos);
  ASSERT_NE(least, std::string::npos);
  EXPECT_LT(text.find("School 3 (S3)", most), least);
  EXPECT_GT(text.find("School 0 (S0)", least), least);
  EXPECT_THAT(text, HasSubstr("10,000 replicates, seed 42, 2 threads"));
}

TEST(FormatSweepCsv, HasTheDistrictFiguresOnlyWhereTheResultsDo) {
  SweepResult sweep;
  sweep.add_parameters("probability");
  SweepRow* row = sweep.add_rows();
  row->add_values("0.1");
  row->mutable_result()->mutable_reached()->set_mean(4);
  const std::string plain = FormatSweepCsv(sweep);
  EXPECT_EQ(plain.substr(0, plain.find('\n')),
            "probability,replicates,reached_mean,reached_sd,reached_ci_low,"
            "reached_ci_high,adopting_mean,adopting_sd,adopting_ci_low,"
            "adopting_ci_high,direct_mean,direct_sd,direct_ci_low,"
            "direct_ci_high");
  row->mutable_result()->mutable_sustained()->set_mean(3);
  const std::string district = FormatSweepCsv(sweep);
  EXPECT_NE(district.find("sustained_mean"), std::string::npos);
  EXPECT_NE(district.find("deferred_by_capacity_mean"), std::string::npos);
}

TEST(ToJson, ParsesBackToTheSameResult) {
  absl::StatusOr<std::string> json = ToJson(Sample());
  ASSERT_TRUE(json.ok());
  EXPECT_THAT(*json, HasSubstr("\"directReach\""));
  EXPECT_THAT(*json, HasSubstr("\"PD_WORKSHOP\""));
  RunResult back;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(*json, &back).ok());
  EXPECT_TRUE(
      google::protobuf::util::MessageDifferencer::Equals(Sample(), back));
}

TEST(ToJson, PrintsFieldsHoldingDefaults) {
  RunResult r;
  absl::StatusOr<std::string> json = ToJson(r);
  ASSERT_TRUE(json.ok());
  EXPECT_THAT(*json, HasSubstr("\"observedDirectReach\": 0"));
}

}  // namespace
}  // namespace collabnet
