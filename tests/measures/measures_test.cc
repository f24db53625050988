// The measures' own rules, against independent computations: Boost.Graph's
// Brandes betweenness and distances by breadth-first search on random
// networks, hand-counted E-I indices and per-channel degrees, and the
// simple network a multigraph becomes.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "graph/district_graph.h"
#include "gtest/gtest.h"
#include "measures/analysis.h"
#include "measures/cohesion.h"
#include "measures/igraph_network.h"
#include "measures/measure_network.h"
#include "measures/pagerank.h"
#include "measures/school_groups.h"
#include "measures/shortest_paths.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

using testing::MakeDistrict;
using testing::TieSpec;

DistrictGraph Freeze(const District& d) {
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(d);
  EXPECT_TRUE(g.ok()) << g.status();
  return *std::move(g);
}

// A random network of n teachers: each ordered pair tied with probability
// p, directed or each tie both ways.
District RandomDistrict(int n, double p, bool directed, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::bernoulli_distribution tie(p);
  std::vector<TieSpec> ties;
  for (int u = 0; u < n; ++u) {
    for (int v = directed ? 0 : u + 1; v < n; ++v) {
      if (u != v && tie(rng)) ties.push_back({u, v, PLC, directed});
    }
  }
  return MakeDistrict(n, ties);
}

// Boost's Brandes betweenness of the network, every tie directed (an
// undirected tie both ways, so each unordered pair is counted twice).
std::vector<double> BoostBetweenness(const MeasureNetwork& net) {
  using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  G g(net.num_vertices());
  for (VertexId u = 0; u < net.num_vertices(); ++u) {
    for (std::uint32_t i = net.out_begin(u); i < net.out_end(u); ++i) {
      boost::add_edge(u, net.out_target(i), g);
    }
  }
  std::vector<double> b(net.num_vertices(), 0);
  boost::brandes_betweenness_centrality(
      g, boost::make_iterator_property_map(b.begin(),
                                           get(boost::vertex_index, g)));
  return b;
}

// Out-distances from s by Boost's breadth-first search (-1: not reached).
std::vector<int> BoostDistances(const MeasureNetwork& net, VertexId s) {
  using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  G g(net.num_vertices());
  for (VertexId u = 0; u < net.num_vertices(); ++u) {
    for (std::uint32_t i = net.out_begin(u); i < net.out_end(u); ++i) {
      boost::add_edge(u, net.out_target(i), g);
    }
  }
  std::vector<int> d(net.num_vertices(), -1);
  d[s] = 0;
  boost::breadth_first_search(
      g, s,
      boost::visitor(boost::make_bfs_visitor(
          boost::record_distances(boost::make_iterator_property_map(
                                      d.begin(), get(boost::vertex_index, g)),
                                  boost::on_tree_edge()))));
  return d;
}

TEST(ShortestPaths, BetweennessEqualsBoostsBrandesOnRandomNetworks) {
  for (bool directed : {true, false}) {
    for (std::uint32_t seed = 1; seed <= 4; ++seed) {
      const DistrictGraph g =
          Freeze(RandomDistrict(90, directed ? 0.03 : 0.04, directed, seed));
      const MeasureNetwork net = BuildMeasureNetwork(g);
      ASSERT_EQ(net.directed(), directed);
      const PathMeasures ours = ComputePathMeasures(net, 2);
      const std::vector<double> boost = BoostBetweenness(net);
      for (VertexId v = 0; v < net.num_vertices(); ++v) {
        const double expected = directed ? boost[v] : boost[v] / 2;
        EXPECT_NEAR(ours.betweenness[v], expected, 1e-9 * (1 + expected))
            << "directed " << directed << " seed " << seed << " v " << v;
      }
    }
  }
}

