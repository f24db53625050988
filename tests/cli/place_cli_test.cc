// `collabnet place` end to end: the chosen set runs unchanged in simulate
// with the very numbers place reported, constraints hold in the output,
// and bad input is refused with exit 1 naming what is wrong.
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "proto/result.pb.h"
#include "tests/cli/cli_fixture.h"

namespace collabnet {
namespace {

using ::testing::HasSubstr;

PlacementResult ParsePlacement(const std::string& json) {
  PlacementResult p;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json, &p).ok());
  return p;
}

TEST_F(CliTest, PlacedLeadersRunInSimulateWithTheNumbersPlaceReported) {
  std::filesystem::create_directories(Path("plan"));
  const Outcome o = Run(absl::StrCat(
      "place --budget 6 --add-to-leaders --max-per-school 1 --replicates 400 "
      "--format json --out ",
      Path("p.json"), " --leaders-out ", Path("plan/leaders.textproto")));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const PlacementResult p =
      ParsePlacement(*testing::ReadFileToString(Path("p.json")));
  EXPECT_EQ(p.strategy(), "reverse-samples");
  ASSERT_EQ(p.leaders_size(), 6);
  EXPECT_EQ(p.leaders_in_place_size(), 4);
  EXPECT_THAT(p.guarantee(), HasSubstr("1/2 - 0.1"));
  EXPECT_GT(p.certified_ratio(), 0.4);
  EXPECT_LE(p.lower_bound(), p.upper_bound());
  std::set<std::string> schools;
  for (const PlacedLeader& l : p.leaders()) {
    EXPECT_TRUE(l.has_gain());
    EXPECT_TRUE(schools.insert(l.school_id()).second) << l.school_id();
  }
  // The file's leaders are those in place and the new ones, and simulate
  // runs it as written to the same figures (the same seed and replicates).
  const Outcome s =
      Run(absl::StrCat("simulate --scenario ", Path("plan/leaders.textproto"),
                       " --format json --out ", Path("s.json")));
  ASSERT_EQ(s.exit_code, 0) << s.err;
  RunResult r;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(
                  *testing::ReadFileToString(Path("s.json")), &r)
                  .ok());
  EXPECT_EQ(r.leaders_size(), 10);
  EXPECT_DOUBLE_EQ(r.reached().mean(), p.estimate().reached().mean());
  EXPECT_DOUBLE_EQ(r.adopting().mean(), p.estimate().adopting().mean());
  // Each leader's own share of the estimate, the same in both, and the
  // shares make up the reach (the default district has no broadcast).
  ASSERT_EQ(p.estimate().leader_reach_size(), 10);
  ASSERT_EQ(r.leader_reach_size(), 10);
  double shares = 0;
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(r.leader_reach(i).teacher_id(),
              p.estimate().leader_reach(i).teacher_id());
    EXPECT_DOUBLE_EQ(r.leader_reach(i).reached().mean(),
                     p.estimate().leader_reach(i).reached().mean());
    shares += r.leader_reach(i).reached().mean();
  }
  EXPECT_NEAR(shares, r.reached().mean() - r.reached_by_broadcast().mean(),
              1e-6 * r.reached().mean());
}

TEST_F(CliTest, PlaceTextNamesEachLeaderAndTheGuarantee) {
  const Outcome o =
      Run("place --budget 3 --strategy degree --replicates 200 --eligible-role "
          "teacher_leader");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("3 new leaders by degree"));
  EXPECT_THAT(o.out, HasSubstr("guarantee: none"));
  EXPECT_THAT(o.out, HasSubstr("teacher_leader"));
  EXPECT_THAT(o.out, HasSubstr("teachers reached"));
  EXPECT_THAT(o.out, HasSubstr("teachers of Title I schools"));
  EXPECT_THAT(o.out, HasSubstr("Each leader's own reach"));
  const Outcome title_i =
      Run("place --budget 2 --objective reached-title-i --replicates 200");
  ASSERT_EQ(title_i.exit_code, 0) << title_i.err;
  EXPECT_THAT(title_i.out,
              HasSubstr("for teachers reached in Title I schools"));
  EXPECT_EQ(Run("place --budget 2 --objective most").exit_code, 2);
}

