// Coupled draws: two scenarios that agree on a tie, a teacher or a week see
// the same draw there, replicate by replicate. So raising a probability or
// adding a leader never shrinks the set of teachers reached in any
// replicate (where arrival times cannot turn against it), paired
// differences have far less variance than unpaired ones, and the
// single-run stream draws, which are not coupled, are the same law.
#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "data/embedded_default.h"
#include "gtest/gtest.h"
#include "sim/live_edge.h"
#include "sim/runner.h"
#include "sim/validate_scenario.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

constexpr double kZ = 4.5;  // false failure about 7e-6 per check

// What each replicate produced: the teachers reached and adopting (sorted)
// and the headline counts.
struct Replicates {
  std::vector<std::vector<VertexId>> reached, adopting;
  std::vector<double> direct;
};

Replicates Collect(const DistrictGraph& g, const Scenario& s,
                   DrawMode mode = DrawMode::kCoupled) {
  Replicates out;
  out.reached.resize(static_cast<std::size_t>(s.replicates()));
  out.adopting.resize(out.reached.size());
  out.direct.resize(out.reached.size());
  RunOptions options;
  options.draws = mode;
  // Each replicate writes only its own slots.
  options.on_replicate = [&out](std::uint32_t r, const ReplicateCounts& c) {
    for (const ReachRecord& rec : c.reached()) {
      out.reached[r].push_back(rec.teacher);
      if (rec.adopted) out.adopting[r].push_back(rec.teacher);
      if (rec.hop == 1 && !rec.from_broadcast) ++out.direct[r];
    }
    std::sort(out.reached[r].begin(), out.reached[r].end());
    std::sort(out.adopting[r].begin(), out.adopting[r].end());
  };
  absl::StatusOr<RunResult> result = RunScenario(g, s, options);
  EXPECT_TRUE(result.ok()) << result.status();
  return out;
}

// Expects every replicate of `low` to reach a subset of what `high`
// reaches (adopting too), and `high` to reach more in some: the check has
// something to hold.
void ExpectMonotone(const Replicates& low, const Replicates& high) {
  ASSERT_EQ(low.reached.size(), high.reached.size());
  std::size_t larger = 0;
  for (std::size_t r = 0; r < low.reached.size(); ++r) {
    ASSERT_TRUE(std::includes(high.reached[r].begin(), high.reached[r].end(),
                              low.reached[r].begin(), low.reached[r].end()))
        << "replicate " << r << " reached fewer with the higher setting";
    ASSERT_TRUE(std::includes(high.adopting[r].begin(), high.adopting[r].end(),
                              low.adopting[r].begin(), low.adopting[r].end()))
        << "replicate " << r << " has fewer adopting with the higher setting";
    larger += high.reached[r].size() > low.reached[r].size() ? 1 : 0;
  }
  EXPECT_GT(larger, low.reached.size() / 10);
}

class CouplingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    graph_ = new DistrictGraph(*FreezeDistrict(*EmbeddedDistrict()));
    default_ = new Scenario(*EmbeddedScenario());
  }
  static void TearDownTestSuite() {
    delete graph_;
    delete default_;
  }
  // The default scenario's leaders and seed, with no model.
  static Scenario Leaders(int replicates) {
    Scenario s;
    *s.mutable_leaders() = default_->leaders();
    s.set_replicates(replicates);
    s.set_seed(default_->seed());
    return s;
  }
  static Scenario Default(int replicates) {
    Scenario s = *default_;
    s.set_replicates(replicates);
    return s;
  }
  static void SetChannel(Scenario& s, Channel channel, double factor) {
    for (ChannelParams& c : *s.mutable_channels()) {
      if (c.channel() == channel) {
        c.set_probability(std::min(1.0, c.probability() * factor));
      }
    }
  }
  static DistrictGraph* graph_;
  static Scenario* default_;
};
DistrictGraph* CouplingTest::graph_ = nullptr;
Scenario* CouplingTest::default_ = nullptr;

TEST_F(CouplingTest, RaisingTheCascadesProbabilityNeverShrinksItsReach) {
  Scenario low = Leaders(3000);
  low.mutable_independent_cascade()->set_probability(0.06);
  Scenario high = low;
  high.mutable_independent_cascade()->set_probability(0.08);
  ExpectMonotone(Collect(*graph_, low), Collect(*graph_, high));
  // Per-tie probabilities: tie weights and a context factor.
  low.mutable_independent_cascade()->set_use_tie_weights(true);
  high.mutable_independent_cascade()->set_use_tie_weights(true);
  low.set_same_school_multiplier(1.5);
  high.set_same_school_multiplier(1.5);
  ExpectMonotone(Collect(*graph_, low), Collect(*graph_, high));
  // And a deadline in rounds.
  low.set_horizon(3);
  high.set_horizon(3);
  ExpectMonotone(Collect(*graph_, low), Collect(*graph_, high));
}