TEST(ShortestPaths, ClosenessAndHarmonicFollowTheDistances) {
  const DistrictGraph g = Freeze(RandomDistrict(70, 0.03, true, 9));
  const MeasureNetwork net = BuildMeasureNetwork(g);
  const PathMeasures ours = ComputePathMeasures(net, 1);
  const VertexId n = net.num_vertices();
  int unreaching = 0;
  for (VertexId s = 0; s < n; ++s) {
    const std::vector<int> d = BoostDistances(net, s);
    double sum = 0, inverse = 0;
    int reached = 0;
    for (VertexId t = 0; t < n; ++t) {
      if (t == s || d[t] < 0) continue;
      ++reached;
      sum += d[t];
      inverse += 1.0 / d[t];
    }
    EXPECT_NEAR(ours.harmonic[s], inverse / (n - 1), 1e-12);
    if (reached == 0) {
      ++unreaching;
      EXPECT_TRUE(std::isnan(ours.closeness[s]));
    } else {
      EXPECT_NEAR(ours.closeness[s], reached / sum, 1e-12);
    }
  }
  EXPECT_GT(unreaching, 0);  // the network has teachers who reach no one
}

TEST(ShortestPaths, AreTheSameBitsOnAnyNumberOfThreads) {
  // Over 64 teachers, so sources fall in several blocks.
  const DistrictGraph g = Freeze(RandomDistrict(300, 0.01, true, 3));
  const MeasureNetwork net = BuildMeasureNetwork(g);
  const PathMeasures one = ComputePathMeasures(net, 1);
  for (int threads : {2, 3, 5}) {
    const PathMeasures many = ComputePathMeasures(net, threads);
    EXPECT_EQ(many.betweenness, one.betweenness) << threads;
    EXPECT_EQ(many.harmonic, one.harmonic) << threads;
  }
}

// A sparse random directed network of n teachers and about m weighted
// ties (weights 1 to 4), some of them without an out-tie.
District SparseDistrict(int n, int m, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> teacher(0, n - 1), weight(1, 4);
  std::vector<TieSpec> ties;
  for (int i = 0; i < m; ++i) {
    const int u = teacher(rng), v = teacher(rng);
    if (u % 17 == 0 || u == v) continue;  // dangling teachers
    ties.push_back({u, v, ADVICE, true, static_cast<double>(weight(rng))});
  }
  return MakeDistrict(n, ties);
}

TEST(PageRank, EqualsIgraphsAndIsTheSameOnAnyNumberOfThreads) {
  // Over three blocks of 4,096 teachers, so threads share the work.
  FreezeOptions merge;
  absl::StatusOr<DistrictGraph> g =
      FreezeDistrict(SparseDistrict(15'000, 60'000, 11), merge);
  ASSERT_TRUE(g.ok()) << g.status();
  const MeasureNetwork net = BuildMeasureNetwork(*g);
  ASSERT_TRUE(net.weighted());
  PageRankOptions options;
  options.threads = 1;
  const std::vector<double> one = ComputePageRank(net, options);
  for (int threads : {2, 3}) {
    options.threads = threads;
    EXPECT_TRUE(ComputePageRank(net, options) == one) << threads;
  }
  // igraph's PRPACK, solved its own way, within both tolerances.
  absl::StatusOr<IgraphNetwork> ig = IgraphNetwork::Make(net);
  ASSERT_TRUE(ig.ok()) << ig.status();
  igraph_vector_t theirs;
  igraph_vector_init(&theirs, 0);
  igraph_real_t value = 0;
  ASSERT_EQ(
      igraph_pagerank(ig->graph(), IGRAPH_PAGERANK_ALGO_PRPACK, &theirs, &value,
                      igraph_vss_all(), true, 0.85, ig->weights(), nullptr),
      IGRAPH_SUCCESS);
  double l1 = 0, sum = 0;
  for (VertexId v = 0; v < net.num_vertices(); ++v) {
    l1 += std::fabs(one[v] - VECTOR(theirs)[v]);
    sum += one[v];
  }
  igraph_vector_destroy(&theirs);
  EXPECT_LT(l1, 2e-9);
  EXPECT_NEAR(sum, 1.0, 1e-12);
}