TEST_F(CliTest, PlaceComparesTheSetWithTheCurrentLeadersOnPairedDraws) {
  const Outcome o = Run(absl::StrCat(
      "place --budget 3 --add-to-leaders --replicates 300 --format json "
      "--out ",
      Path("a.json")));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const PlacementResult p =
      ParsePlacement(*testing::ReadFileToString(Path("a.json")));
  ASSERT_TRUE(p.has_against_current());
  const ComparisonResult& a = p.against_current();
  EXPECT_EQ(a.replicates(), 300);
  ASSERT_EQ(a.rows_size(), 2);
  EXPECT_EQ(a.rows(0).leaders(), 4);  // the case study's co-teachers
  EXPECT_EQ(a.rows(1).leaders(), 7);
  EXPECT_FALSE(a.rows(1).has_result());
  // Paired: the mean difference is the difference of the means, and adding
  // three leaders to four reaches more in (nearly) every world.
  ASSERT_TRUE(a.rows(1).has_reached_difference());
  EXPECT_NEAR(a.rows(1).reached_difference().mean(),
              a.rows(1).reached().mean() - a.rows(0).reached().mean(), 1e-6);
  EXPECT_TRUE(a.rows(1).reached_significant());
  EXPECT_GT(a.rows(1).reached_difference().ci_low(), 0);
  // The same set as the estimate: their means agree within the intervals.
  EXPECT_NEAR(a.rows(1).reached().mean(), p.estimate().reached().mean(),
              a.rows(1).reached().ci_high() - a.rows(1).reached().ci_low() +
                  p.estimate().reached().ci_high() -
                  p.estimate().reached().ci_low());

  const Outcome text = Run("place --budget 2 --replicates 100");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("against the current leaders"));
  EXPECT_THAT(text.out, HasSubstr("current leaders"));
  EXPECT_THAT(text.out, HasSubstr("placed set"));

  // A plain network has no leaders of its own: nothing to compare.
  Write("line.edges", "0 1\n1 2\n2 3\n");
  const Outcome plain =
      Run(absl::StrCat("place --graph ", Path("line.edges"),
                       " --budget 1 --p 0.5 --replicates 50 --format json "
                       "--out ",
                       Path("plain.json")));
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_FALSE(ParsePlacement(*testing::ReadFileToString(Path("plain.json")))
                   .has_against_current());
}

TEST_F(CliTest, PlaceForSchoolEquityReportsTheIndexOfItsEstimate) {
  const Outcome o =
      Run(absl::StrCat("place --budget 3 --objective equity --replicates 200 "
                       "--format json --out ",
                       Path("e.json")));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const PlacementResult p =
      ParsePlacement(*testing::ReadFileToString(Path("e.json")));
  EXPECT_THAT(p.objective(), HasSubstr("school-equity index"));
  EXPECT_THAT(p.guarantee(), HasSubstr("empirical, not proven"));
  ASSERT_EQ(p.leaders_size(), 3);
  // The index is the estimate's, school by school.
  double sum = 0;
  int schools = 0;
  for (const SchoolReach& s : p.estimate().schools()) {
    if (s.teachers() == 0) continue;
    ++schools;
    sum += std::sqrt((s.reached().mean() + s.leaders()) / s.teachers());
  }
  ASSERT_GT(schools, 0);
  EXPECT_NEAR(p.equity_reached(), 100 * sum / schools, 1e-9);
  EXPECT_GT(p.equity_reached(), p.equity_adopting());

  const Outcome text =
      Run("place --budget 2 --objective adopting-equity --replicates 100");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out,
              HasSubstr("for teachers adopting, by the school-equity index"));
  EXPECT_THAT(text.out, HasSubstr("school equity"));

  const Outcome greedy =
      Run("place --budget 2 --objective equity --strategy greedy");
  EXPECT_EQ(greedy.exit_code, 1);
  EXPECT_THAT(greedy.err, HasSubstr("equity"));
}

