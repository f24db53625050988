// Placement against brute force: on districts of ten teachers every leader
// set's expected reach under the independent cascade is computed exactly,
// by summing over every live-edge world, and each strategy's choice is
// held to the bound it states, under each kind of constraint.
#include "place/placement.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

#include "graph/district_graph.h"
#include "place/max_coverage.h"
#include "place/opim.h"
#include "tests/place/place_test_support.h"

namespace collabnet {
namespace {

using testing::Case;
using testing::Cases;
using testing::Feasible;
using testing::Mask;

// Exact expected reach (leaders counted) of every set of teachers, as a
// table indexed by the set's bit mask, under the independent cascade at
// uniform probability p with no horizon. The graph has at most 20 arcs and
// 12 teachers.
std::vector<double> ExactReach(const DistrictGraph& g, double p) {
  const VertexId n = g.num_vertices();
  const ArcIndex m = g.num_arcs();
  EXPECT_LE(m, 20u);
  EXPECT_LE(n, 12u);
  std::vector<double> reach(std::size_t{1} << n, 0);
  std::vector<std::uint32_t> from(n);
  for (std::uint32_t world = 0; world < (1u << m); ++world) {
    const int live = std::popcount(world);
    const double weight =
        std::pow(p, live) * std::pow(1 - p, static_cast<int>(m) - live);
    for (VertexId s = 0; s < n; ++s) {
      std::uint32_t seen = 1u << s;
      std::vector<VertexId> queue{s};
      for (std::size_t h = 0; h < queue.size(); ++h) {
        const VertexId u = queue[h];
        for (ArcIndex a = g.arc_begin(u); a < g.arc_end(u); ++a) {
          const VertexId v = g.arc_target(a);
          if ((world >> a & 1u) != 0 && (seen >> v & 1u) == 0) {
            seen |= 1u << v;
            queue.push_back(v);
          }
        }
      }
      from[s] = seen;
    }
    for (std::uint32_t set = 1; set < reach.size(); ++set) {
      if (std::popcount(set) > 4) continue;
      std::uint32_t all = 0;
      for (std::uint32_t rest = set; rest != 0; rest &= rest - 1) {
        all |= from[static_cast<VertexId>(std::countr_zero(rest))];
      }
      reach[set] += weight * std::popcount(all);
    }
  }
  return reach;
}

TEST(PlacementBruteForce, EveryStrategyMeetsItsBoundUnderEveryConstraint) {
  constexpr double kP = 0.35;
  for (std::uint64_t seed : {1, 2, 3}) {
    const District district = testing::RandomDistrict(10, 2, 8, seed);
    absl::StatusOr<DistrictGraph> graph = FreezeDistrict(district);
    ASSERT_TRUE(graph.ok()) << graph.status();
    const std::vector<double> exact = ExactReach(*graph, kP);
    Scenario scenario;
    scenario.add_leaders("t0");
    scenario.set_seed(seed);
    scenario.set_replicates(100);
    scenario.mutable_independent_cascade()->set_probability(kP);
    for (int budget = 1; budget <= 3; ++budget) {
      for (const Case& test : Cases(budget)) {
        const PlacementConstraints& c = test.constraints;
        const std::uint32_t in_place = Mask(c.existing);
        double best = 0;
        for (std::uint32_t set = 0; set < (1u << 10); ++set) {
          if (Feasible(*graph, c, set)) {
            best = std::max(best, exact[set | in_place]);
          }
        }
        ASSERT_GT(best, 0) << test.name;
        for (PlacementStrategy strategy :
             {PlacementStrategy::kReverseSamples, PlacementStrategy::kGreedy,
              PlacementStrategy::kDegree, PlacementStrategy::kPageRank,
              PlacementStrategy::kDegreeDiscount,
              PlacementStrategy::kRandomPerSchool}) {
          PlacementRequest request;
          request.strategy = strategy;
          request.constraints = c;
          request.epsilon = 0.05;
          request.replicates = 4000;
          absl::StatusOr<Placement> placement =
              PlaceLeaders(*graph, scenario, request);
          ASSERT_TRUE(placement.ok()) << placement.status();
          const std::uint32_t chosen = Mask(placement->chosen);
          SCOPED_TRACE(::testing::Message()
                       << "seed " << seed << ", budget " << budget << ", "
                       << test.name << ", " << StrategyName(strategy));
          EXPECT_TRUE(Feasible(*graph, c, chosen));
          EXPECT_EQ(std::popcount(chosen),
                    static_cast<int>(placement->chosen.size()));
          const double got = exact[chosen | in_place];
          if (strategy == PlacementStrategy::kReverseSamples) {
            const double ratio = GreedyRatio(c);
            EXPECT_GE(got, (ratio - request.epsilon) * best);
          } else if (strategy == PlacementStrategy::kGreedy) {
            // Greedy over Monte Carlo on a coverage model: the greedy's
            // ratio, up to the Monte Carlo error of its gains.
            EXPECT_GE(got, (GreedyRatio(c) - 0.05) * best);
          }
        }
      }
    }
  }
}

TEST(PlacementBruteForce, OpimBoundsHoldAndTheBestIsFoundWithoutConstraints) {
  constexpr double kP = 0.3;
  for (std::uint64_t seed : {4, 5, 6, 7}) {
    const District district = testing::RandomDistrict(10, 2, 9, seed);
    absl::StatusOr<DistrictGraph> graph = FreezeDistrict(district);
    ASSERT_TRUE(graph.ok());
    const std::vector<double> exact = ExactReach(*graph, kP);
    Scenario scenario;
    scenario.add_leaders("t0");
    scenario.set_seed(seed);
    scenario.mutable_independent_cascade()->set_probability(kP);
    absl::StatusOr<ReverseSampler> sampler =
        ReverseSampler::Prepare(*graph, scenario, PlacementObjective::kReached);
    ASSERT_TRUE(sampler.ok());
    for (int budget = 1; budget <= 3; ++budget) {
      PlacementConstraints c;
      c.budget = budget;
      double best = 0;
      for (std::uint32_t set = 0; set < (1u << 10); ++set) {
        if (std::popcount(set) == budget) best = std::max(best, exact[set]);
      }
      OpimOptions options;
      options.epsilon = 0.05;
      options.delta = 1e-4;
      absl::StatusOr<OpimResult> r =
          PlaceByReverseSamples(*graph, *sampler, c, options);
      ASSERT_TRUE(r.ok()) << r.status();
      const double got = exact[Mask(r->chosen)];
      SCOPED_TRACE(::testing::Message()
                   << "seed " << seed << ", budget " << budget);
      EXPECT_LE(r->lower, got);
      EXPECT_GE(r->upper, best);
      EXPECT_GE(got, (1 - 1 / std::exp(1.0) - 0.05) * best);
      ASSERT_EQ(r->gains.size(), static_cast<std::size_t>(budget));
      double total = 0;
      for (double g : r->gains) total += g;
      EXPECT_NEAR(total, r->estimate, 1e-9);
    }
  }
}

TEST(Placement, ConstraintsHoldOnRandomDistrictsForEveryStrategy) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    const District district = testing::RandomDistrict(80, 5, 200, seed);
    absl::StatusOr<DistrictGraph> graph = FreezeDistrict(district);
    ASSERT_TRUE(graph.ok());
    Scenario scenario;
    scenario.set_seed(seed);
    scenario.set_replicates(50);
    scenario.set_horizon(10);
    for (Channel ch :
         {PD_WORKSHOP, PLC, CO_TEACHING, SOCIAL_MEDIA, JOB_EMBEDDED_COACHING}) {
      ChannelParams* p = scenario.add_channels();
      p->set_channel(ch);
      p->set_probability(0.2);
      p->set_mean_delay_weeks(2);
    }
    scenario.mutable_multi_channel()->set_adoption_at_zero_readiness(0.4);
    scenario.add_leaders("t1");
    PlacementConstraints c;
    c.budget = 6;
    c.max_per_school = 2;
    c.existing = {1, 6};  // two in school 1 already: it takes no more
    c.eligible.assign(80, 0);
    for (VertexId v = 0; v < 80; ++v) c.eligible[v] = v % 3 != 0;
    for (PlacementStrategy strategy :
         {PlacementStrategy::kReverseSamples, PlacementStrategy::kGreedy,
          PlacementStrategy::kDegree, PlacementStrategy::kPageRank,
          PlacementStrategy::kDegreeDiscount,
          PlacementStrategy::kRandomPerSchool}) {
      PlacementRequest request;
      request.strategy = strategy;
      request.constraints = c;
      request.replicates = 100;
      absl::StatusOr<Placement> placement =
          PlaceLeaders(*graph, scenario, request);
      ASSERT_TRUE(placement.ok()) << placement.status();
      SCOPED_TRACE(StrategyName(strategy));
      ASSERT_EQ(placement->chosen.size(), 6u);
      std::vector<int> per_school(graph->num_schools(), 0);
      for (VertexId e : c.existing) ++per_school[graph->school_of(e)];
      for (VertexId v : placement->chosen) {
        EXPECT_NE(c.eligible[v], 0) << v;
        EXPECT_NE(v, 1u);
        EXPECT_NE(v, 6u);
        ++per_school[graph->school_of(v)];
      }
      for (int k : per_school) EXPECT_LE(k, 2);
      EXPECT_FALSE(placement->guarantee.empty());
    }
  }
}

