// Whose reach is it: each leader's own reach (the teachers whose chain of
// influence starts at them) and the transmission trees of chosen
// replicates, for every model. Own reaches add up to the reach exactly; a
// leader alone in its component reaches, replicate by replicate, what it
// reaches as the only leader; a star's centre reaches n p; and every tree
// is a forest rooted at the leaders (and the broadcast) whose edges are
// ties of the network, reached in order, hop by hop.
#include <cmath>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "graph/district_graph.h"
#include "gtest/gtest.h"
#include "sim/runner.h"
#include "tests/place/place_test_support.h"
#include "tests/sim/sim_test_support.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

using testing::FreezeOrFail;
using testing::RandomDistrict;

// A multi-channel scenario with every feature that changes who reaches
// whom: delays, partial adoption, lapse, a broadcast and a horizon.
Scenario Busy(std::uint64_t seed = 3) {
  Scenario s;
  s.set_seed(seed);
  s.set_replicates(400);
  s.set_horizon(30);
  for (Channel ch :
       {PD_WORKSHOP, PLC, CO_TEACHING, SOCIAL_MEDIA, JOB_EMBEDDED_COACHING}) {
    ChannelParams* p = s.add_channels();
    p->set_channel(ch);
    p->set_probability(0.3);
    p->set_mean_delay_weeks(2);
  }
  MultiChannelParams* m = s.mutable_multi_channel();
  m->set_adoption_at_zero_readiness(0.5);
  m->set_lapse_probability(0.05);
  m->mutable_broadcast()->set_probability(0.01);
  m->mutable_broadcast()->add_weeks(5);
  for (const char* id : {"t1", "t2", "t33", "t64"}) s.add_leaders(id);
  return s;
}

// The same network, run by each plain model.
std::vector<std::pair<std::string, Scenario>> PlainScenarios() {
  std::vector<std::pair<std::string, Scenario>> out;
  Scenario ic = testing::IcScenario({1, 2, 33, 64}, 0.2, 400, 3);
  out.emplace_back("ic", ic);
  Scenario lt = testing::LeadersScenario({1, 2, 33, 64}, 400, 3);
  lt.mutable_linear_threshold();
  out.emplace_back("lt", lt);
  Scenario cc = testing::LeadersScenario({1, 2, 33, 64}, 400, 3);
  cc.mutable_complex_contagion()->set_threshold(1);
  cc.mutable_complex_contagion()->set_probability(0.3);
  out.emplace_back("cc", cc);
  return out;
}

RunResult Simulate(const DistrictGraph& g, const Scenario& s,
                   RunOptions options) {
  absl::StatusOr<RunResult> r = RunScenario(g, s, options);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *std::move(r) : RunResult();
}

void ExpectOwnReachesAddUp(const RunResult& r, bool broadcast,
                           const std::string& what) {
  ASSERT_EQ(r.leader_reach_size(), r.leaders_size()) << what;
  double reached = 0, adopting = 0;
  for (int i = 0; i < r.leader_reach_size(); ++i) {
    const LeaderReach& l = r.leader_reach(i);
    EXPECT_EQ(l.teacher_id(), r.leaders(i)) << what;
    reached += l.reached().mean();
    adopting += l.adopting().mean();
    EXPECT_LE(l.adopting().mean(), l.reached().mean()) << what;
    double by_channel = 0;
    for (const ChannelReach& c : l.reached_by_channel()) {
      by_channel += c.teachers().mean();
    }
    EXPECT_NEAR(by_channel, l.reached().mean(), 1e-9) << what;
  }
  if (broadcast) {
    EXPECT_GT(r.reached_by_broadcast().mean(), 0) << what;
    // The broadcast's chains are no leader's.
    EXPECT_LT(reached, r.reached().mean()) << what;
  } else {
    EXPECT_NEAR(reached, r.reached().mean(), 1e-9) << what;
    EXPECT_NEAR(adopting, r.adopting().mean(), 1e-9) << what;
  }
}