TEST_F(CliTest, PlaceOnAPlainNetwork) {
  std::string edges;
  for (int v = 1; v < 30; ++v) {
    absl::StrAppend(&edges, v - 1, " ", v, "\n", v % 7, " ", v, "\n");
  }
  Write("net.edges", edges);
  const Outcome o = Run(absl::StrCat("place --graph ", Path("net.edges"),
                                     " --model ic --p 0.2 --budget 2 "
                                     "--replicates 200 --threads 2"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("2 new leaders by reverse-samples"));
  const Outcome greedy = Run(absl::StrCat(
      "place --graph ", Path("net.edges"),
      " --model cc --k 2 --budget 2 --replicates 100 --greedy-replicates 50"));
  ASSERT_EQ(greedy.exit_code, 0) << greedy.err;
  EXPECT_THAT(greedy.out, HasSubstr("by greedy"));
  EXPECT_THAT(greedy.out, HasSubstr("heuristic"));
}

// The sample district with a stipend column in its roster: 1, 2 or 3 for
// most teachers, none for every fourth; `bad_line`'s cell (if any) "lots".
class RosterCostTest : public CliTest {
 protected:
  std::map<std::string, std::string> WriteRosterWithStipends(
      const std::string& dir, int bad_line = 0) const;
};

std::map<std::string, std::string> RosterCostTest::WriteRosterWithStipends(
    const std::string& dir, int bad_line) const {
  std::filesystem::create_directories(Path(dir));
  for (const char* f : {"schools.csv", "ties.csv"}) {
    std::filesystem::copy_file(
        absl::StrCat(testing::SourceDir(), "/data/district/", f),
        Path(absl::StrCat(dir, "/", f)),
        std::filesystem::copy_options::overwrite_existing);
  }
  const std::string roster = *testing::ReadFileToString(
      absl::StrCat(testing::SourceDir(), "/data/district/teachers.csv"));
  std::map<std::string, std::string> stipend;
  std::string out;
  int line = 0;
  for (absl::string_view row :
       absl::StrSplit(roster, '\n', absl::SkipEmpty())) {
    ++line;
    std::string cell = "stipend";
    if (line > 1) {
      cell = line % 4 == 0 ? "" : absl::StrCat(1 + line % 3);
      if (line == bad_line) cell = "lots";
      stipend[std::string(row.substr(0, row.find(',')))] = cell;
    }
    absl::StrAppend(&out, row, ",", cell, "\n");
  }
  Write(absl::StrCat(dir, "/teachers.csv"), out);
  return stipend;
}

TEST_F(RosterCostTest, PlaceTakesCostsFromANamedColumnOfTheRoster) {
  const std::map<std::string, std::string> stipend =
      WriteRosterWithStipends("roster");
  Outcome o = Run(absl::StrCat(
      "place --district ", Path("roster"),
      " --budget 3 --cost-column stipend --cost-budget 4 --replicates 100 "
      "--format json --out ",
      Path("c.json")));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_THAT(o.err, HasSubstr("350 of 1400 teachers have no stipend"));
  const PlacementResult p =
      ParsePlacement(*testing::ReadFileToString(Path("c.json")));
  ASSERT_GE(p.leaders_size(), 1);
  double total = 0;
  for (const PlacedLeader& l : p.leaders()) {
    const std::string& cell = stipend.at(l.teacher_id());
    ASSERT_FALSE(cell.empty()) << l.teacher_id();
    EXPECT_EQ(l.cost(), std::stod(cell)) << l.teacher_id();
    total += l.cost();
  }
  EXPECT_LE(total, 4);
  EXPECT_EQ(p.total_cost(), total);

  // The scenario's block names the column; every command reads the roster.
  std::filesystem::create_directories(Path("plan"));
  Write("plan/s.textproto",
        "name: \"s\" district: \"../roster\" leaders: \"T0001\" "
        "replicates: 50 seed: 3 "
        "channels { channel: PD_WORKSHOP probability: 0.3 } multi_channel {} "
        "placement { budget: 2 cost_column: \"stipend\" cost_budget: 3 }");
  o = Run(absl::StrCat("simulate --scenario ", Path("plan/s.textproto")));
  EXPECT_EQ(o.exit_code, 0) << o.err;
  o = Run(absl::StrCat("place --scenario ", Path("plan/s.textproto"),
                       " --format json"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_LE(ParsePlacement(o.out).total_cost(), 3);
  // Without it, the roster's extra column is an unknown column.
  o = Run(absl::StrCat("simulate --district ", Path("roster")));
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("unknown column 'stipend'"));
}

TEST_F(RosterCostTest, CompareTotalsEachSetsCostsFromTheRosterColumn) {
  const std::map<std::string, std::string> stipend =
      WriteRosterWithStipends("roster");
  const std::string sets =
      " --leaders-set a=T0001,T0005 --leaders-set b=T0002 --replicates 50";
  Outcome o = Run(absl::StrCat("compare --district ", Path("roster"), sets,
                               " --cost-column stipend --format json"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  ComparisonResult c;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(o.out, &c).ok());
  ASSERT_EQ(c.rows_size(), 2);
  EXPECT_EQ(c.rows(0).cost(),
            std::stod(stipend.at("T0001")) + std::stod(stipend.at("T0005")));
  EXPECT_EQ(c.rows(1).cost(), std::stod(stipend.at("T0002")));
  // A leader with an empty cell has no cost: the total cannot be made.
  ASSERT_TRUE(stipend.at("T0003").empty());
  o = Run(absl::StrCat("compare --district ", Path("roster"),
                       " --leaders-set a=T0001 --leaders-set b=T0003 "
                       "--replicates 50 --cost-column stipend"));
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("no cost for leader 'T0003'"));
}

TEST_F(RosterCostTest, PlaceRefusesARosterCostColumnItCannotRead) {
  WriteRosterWithStipends("bad", 7);
  Outcome o = Run(absl::StrCat("place --district ", Path("bad"),
                               " --budget 2 --cost-column stipend "
                               "--cost-budget 4"));
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("teachers.csv:7: field 'stipend': found 'lots'; "
                               "expected a number, 0 or more"));
  o = Run("place --budget 2 --cost-column stipend --cost-budget 4");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("the embedded district"));
  Write("costs.csv", "teacher,cost\nT0001,1\n");
  o = Run(absl::StrCat("place --district ", Path("bad"), " --costs ",
                       Path("costs.csv"),
                       " --cost-column stipend --budget 1 --cost-budget 4"));
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("one source of costs"));
  o = Run(absl::StrCat("place --district ", Path("bad"),
                       " --budget 1 --cost-column stipend"));
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("go together"));
}