TEST_F(CouplingTest, RaisingOneChannelNeverShrinksTheMultiChannelReach) {
  Scenario low = Default(2000);
  for (Channel channel : {PD_WORKSHOP, SOCIAL_MEDIA, PLC}) {
    SCOPED_TRACE(Channel_Name(channel));
    Scenario high = low;
    SetChannel(high, channel, 1.4);
    ExpectMonotone(Collect(*graph_, low), Collect(*graph_, high));
  }
  // With a broadcast, with lapse (no calendar), with a calendar (no lapse).
  Scenario broadcast = low;
  broadcast.mutable_multi_channel()->mutable_broadcast()->set_probability(0.02);
  broadcast.mutable_multi_channel()->mutable_broadcast()->add_weeks(10);
  Scenario lapse = low;
  lapse.mutable_multi_channel()->set_lapse_probability(0.1);
  Scenario calendar = low;
  for (int w : {1, 8, 15, 22, 29, 36}) {
    calendar.mutable_multi_channel()->mutable_calendar()->add_pd_weeks(w);
  }
  calendar.mutable_multi_channel()->mutable_calendar()->set_plc_every_weeks(2);
  for (const Scenario* s : {&broadcast, &lapse, &calendar}) {
    Scenario high = *s;
    SetChannel(high, PD_WORKSHOP, 1.4);
    ExpectMonotone(Collect(*graph_, *s), Collect(*graph_, high));
  }
  // Raising the broadcast's own probability.
  Scenario louder = broadcast;
  louder.mutable_multi_channel()->mutable_broadcast()->set_probability(0.05);
  ExpectMonotone(Collect(*graph_, broadcast), Collect(*graph_, louder));
}

TEST_F(CouplingTest, AddingALeaderNeverShrinksAnyModelsReach) {
  Scenario ic = Leaders(2000);
  ic.mutable_independent_cascade()->set_probability(0.07);
  Scenario wc = Leaders(2000);
  wc.mutable_independent_cascade()->set_probabilities(
      IndependentCascadeParams::WEIGHTED_CASCADE);
  Scenario lt = Leaders(2000);
  lt.mutable_linear_threshold();
  Scenario cc = Leaders(2000);
  cc.mutable_complex_contagion()->set_probability(0.3);
  cc.mutable_complex_contagion()->set_threshold(2);
  const Scenario multi = Default(2000);
  // New leaders beside two of the default ones (their first colleagues),
  // where they matter even to complex contagion's spread.
  std::vector<VertexId> added;
  for (const std::string& id : {default_->leaders(0), default_->leaders(2)}) {
    const VertexId v = *graph_->FindTeacher(id);
    for (ArcIndex a = graph_->arc_begin(v); a < graph_->arc_end(v); ++a) {
      const VertexId w = graph_->arc_target(a);
      const std::string& wid = graph_->teacher_id(w);
      if (std::find(default_->leaders().begin(), default_->leaders().end(),
                    wid) == default_->leaders().end() &&
          std::find(added.begin(), added.end(), w) == added.end()) {
        added.push_back(w);
        break;
      }
    }
  }
  ASSERT_EQ(added.size(), 2u);
  for (const Scenario* s :
       std::initializer_list<const Scenario*>{&ic, &wc, &lt, &cc, &multi}) {
    SCOPED_TRACE(ScenarioModelName(*s));
    Scenario more = *s;
    for (VertexId v : added) more.add_leaders(graph_->teacher_id(v));
    Replicates a = Collect(*graph_, *s);
    const Replicates b = Collect(*graph_, more);
    // The new leaders are active, not reached, in `more`: compare what
    // both count.
    for (auto* sets : {&a.reached, &a.adopting}) {
      for (std::vector<VertexId>& r : *sets) {
        std::erase_if(r, [&](VertexId v) {
          return std::find(added.begin(), added.end(), v) != added.end();
        });
      }
    }
    ExpectMonotone(a, b);
  }
}

