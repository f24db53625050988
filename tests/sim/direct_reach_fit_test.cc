#include "sim/direct_reach_fit.h"

#include <cmath>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

using ::testing::HasSubstr;

// A star of n PD leaves plus m social-media leaves from one leader: the
// expected direct reach is n p_pd and m p_social, so the fit has a closed
// form to meet.
District TwoChannelStar(int pd, int social) {
  std::vector<testing::TieSpec> ties;
  for (int v = 1; v <= pd; ++v) ties.push_back({0, v, PD_WORKSHOP});
  for (int v = pd + 1; v <= pd + social; ++v) {
    ties.push_back({0, v, SOCIAL_MEDIA});
  }
  return testing::MakeDistrict(pd + social + 1, ties);
}

Scenario WithTargets(double pd, double social, int replicates) {
  Scenario s = testing::SimpleScenario({0}, 0.1, replicates, 21);
  Observed* o = s.mutable_observed();
  ObservedCategory* c = o->add_categories();
  c->set_name("pd");
  c->add_channels(PD_WORKSHOP);
  c->set_direct_reach(pd);
  c = o->add_categories();
  c->set_name("social");
  c->add_channels(SOCIAL_MEDIA);
  c->set_direct_reach(social);
  return s;
}

double ProbabilityOf(const Scenario& s, Channel ch) {
  for (const ChannelParams& c : s.channels()) {
    if (c.channel() == ch) return c.probability();
  }
  return -1;
}

TEST(FitDirectReach, RecoversTheClosedFormProbabilities) {
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(TwoChannelStar(200, 100));
  ASSERT_TRUE(g.ok());
  constexpr int kReplicates = 4000;
  absl::StatusOr<FitResult> fit =
      FitDirectReach(*g, WithTargets(80, 65, kReplicates));
  ASSERT_TRUE(fit.ok()) << fit.status();
  EXPECT_TRUE(fit->converged);
  // E[reach] = n p: the fitted p is target / n up to the Monte Carlo error
  // of the simulated mean (kZ = 4.5 standard errors) and the tolerance.
  const double se_pd = std::sqrt(200 * 0.4 * 0.6 / kReplicates) / 200;
  const double se_social = std::sqrt(100 * 0.65 * 0.35 / kReplicates) / 100;
  EXPECT_NEAR(ProbabilityOf(fit->scenario, PD_WORKSHOP), 0.4,
              4.5 * se_pd + 0.002 * 0.4);
  EXPECT_NEAR(ProbabilityOf(fit->scenario, SOCIAL_MEDIA), 0.65,
              4.5 * se_social + 0.002 * 0.65);
  // Channels outside the observed categories are left alone.
  EXPECT_EQ(ProbabilityOf(fit->scenario, PLC), 0.1);
}

TEST(FitDirectReach, SaysWhenATargetCannotBeReached) {
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(TwoChannelStar(50, 50));
  absl::StatusOr<FitResult> fit = FitDirectReach(*g, WithTargets(80, 10, 500));
  EXPECT_EQ(fit.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(fit.status().message(), HasSubstr("'pd' cannot be"));
}

TEST(FitDirectReach, NeedsObservedCategoriesAndAStartingProbability) {
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(TwoChannelStar(5, 5));
  EXPECT_THAT(FitDirectReach(*g, testing::SimpleScenario({0}, 0.1, 10))
                  .status()
                  .message(),
              HasSubstr("no categories"));
  Scenario s = WithTargets(2, 2, 10);
  s.mutable_channels(PD_WORKSHOP - 1)->set_probability(0);
  EXPECT_THAT(FitDirectReach(*g, s).status().message(),
              HasSubstr("starting probability"));
}

}  // namespace
}  // namespace collabnet