TEST_F(CliTest, PlaceTakesTheScenarioConstraintsAndFlagsReplaceThem) {
  std::filesystem::create_directories(Path("plan"));
  Write("plan/costs.csv", "teacher,cost\nT0001,1\nT0002,1\nT0003,5\n");
  Write("plan/s.textproto",
        "name: \"s\" leaders: \"T0001\" replicates: 100 seed: 3 "
        "channels { channel: PLC probability: 0.3 } "
        "channels { channel: PD_WORKSHOP probability: 0.3 } "
        "multi_channel {} "
        "placement { budget: 2 add_to_leaders: true costs: \"costs.csv\" "
        "cost_budget: 2 }");
  // The scenario's block: at most 2 new leaders costing 2 together, added
  // to T0001 (so T0002 alone fits), and the costs file found beside it.
  Outcome o = Run(absl::StrCat("place --scenario ", Path("plan/s.textproto"),
                               " --format json --district ",
                               testing::SourceDir(), "/data/district"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  PlacementResult p = ParsePlacement(o.out);
  ASSERT_EQ(p.leaders_in_place_size(), 1);
  ASSERT_EQ(p.leaders_size(), 1);
  EXPECT_EQ(p.leaders(0).teacher_id(), "T0002");
  EXPECT_EQ(p.total_cost(), 1);
  // A flag replaces its field: a larger cost budget lets T0003 in too.
  o = Run(absl::StrCat("place --scenario ", Path("plan/s.textproto"),
                       " --format json --cost-budget 6 --district ",
                       testing::SourceDir(), "/data/district"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  p = ParsePlacement(o.out);
  EXPECT_EQ(p.leaders_size(), 2);
  EXPECT_EQ(p.total_cost(), 6);
  // No budget anywhere is a usage error.
  Write("plan/none.textproto",
        "name: \"n\" leaders: \"T0001\" replicates: 10 channels { channel: "
        "PLC probability: 0.3 } multi_channel {}");
  o = Run(absl::StrCat("place --scenario ", Path("plan/none.textproto")));
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("--budget"));
}

TEST_F(CliTest, PlaceRefusesBadConstraintsWithExitOne) {
  Write("costs.csv", "teacher,cost\nT0001,2\nT0002,two days\n");
  Outcome o = Run(absl::StrCat("place --budget 3 --costs ", Path("costs.csv"),
                               " --cost-budget 10"));
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("costs.csv:3: field 'cost': found 'two days'"));

  Write("eligible.txt", "T0001 T0002 NOBODY\n");
  o = Run(absl::StrCat("place --budget 1 --eligible ", Path("eligible.txt")));
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("NOBODY"));

  Write("two.txt", "T0001 T0002\n");
  o = Run(absl::StrCat("place --budget 3 --eligible ", Path("two.txt")));
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("only 2 teachers are eligible"));

  o = Run("place --budget 2000");
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("--budget 2000"));

  o = Run("place --budget 50 --max-per-school 1");
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("room for 41"));

  o = Run("place --budget 2 --strategy best");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("reverse-samples"));

  o = Run("place --budget 2 --leader-capacity 3 --strategy reverse-samples");
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("leader capacity"));
  EXPECT_THAT(o.err, HasSubstr("--strategy greedy"));
}

}  // namespace
}  // namespace collabnet

