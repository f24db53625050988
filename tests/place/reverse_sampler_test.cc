// Reverse samples against Monte Carlo: for every model feature a reverse
// sample respects, the share of samples a leader set covers, times the
// teachers, estimates the set's expected reach (leaders counted); the
// simulator's mean (plus the leaders) estimates the same. They must agree
// within four standard errors of their difference.
#include "place/reverse_sampler.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "graph/district_graph.h"
#include "place/reverse_samples.h"
#include "sim/runner.h"
#include "tests/place/place_test_support.h"

namespace collabnet {
namespace {

constexpr int kTeachers = 60;

Scenario District3Leaders() {
  Scenario s;
  s.set_name("feature");
  s.add_leaders("t0");
  s.add_leaders("t13");
  s.add_leaders("t41");
  s.set_replicates(20000);
  s.set_seed(7);
  const Channel channels[] = {PD_WORKSHOP, PLC, CO_TEACHING, SOCIAL_MEDIA,
                              JOB_EMBEDDED_COACHING};
  double p = 0.12;
  for (Channel ch : channels) {
    ChannelParams* c = s.add_channels();
    c->set_channel(ch);
    c->set_probability(p);
    p += 0.04;
  }
  s.mutable_multi_channel();
  return s;
}

void SetDelays(Scenario& s) {
  for (int i = 0; i < s.channels_size(); ++i) {
    s.mutable_channels(i)->set_mean_delay_weeks(1 + 0.7 * i);
  }
}

struct Feature {
  std::string name;
  std::function<void(Scenario&)> edit;
  PlacementObjective objective = PlacementObjective::kReached;
  PlacementTargets targets = PlacementTargets::kAll;
};

class ReverseSamplerAgreement : public ::testing::TestWithParam<Feature> {};

TEST_P(ReverseSamplerAgreement, CoverageEstimatesTheSimulatedReach) {
  const District district =
      testing::RandomDistrict(kTeachers, 3, 140, /*seed=*/11);
  absl::StatusOr<DistrictGraph> graph = FreezeDistrict(district);
  ASSERT_TRUE(graph.ok()) << graph.status();
  Scenario scenario = District3Leaders();
  GetParam().edit(scenario);

  // Per replicate, the objective's teachers reached (or adopting) among
  // its targets, leaders not counted.
  const bool adopting = GetParam().objective == PlacementObjective::kAdopting;
  const bool title_i = GetParam().targets == PlacementTargets::kTitleI;
  auto counted = [&](VertexId v) {
    return !title_i || graph->school_title_i(graph->school_of(v));
  };
  std::vector<std::int64_t> per_replicate(
      static_cast<std::size_t>(scenario.replicates()), 0);
  RunOptions options;
  options.on_replicate = [&](std::uint32_t replicate,
                             const ReplicateCounts& counts) {
    std::int64_t k = 0;
    for (const ReachRecord& r : counts.reached()) {
      k += counted(r.teacher) && (!adopting || r.adopted != 0);
    }
    per_replicate[replicate] = k;
  };
  absl::StatusOr<RunResult> mc = RunScenario(*graph, scenario, options);
  ASSERT_TRUE(mc.ok()) << mc.status();
  double leaders = 0;
  for (const std::string& id : scenario.leaders()) {
    leaders += counted(*graph->FindTeacher(id));
  }
  double teachers = 0;
  for (VertexId v = 0; v < graph->num_vertices(); ++v) teachers += counted(v);
  double sum = 0;
  double squares = 0;
  for (std::int64_t k : per_replicate) {
    sum += static_cast<double>(k);
    squares += static_cast<double>(k) * static_cast<double>(k);
  }
  const auto r = static_cast<double>(per_replicate.size());
  const double mc_mean = sum / r + leaders;
  const double mc_se =
      std::sqrt((squares - sum * sum / r) / (r - 1)) / std::sqrt(r);

  absl::StatusOr<ReverseSampler> sampler = ReverseSampler::Prepare(
      *graph, scenario, GetParam().objective, GetParam().targets);
  ASSERT_TRUE(sampler.ok()) << sampler.status();
  ReverseSamples samples(0);
  constexpr std::uint64_t kSamples = 200000;
  samples.GrowTo(*sampler, kSamples, 2);
  std::vector<VertexId> set;
  for (const std::string& id : scenario.leaders()) {
    set.push_back(*graph->FindTeacher(id));
  }
  const double share =
      static_cast<double>(samples.Covered(set, graph->num_vertices())) /
      kSamples;
  ASSERT_EQ(sampler->num_targets(), teachers);
  const double rr_mean = teachers * share;
  const double rr_se = teachers * std::sqrt(share * (1 - share) / kSamples);
  const double tolerance = 4 * std::hypot(mc_se, rr_se);
  EXPECT_NEAR(rr_mean, mc_mean, tolerance)
      << GetParam().name << ": Monte Carlo " << mc_mean << " +- " << mc_se
      << ", reverse samples " << rr_mean << " +- " << rr_se;
  // The feature must matter: a test of nothing would pass anyway.
  EXPECT_GT(mc_mean, leaders + 1) << GetParam().name;
  EXPECT_LT(mc_mean, teachers - 1) << GetParam().name;
}

INSTANTIATE_TEST_SUITE_P(
    Features, ReverseSamplerAgreement,
    ::testing::Values(
        Feature{"channels", [](Scenario&) {}},
        Feature{"horizon_and_delays",
                [](Scenario& s) {
                  SetDelays(s);
                  s.set_horizon(5);
                }},
        Feature{
            "adoption_reached",
            [](Scenario& s) {
              s.mutable_multi_channel()->set_adoption_at_zero_readiness(0.2);
              s.mutable_multi_channel()->set_adoption_at_full_readiness(0.9);
            }},
        Feature{
            "adoption_adopting",
            [](Scenario& s) {
              s.mutable_multi_channel()->set_adoption_at_zero_readiness(0.2);
              s.mutable_multi_channel()->set_adoption_at_full_readiness(0.9);
            },
            PlacementObjective::kAdopting},
        Feature{"lapse_with_delays",
                [](Scenario& s) {
                  SetDelays(s);
                  s.set_horizon(12);
                  s.mutable_multi_channel()->set_lapse_probability(0.3);
                }},
        Feature{"lapse_without_horizon",
                [](Scenario& s) {
                  SetDelays(s);
                  s.mutable_multi_channel()->set_lapse_probability(0.4);
                }},
        Feature{"calendar",
                [](Scenario& s) {
                  SetDelays(s);
                  s.set_horizon(7);
                  Calendar* c = s.mutable_multi_channel()->mutable_calendar();
                  c->add_pd_weeks(4);
                  c->add_pd_weeks(6);
                  c->set_plc_every_weeks(4);
                  c->set_teaching_weeks(6);
                }},
        Feature{"broadcast",
                [](Scenario& s) {
                  SetDelays(s);
                  s.set_horizon(10);
                  Broadcast* b = s.mutable_multi_channel()->mutable_broadcast();
                  b->add_weeks(2);
                  b->add_weeks(6);
                  b->set_probability(0.04);
                  s.mutable_multi_channel()->set_adoption_at_zero_readiness(
                      0.5);
                }},
        Feature{"broadcast_adopting_no_horizon",
                [](Scenario& s) {
                  Broadcast* b = s.mutable_multi_channel()->mutable_broadcast();
                  b->add_weeks(3);
                  b->set_probability(0.02);
                  s.mutable_multi_channel()->set_adoption_at_zero_readiness(
                      0.3);
                },
                PlacementObjective::kAdopting},
        Feature{"title_i_reached",
                [](Scenario& s) {
                  SetDelays(s);
                  s.set_horizon(8);
                },
                PlacementObjective::kReached, PlacementTargets::kTitleI},
        Feature{"title_i_adopting",
                [](Scenario& s) {
                  s.mutable_multi_channel()->set_adoption_at_zero_readiness(
                      0.3);
                },
                PlacementObjective::kAdopting, PlacementTargets::kTitleI},
        Feature{"tie_context",
                [](Scenario& s) {
                  s.set_leader_credibility(2);
                  s.set_same_school_multiplier(1.5);
                  s.set_same_grade_multiplier(1.3);
                }},
        Feature{"ic_uniform_horizon",
                [](Scenario& s) {
                  s.clear_channels();
                  s.mutable_independent_cascade()->set_probability(0.15);
                  s.set_horizon(2);
                }},
        Feature{"ic_uniform_dense",
                [](Scenario& s) {
                  s.clear_channels();
                  s.mutable_independent_cascade()->set_probability(0.4);
                  s.set_horizon(1);
                }},
        Feature{"ic_weighted_cascade",
                [](Scenario& s) {
                  s.clear_channels();
                  s.mutable_independent_cascade()->set_probabilities(
                      IndependentCascadeParams::WEIGHTED_CASCADE);
                }},
        Feature{"ic_channels_context",
                [](Scenario& s) {
                  s.mutable_independent_cascade()->set_probabilities(
                      IndependentCascadeParams::CHANNELS);
                  s.set_leader_credibility(1.5);
                }},
        Feature{"linear_threshold",
                [](Scenario& s) {
                  s.clear_channels();
                  s.mutable_linear_threshold();
                }},
        Feature{"linear_threshold_horizon",
                [](Scenario& s) {
                  s.clear_channels();
                  s.mutable_linear_threshold();
                  s.set_horizon(2);
                }}),
    [](const ::testing::TestParamInfo<Feature>& param) {
      return param.param.name;
    });

TEST(ReverseSampler, RefusesWhatIsNotACoverageFunction) {
  const District district = testing::RandomDistrict(20, 2, 40, 3);
  absl::StatusOr<DistrictGraph> graph = FreezeDistrict(district);
  ASSERT_TRUE(graph.ok());
  Scenario capacity = District3Leaders();
  capacity.mutable_multi_channel()
      ->mutable_leader_capacity()
      ->set_teachers_per_term(2);
  Scenario lapse_calendar = District3Leaders();
  lapse_calendar.mutable_multi_channel()->set_lapse_probability(0.1);
  lapse_calendar.mutable_multi_channel()->mutable_calendar()->add_pd_weeks(4);
  Scenario contagion = District3Leaders();
  contagion.clear_channels();
  contagion.mutable_complex_contagion()->set_threshold(2);
  Scenario thresholds = District3Leaders();
  thresholds.clear_channels();
  (*thresholds.mutable_linear_threshold()->mutable_thresholds())["t1"] = 0.5;
  for (const Scenario& s : {capacity, lapse_calendar, contagion, thresholds}) {
    absl::StatusOr<ReverseSampler> sampler =
        ReverseSampler::Prepare(*graph, s, PlacementObjective::kReached);
    EXPECT_TRUE(absl::IsFailedPrecondition(sampler.status()))
        << s.ShortDebugString();
  }
}

TEST(ReverseSamples, AreTheSameOnAnyNumberOfThreadsAndWhenGrown) {
  const District district = testing::RandomDistrict(200, 4, 600, 5);
  absl::StatusOr<DistrictGraph> graph = FreezeDistrict(district);
  ASSERT_TRUE(graph.ok()) << graph.status();
  Scenario s = District3Leaders();
  SetDelays(s);
  s.set_horizon(8);
  s.mutable_multi_channel()->set_lapse_probability(0.2);
  absl::StatusOr<ReverseSampler> sampler =
      ReverseSampler::Prepare(*graph, s, PlacementObjective::kReached);
  ASSERT_TRUE(sampler.ok());
  ReverseSamples one(1);
  one.GrowTo(*sampler, 5000, 1);
  ReverseSamples two(1);
  two.GrowTo(*sampler, 1234, 2);
  two.GrowTo(*sampler, 5000, 2);
  EXPECT_EQ(one.size(), two.size());
  EXPECT_EQ(one.reached_anyway(), two.reached_anyway());
  EXPECT_TRUE(std::equal(one.offsets().begin(), one.offsets().end(),
                         two.offsets().begin(), two.offsets().end()));
  EXPECT_TRUE(std::equal(one.members().begin(), one.members().end(),
                         two.members().begin(), two.members().end()));
  // The other collection is other samples.
  ReverseSamples other(0);
  other.GrowTo(*sampler, 5000, 2);
  EXPECT_FALSE(std::equal(one.members().begin(), one.members().end(),
                          other.members().begin(), other.members().end()));
}

}  // namespace
}  // namespace collabnet
