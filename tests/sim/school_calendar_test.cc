// The school calendar and leaders' capacity: the calendar's arithmetic, and
// the cascade against what a schedule or a capacity must do to it. The
// statistical checks allow kZ = 4.5 standard errors of the exact variance
// (false failure about 7e-6 each); the rest are exact.
#include "sim/school_calendar.h"

#include <cmath>

#include "gtest/gtest.h"
#include "sim/multi_channel_cascade.h"
#include "sim/runner.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

using testing::MakeDistrict;
using testing::Path;
using testing::SimpleScenario;
using testing::Star;
using testing::TieSpec;

constexpr double kZ = 4.5;

SchoolCalendar MakeCalendar(const Calendar& c) {
  absl::StatusOr<SchoolCalendar> calendar = SchoolCalendar::Make(c);
  EXPECT_TRUE(calendar.ok()) << calendar.status();
  return *calendar;
}

RunResult Simulate(const District& d, const Scenario& s) {
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(d);
  EXPECT_TRUE(g.ok()) << g.status();
  absl::StatusOr<RunResult> r = RunScenario(*g, s, {.progress = nullptr});
  EXPECT_TRUE(r.ok()) << r.status();
  return *r;
}

TEST(SchoolCalendar, ChannelsMeetEveryWeekUnlessScheduled) {
  const SchoolCalendar c = MakeCalendar(Calendar());
  EXPECT_EQ(c.teaching_weeks(), 36);
  for (int week : {1, 17, 36, 37, 100}) {
    EXPECT_EQ(c.NextMeeting(PD_WORKSHOP, week), week);
    EXPECT_EQ(c.NextMeeting(PLC, week), week);
  }
  EXPECT_TRUE(c.PdWeeks(0).empty());
}

TEST(SchoolCalendar, PdDaysRepeatEachYear) {
  Calendar spec;
  spec.add_pd_weeks(20);
  spec.add_pd_weeks(5);
  spec.add_pd_weeks(5);
  const SchoolCalendar c = MakeCalendar(spec);
  EXPECT_EQ(c.NextMeeting(PD_WORKSHOP, 1), 5);
  EXPECT_EQ(c.NextMeeting(PD_WORKSHOP, 5), 5);
  EXPECT_EQ(c.NextMeeting(PD_WORKSHOP, 6), 20);
  EXPECT_EQ(c.NextMeeting(PD_WORKSHOP, 21), 41);  // next year's week 5
  EXPECT_EQ(c.NextMeeting(PD_WORKSHOP, 37), 41);
  EXPECT_EQ(c.NextMeeting(SOCIAL_MEDIA, 6), 6);
  EXPECT_EQ(c.PdWeeks(0), (std::vector<int>{5, 20}));
  EXPECT_EQ(c.PdWeeks(80), (std::vector<int>{5, 20, 41, 56, 77}));
  EXPECT_EQ(c.PdWeeks(19), (std::vector<int>{5}));
}

TEST(SchoolCalendar, PlcCadenceStartsEachYearAfresh) {
  Calendar spec;
  spec.set_plc_every_weeks(2);
  const SchoolCalendar c = MakeCalendar(spec);
  EXPECT_EQ(c.NextMeeting(PLC, 1), 1);
  EXPECT_EQ(c.NextMeeting(PLC, 2), 3);
  EXPECT_EQ(c.NextMeeting(PLC, 35), 35);
  EXPECT_EQ(c.NextMeeting(PLC, 36), 37);  // week 1 of the next year
  EXPECT_EQ(c.NextMeeting(PLC, 38), 39);
}

