// The cascade against closed forms. Each statistical check compares a mean
// over R replicates with its exact expectation, allowing kZ standard errors
// computed from the exact variance (not from the sample). With kZ = 4.5 a
// correct simulator fails a given check with probability about 7e-6; the
// seeds are fixed, so a run is repeatable.
#include <cmath>

#include "gtest/gtest.h"
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

RunResult Simulate(const District& d, const Scenario& s, int threads = 0) {
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(d);
  EXPECT_TRUE(g.ok()) << g.status();
  absl::StatusOr<RunResult> r =
      RunScenario(*g, s, {.threads = threads, .progress = nullptr});
  EXPECT_TRUE(r.ok()) << r.status();
  return *r;
}

// Expects the mean of R draws of a variable with `mean` and `variance` to lie
// within kZ standard errors.
void ExpectMean(const Estimate& e, double mean, double variance) {
  const double se = std::sqrt(variance / static_cast<double>(e.n()));
  EXPECT_NEAR(e.mean(), mean, kZ * se + 1e-12)
      << "expected " << mean << " +- " << kZ << " * " << se;
}

TEST(CascadeClosedForm, ZeroProbabilityReachesOnlyTheLeaders) {
  const RunResult r = Simulate(Star(50), SimpleScenario({0}, 0.0, 2000));
  EXPECT_EQ(r.reached().mean(), 0);
  EXPECT_EQ(r.reached().sd(), 0);
  EXPECT_EQ(r.direct_reach().mean(), 0);
}

TEST(CascadeClosedForm, ProbabilityOneReachesTheLeadersWholeComponent) {
  // Component A: t0-t1-t2-t3 (a path with a chord, undirected); component B:
  // t4-t5. Leaders t0 and t2.
  const District d = MakeDistrict(6, {{0, 1, PLC, false},
                                      {1, 2, PLC, false},
                                      {2, 3, ADVICE, false},
                                      {0, 3, OBSERVATION, false},
                                      {4, 5, PLC, false}});
  const RunResult r = Simulate(d, SimpleScenario({0, 2}, 1.0, 500));
  EXPECT_EQ(r.reached().mean(), 2);
  EXPECT_EQ(r.reached().sd(), 0);
}

TEST(CascadeClosedForm, StarFromItsCentreReachesNTimesP) {
  for (double p : {0.05, 0.3, 0.9}) {
    SCOPED_TRACE(p);
    constexpr int kLeaves = 200;
    const RunResult r =
        Simulate(Star(kLeaves), SimpleScenario({0}, p, 20000, 7));
    // Leaves reached ~ Binomial(n, p): 1 + n p teachers counting the centre.
    ExpectMean(r.reached(), kLeaves * p, kLeaves * p * (1 - p));
    EXPECT_EQ(r.reached().mean(), r.direct_reach().mean());
  }
}

TEST(CascadeClosedForm, PathFromOneEndReachesTheSumOfPowers) {
  constexpr int kLength = 12;
  for (double p : {0.5, 0.8}) {
    SCOPED_TRACE(p);
    // K = consecutive successes from the start, capped at L: P(K >= k) = p^k,
    // so E K = sum p^k and E K^2 = sum (2k - 1) p^k.
    double mean = 0, second = 0;
    for (int k = 1; k <= kLength; ++k) {
      mean += std::pow(p, k);
      second += (2 * k - 1) * std::pow(p, k);
    }
    const RunResult r =
        Simulate(Path(kLength), SimpleScenario({0}, p, 20000, 11));
    ExpectMean(r.reached(), mean, second - mean * mean);
    // Hop k is reached with probability p^k.
    for (const HopReach& h : r.reached_by_hop()) {
      const double q = std::pow(p, h.hop());
      ExpectMean(h.teachers(), q, q * (1 - q));
    }
  }
}