TEST(Placement, TheSameLeadersOnOneAndTwoThreads) {
  const District district = testing::RandomDistrict(300, 6, 1200, 9);
  absl::StatusOr<DistrictGraph> graph = FreezeDistrict(district);
  ASSERT_TRUE(graph.ok());
  Scenario scenario;
  scenario.set_seed(3);
  scenario.set_replicates(50);
  scenario.set_horizon(12);
  for (Channel ch :
       {PD_WORKSHOP, PLC, CO_TEACHING, SOCIAL_MEDIA, JOB_EMBEDDED_COACHING}) {
    ChannelParams* p = scenario.add_channels();
    p->set_channel(ch);
    p->set_probability(0.1);
    p->set_mean_delay_weeks(2);
  }
  scenario.mutable_multi_channel()->set_lapse_probability(0.1);
  scenario.add_leaders("t1");
  for (PlacementStrategy strategy :
       {PlacementStrategy::kReverseSamples, PlacementStrategy::kGreedy}) {
    std::vector<std::vector<VertexId>> chosen;
    for (int threads : {1, 2}) {
      PlacementRequest request;
      request.strategy = strategy;
      request.constraints.budget =
          strategy == PlacementStrategy::kGreedy ? 2 : 8;
      request.replicates = 60;
      request.threads = threads;
      absl::StatusOr<Placement> placement =
          PlaceLeaders(*graph, scenario, request);
      ASSERT_TRUE(placement.ok()) << placement.status();
      chosen.push_back(placement->chosen);
    }
    EXPECT_EQ(chosen[0], chosen[1]) << StrategyName(strategy);
  }
}