// LastMeeting undoes NextMeeting: a contact sent to arrive on or after
// week t lands by week w exactly when t <= LastMeeting(w), for every
// channel and pair of weeks over three years.
TEST(SchoolCalendar, LastMeetingIsTheReverseOfNextMeeting) {
  Calendar spec;
  spec.set_teaching_weeks(10);
  spec.add_pd_weeks(3);
  spec.add_pd_weeks(8);
  spec.set_plc_every_weeks(4);
  const SchoolCalendar c = MakeCalendar(spec);
  for (int ch : {static_cast<int>(PD_WORKSHOP), static_cast<int>(PLC),
                 static_cast<int>(SOCIAL_MEDIA)}) {
    for (int t = 1; t <= 30; ++t) {
      for (int w = 0; w <= 30; ++w) {
        EXPECT_EQ(c.NextMeeting(ch, t) <= w, t <= c.LastMeeting(ch, w))
            << "channel " << ch << ", sent for week " << t << ", by " << w;
      }
    }
  }
  EXPECT_EQ(c.LastMeeting(PD_WORKSHOP, 2), 0);   // none yet
  EXPECT_EQ(c.LastMeeting(PD_WORKSHOP, 12), 8);  // last year's week 8
  EXPECT_EQ(c.LastMeeting(PLC, 12), 11);  // next year's week 1
}

TEST(SchoolCalendar, TermsSplitEachYear) {
  const SchoolCalendar c = MakeCalendar(Calendar());  // 3 terms of 12
  EXPECT_EQ(c.TermOf(1), c.TermOf(12));
  EXPECT_NE(c.TermOf(12), c.TermOf(13));
  EXPECT_EQ(c.NextTermStart(5), 13);
  EXPECT_EQ(c.NextTermStart(30), 37);
  EXPECT_EQ(c.NextTermStart(36), 37);
  Calendar spec;  // 10 weeks in terms of 4: [1, 4], [5, 8], [9, 10]
  spec.set_teaching_weeks(10);
  spec.set_term_weeks(4);
  const SchoolCalendar d = MakeCalendar(spec);
  EXPECT_EQ(d.NextTermStart(9), 11);
  EXPECT_EQ(d.TermOf(9), d.TermOf(10));
  EXPECT_NE(d.TermOf(10), d.TermOf(11));
  EXPECT_EQ(d.TermOf(11), d.TermOf(14));
  EXPECT_EQ(d.NextTermStart(11), 15);
}

TEST(SchoolCalendar, RejectsWeeksOutsideTheYear) {
  Calendar spec;
  spec.add_pd_weeks(37);
  EXPECT_FALSE(SchoolCalendar::Make(spec).ok());
  spec.clear_pd_weeks();
  spec.set_term_weeks(40);
  EXPECT_FALSE(SchoolCalendar::Make(spec).ok());
  spec.set_term_weeks(0);
  spec.set_teaching_weeks(-1);
  EXPECT_FALSE(SchoolCalendar::Make(spec).ok());
  spec.set_teaching_weeks(0);
  spec.set_plc_every_weeks(-2);
  const absl::Status s = SchoolCalendar::Make(spec).status();
  EXPECT_NE(s.message().find("plc_every_weeks"), std::string::npos) << s;
}

TEST(CalendarCascade, PdContactsLandOnPdDaysOnly) {
  // Every leaf is reached with certainty after a geometric delay D of mean
  // m, but only on PD weeks 4 and 10: by week 4 if D <= 4, by week 10 if
  // D <= 10, and never within a 12-week horizon otherwise.
  constexpr int kLeaves = 100;
  constexpr double kMean = 5;
  constexpr int kReps = 10000;
  Scenario s = SimpleScenario({0}, 1.0, kReps, 71);
  for (ChannelParams& c : *s.mutable_channels()) c.set_mean_delay_weeks(kMean);
  s.set_horizon(12);
  s.mutable_multi_channel()->mutable_calendar()->add_pd_weeks(4);
  s.mutable_multi_channel()->mutable_calendar()->add_pd_weeks(10);
  const RunResult r = Simulate(Star(kLeaves, PD_WORKSHOP), s);
  const double q4 = 1 - std::pow(1 - 1 / kMean, 4);
  const double q10 = 1 - std::pow(1 - 1 / kMean, 10);
  const double se4 = std::sqrt(kLeaves * q4 * (1 - q4) / kReps);
  EXPECT_NEAR(r.weekly(4).reached_mean(), kLeaves * q4, kZ * se4);
  const double se10 = std::sqrt(kLeaves * q10 * (1 - q10) / kReps);
  EXPECT_NEAR(r.reached().mean(), kLeaves * q10, kZ * se10);
  // The weekly curve is cumulative: it rises on PD weeks only.
  for (int week = 1; week < r.weekly_size(); ++week) {
    if (week != 4 && week != 10) {
      EXPECT_EQ(r.weekly(week).reached_mean(),
                r.weekly(week - 1).reached_mean())
          << "week " << week;
    }
  }
}