TEST(CascadeClosedForm, TieWeightMultipliesTheProbabilityUpToOne) {
  constexpr int kLeaves = 100;
  std::vector<TieSpec> doubled, huge;
  for (int v = 1; v <= kLeaves; ++v) {
    doubled.push_back({0, v, PLC, true, 2.0});
    huge.push_back({0, v, PLC, true, 10.0});
  }
  const Scenario s = SimpleScenario({0}, 0.2, 10000, 3);
  ExpectMean(Simulate(MakeDistrict(kLeaves + 1, doubled), s).reached(),
             kLeaves * 0.4, kLeaves * 0.4 * 0.6);
  EXPECT_EQ(Simulate(MakeDistrict(kLeaves + 1, huge), s).reached().mean(),
            kLeaves);
}

TEST(CascadeClosedForm, LeaderCredibilityMultipliesTheirTies) {
  constexpr int kLeaves = 100;
  District d = Star(kLeaves);
  d.mutable_teachers(0)->set_role(TEACHER_LEADER);
  Scenario s = SimpleScenario({0}, 0.2, 10000, 5);
  s.set_leader_credibility(2.5);
  ExpectMean(Simulate(d, s).reached(), kLeaves * 0.5, kLeaves * 0.25);
}

TEST(CascadeClosedForm, AdoptionFollowsSchoolReadiness) {
  constexpr int kLeaves = 100;
  std::vector<TieSpec> ties;
  for (int v = 1; v <= kLeaves; ++v) ties.push_back({0, v});
  const District d = MakeDistrict(kLeaves + 1, ties, /*readiness=*/0.5);
  Scenario s = SimpleScenario({0}, 1.0, 10000, 9);
  s.mutable_multi_channel()->set_adoption_at_zero_readiness(0.2);
  s.mutable_multi_channel()->set_adoption_at_full_readiness(0.6);
  const RunResult r = Simulate(d, s);
  EXPECT_EQ(r.reached().mean(), kLeaves);
  const double a = 0.2 + (0.6 - 0.2) * 0.5;
  ExpectMean(r.adopting(), kLeaves * a, kLeaves * a * (1 - a));
}

TEST(CascadeClosedForm, OnlyAdoptersPassThePracticeOn) {
  Scenario s = SimpleScenario({0}, 1.0, 200);
  s.mutable_multi_channel()->set_adoption_at_zero_readiness(0);
  s.mutable_multi_channel()->set_adoption_at_full_readiness(0);
  const RunResult r = Simulate(Path(10), s);
  EXPECT_EQ(r.reached().mean(), 1);  // t1 is reached but never adopts
  EXPECT_EQ(r.adopting().mean(), 0);
}

TEST(CascadeClosedForm, GeometricDelaysAgainstTheHorizon) {
  // Every leaf is reached with certainty, after a geometric delay of mean m;
  // by week H a leaf is reached with probability 1 - (1 - 1/m)^H.
  constexpr int kLeaves = 100;
  constexpr double kMean = 4;
  constexpr int kHorizon = 3;
  Scenario s = SimpleScenario({0}, 1.0, 10000, 13);
  for (ChannelParams& c : *s.mutable_channels()) c.set_mean_delay_weeks(kMean);
  s.set_horizon(kHorizon);
  const RunResult r = Simulate(Star(kLeaves), s);
  const double q = 1 - std::pow(1 - 1 / kMean, kHorizon);
  ExpectMean(r.reached(), kLeaves * q, kLeaves * q * (1 - q));
  // Week by week, the cumulative curve follows the same law.
  ASSERT_EQ(r.weekly_size(), kHorizon + 1);
  for (const WeekPoint& w : r.weekly()) {
    const double qw = 1 - std::pow(1 - 1 / kMean, w.week());
    EXPECT_NEAR(w.reached_mean(), kLeaves * qw,
                kZ * std::sqrt(kLeaves * qw * (1 - qw) / 10000) + 1e-12);
  }
}

