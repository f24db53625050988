// The school-equity objective: the index by closed form, greedy on the
// reverse samples' index against brute force over every feasible set, and
// a placement for equity that goes where a placement for reach does not.
#include "place/school_equity.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

#include "absl/strings/str_cat.h"
#include "graph/district_graph.h"
#include "place/max_coverage.h"
#include "place/placement.h"
#include "place/reverse_sampler.h"
#include "place/reverse_samples.h"
#include "tests/place/place_test_support.h"

namespace collabnet {
namespace {

using testing::Cases;
using testing::Feasible;
using testing::Mask;

SchoolReach* AddSchool(RunResult& r, int teachers, int leaders, double reached,
                       double adopting) {
  SchoolReach* s = r.add_schools();
  s->set_teachers(teachers);
  s->set_leaders(leaders);
  s->mutable_reached()->set_mean(reached);
  s->mutable_adopting()->set_mean(adopting);
  return s;
}

TEST(SchoolEquity, IsTheMeanSquareRootOfTheSchoolsShares) {
  RunResult all;
  AddSchool(all, 10, 2, 8, 8);
  AddSchool(all, 4, 0, 4, 4);
  EXPECT_DOUBLE_EQ(SchoolEquity(all, false), 100);

  RunResult none;
  AddSchool(none, 10, 0, 0, 0);
  EXPECT_DOUBLE_EQ(SchoolEquity(none, false), 0);

  // Shares 1/4 and 1 reached, 1/16 and 1/4 adopting; the empty school is
  // not one of the schools counted.
  RunResult some;
  AddSchool(some, 8, 1, 1, 0);
  AddSchool(some, 16, 0, 16, 4);
  AddSchool(some, 0, 0, 0, 0);
  EXPECT_DOUBLE_EQ(SchoolEquity(some, false), 100 * (0.5 + 1) / 2);
  EXPECT_DOUBLE_EQ(SchoolEquity(some, true),
                   100 * (std::sqrt(1.0 / 8) + 0.5) / 2);
}

TEST(SchoolEquity, SamplesMakeTheSmallestSchoolATargetOftenEnough) {
  District d = testing::RandomDistrict(30, 3, 20, 1);
  // Schools of 10, 10 and 10; move five teachers of s2 to s0: 15, 10, 5.
  int moved = 0;
  for (Teacher& t : *d.mutable_teachers()) {
    if (t.school_id() == "s2" && moved < 5) {
      t.set_school_id("s0");
      ++moved;
    }
  }
  absl::StatusOr<DistrictGraph> graph = FreezeDistrict(d);
  ASSERT_TRUE(graph.ok()) << graph.status();
  EXPECT_EQ(EquitySamples(*graph, 0.1), 30u * 100 / 5);
  EXPECT_EQ(EquitySamples(*graph, 0.5), 30u * 4 / 5);
}

// The index of a set on the samples, counted sample by sample.
double IndexOnSamples(const DistrictGraph& g, const ReverseSamples& samples,
                      std::uint32_t set) {
  std::vector<double> size(g.num_schools(), 0);
  std::vector<double> covered(g.num_schools(), 0);
  for (VertexId v = 0; v < g.num_vertices(); ++v) ++size[g.school_of(v)];
  for (VertexId t : samples.anyway_targets()) ++covered[g.school_of(t)];
  const auto offsets = samples.offsets();
  const auto members = samples.members();
  for (std::size_t s = 0; s < samples.stored(); ++s) {
    for (std::uint64_t k = offsets[s]; k < offsets[s + 1]; ++k) {
      if ((set >> members[k] & 1u) != 0) {
        ++covered[g.school_of(members[offsets[s]])];
        break;
      }
    }
  }
  double sum = 0;
  int schools = 0;
  const double per_sample = static_cast<double>(g.num_vertices()) /
                            static_cast<double>(samples.size());
  for (std::size_t s = 0; s < size.size(); ++s) {
    if (size[s] == 0) continue;
    ++schools;
    sum += std::sqrt(std::min(1.0, covered[s] * per_sample / size[s]));
  }
  return 100 * sum / schools;
}

TEST(SchoolEquityBruteForce,
     GreedyMeetsItsRatioOnTheSamplesUnderEveryConstraint) {
  for (std::uint64_t seed : {1, 2, 3, 4}) {
    const District district = testing::RandomDistrict(10, 3, 9, seed);
    absl::StatusOr<DistrictGraph> graph = FreezeDistrict(district);
    ASSERT_TRUE(graph.ok()) << graph.status();
    Scenario scenario;
    scenario.add_leaders("t0");
    scenario.set_seed(seed);
    scenario.mutable_independent_cascade()->set_probability(0.4);
    absl::StatusOr<ReverseSampler> sampler =
        ReverseSampler::Prepare(*graph, scenario, PlacementObjective::kReached);
    ASSERT_TRUE(sampler.ok()) << sampler.status();
    ReverseSamples samples(0);
    samples.GrowTo(*sampler, 2000, 1);
    std::vector<double> index(1u << 10);
    for (std::uint32_t set = 0; set < index.size(); ++set) {
      if (std::popcount(set) <= 4) {
        index[set] = IndexOnSamples(*graph, samples, set);
      }
    }
    for (int budget = 1; budget <= 3; ++budget) {
      for (const testing::Case& test : Cases(budget)) {
        const PlacementConstraints& c = test.constraints;
        SCOPED_TRACE(::testing::Message() << "seed " << seed << ", budget "
                                          << budget << ", " << test.name);
        const std::uint32_t in_place = Mask(c.existing);
        double best = 0;
        for (std::uint32_t set = 0; set < (1u << 10); ++set) {
          if (Feasible(*graph, c, set)) {
            best = std::max(best, index[set | in_place]);
          }
        }
        const EquityChoice choice = GreedyEquity(*graph, samples, c, 1);
        const std::uint32_t chosen = Mask(choice.chosen);
        EXPECT_TRUE(Feasible(*graph, c, chosen));
        EXPECT_EQ(std::popcount(chosen),
                  static_cast<int>(choice.chosen.size()));
        EXPECT_NEAR(choice.in_place, index[in_place], 1e-9);
        EXPECT_NEAR(choice.equity, index[chosen | in_place], 1e-9);
        EXPECT_GE(choice.equity, GreedyRatio(c) * best - 1e-9);
        ASSERT_EQ(choice.gains.size(), choice.chosen.size());
        double total = choice.in_place;
        for (double g : choice.gains) total += g;
        EXPECT_NEAR(total, choice.equity, 1e-9);

        const EquityChoice two = GreedyEquity(*graph, samples, c, 2);
        EXPECT_EQ(two.chosen, choice.chosen);
        EXPECT_EQ(two.equity, choice.equity);
      }
    }
  }
}

// School "a": two cliques of ten, apart; school "b": three teachers with no
// ties. Two leaders reach the most from both cliques (about 20 teachers)
// but school b not at all; a clique and a teacher of b give a higher
// index: 100 / 2 (sqrt(1/2) + sqrt(1/3)) against 100 / 2 (1 + 0).
District TwoCliquesAndAnIsolatedSchool() {
  District d;
  d.set_name("cliques");
  for (const char* id : {"a", "b"}) {
    School* s = d.add_schools();
    s->set_id(id);
    s->set_name(id);
  }
  auto add_teacher = [&](const std::string& id, const char* school) {
    Teacher* t = d.add_teachers();
    t->set_id(id);
    t->set_school_id(school);
    t->set_role(TEACHER);
  };
  for (int c = 0; c < 2; ++c) {
    for (int i = 0; i < 10; ++i) add_teacher(absl::StrCat("c", c, "_", i), "a");
    for (int i = 0; i < 10; ++i) {
      for (int j = i + 1; j < 10; ++j) {
        Tie* tie = d.add_ties();
        tie->set_source(absl::StrCat("c", c, "_", i));
        tie->set_target(absl::StrCat("c", c, "_", j));
        tie->set_channel(PLC);
      }
    }
  }
  for (int i = 0; i < 3; ++i) add_teacher(absl::StrCat("b", i), "b");
  return d;
}

TEST(SchoolEquity,
     APlacementForEquityReachesTheSchoolAPlacementForReachLeaves) {
  absl::StatusOr<DistrictGraph> graph =
      FreezeDistrict(TwoCliquesAndAnIsolatedSchool());
  ASSERT_TRUE(graph.ok()) << graph.status();
  Scenario scenario;
  scenario.set_seed(5);
  scenario.mutable_independent_cascade()->set_probability(0.8);
  auto schools_of = [&](bool equity) {
    PlacementRequest request;
    request.school_equity = equity;
    request.constraints.budget = 2;
    absl::StatusOr<Placement> placement =
        PlaceLeaders(*graph, scenario, request);
    EXPECT_TRUE(placement.ok()) << placement.status();
    std::vector<std::uint32_t> schools;
    if (!placement.ok()) return schools;
    for (VertexId v : placement->chosen) {
      schools.push_back(graph->school_of(v));
    }
    std::sort(schools.begin(), schools.end());
    return schools;
  };
  const std::uint32_t a = graph->school_of(0);
  const std::uint32_t b = 1 - a;
  EXPECT_EQ(schools_of(false), (std::vector<std::uint32_t>{a, a}));
  std::vector<std::uint32_t> expected{a, b};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(schools_of(true), expected);
}

TEST(SchoolEquity, RefusedWhereItsGreedyDoesNotApply) {
  absl::StatusOr<DistrictGraph> graph =
      FreezeDistrict(TwoCliquesAndAnIsolatedSchool());
  ASSERT_TRUE(graph.ok());
  Scenario scenario;
  scenario.set_seed(5);
  scenario.mutable_independent_cascade()->set_probability(0.8);
  PlacementRequest request;
  request.school_equity = true;
  request.strategy = PlacementStrategy::kGreedy;
  request.constraints.budget = 2;
  absl::StatusOr<Placement> placement = PlaceLeaders(*graph, scenario, request);
  EXPECT_TRUE(absl::IsInvalidArgument(placement.status()))
      << placement.status();

  // Title I targets in a district that has them: the index weighs every
  // school.
  District title_i = TwoCliquesAndAnIsolatedSchool();
  title_i.mutable_schools(1)->set_title_i(true);
  absl::StatusOr<DistrictGraph> with_title_i = FreezeDistrict(title_i);
  ASSERT_TRUE(with_title_i.ok()) << with_title_i.status();
  request.strategy = PlacementStrategy::kAuto;
  request.targets = PlacementTargets::kTitleI;
  placement = PlaceLeaders(*with_title_i, scenario, request);
  EXPECT_TRUE(absl::IsInvalidArgument(placement.status()))
      << placement.status();
  EXPECT_NE(placement.status().message().find("not Title I's only"),
            std::string::npos)
      << placement.status();

  // One school: nothing to weigh.
  District one = TwoCliquesAndAnIsolatedSchool();
  for (Teacher& t : *one.mutable_teachers()) t.set_school_id("a");
  absl::StatusOr<DistrictGraph> single = FreezeDistrict(one);
  ASSERT_TRUE(single.ok()) << single.status();
  request.targets = PlacementTargets::kAll;
  placement = PlaceLeaders(*single, scenario, request);
  EXPECT_TRUE(absl::IsInvalidArgument(placement.status()))
      << placement.status();
  EXPECT_NE(placement.status().message().find("one school"), std::string::npos);
}

}  // namespace
}  // namespace collabnet