TEST(CalendarCascade, PlcCadenceSpacesTheHops) {
  // PLCs meet on weeks 1, 4, 7, ...: the leader's contact lands in week 1,
  // each next hop three weeks later, so a 7-week horizon reaches 3.
  Scenario s = SimpleScenario({0}, 1.0, 50, 73);
  s.set_horizon(7);
  s.mutable_multi_channel()->mutable_calendar()->set_plc_every_weeks(3);
  const RunResult r = Simulate(Path(10, PLC), s);
  EXPECT_EQ(r.reached().mean(), 3);
  EXPECT_EQ(r.reached().sd(), 0);
  ASSERT_EQ(r.weekly_size(), 8);
  for (int week = 1; week <= 7; ++week) {
    EXPECT_EQ(r.weekly(week).reached_mean(), (week + 2) / 3) << week;
  }
  // Other channels keep their weekly pace.
  EXPECT_EQ(Simulate(Path(10, OBSERVATION), s).reached().mean(), 7);
}

TEST(CalendarCascade, BroadcastFallsOnPdDays) {
  // No ties; a broadcast without weeks of its own, on PD weeks 2 and 5:
  // each teacher is reached with 1 - (1 - q)^2 by week 6.
  constexpr int kTeachers = 100;
  constexpr double kQ = 0.3;
  constexpr int kReps = 10000;
  Scenario s = SimpleScenario({0}, 1.0, kReps, 79);
  s.set_horizon(6);
  s.mutable_multi_channel()->mutable_calendar()->add_pd_weeks(2);
  s.mutable_multi_channel()->mutable_calendar()->add_pd_weeks(5);
  s.mutable_multi_channel()->mutable_broadcast()->set_probability(kQ);
  const RunResult r = Simulate(MakeDistrict(kTeachers + 1, {}), s);
  const double q2 = 1 - (1 - kQ) * (1 - kQ);
  EXPECT_NEAR(r.reached().mean(), kTeachers * q2,
              kZ * std::sqrt(kTeachers * q2 * (1 - q2) / kReps));
  EXPECT_EQ(r.weekly(1).reached_mean(), 0);
  EXPECT_EQ(r.weekly(4).reached_mean(), r.weekly(2).reached_mean());
  EXPECT_GT(r.weekly(5).reached_mean(), r.weekly(4).reached_mean());
}

TEST(LeaderCapacity, ALeaderReachesAtMostCATerm) {
  // 50 co-teaching leaves, certain and after one week; capacity 10 a term
  // of 12 weeks: 10 in week 1, 10 in week 13, 10 in week 25, and the last
  // 20 would wait for week 37, past the horizon. Waits: 40 + 30 + 20.
  Scenario s = SimpleScenario({0}, 1.0, 20, 83);
  s.set_horizon(36);
  s.mutable_multi_channel()->mutable_leader_capacity()->set_teachers_per_term(
      10);
  const RunResult r = Simulate(Star(50, CO_TEACHING), s);
  EXPECT_EQ(r.reached().mean(), 30);
  EXPECT_EQ(r.direct_reach().mean(), 30);
  EXPECT_EQ(r.deferred_by_capacity().mean(), 90);
  for (int term = 0; term < 3; ++term) {
    EXPECT_EQ(r.weekly(12 * term + 1).reached_mean(), 10 * (term + 1));
    EXPECT_EQ(r.weekly(12 * term + 12).reached_mean(), 10 * (term + 1));
  }
  // Social media is not one-to-one support: no limit.
  EXPECT_EQ(Simulate(Star(50, SOCIAL_MEDIA), s).reached().mean(), 50);
  // Listing the channels replaces the default ones.
  s.mutable_multi_channel()->mutable_leader_capacity()->add_channels(
      SOCIAL_MEDIA);
  EXPECT_EQ(Simulate(Star(50, SOCIAL_MEDIA), s).reached().mean(), 30);
  EXPECT_EQ(Simulate(Star(50, CO_TEACHING), s).reached().mean(), 50);
}