// P(X <= k) for X ~ Binomial(n, q).
double BinomialCdf(int n, double q, int k) {
  double term = std::pow(1 - q, n);  // P(X = 0)
  double sum = 0;
  for (int x = 0; x <= k && x <= n; ++x) {
    sum += term;
    term *= (n - x) / static_cast<double>(x + 1) * q / (1 - q);
  }
  return sum;
}

TEST(CascadeClosedForm, WeeklyBandsAreTheBinomialsQuantiles) {
  // As above, week w's cumulative reach is Binomial(n, q_w). The reported
  // 5% and 95% points are empirical quantiles of R replicates: the exact
  // CDF there must be within kZ sampling errors of the level, on the
  // side the integer steps allow.
  constexpr int kLeaves = 60;
  constexpr double kMean = 4;
  constexpr int kReps = 10000;
  Scenario s = SimpleScenario({0}, 1.0, kReps, 19);
  for (ChannelParams& c : *s.mutable_channels()) c.set_mean_delay_weeks(kMean);
  s.set_horizon(8);
  const RunResult r = Simulate(Star(kLeaves), s);
  for (int week = 1; week <= 8; ++week) {
    SCOPED_TRACE(week);
    const double q = 1 - std::pow(1 - 1 / kMean, week);
    const Estimate& e = r.weekly(week).reached();
    EXPECT_EQ(e.n(), kReps);
    ExpectMean(e, kLeaves * q, kLeaves * q * (1 - q));
    for (const Quantile& quantile : e.quantiles()) {
      const double p = quantile.probability();
      const double tolerance = kZ * std::sqrt(p * (1 - p) / kReps);
      const auto at = static_cast<int>(std::ceil(quantile.value()));
      const auto below = static_cast<int>(std::floor(quantile.value())) - 1;
      EXPECT_GE(BinomialCdf(kLeaves, q, at), p - tolerance) << p;
      EXPECT_LE(BinomialCdf(kLeaves, q, below), p + tolerance) << p;
    }
  }
}

TEST(CascadeClosedForm, UnitDelaysMakeTheHorizonAHopLimit) {
  Scenario s = SimpleScenario({0}, 1.0, 100);
  s.set_horizon(3);
  const RunResult r = Simulate(Path(10), s);
  EXPECT_EQ(r.reached().mean(), 3);
  ASSERT_EQ(r.reached_by_hop_size(), 3);
  for (const HopReach& h : r.reached_by_hop()) {
    EXPECT_EQ(h.teachers().mean(), 1);
  }
}

TEST(CascadeClosedForm, FirstContactInTimeTakesTheCredit) {
  // t0 reaches t1 over two ties with certainty: a PD tie whose delay has mean
  // 5 weeks and a social-media tie of exactly one week. Both land in week 1
  // only when the PD delay is 1 week (probability 1/5), and then PD, the
  // earlier arc in (source, channel) order, is scheduled first.
  const District d =
      MakeDistrict(2, {{0, 1, PD_WORKSHOP, true}, {0, 1, SOCIAL_MEDIA, true}});
  Scenario s = SimpleScenario({0}, 1.0, 20000, 17);
  for (ChannelParams& c : *s.mutable_channels()) {
    if (c.channel() == PD_WORKSHOP) c.set_mean_delay_weeks(5);
  }
  const RunResult r = Simulate(d, s);
  EXPECT_EQ(r.direct_reach().mean(), 1);
  for (const ChannelReach& c : r.direct_reach_by_channel()) {
    if (c.channel() == PD_WORKSHOP) ExpectMean(c.teachers(), 0.2, 0.16);
    if (c.channel() == SOCIAL_MEDIA) ExpectMean(c.teachers(), 0.8, 0.16);
  }
}