TEST(CouplingException, LapseWithACalendarCanTurnAnEarlyAdoptionAgainstReach) {
  // t0 (leader) -> t1 by co-teaching at probability p, arriving in week 1;
  // t0 -> t2 -> t1 by PLC with certainty, arriving in week 2; t1 -> t3 over
  // PD, which meets in week 3 only. With lapse 1/2, t1 practises one week
  // half the time: adopting in week 2 its PD contact lands in week 3, but
  // adopting in week 1 (when the co-teaching tie succeeds) it has lapsed by
  // then. So raising p loses t3 in those replicates: the one documented
  // exception, with leader capacity, to monotone coupling.
  const District d = testing::MakeDistrict(
      4, {{0, 1, CO_TEACHING}, {0, 2, PLC}, {2, 1, PLC}, {1, 3, PD_WORKSHOP}});
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(d);
  ASSERT_TRUE(g.ok());
  Scenario low = testing::SimpleScenario({0}, 1.0, 400, 3);
  low.mutable_channels(CO_TEACHING - 1)->set_probability(0);
  low.mutable_multi_channel()->set_lapse_probability(0.5);
  low.mutable_multi_channel()->mutable_calendar()->add_pd_weeks(3);
  Scenario high = low;
  high.mutable_channels(CO_TEACHING - 1)->set_probability(1);
  auto lost = [&](const Scenario& a, const Scenario& b) {
    const Replicates ra = Collect(*g, a);
    const Replicates rb = Collect(*g, b);
    int count = 0;
    for (std::size_t r = 0; r < ra.reached.size(); ++r) {
      count += std::includes(rb.reached[r].begin(), rb.reached[r].end(),
                             ra.reached[r].begin(), ra.reached[r].end())
                   ? 0
                   : 1;
    }
    return count;
  };
  // About half the replicates lose t3 (t1 practises one week).
  const int with_both = lost(low, high);
  EXPECT_NEAR(with_both, 200, kZ * std::sqrt(400 * 0.25));
  // Without the calendar, or without lapse, it never happens.
  Scenario low_free = low, high_free = high;
  low_free.mutable_multi_channel()->clear_calendar();
  high_free.mutable_multi_channel()->clear_calendar();
  EXPECT_EQ(lost(low_free, high_free), 0);
  Scenario low_kept = low, high_kept = high;
  low_kept.mutable_multi_channel()->set_lapse_probability(0);
  high_kept.mutable_multi_channel()->set_lapse_probability(0);
  EXPECT_EQ(lost(low_kept, high_kept), 0);
}

// Variance of the per-replicate differences of teachers reached, and the
// sum of the two variances (what an unpaired comparison pays).
std::pair<double, double> PairedAndUnpaired(const Replicates& a,
                                            const Replicates& b) {
  const auto n = static_cast<double>(a.reached.size());
  double sa = 0, sb = 0, sd = 0, qa = 0, qb = 0, qd = 0;
  for (std::size_t r = 0; r < a.reached.size(); ++r) {
    const auto x = static_cast<double>(a.reached[r].size());
    const auto y = static_cast<double>(b.reached[r].size());
    sa += x;
    sb += y;
    sd += x - y;
    qa += x * x;
    qb += y * y;
    qd += (x - y) * (x - y);
  }
  auto var = [n](double s, double q) { return (q - s * s / n) / (n - 1); };
  return {var(sd, qd), var(sa, qa) + var(sb, qb)};
}

TEST_F(CouplingTest, PairedDifferencesHaveFarLessVarianceThanUnpaired) {
  Scenario a = Default(3000);
  Scenario b = a;
  SetChannel(b, PD_WORKSHOP, 1.1);
  const auto [paired, unpaired] =
      PairedAndUnpaired(Collect(*graph_, a), Collect(*graph_, b));
  EXPECT_LT(paired, 0.1 * unpaired)
      << "paired " << paired << ", unpaired " << unpaired;
  // The stream draws share replicate i's stream only until the first draw
  // that differs; their pairs keep most of the unpaired variance.
  const auto [stream_paired, stream_unpaired] =
      PairedAndUnpaired(Collect(*graph_, a, DrawMode::kStream),
                        Collect(*graph_, b, DrawMode::kStream));
  EXPECT_GT(stream_paired, 5 * paired);
  (void)stream_unpaired;
}

TEST_F(CouplingTest, TheCascadeIsTheLiveEdgeGraphOfItsOwnDraws) {
  // The independent cascade's active set in replicate r is exactly what the
  // leaders reach over the arcs whose coupled uniforms (one arc at a time,
  // ArcCoins::Uniform32) fall below their thresholds.
  for (auto [name, model] :
       {std::pair<const char*, void (*)(Scenario&)>{
            "uniform",
            [](Scenario& s) {
              s.mutable_independent_cascade()->set_probability(0.1);
            }},
        {"weighted cascade",
         [](Scenario& s) {
           s.mutable_independent_cascade()->set_probabilities(
               IndependentCascadeParams::WEIGHTED_CASCADE);
         }},
        {"tie weights, a horizon", [](Scenario& s) {
           s.mutable_independent_cascade()->set_probability(0.08);
           s.mutable_independent_cascade()->set_use_tie_weights(true);
           s.set_horizon(4);
         }}}) {
    SCOPED_TRACE(name);
    Scenario s = Leaders(40);
    model(s);
    absl::StatusOr<LiveEdgeIc> live =
        LiveEdgeIc::Prepare(*graph_, s, LiveEdgeDraws::kCascadesOwn);
    ASSERT_TRUE(live.ok()) << live.status();
    std::vector<std::vector<VertexId>> by_live(40);
    RunModel(*graph_, s, *live,
             {.on_replicate = [&](std::uint32_t r, const ReplicateCounts& c) {
               for (const ReachRecord& rec : c.reached()) {
                 by_live[r].push_back(rec.teacher);
               }
               std::sort(by_live[r].begin(), by_live[r].end());
             }});
    const Replicates cascade = Collect(*graph_, s);
    for (std::size_t r = 0; r < by_live.size(); ++r) {
      ASSERT_EQ(cascade.reached[r], by_live[r]) << "replicate " << r;
    }
  }
}