TEST(LeaderReach, OwnReachesAddUpToTheReachForEveryModel) {
  const DistrictGraph g = FreezeOrFail(RandomDistrict(150, 5, 450, 8));
  for (DrawMode mode : testing::kDrawModes) {
    const RunOptions options{.draws = mode, .per_leader = true};
    ExpectOwnReachesAddUp(Simulate(g, Busy(), options), true, "multi_channel");
    Scenario quiet = Busy();
    quiet.mutable_multi_channel()->clear_broadcast();
    ExpectOwnReachesAddUp(Simulate(g, quiet, options), false, "no broadcast");
    for (const auto& [name, s] : PlainScenarios()) {
      ExpectOwnReachesAddUp(Simulate(g, s, options), false, name);
    }
  }
}

TEST(LeaderReach, IsWhatTheTreesCreditEachLeaderWith) {
  // Two independent accounts of whose chain each teacher is on: the tally's
  // over every replicate, and the trees of every replicate, each teacher
  // credited to the root its chain of sources leads back to.
  const DistrictGraph g = FreezeOrFail(RandomDistrict(150, 5, 450, 8));
  Scenario s = Busy();
  s.set_replicates(60);
  RunOptions options{.per_leader = true};
  for (std::uint32_t r = 0; r < 60; ++r) options.tree_replicates.push_back(r);
  for (DrawMode mode : testing::kDrawModes) {
    options.draws = mode;
    const RunResult r = Simulate(g, s, options);
    std::map<std::int32_t, std::map<std::string, std::string>> root_of;
    std::map<std::string, int> reached, adopting;
    for (const Transmission& t : r.transmissions()) {
      auto& roots = root_of[t.replicate()];
      if (t.source().empty()) {
        roots[t.target()] = t.from_broadcast() ? "" : t.target();
        if (!t.from_broadcast()) continue;
      } else {
        roots[t.target()] = roots.at(t.source());
      }
      const std::string& root = roots[t.target()];
      ++reached[root];
      adopting[root] += t.adopted() ? 1 : 0;
    }
    ASSERT_EQ(root_of.size(), 60u);
    EXPECT_GT(reached[""], 0);  // the broadcast reached some
    for (const LeaderReach& l : r.leader_reach()) {
      EXPECT_NEAR(l.reached().mean(), reached[l.teacher_id()] / 60.0, 1e-9);
      EXPECT_NEAR(l.adopting().mean(), adopting[l.teacher_id()] / 60.0, 1e-9);
    }
  }
}

TEST(LeaderReach, ALeaderAloneInItsComponentReachesWhatItReachesAlone) {
  // Two copies of a random district side by side, no tie between them:
  // under coupled draws a leader of the first copy meets the same world
  // with or without the second copy's leaders, replicate by replicate.
  const District half = RandomDistrict(80, 3, 240, 12);
  District both = half;
  for (const Teacher& t : half.teachers()) {
    Teacher* copy = both.add_teachers();
    *copy = t;
    copy->set_id("b" + t.id());
  }
  for (const Tie& tie : half.ties()) {
    Tie* copy = both.add_ties();
    *copy = tie;
    copy->set_source("b" + tie.source());
    copy->set_target("b" + tie.target());
  }
  const DistrictGraph g = FreezeOrFail(both);
  Scenario together = Busy();
  together.mutable_multi_channel()->clear_broadcast();
  together.clear_leaders();
  together.add_leaders("t3");
  together.add_leaders("bt3");
  together.add_leaders("bt40");
  Scenario alone = together;
  alone.clear_leaders();
  alone.add_leaders("t3");
  Scenario ic = testing::IcScenario({}, 0.25, 400, 9);
  for (const char* id : {"t3", "bt3", "bt40"}) ic.add_leaders(id);
  Scenario ic_alone = ic;
  ic_alone.clear_leaders();
  ic_alone.add_leaders("t3");
  for (const auto& [with, without] :
       {std::pair{together, alone}, std::pair{ic, ic_alone}}) {
    const RunOptions options{.draws = DrawMode::kCoupled, .per_leader = true};
    const RunResult r = Simulate(g, with, options);
    const RunResult solo = Simulate(g, without, options);
    ASSERT_EQ(r.leader_reach_size(), 3);
    const LeaderReach& own = r.leader_reach(0);
    EXPECT_GT(solo.reached().mean(), 0);
    EXPECT_EQ(own.reached().mean(), solo.reached().mean());
    EXPECT_EQ(own.reached().sd(), solo.reached().sd());
    EXPECT_EQ(own.adopting().mean(), solo.adopting().mean());
    for (int c = 0; c < own.reached_by_channel_size(); ++c) {
      EXPECT_EQ(own.reached_by_channel(c).teachers().mean(),
                solo.reached_by_channel(c).teachers().mean());
    }
  }
}