TEST(Assortativity, EqualsIgraphsNominalAssortativity) {
  for (bool directed : {true, false}) {
    const DistrictGraph g = Freeze(RandomDistrict(120, 0.05, directed, 4));
    const MeasureNetwork net = BuildMeasureNetwork(g);
    std::mt19937 rng(directed ? 1 : 2);
    std::uniform_int_distribution<int> kind(1, 4);
    std::vector<std::uint64_t> category(net.num_vertices());
    absl::StatusOr<IgraphNetwork> ig = IgraphNetwork::Make(net);
    ASSERT_TRUE(ig.ok()) << ig.status();
    igraph_vector_int_t types;
    igraph_vector_int_init(&types, net.num_vertices());
    for (VertexId v = 0; v < net.num_vertices(); ++v) {
      category[v] = static_cast<std::uint64_t>(kind(rng));
      VECTOR(types)[v] = static_cast<igraph_integer_t>(category[v]);
    }
    igraph_real_t theirs = 0;
    ASSERT_EQ(igraph_assortativity_nominal(ig->graph(), &types, &theirs,
                                           directed, true),
              IGRAPH_SUCCESS);
    igraph_vector_int_destroy(&types);
    EXPECT_NEAR(NominalAssortativity(net, category), theirs, 1e-12)
        << "directed " << directed;
  }
}

TEST(Assortativity, LeavesOutTiesToTeachersWithoutACategory) {
  // 0-1 and 2-3 within categories 1 and 2; 1-2 across; 3-4 to a teacher
  // with none, left out. Undirected: 6 ends, 4 within; each category has
  // 3 of the 6 ends as source and as target.
  const DistrictGraph g = Freeze(MakeDistrict(5, {{0, 1, PLC, false},
                                                  {2, 3, PLC, false},
                                                  {1, 2, PLC, false},
                                                  {3, 4, PLC, false}}));
  const MeasureNetwork net = BuildMeasureNetwork(g);
  const std::uint64_t category[] = {1, 1, 2, 2, 0};
  const double chance = 0.5 * 0.5 + 0.5 * 0.5;
  EXPECT_DOUBLE_EQ(NominalAssortativity(net, category),
                   (4.0 / 6.0 - chance) / (1 - chance));
  const std::uint64_t one_kind[] = {1, 1, 1, 1, 0};
  EXPECT_TRUE(std::isnan(NominalAssortativity(net, one_kind)));
}