// Two-sample Kolmogorov-Smirnov on teachers reached, at a false-failure
// rate of about 1e-5: D <= c sqrt(2 / n) with c = sqrt(-ln(1e-5 / 2) / 2).
void ExpectSameDistribution(const Replicates& a, const Replicates& b) {
  std::vector<std::size_t> x, y;
  for (const auto& r : a.reached) x.push_back(r.size());
  for (const auto& r : b.reached) y.push_back(r.size());
  std::sort(x.begin(), x.end());
  std::sort(y.begin(), y.end());
  const auto n = static_cast<double>(x.size());
  double d = 0;
  std::size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    const std::size_t v = std::min(x[i], y[j]);
    while (i < x.size() && x[i] == v) ++i;
    while (j < y.size() && y[j] == v) ++j;
    d = std::max(d,
                 std::abs(static_cast<double>(i) - static_cast<double>(j)) / n);
  }
  EXPECT_LT(d, std::sqrt(-std::log(1e-5 / 2) / 2) * std::sqrt(2 / n));
  // And each teacher's chance of being reached: a z-test per teacher on the
  // difference of two binomial proportions, Bonferroni over teachers.
  std::map<VertexId, std::pair<int, int>> counts;
  for (const auto& r : a.reached) {
    for (VertexId v : r) ++counts[v].first;
  }
  for (const auto& r : b.reached) {
    for (VertexId v : r) ++counts[v].second;
  }
  const double z = 5.6;  // two-sided 2e-8 per teacher, 3e-5 over 1,400
  for (const auto& [v, c] : counts) {
    const double pa = c.first / n, pb = c.second / n;
    const double pooled = (pa + pb) / 2;
    const double se = std::sqrt(2 * pooled * (1 - pooled) / n);
    EXPECT_LE(std::abs(pa - pb), z * se + 1e-12) << "teacher " << v;
  }
}

TEST_F(CouplingTest, StreamAndCoupledDrawsAreTheSameLaw) {
  constexpr int kReps = 4000;
  Scenario ic = Leaders(kReps);
  ic.mutable_independent_cascade()->set_probability(0.08);
  Scenario wc = Leaders(kReps);
  wc.mutable_independent_cascade()->set_probabilities(
      IndependentCascadeParams::WEIGHTED_CASCADE);
  Scenario multi = Default(kReps);
  multi.mutable_multi_channel()->set_lapse_probability(0.05);
  multi.mutable_multi_channel()->mutable_broadcast()->set_probability(0.02);
  multi.mutable_multi_channel()->mutable_broadcast()->add_weeks(12);
  for (const Scenario* s : {&ic, &wc, &multi}) {
    SCOPED_TRACE(ScenarioModelName(*s));
    const Replicates coupled = Collect(*graph_, *s, DrawMode::kCoupled);
    const Replicates stream = Collect(*graph_, *s, DrawMode::kStream);
    ExpectSameDistribution(coupled, stream);
    // The headline means, and the leaders' first-hand reach, by two-sample z.
    RunOptions c, st;
    st.draws = DrawMode::kStream;
    const RunResult rc = *RunScenario(*graph_, *s, c);
    const RunResult rs = *RunScenario(*graph_, *s, st);
    for (auto [a, b] : {std::pair{rc.reached(), rs.reached()},
                        std::pair{rc.adopting(), rs.adopting()},
                        std::pair{rc.direct_reach(), rs.direct_reach()}}) {
      const double se = std::sqrt((a.sd() * a.sd() + b.sd() * b.sd()) / kReps);
      EXPECT_LT(std::abs(a.mean() - b.mean()), kZ * se + 1e-12);
    }
    for (int k = 0; k < rc.observed_comparison_size(); ++k) {
      const Estimate& a = rc.observed_comparison(k).simulated();
      const Estimate& b = rs.observed_comparison(k).simulated();
      const double se = std::sqrt((a.sd() * a.sd() + b.sd() * b.sd()) / kReps);
      EXPECT_LT(std::abs(a.mean() - b.mean()), kZ * se + 1e-12)
          << rc.observed_comparison(k).name();
    }
  }
}

}  // namespace
}  // namespace collabnet
