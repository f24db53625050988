// `collabnet analyze` as a user runs it: the embedded district's summary,
// the JSON and CSV tables agreeing with each other, channels, leaders,
// plain networks, and bad input refused with nothing written.
#include <google/protobuf/util/json_util.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/measures.pb.h"
#include "tests/cli/cli_fixture.h"

namespace collabnet {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

AnalysisResult ParseAnalysis(const std::string& json) {
  AnalysisResult r;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json, &r).ok())
      << json.substr(0, 200);
  return r;
}

TEST_F(CliTest, AnalyzeSummarisesTheEmbeddedDistrict) {
  const Outcome o = Run("analyze");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("teachers"));
  EXPECT_THAT(o.out, HasSubstr("(directed)"));
  EXPECT_THAT(o.out, HasSubstr("communities (leiden)"));
  EXPECT_THAT(o.out, HasSubstr("Brokers: betweenness"));
  EXPECT_THAT(o.out, HasSubstr("Bridges between schools"));
  EXPECT_THAT(o.out, HasSubstr("near leader: the share within two ties of "
                               "4 leaders"));
  // Every school has its row: 41 in the sample district.
  const Outcome json = Run("analyze --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const AnalysisResult r = ParseAnalysis(json.out);
  EXPECT_EQ(r.schools_size(), 41);
  for (const SchoolMeasures& s : r.schools()) {
    EXPECT_THAT(o.out, HasSubstr(s.school_id())) << s.school_id();
    EXPECT_GE(s.near_leader_share(), 0.0);
    EXPECT_LE(s.near_leader_share(), 1.0);
  }
  EXPECT_EQ(r.leaders_size(), 4);
  EXPECT_EQ(r.teachers_size(), r.network().teachers());
  EXPECT_TRUE(r.network().directed());
}

TEST_F(CliTest, AnalyzeTablesAgreeWithItsJson) {
  const Outcome o = Run(absl::StrCat(
      "analyze --format json --out ", Path("m.json"), " --teachers-out ",
      Path("t.csv"), " --schools-out ", Path("s.csv"), " --threads 2"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const AnalysisResult r =
      ParseAnalysis(*testing::ReadFileToString(Path("m.json")));
  const std::string teachers = *testing::ReadFileToString(Path("t.csv"));
  std::vector<std::string> lines =
      absl::StrSplit(teachers, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), static_cast<std::size_t>(r.teachers_size()) + 1);
  EXPECT_THAT(lines[0], HasSubstr("teacher,school,in_degree,out_degree"));
  EXPECT_THAT(lines[0], HasSubstr("plc_in_degree"));
  for (int i : {0, 17, r.teachers_size() - 1}) {
    const TeacherMeasures& t = r.teachers(i);
    const std::vector<std::string> cells =
        absl::StrSplit(lines[static_cast<std::size_t>(i) + 1], ',');
    EXPECT_EQ(cells[0], t.teacher_id());
    EXPECT_EQ(cells[2], absl::StrCat(t.in_degree()));
    EXPECT_NEAR(std::stod(cells[6]), t.betweenness(),
                1e-12 * (1 + t.betweenness()));
    EXPECT_NEAR(std::stod(cells[10]), t.pagerank(), 1e-15);
  }
  const std::string schools = *testing::ReadFileToString(Path("s.csv"));
  EXPECT_EQ(std::count(schools.begin(), schools.end(), '\n'),
            r.schools_size() + 1);
  // The same run as CSV on stdout is the teachers' table.
  const Outcome csv = Run("analyze --format csv --threads 1");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out, teachers);
}