TEST(LeaderReach, EachStarsCentreReachesNTimesP) {
  // Centres t0 (30 leaves over PD) and t31 (10 leaves over PLCs), both
  // leaders; at probability p each reaches Binomial(n, p) of its own.
  std::vector<testing::TieSpec> ties;
  for (int v = 1; v <= 30; ++v) ties.push_back({0, v, PD_WORKSHOP});
  for (int v = 32; v <= 41; ++v) ties.push_back({31, v, PLC});
  const DistrictGraph g = FreezeOrFail(testing::MakeDistrict(42, ties));
  constexpr double kP = 0.3;
  constexpr int kReplicates = 4000;
  for (DrawMode mode : testing::kDrawModes) {
    const RunResult r =
        Simulate(g, testing::SimpleScenario({0, 31}, kP, kReplicates),
                 {.draws = mode, .per_leader = true});
    ASSERT_EQ(r.leader_reach_size(), 2);
    for (const auto& [i, n, channel] :
         {std::tuple{0, 30, PD_WORKSHOP}, std::tuple{1, 10, PLC}}) {
      const LeaderReach& l = r.leader_reach(i);
      const double se = std::sqrt(n * kP * (1 - kP) / kReplicates);
      EXPECT_NEAR(l.reached().mean(), n * kP, 4.5 * se);
      for (const ChannelReach& c : l.reached_by_channel()) {
        EXPECT_EQ(c.teachers().mean(),
                  c.channel() == channel ? l.reached().mean() : 0);
      }
    }
  }
}

TEST(LeaderReach, IsTheSameOnOneThreadAndTwo) {
  const DistrictGraph g = FreezeOrFail(RandomDistrict(150, 5, 450, 8));
  const RunResult one = Simulate(
      g, Busy(), {.threads = 1, .per_leader = true, .tree_replicates = {4, 9}});
  const RunResult two = Simulate(
      g, Busy(), {.threads = 2, .per_leader = true, .tree_replicates = {9, 4}});
  ASSERT_EQ(one.leader_reach_size(), two.leader_reach_size());
  for (int i = 0; i < one.leader_reach_size(); ++i) {
    EXPECT_EQ(one.leader_reach(i).SerializeAsString(),
              two.leader_reach(i).SerializeAsString());
  }
  ASSERT_EQ(one.transmissions_size(), two.transmissions_size());
  for (int i = 0; i < one.transmissions_size(); ++i) {
    EXPECT_EQ(one.transmissions(i).SerializeAsString(),
              two.transmissions(i).SerializeAsString());
  }
}