TEST(MeasureNetwork, AddsAPairsTiesAcrossChannelsIntoOne) {
  // t0-t1 by PLC (undirected, 2) and co-teaching (undirected, 1); t0->t2 by
  // advice twice (3 and 1); t2->t0 by observation.
  District d = MakeDistrict(3, {{0, 1, PLC, false, 2},
                                {0, 1, CO_TEACHING, false, 1},
                                {0, 2, ADVICE, true, 3},
                                {2, 0, OBSERVATION, true, 1}});
  Tie* repeat = d.add_ties();
  *repeat = d.ties(2);
  repeat->set_weight(1);
  FreezeOptions keep;
  keep.duplicates = DuplicateTies::kKeep;
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(d, keep);
  ASSERT_TRUE(g.ok()) << g.status();
  ASSERT_TRUE(g->directed());
  const MeasureNetwork all = BuildMeasureNetwork(*g);
  EXPECT_EQ(all.num_ties(), 4);  // 0->1, 1->0, 0->2, 2->0
  EXPECT_EQ(all.TieWeight(0, 1), 3);
  EXPECT_EQ(all.TieWeight(1, 0), 3);
  EXPECT_EQ(all.TieWeight(0, 2), 4);
  EXPECT_EQ(all.TieWeight(2, 0), 1);
  EXPECT_EQ(all.TieWeight(1, 2), 0);
  const Channel plc[] = {PLC};
  const MeasureNetwork only_plc = BuildMeasureNetwork(*g, plc);
  // PLC ties are undirected, whatever the district's other channels are.
  EXPECT_FALSE(only_plc.directed());
  EXPECT_EQ(only_plc.num_ties(), 1);
  EXPECT_EQ(only_plc.TieWeight(0, 1), 2);
  EXPECT_EQ(only_plc.in_end(0) - only_plc.in_begin(0), 1u);
  const Channel plc_and_advice[] = {PLC, ADVICE};
  EXPECT_TRUE(BuildMeasureNetwork(*g, plc_and_advice).directed());

  AnalysisOptions options;
  absl::StatusOr<AnalysisResult> r = AnalyzeNetwork(*g, options);
  ASSERT_TRUE(r.ok()) << r.status();
  const TeacherMeasures& t0 = r->teachers(0);
  EXPECT_EQ(t0.out_degree(), 2);
  EXPECT_EQ(t0.out_strength(), 7);
  EXPECT_EQ(t0.in_strength(), 4);
  // By channel: advice counts t2 once however many ties, weighs them all.
  ASSERT_EQ(t0.by_channel_size(), 4);
  for (const ChannelDegree& c : t0.by_channel()) {
    if (c.channel() == ADVICE) {
      EXPECT_EQ(c.out_degree(), 1);
      EXPECT_EQ(c.in_degree(), 0);
      EXPECT_EQ(c.out_strength(), 4);
    }
    if (c.channel() == PLC) {
      EXPECT_EQ(c.out_degree(), 1);
      EXPECT_EQ(c.in_degree(), 1);
      EXPECT_EQ(c.in_strength(), 2);
    }
  }
}

// Two schools: A = {0, 1, 2}, B = {3, 4}; teacher 5 in B has no tie.
District TwoSchools(bool directed) {
  District d = MakeDistrict(6, {{0, 1, PLC, directed},
                                {1, 2, PLC, directed},
                                {2, 3, PLC, directed},
                                {3, 4, PLC, directed},
                                {0, 4, PLC, directed}});
  School* b = d.add_schools();
  b->set_id("b");
  b->set_readiness(1);
  for (int v : {3, 4, 5}) d.mutable_teachers(v)->set_school_id("b");
  return d;
}