TEST_F(CliTest, AnalyzeKeepsTheChannelsAsked) {
  const Outcome all = Run("analyze --format json");
  const Outcome plc = Run("analyze --format json --channels plc");
  ASSERT_EQ(plc.exit_code, 0) << plc.err;
  const AnalysisResult a = ParseAnalysis(all.out), p = ParseAnalysis(plc.out);
  EXPECT_LT(p.network().ties(), a.network().ties());
  ASSERT_EQ(p.channels_size(), 1);
  for (const TeacherMeasures& t : p.teachers()) {
    ASSERT_EQ(t.by_channel_size(), 1);
    EXPECT_EQ(t.by_channel(0).channel(), PLC);
    EXPECT_EQ(t.by_channel(0).out_degree(), t.out_degree());
  }
  // PLC ties are undirected: the PLC network is, whatever the district's
  // other channels are, and holds each PLC pair once.
  EXPECT_FALSE(p.network().directed());
  std::int64_t plc_ends = 0;
  for (const TeacherMeasures& t : a.teachers()) {
    for (const ChannelDegree& c : t.by_channel()) {
      if (c.channel() == PLC) plc_ends += c.out_degree();
    }
  }
  EXPECT_EQ(p.network().ties() * 2, plc_ends);
  const Outcome bad = Run("analyze --channels plc,lunch");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("'lunch' is not a channel"));
}

TEST_F(CliTest, AnalyzeReadsAPlainNetworkWithItsLeaders) {
  const std::string karate =
      testing::SourceDir() + "/tests/data/measures/karate.edges";
  Outcome o = Run(absl::StrCat("analyze --graph ", karate,
                               " --leaders K00,K33 --format json"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  AnalysisResult r = ParseAnalysis(o.out);
  EXPECT_EQ(r.network().teachers(), 34);
  EXPECT_EQ(r.network().ties(), 78);
  EXPECT_FALSE(r.network().directed());
  ASSERT_EQ(r.leaders_size(), 2);
  // The two leaders are the two clubs' centres: together within two ties
  // of everyone.
  for (const SchoolMeasures& s : r.schools()) {
    EXPECT_DOUBLE_EQ(s.near_leader_share(), 1.0) << s.school_id();
  }
  // No leaders on a network of the user's without a scenario.
  o = Run(absl::StrCat("analyze --graph ", karate, " --format json"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  r = ParseAnalysis(o.out);
  EXPECT_EQ(r.leaders_size(), 0);
  EXPECT_TRUE(std::isnan(r.schools(0).near_leader_share()));

  o = Run(absl::StrCat("analyze --graph ", karate, " --max-all-pairs 10"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("left out: betweenness"));
  EXPECT_THAT(o.out, Not(HasSubstr("Brokers: betweenness")));
  EXPECT_THAT(o.out, Not(HasSubstr("-1")));

  // A plain network's ties name no channel to keep.
  o = Run(absl::StrCat("analyze --graph ", karate, " --channels plc"));
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("name no channel"));
}

TEST_F(CliTest, AnalyzeRefusesBadInputAndWritesNothing) {
  Write("bad.edges", "a b\nb c -2\n");
  Outcome o = Run(absl::StrCat("analyze --graph ", Path("bad.edges"), " --out ",
                               Path("out.txt")));
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("bad.edges:2"));
  EXPECT_FALSE(std::filesystem::exists(Path("out.txt")));

  o = Run("analyze --leaders NOBODY");
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("NOBODY"));

  Write("net.edges", "a b\n");
  o = Run(absl::StrCat("analyze --graph ", Path("net.edges"),
                       " --teachers-out ", Path("net.edges")));
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("an output never replaces an input"));
  EXPECT_EQ(*testing::ReadFileToString(Path("net.edges")), "a b\n");
}

// Every command's file outputs are held to the rule, not only --out.
TEST_F(CliTest, NoOutputFlagReplacesAnInput) {
  const std::string scenario = Path("mine.textproto");
  std::filesystem::copy_file(
      testing::SourceDir() + "/data/scenarios/co-teachers.textproto", scenario);
  const std::string before = *testing::ReadFileToString(scenario);
  Outcome o = Run(absl::StrCat("place --budget 2 --scenario ", scenario,
                               " --district ", testing::SourceDir(),
                               "/data/district --leaders-out ", scenario));
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("--leaders-out names"));
  o = Run(absl::StrCat("simulate --replicates 10 --scenario ", scenario,
                       " --district ", testing::SourceDir(),
                       "/data/district --tree ", scenario));
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("--tree names"));
  EXPECT_EQ(*testing::ReadFileToString(scenario), before);
}

}  // namespace
}  // namespace collabnet