// Checks every tree of `r` against the network: a forest from the leaders
// (and the broadcast), each teacher once, each edge a tie of its channel,
// each teacher after its source, one hop further and later in time; a
// source other than a leader adopted; the size is the replicate's reach.
void ExpectTreesAreTransmissionForests(
    const DistrictGraph& g, const RunResult& r, bool plain,
    const std::map<std::uint32_t, std::size_t>& reached) {
  std::set<std::string> leaders(r.leaders().begin(), r.leaders().end());
  struct Seen {
    int hop;
    int time;
    bool adopted;
  };
  std::map<std::int32_t, std::map<std::string, Seen>> trees;
  std::int32_t last_replicate = -1;
  for (const Transmission& t : r.transmissions()) {
    ASSERT_GE(t.replicate(), last_replicate);
    last_replicate = t.replicate();
    auto& seen = trees[t.replicate()];
    ASSERT_FALSE(seen.contains(t.target())) << t.target() << " twice";
    if (t.source().empty() && !t.from_broadcast()) {
      // The leaders open the tree.
      EXPECT_TRUE(leaders.contains(t.target()));
      EXPECT_LT(seen.size(), leaders.size()) << "leaders come first";
      EXPECT_EQ(t.hop(), 0);
      EXPECT_EQ(t.time(), 0);
      seen[t.target()] = {0, 0, true};
      continue;
    }
    EXPECT_GE(seen.size(), leaders.size());
    if (t.from_broadcast()) {
      EXPECT_EQ(t.hop(), 0);
      EXPECT_EQ(t.channel(), CHANNEL_UNSPECIFIED);
      seen[t.target()] = {0, t.time(), t.adopted()};
      continue;
    }
    ASSERT_TRUE(seen.contains(t.source()))
        << t.source() << " reaches " << t.target() << " before it is reached";
    const Seen& from = seen.at(t.source());
    EXPECT_TRUE(from.adopted) << "only adopters pass the practice on";
    EXPECT_EQ(t.hop(), from.hop + 1);
    EXPECT_GT(t.time(), from.time);
    if (plain) {
      EXPECT_EQ(t.time(), t.hop());
    }
    const VertexId u = *g.FindTeacher(t.source());
    const VertexId v = *g.FindTeacher(t.target());
    bool tie = false;
    for (ArcIndex a = g.arc_begin(u); a < g.arc_end(u); ++a) {
      tie |= g.arc_target(a) == v && g.arc_channel(a) == t.channel();
    }
    EXPECT_TRUE(tie) << t.source() << " -> " << t.target() << " is no tie";
    seen[t.target()] = {t.hop(), t.time(), t.adopted()};
  }
  ASSERT_EQ(trees.size(), reached.size());
  for (const auto& [replicate, size] : reached) {
    EXPECT_EQ(trees[static_cast<std::int32_t>(replicate)].size(),
              size + leaders.size())
        << "replicate " << replicate;
  }
}

TEST(TransmissionTree, IsAForestOfTiesInTheOrderTeachersWereReached) {
  const DistrictGraph g = FreezeOrFail(RandomDistrict(150, 5, 450, 8));
  std::vector<std::pair<std::string, Scenario>> all = PlainScenarios();
  all.emplace_back("multi_channel", Busy());
  for (const auto& [name, s] : all) {
    for (DrawMode mode : testing::kDrawModes) {
      std::map<std::uint32_t, std::size_t> reached;
      std::mutex mu;
      const std::vector<std::uint32_t> wanted = {7, 0, 3, 399};
      RunOptions options{.draws = mode, .tree_replicates = wanted};
      options.on_replicate = [&](std::uint32_t rep, const ReplicateCounts& c) {
        std::lock_guard<std::mutex> lock(mu);
        for (std::uint32_t w : wanted) {
          if (w == rep) reached[rep] = c.reached().size();
        }
      };
      SCOPED_TRACE(name + " " + testing::DrawModeName(mode));
      const RunResult r = Simulate(g, s, options);
      ExpectTreesAreTransmissionForests(g, r, name != "multi_channel", reached);
    }
  }
}

TEST(TransmissionTree, OfAReplicateIsTheSameWhicheverOthersAreAskedFor) {
  const DistrictGraph g = FreezeOrFail(RandomDistrict(150, 5, 450, 8));
  const RunResult alone = Simulate(g, Busy(), {.tree_replicates = {3}});
  const RunResult more = Simulate(g, Busy(), {.tree_replicates = {0, 3, 7}});
  std::vector<std::string> a, b;
  for (const Transmission& t : alone.transmissions()) {
    a.push_back(t.SerializeAsString());
  }
  for (const Transmission& t : more.transmissions()) {
    if (t.replicate() == 3) b.push_back(t.SerializeAsString());
  }
  EXPECT_FALSE(a.empty());
  EXPECT_EQ(a, b);
  // Replicates the run does not have are left out.
  EXPECT_EQ(
      Simulate(g, Busy(), {.tree_replicates = {100000}}).transmissions_size(),
      0);
}

}  // namespace
}  // namespace collabnet