TEST(Placement, RefusesConstraintsNoSetMeets) {
  const District district = testing::RandomDistrict(12, 3, 20, 1);
  absl::StatusOr<DistrictGraph> graph = FreezeDistrict(district);
  ASSERT_TRUE(graph.ok());
  Scenario scenario;
  scenario.set_seed(1);
  scenario.add_leaders("t0");
  scenario.mutable_independent_cascade()->set_probability(0.2);
  auto refused = [&](PlacementConstraints c, const std::string& says) {
    PlacementRequest request;
    request.constraints = std::move(c);
    absl::StatusOr<Placement> p = PlaceLeaders(*graph, scenario, request);
    EXPECT_TRUE(absl::IsInvalidArgument(p.status())) << p.status();
    EXPECT_NE(p.status().message().find(says), std::string::npos) << p.status();
  };
  PlacementConstraints too_many;
  too_many.budget = 13;
  refused(too_many, "only 12 teachers are eligible");
  PlacementConstraints eligible;
  eligible.budget = 3;
  eligible.eligible.assign(12, 0);
  eligible.eligible[5] = 1;
  refused(eligible, "only 1 teachers");
  PlacementConstraints per_school;
  per_school.budget = 4;
  per_school.max_per_school = 1;
  refused(per_school, "room for 3");
  PlacementConstraints costs;
  costs.budget = 2;
  costs.cost.assign(12, 5);
  costs.cost_budget = 4;
  refused(costs, "no eligible teacher costs that little");
  costs.cost[3] = -1;
  refused(costs, "must be a number, 0 or more");
  PlacementConstraints zero;
  refused(zero, "at least 1");
  PlacementRequest contagion;
  contagion.strategy = PlacementStrategy::kReverseSamples;
  contagion.constraints.budget = 1;
  Scenario cc = scenario;
  cc.mutable_complex_contagion()->set_threshold(2);
  absl::StatusOr<Placement> p = PlaceLeaders(*graph, cc, contagion);
  EXPECT_TRUE(absl::IsInvalidArgument(p.status())) << p.status();
  EXPECT_NE(p.status().message().find("greedy"), std::string::npos);
}

}  // namespace
}  // namespace collabnet