TEST(CascadeClosedForm, LapseShortensPractiseGeometrically) {
  // Leaves adopt in week 1 and practise L >= 1 weeks, P(L >= l) =
  // (1 - lambda)^(l - 1); a leaf still practises in week H when 1 + L > H.
  constexpr int kLeaves = 100;
  constexpr double kLapse = 0.1;
  constexpr int kHorizon = 8;
  constexpr int kReps = 10000;
  Scenario s = SimpleScenario({0}, 1.0, kReps, 47);
  s.set_horizon(kHorizon);
  s.mutable_multi_channel()->set_lapse_probability(kLapse);
  const RunResult r = Simulate(Star(kLeaves), s);
  EXPECT_EQ(r.adopting().mean(), kLeaves);
  const double q = std::pow(1 - kLapse, kHorizon - 1);
  ExpectMean(r.sustained(), kLeaves * q, kLeaves * q * (1 - q));
  for (const WeekPoint& w : r.weekly()) {
    if (w.week() == 0) continue;
    const double qw = std::pow(1 - kLapse, w.week() - 1);
    EXPECT_NEAR(w.practising_mean(), kLeaves * qw,
                kZ * std::sqrt(kLeaves * qw * (1 - qw) / kReps) + 1e-12);
  }
}

TEST(CascadeClosedForm, LapsedAdoptersMakeNoLateContacts) {
  // t0 -> t1 -> t2 with certainty; t1 practises L weeks (geometric, lapse
  // lambda) and its contact lands after D weeks (geometric, mean 1/q): t2 is
  // reached iff D <= L, with probability q / (1 - (1 - q)(1 - lambda)).
  constexpr double kLapse = 0.2;
  constexpr double kMeanDelay = 3;
  constexpr int kReps = 20000;
  Scenario s = SimpleScenario({0}, 1.0, kReps, 53);
  for (ChannelParams& c : *s.mutable_channels()) {
    c.set_mean_delay_weeks(kMeanDelay);
  }
  s.mutable_multi_channel()->set_lapse_probability(kLapse);
  const RunResult r = Simulate(Path(2), s);
  const double q = 1 / kMeanDelay;
  const double reach2 = q / (1 - (1 - q) * (1 - kLapse));
  ExpectMean(r.reached(), 1 + reach2, reach2 * (1 - reach2));
  // A lapse probability of 1 leaves one week: only one-week contacts land.
  s.mutable_multi_channel()->set_lapse_probability(1);
  ExpectMean(Simulate(Path(2), s).reached(), 1 + q, q * (1 - q));
}

TEST(CascadeClosedForm, NoLapseMeansEveryAdopterIsSustained) {
  Scenario s = SimpleScenario({0}, 0.5, 2000, 59);
  s.set_horizon(10);
  const RunResult r = Simulate(Star(50), s);
  EXPECT_EQ(r.sustained().mean(), r.adopting().mean());
}

TEST(CascadeClosedForm, BroadcastReachesEachTeacherWithItsProbability) {
  // No ties: only the broadcast reaches anyone. Weeks 2 and 5, q = 0.3:
  // by week 2 each teacher is reached with q, by week 5 with 1 - (1-q)^2.
  constexpr int kTeachers = 100;
  constexpr double kQ = 0.3;
  constexpr int kReps = 10000;
  Scenario s = SimpleScenario({0}, 1.0, kReps, 61);
  s.set_horizon(6);
  s.mutable_multi_channel()->mutable_broadcast()->add_weeks(5);
  s.mutable_multi_channel()->mutable_broadcast()->add_weeks(2);
  s.mutable_multi_channel()->mutable_broadcast()->set_probability(kQ);
  const RunResult r = Simulate(MakeDistrict(kTeachers + 1, {}), s);
  const double q2 = 1 - (1 - kQ) * (1 - kQ);
  ExpectMean(r.reached(), kTeachers * q2, kTeachers * q2 * (1 - q2));
  EXPECT_EQ(r.reached_by_broadcast().mean(), r.reached().mean());
  EXPECT_EQ(r.direct_reach().mean(), 0);
  EXPECT_NEAR(r.weekly(2).reached_mean(), kTeachers * kQ,
              kZ * std::sqrt(kTeachers * kQ * (1 - kQ) / kReps));
  EXPECT_EQ(r.weekly(4).reached_mean(), r.weekly(2).reached_mean());
  s.mutable_multi_channel()->mutable_broadcast()->set_probability(1);
  EXPECT_EQ(Simulate(MakeDistrict(kTeachers + 1, {}), s).reached().mean(),
            kTeachers);
}

