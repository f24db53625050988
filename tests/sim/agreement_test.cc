// The models on the sample district against independent estimators and
// against each other, at replicate counts that make the comparisons sharp
// (two-sample checks, |z| < 4.5: a false failure about 7e-6 each), and the
// bookkeeping every model shares. Long under the sanitizers, so the
// sanitizer pass leaves this program to the release pass (label "slow").
#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "data/embedded_default.h"
#include "gtest/gtest.h"
#include "sim/live_edge.h"
#include "sim/runner.h"
#include "tests/sim/sim_test_support.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

using testing::DrawModeName;
using testing::FreezeOrFail;
using testing::kDrawModes;

constexpr double kZ = 4.5;
std::pair<double, double> MeanVar(const Estimate& e) {
  return {e.mean(), e.sd() * e.sd()};
}

void ExpectSameMean(std::pair<double, double> a, std::pair<double, double> b,
                    int n) {
  const double se = std::sqrt((a.second + b.second) / n);
  EXPECT_LT(std::abs(a.first - b.first), kZ * se + 1e-12)
      << a.first << " vs " << b.first << " (se " << se << ")";
}

RunResult Simulate(const DistrictGraph& g, const Scenario& s, DrawMode mode) {
  RunOptions options;
  options.draws = mode;
  absl::StatusOr<RunResult> r = RunScenario(g, s, options);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : RunResult();
}

class SampleDistrictTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    graph_ =
        new DistrictGraph(FreezeOrFail(*EmbeddedDistrict(), /*reverse=*/true));
    leaders_ = new Scenario;
    *leaders_->mutable_leaders() = EmbeddedScenario()->leaders();
  }
  static void TearDownTestSuite() {
    delete graph_;
    delete leaders_;
  }
  // The default scenario's leaders and nothing else.
  static Scenario Leaders(int replicates, std::uint64_t seed) {
    Scenario s = *leaders_;
    s.set_replicates(replicates);
    s.set_seed(seed);
    return s;
  }
  static DistrictGraph* graph_;
  static Scenario* leaders_;
};
DistrictGraph* SampleDistrictTest::graph_ = nullptr;
Scenario* SampleDistrictTest::leaders_ = nullptr;

TEST_F(SampleDistrictTest, CascadeAgreesWithLiveEdgeSampling) {
  constexpr int kReps = 3000;
  for (auto [name, model] :
       {std::pair<const char*, void (*)(Scenario&)>{
            "p = 0.03",
            [](Scenario& s) {
              s.mutable_independent_cascade()->set_probability(0.03);
            }},
        {"p = 0.08",
         [](Scenario& s) {
           s.mutable_independent_cascade()->set_probability(0.08);
         }},
        {"weighted cascade",
         [](Scenario& s) {
           s.mutable_independent_cascade()->set_probabilities(
               IndependentCascadeParams::WEIGHTED_CASCADE);
         }},
        {"tie weights", [](Scenario& s) {
           s.mutable_independent_cascade()->set_probability(0.04);
           s.mutable_independent_cascade()->set_use_tie_weights(true);
         }}}) {
    Scenario s = Leaders(kReps, 17);
    model(s);
    absl::StatusOr<LiveEdgeIc> live = LiveEdgeIc::Prepare(*graph_, s);
    ASSERT_TRUE(live.ok()) << live.status();
    const RunResult reference = RunModel(*graph_, s, *live);
    for (DrawMode mode : kDrawModes) {
      SCOPED_TRACE(absl::StrCat(name, " ", DrawModeName(mode)));
      ExpectSameMean(MeanVar(Simulate(*graph_, s, mode).reached()),
                     MeanVar(reference.reached()), kReps);
    }
  }
}

TEST_F(SampleDistrictTest, LinearThresholdAgreesWithItsLiveEdgeForm) {
  constexpr int kReps = 3000;
  for (bool weighted : {false, true}) {
    Scenario s = Leaders(kReps, 23);
    s.mutable_linear_threshold()->set_use_tie_weights(weighted);
    absl::StatusOr<LiveEdgeLt> live = LiveEdgeLt::Prepare(*graph_, s);
    ASSERT_TRUE(live.ok()) << live.status();
    ExpectSameMean(MeanVar(Simulate(*graph_, s, DrawMode::kCoupled).reached()),
                   MeanVar(RunModel(*graph_, s, *live).reached()), kReps);
  }
}

TEST_F(SampleDistrictTest, MultiChannelCascadeReducesToThePlainCascade) {
  // With one probability on every channel, unit delays, certain adoption,
  // no credibility boost and no horizon, the multi-channel cascade is the
  // independent cascade with p * weight: two implementations, one law.
  constexpr int kReps = 3000;
  Scenario multi = testing::SimpleScenario({}, 0.04, kReps, 31);
  *multi.mutable_leaders() = leaders_->leaders();
  Scenario plain = Leaders(kReps, 32);
  plain.mutable_independent_cascade()->set_probability(0.04);
  plain.mutable_independent_cascade()->set_use_tie_weights(true);
  for (DrawMode mode : kDrawModes) {
    SCOPED_TRACE(DrawModeName(mode));
    ExpectSameMean(MeanVar(Simulate(*graph_, multi, mode).reached()),
                   MeanVar(Simulate(*graph_, plain, mode).reached()), kReps);
  }
}