TEST(LeaderCapacity, EachLeaderHasTheirOwnAndOthersHaveNone) {
  // Leaders t0 and t1, 20 co-teaching leaves each, capacity 5 within one
  // term; t1 also co-teaches with t2, who co-teaches with 30 more: t2 is
  // not a leader and reaches all 30 once reached.
  std::vector<TieSpec> ties;
  for (int v = 3; v < 23; ++v) ties.push_back({0, v, CO_TEACHING});
  for (int v = 23; v < 43; ++v) ties.push_back({1, v, CO_TEACHING});
  ties.push_back({1, 2, CO_TEACHING});
  for (int v = 43; v < 73; ++v) ties.push_back({2, v, CO_TEACHING});
  Scenario s = SimpleScenario({0, 1}, 1.0, 20, 89);
  s.set_horizon(12);
  s.mutable_multi_channel()->mutable_leader_capacity()->set_teachers_per_term(
      5);
  const RunResult r = Simulate(MakeDistrict(73, ties), s);
  // t1's first five arcs in target order include t2 (the smallest id).
  EXPECT_EQ(r.direct_reach().mean(), 10);
  EXPECT_EQ(r.reached().mean(), 10 + 30);
}

TEST(LeaderCapacity, DeferredContactsWaitForTheNextMeeting) {
  // Capacity 1 over PLC meeting every 5 weeks (1, 6, 11, 16, ...), terms of
  // 4 weeks: the second leaf waits for week 5, the next term's start, and
  // lands on the next meeting, week 6.
  Scenario s = SimpleScenario({0}, 1.0, 10, 97);
  s.set_horizon(8);
  s.mutable_multi_channel()->mutable_calendar()->set_plc_every_weeks(5);
  s.mutable_multi_channel()->mutable_calendar()->set_term_weeks(4);
  s.mutable_multi_channel()->mutable_leader_capacity()->set_teachers_per_term(
      1);
  s.mutable_multi_channel()->mutable_leader_capacity()->add_channels(PLC);
  const RunResult r = Simulate(Star(2, PLC), s);
  EXPECT_EQ(r.weekly(1).reached_mean(), 1);
  EXPECT_EQ(r.weekly(5).reached_mean(), 1);
  EXPECT_EQ(r.weekly(6).reached_mean(), 2);
  EXPECT_EQ(r.reached().mean(), 2);
}

TEST(LeaderCapacity, RejectsWhatDoesNotFit) {
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(Star(3));
  ASSERT_TRUE(g.ok());
  Scenario s = SimpleScenario({0}, 1.0, 10, 1);
  s.mutable_multi_channel()->mutable_leader_capacity()->set_teachers_per_term(
      -1);
  EXPECT_FALSE(MultiChannelCascade::Prepare(*g, s).ok());
  s.mutable_multi_channel()->mutable_leader_capacity()->set_teachers_per_term(
      2);
  s.mutable_multi_channel()->mutable_leader_capacity()->add_channels(PLC);
  s.mutable_multi_channel()->mutable_leader_capacity()->add_channels(PLC);
  EXPECT_FALSE(MultiChannelCascade::Prepare(*g, s).ok());
  s.mutable_multi_channel()->mutable_leader_capacity()->clear_channels();
  s.mutable_multi_channel()->mutable_calendar()->add_pd_weeks(0);
  const absl::Status bad = MultiChannelCascade::Prepare(*g, s).status();
  EXPECT_NE(bad.message().find("pd_weeks"), std::string::npos) << bad;
}

}  // namespace
}  // namespace collabnet