namespace collabnet {
namespace {

ComparisonResult ParseComparison(const std::string& json) {
  ComparisonResult c;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json, &c).ok());
  return c;
}

// The sample district's scenarios, as the README's table shows them:
// placement beats the baselines planners use.
TEST_F(CliTest, CompareRunsTheSampleScenariosAndPlacementBeatsTheBaselines) {
  const std::string dir = testing::SourceDir() + "/data/scenarios/";
  const Outcome o = Run(absl::StrCat(
      "compare ", dir, "co-teachers.textproto ", dir,
      "random-per-school-40.textproto ", dir, "degree-40.textproto ", dir,
      "reverse-samples-40.textproto --replicates 3000 --format json"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const ComparisonResult c = ParseComparison(o.out);
  ASSERT_EQ(c.rows_size(), 4);
  EXPECT_EQ(c.rows(0).name(), "co-teachers");
  EXPECT_EQ(c.rows(0).leaders(), 4);
  const ComparisonRow& random = c.rows(1);
  const ComparisonRow& degree = c.rows(2);
  const ComparisonRow& placed = c.rows(3);
  EXPECT_EQ(placed.leaders(), 40);
  EXPECT_TRUE(placed.reached_significant());
  EXPECT_GT(placed.reached().ci_low(), degree.reached().ci_high());
  EXPECT_GT(placed.reached().ci_low(), random.reached().ci_high());
  EXPECT_GT(placed.reached_difference().ci_low(), 0);
}

TEST_F(CliTest, CompareLeaderSetsAndTheirCosts) {
  Write("costs.csv", "teacher,cost\nT0001,1\nT0002,2.5\nT0150,4\n");
  const Outcome o = Run(absl::StrCat(
      "compare --leaders-set now=T0001,T0002 --leaders-set "
      "more=T0001,T0002,T0150 --replicates 500 --format csv --costs ",
      Path("costs.csv")));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("scenario,leaders,cost,reached_mean"));
  EXPECT_THAT(o.out, HasSubstr("\nnow,2,3.5,"));
  EXPECT_THAT(o.out, HasSubstr("\nmore,3,7.5,"));
  const Outcome text =
      Run("compare --leaders-set now=T0001,T0002 --leaders-set "
          "more=T0001,T0002,T0150 --replicates 500");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("paired by replicate"));
  EXPECT_THAT(text.out, HasSubstr("(first)"));
}

TEST_F(CliTest, CompareRefusesWhatCannotBePaired) {
  Outcome o = Run("compare --leaders-set only=T0001");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("at least two scenarios"));
  o = Run("compare --leaders-set a=T0001 --leaders-set b=NOBODY");
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("NOBODY"));
  o = Run("compare --leaders-set a --leaders-set b=T0001");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("NAME=ID"));
  // Two files on different districts.
  ASSERT_EQ(Run(absl::StrCat("generate --out ", Path("other"),
                             " --teachers 60 --schools 3 --seed 4"))
                .exit_code,
            0);
  Write("a.textproto",
        "name: \"a\" leaders: \"T0001\" replicates: 10 channels { channel: "
        "PLC probability: 0.2 } multi_channel {}");
  Write("b.textproto",
        "name: \"b\" district: \"other\" leaders: \"T0001\" replicates: 10 "
        "channels { channel: PLC probability: 0.2 } multi_channel {}");
  o = Run(
      absl::StrCat("compare ", Path("a.textproto"), " ", Path("b.textproto")));
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("one district"));
}

}  // namespace
}  // namespace collabnet