TEST_F(SampleDistrictTest, EveryModelIsTheSameOnAnyNumberOfThreads) {
  void (*const models[])(Scenario&) = {
      [](Scenario& s) {
        s.mutable_independent_cascade()->set_probability(0.05);
      },
      [](Scenario& s) {
        s.mutable_independent_cascade()->set_probabilities(
            IndependentCascadeParams::WEIGHTED_CASCADE);
      },
      [](Scenario& s) { s.mutable_linear_threshold(); },
      [](Scenario& s) {
        s.mutable_complex_contagion()->set_probability(0.5);
        s.mutable_complex_contagion()->set_threshold(2);
      },
      [](Scenario& s) {
        const Scenario d = *EmbeddedScenario();
        *s.mutable_channels() = d.channels();
        *s.mutable_multi_channel() = d.multi_channel();
        s.set_horizon(36);
      },
  };
  for (auto* model : models) {
    Scenario s = Leaders(700, 41);
    model(s);
    for (DrawMode mode : kDrawModes) {
      std::string first;
      for (int threads : {1, 2, 8}) {
        RunOptions options;
        options.threads = threads;
        options.per_teacher = true;
        options.draws = mode;
        absl::StatusOr<RunResult> r = RunScenario(*graph_, s, options);
        ASSERT_TRUE(r.ok()) << r.status();
        r->mutable_details()->clear_threads();
        r->mutable_details()->clear_wall_seconds();
        r->mutable_details()->clear_prepare_seconds();
        r->mutable_details()->clear_simulate_seconds();
        if (first.empty()) {
          first = r->SerializeAsString();
        } else {
          EXPECT_EQ(first, r->SerializeAsString())
              << r->details().model() << " " << DrawModeName(mode) << " on "
              << threads << " threads";
        }
      }
    }
  }
}

TEST_F(SampleDistrictTest, PerTeacherProbabilitiesAddUpToTheMeanReach) {
  Scenario multi = testing::SimpleScenario({}, 0.05, 500, 43);
  *multi.mutable_leaders() = leaders_->leaders();
  Scenario plain = Leaders(500, 43);
  plain.mutable_independent_cascade()->set_probability(0.05);
  for (const Scenario& s : {multi, plain}) {
    RunOptions options;
    options.per_teacher = true;
    absl::StatusOr<RunResult> r = RunScenario(*graph_, s, options);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->teachers_size(), 1400 - 4);
    double reached = 0, adopting = 0;
    for (const TeacherReach& t : r->teachers()) {
      reached += t.reached_probability();
      adopting += t.adopting_probability();
    }
    EXPECT_NEAR(reached, r->reached().mean(), 1e-9 * reached + 1e-12);
    EXPECT_NEAR(adopting, r->adopting().mean(), 1e-9 * adopting + 1e-12);
  }
}

TEST_F(SampleDistrictTest, PlainModelsReportWhatAppliesToThem) {
  // Direct reach, reach by channel and hop, schools and the curve by round;
  // no sustained, broadcast or capacity figures, which they do not have.
  Scenario s = Leaders(500, 47);
  s.mutable_independent_cascade()->set_probability(0.08);
  const RunResult r = Simulate(*graph_, s, DrawMode::kCoupled);
  EXPECT_GT(r.direct_reach().mean(), 0);
  ASSERT_FALSE(r.reached_by_hop().empty());
  EXPECT_EQ(r.reached_by_hop(0).teachers().mean(), r.direct_reach().mean());
  double by_channel = 0;
  for (const ChannelReach& c : r.reached_by_channel()) {
    by_channel += c.teachers().mean();
  }
  EXPECT_NEAR(by_channel, r.reached().mean(), 1e-9 * by_channel);
  double by_school = 0;
  for (const SchoolReach& school : r.schools()) {
    by_school += school.reached().mean();
  }
  EXPECT_NEAR(by_school, r.reached().mean(), 1e-9 * by_school);
  EXPECT_EQ(r.adopting().mean(), r.reached().mean());
  EXPECT_FALSE(r.has_sustained());
  EXPECT_FALSE(r.has_reached_by_broadcast());
  EXPECT_FALSE(r.has_deferred_by_capacity());
  ASSERT_GT(r.weekly_size(), 1);
  EXPECT_NEAR(r.weekly(r.weekly_size() - 1).reached_mean(), r.reached().mean(),
              1e-9 * r.reached().mean());
}

}  // namespace
}  // namespace collabnet