TEST(CascadeClosedForm, BroadcastAdoptersSpreadButAreNotTheLeadersReach) {
  // t0 is an isolated leader; t1 -> t2 with certainty. A week-1 broadcast
  // reaches t1 and t2 each with q; t1 passes it to t2 in week 2. So t2 is
  // reached with 1 - (1-q)^2, and none of it is the leaders' direct reach.
  constexpr double kQ = 0.4;
  constexpr int kReps = 20000;
  Scenario s = SimpleScenario({0}, 1.0, kReps, 67);
  s.mutable_multi_channel()->mutable_broadcast()->add_weeks(1);
  s.mutable_multi_channel()->mutable_broadcast()->set_probability(kQ);
  const RunResult r = Simulate(MakeDistrict(3, {{1, 2}}), s);
  // Reached: 2 with probability q (t1 hit), 1 with (1-q) q (only t2 hit),
  // else 0: mean 3q - q^2, second moment 5q - q^2.
  const double mean = 3 * kQ - kQ * kQ;
  const double var = 5 * kQ - kQ * kQ - mean * mean;
  ExpectMean(r.reached(), mean, var);
  ExpectMean(r.reached_by_broadcast(), 2 * kQ, 2 * kQ * (1 - kQ));
  EXPECT_EQ(r.direct_reach().mean(), 0);
  EXPECT_EQ(r.reached_by_hop_size(), 0);
}

TEST(CascadeClosedForm, SimilarContextMultipliesTheProbability) {
  // t0 (school A, grade 6, math) reaches 4 groups of 50 leaves:
  //   school A, grade 6       -> p * ms * mg
  //   school A, grade 3       -> p * ms
  //   school B, grade 6       -> p * mg
  //   school B, grade 3, math -> p * mu
  constexpr int kGroup = 50;
  constexpr double kP = 0.1;
  constexpr double kMs = 2, kMg = 1.5, kMu = 3;
  District d = MakeDistrict(1 + 4 * kGroup, {});
  School* b = d.add_schools();
  b->set_id("b");
  d.mutable_teachers(0)->add_grades(6);
  d.mutable_teachers(0)->add_subjects("math");
  for (int v = 1; v <= 4 * kGroup; ++v) {
    const int group = (v - 1) / kGroup;
    Teacher* t = d.mutable_teachers(v);
    if (group >= 2) t->set_school_id("b");
    t->add_grades(group % 2 == 0 ? 6 : 3);
    t->add_subjects(group == 3 ? "math" : "ela");
    Tie* tie = d.add_ties();
    tie->set_source("t0");
    tie->set_target(t->id());
    tie->set_channel(PLC);
    tie->set_directed(true);
  }
  Scenario s = SimpleScenario({0}, kP, 20000, 71);
  s.set_same_school_multiplier(kMs);
  s.set_same_grade_multiplier(kMg);
  s.set_same_subject_multiplier(kMu);
  const double q[4] = {kP * kMs * kMg, kP * kMs, kP * kMg, kP * kMu};
  double mean = 0, var = 0;
  for (double x : q) {
    mean += kGroup * x;
    var += kGroup * x * (1 - x);
  }
  ExpectMean(Simulate(d, s).reached(), mean, var);
  s.set_same_grade_multiplier(-1);
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(d);
  EXPECT_FALSE(RunScenario(*g, s).ok());
}

}  // namespace
}  // namespace collabnet