TEST(SchoolGroups, EiIndexCountsTiesWithinAndAcrossSchools) {
  const DistrictGraph g = Freeze(TwoSchools(false));
  const MeasureNetwork net = BuildMeasureNetwork(g);
  std::vector<std::uint32_t> school(6);
  for (VertexId v = 0; v < 6; ++v) school[v] = g.school_of(v);
  const VertexId leaders[] = {0};
  const SchoolGroups groups = ComputeSchoolGroups(net, school, 2, leaders);
  // Ties: 0-1, 1-2 internal to A; 3-4 internal to B; 2-3, 0-4 across.
  EXPECT_DOUBLE_EQ(groups.network_ei, (2.0 - 3.0) / 5.0);
  EXPECT_DOUBLE_EQ(groups.teacher_ei[0], 0.0);   // 0-1 in, 0-4 out
  EXPECT_DOUBLE_EQ(groups.teacher_ei[1], -1.0);  // 0-1, 1-2 in
  EXPECT_DOUBLE_EQ(groups.teacher_ei[3], 0.0);   // 3-4 in, 2-3 out
  EXPECT_TRUE(std::isnan(groups.teacher_ei[5]));
  const std::uint32_t a = g.school_of(0), b = g.school_of(3);
  EXPECT_EQ(groups.schools[a].internal_ties, 2);
  EXPECT_EQ(groups.schools[a].external_ties, 2);
  EXPECT_DOUBLE_EQ(groups.schools[a].ei_index, 0.0);
  EXPECT_DOUBLE_EQ(groups.schools[b].ei_index, (2.0 - 1.0) / 3.0);
  EXPECT_DOUBLE_EQ(groups.schools[a].density, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(groups.schools[b].density, 1.0 / 3.0);
  EXPECT_EQ(groups.schools[b].isolates, 1);
  // Within two ties of leader 0: 0, 1, 2, 4, 3; not 5.
  EXPECT_DOUBLE_EQ(groups.schools[a].near_leader_share, 1.0);
  EXPECT_DOUBLE_EQ(groups.schools[b].near_leader_share, 2.0 / 3.0);

  // Directed, the same ties point one way: a leader's two steps follow
  // them (0 -> 1 -> 2, 0 -> 4), and density counts ordered pairs.
  const DistrictGraph dg = Freeze(TwoSchools(true));
  const SchoolGroups directed =
      ComputeSchoolGroups(BuildMeasureNetwork(dg), school, 2, leaders);
  EXPECT_DOUBLE_EQ(directed.network_ei, (2.0 - 3.0) / 5.0);
  EXPECT_DOUBLE_EQ(directed.schools[a].density, 2.0 / 6.0);
  EXPECT_DOUBLE_EQ(directed.schools[a].reciprocity, 0.0);
  EXPECT_DOUBLE_EQ(directed.schools[a].near_leader_share, 1.0);
  EXPECT_DOUBLE_EQ(directed.schools[b].near_leader_share, 1.0 / 3.0);
  const SchoolGroups none =
      ComputeSchoolGroups(BuildMeasureNetwork(dg), school, 2, {});
  EXPECT_TRUE(std::isnan(none.schools[a].near_leader_share));
}

TEST(Analysis, ANetworkWithoutTiesHasItsMeasuresDefinedOrNaN) {
  const DistrictGraph g = Freeze(MakeDistrict(4, {}));
  absl::StatusOr<AnalysisResult> r = AnalyzeNetwork(g, {});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->network().ties(), 0);
  EXPECT_EQ(r->network().isolates(), 4);
  EXPECT_EQ(r->network().weak_components(), 4);
  EXPECT_DOUBLE_EQ(r->network().density(), 0.0);
  EXPECT_TRUE(std::isnan(r->network().reciprocity()));
  EXPECT_TRUE(std::isnan(r->network().ei_index()));
  for (const TeacherMeasures& t : r->teachers()) {
    EXPECT_EQ(t.betweenness(), 0);
    EXPECT_TRUE(std::isnan(t.closeness()));
  }
}

TEST(Analysis, LeavesOutTheSearchesFromEveryTeacherOverTheLimit) {
  const DistrictGraph g = Freeze(RandomDistrict(50, 0.05, true, 2));
  AnalysisOptions options;
  options.all_pairs_limit = 49;
  absl::StatusOr<AnalysisResult> r = AnalyzeNetwork(g, options);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->skipped_size(), 1);
  EXPECT_NE(r->skipped(0).find("betweenness"), std::string::npos);
  EXPECT_TRUE(std::isnan(r->teachers(0).betweenness()));
  EXPECT_FALSE(std::isnan(r->teachers(0).pagerank()));
}

TEST(Analysis, TheSameSeedFindsTheSameCommunities) {
  const DistrictGraph g = Freeze(RandomDistrict(120, 0.04, false, 5));
  AnalysisOptions options;
  options.seed = 7;
  absl::StatusOr<AnalysisResult> a = AnalyzeNetwork(g, options);
  absl::StatusOr<AnalysisResult> b = AnalyzeNetwork(g, options);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(a->SerializeAsString() == b->SerializeAsString())
      << "two runs with one seed differ";
  for (const CommunityMeasures& c : a->network().communities()) {
    EXPECT_GT(c.modularity(), 0.2) << c.method();
  }
}

}  // namespace
}  // namespace collabnet
