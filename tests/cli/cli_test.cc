// End-to-end tests of the collabnet program, run as a user would run it.
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "io/atomic_file.h"
#include "proto/result.pb.h"
#include "tests/cli/cli_fixture.h"
#include "tests/testing/districts.h"
#include "tests/testing/scratch_dir.h"

namespace collabnet {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

TEST_F(CliTest, DefaultRunReproducesTheCaseStudyFigure) {
  const Outcome o = Run("simulate --format=json --out " + Path("r.json"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_TRUE(o.out.empty());
  RunResult r;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(
                  *testing::ReadFileToString(Path("r.json")), &r)
                  .ok());
  // The default scenario was fitted so that the leaders' mean direct reach
  // is within 5% of 487, and each category within 10% of 311, 63 and 113.
  EXPECT_EQ(r.observed_direct_reach(), 487);
  EXPECT_NEAR(r.direct_reach().mean(), 487, 0.05 * 487);
  ASSERT_EQ(r.observed_comparison_size(), 3);
  for (const CategoryComparison& c : r.observed_comparison()) {
    EXPECT_NEAR(c.simulated().mean(), c.observed(), 0.10 * c.observed())
        << c.name();
  }
  EXPECT_EQ(r.observed_comparison(0).observed(), 311);
  EXPECT_EQ(r.observed_comparison(1).observed(), 63);
  EXPECT_EQ(r.observed_comparison(2).observed(), 113);
  EXPECT_GT(r.reached().mean(), r.direct_reach().mean());
  EXPECT_LT(r.reached().ci_low(), r.reached().mean());
  EXPECT_GE(r.details().replicates(), 1000);
}

TEST_F(CliTest, TextSummaryShowsTheComparison) {
  const Outcome o = Run("simulate --replicates 500");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("professional development"));
  EXPECT_THAT(o.out, HasSubstr("job-embedded support"));
  EXPECT_THAT(o.out, HasSubstr("social media"));
  EXPECT_THAT(o.out, HasSubstr("487"));
  EXPECT_THAT(o.out, HasSubstr("Schools reached most"));
  EXPECT_THAT(o.out, HasSubstr("Schools reached least"));
  EXPECT_THAT(o.out, HasSubstr("500 replicates"));
  EXPECT_TRUE(o.err.empty()) << o.err;  // no progress bar off a terminal
}

TEST_F(CliTest, ThreadCountDoesNotChangeTheResult) {
  auto json = [&](int threads) {
    const Outcome o = Run(absl::StrCat(
        "simulate --format json --replicates 800 --seed 5 --threads ",
        threads));
    EXPECT_EQ(o.exit_code, 0) << o.err;
    RunResult r;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(o.out, &r).ok());
    r.mutable_details()->clear_threads();
    r.mutable_details()->clear_wall_seconds();
    r.mutable_details()->clear_prepare_seconds();
    r.mutable_details()->clear_simulate_seconds();
    return r.SerializeAsString();
  };
  const std::string one = json(1);
  EXPECT_EQ(one, json(2));
  EXPECT_EQ(one, json(8));
}

TEST_F(CliTest, StableJsonIsByteIdenticalOnAnyThreadsAndAcrossRuns) {
  auto json = [&](int threads) {
    const Outcome o = Run(absl::StrCat(
        "simulate --format json --stable --replicates 500 --seed 9 --threads ",
        threads));
    EXPECT_EQ(o.exit_code, 0) << o.err;
    return o.out;
  };
  const std::string one = json(1);
  EXPECT_THAT(one, HasSubstr("\"wallSeconds\": 0"));
  EXPECT_EQ(one, json(2));
  EXPECT_EQ(one, json(8));
  EXPECT_EQ(one, json(1));
}

TEST_F(CliTest, GenerateConvertAndSimulateAFileDistrict) {
  Outcome o =
      Run("generate --schools 5 --teachers 200 --seed 3 --out " + Path("d"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("featured leaders: "));
  o = Run("convert --in " + Path("d") + " --out " + Path("d.pb"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  o = Run("convert --in " + Path("d.pb") + " --out " + Path("d2"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  for (const char* f : {"schools.csv", "teachers.csv", "ties.csv"}) {
    EXPECT_EQ(testing::ReadFileToString(Path(std::string("d/") + f)).value(),
              testing::ReadFileToString(Path(std::string("d2/") + f)).value());
  }
  o = Run("simulate --district " + Path("d.pb") +
          " --leaders T0001,T0002 --replicates 200");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("2 leaders: T0001, T0002"));
}

TEST_F(CliTest, ScenarioFileNamesItsDistrictRelativeToItself) {
  ASSERT_EQ(
      Run("generate --schools 4 --teachers 120 --out " + Path("s/d")).exit_code,
      0);
  Write("s/x.textproto",
        "name: \"mine\"\ndistrict: \"d\"\nleaders: \"T0007\"\n"
        "channels { channel: PLC probability: 0.5 }\n"
        "multi_channel { adoption_at_zero_readiness: 1 }\n"
        "replicates: 100\nseed: 1\n");
  const Outcome o = Run("simulate --scenario " + Path("s/x.textproto"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("Scenario mine on d"));
}

TEST_F(CliTest, MalformedDistrictNamesFileLineFieldAndWritesNothing) {
  ASSERT_EQ(
      Run("generate --schools 3 --teachers 60 --out " + Path("d")).exit_code,
      0);
  std::ofstream(Path("d/ties.csv"), std::ios::app)
      << "T0001,T0002,pd,true,,,\n"
      << "T0001,T9999,plc,false,,,\n"
      << "T0001,T0002\n";
  const Outcome o = Run("simulate --district " + Path("d") +
                        " --leaders T0001 --out " + Path("out.txt"));
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("ties.csv:"));
  EXPECT_THAT(o.err, HasSubstr("field 'channel': unknown channel 'pd'"));
  EXPECT_THAT(o.err, HasSubstr("field 'target': teacher 'T9999' is not on "
                               "the roster"));
  EXPECT_THAT(o.err, HasSubstr("has 2 fields; the header has 7"));
  EXPECT_FALSE(std::filesystem::exists(Path("out.txt")));
}

TEST_F(CliTest, EmptyFileIsAnError) {
  ASSERT_EQ(
      Run("generate --schools 3 --teachers 60 --out " + Path("d")).exit_code,
      0);
  { std::ofstream truncate(Path("d/teachers.csv"), std::ios::trunc); }
  const Outcome o =
      Run("convert --in " + Path("d") + " --out " + Path("out.pb"));
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("teachers.csv:1: the file is empty"));
  EXPECT_FALSE(std::filesystem::exists(Path("out.pb")));
}

TEST_F(CliTest, BadScenarioAndUnknownLeaderAreClearErrors) {
  Write("bad.textproto", "name: \"x\"\nreplicates: lots\n");
  Outcome o = Run("simulate --scenario " + Path("bad.textproto"));
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("bad.textproto:2:"));
  o = Run("simulate --leaders NOBODY --replicates 10");
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("teacher 'NOBODY' is not in the network"));
}

TEST_F(CliTest, FlagErrorsExitTwoAndHelpExplainsEveryFlag) {
  Outcome o = Run("simulate --no-such-flag");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("no-such-flag"));
  o = Run("simulate --format xml");
  EXPECT_EQ(o.exit_code, 2);
  o = Run("frobnicate");
  EXPECT_EQ(o.exit_code, 2);
  o = Run("--help");
  EXPECT_EQ(o.exit_code, 0);
  for (const char* c : {"simulate", "generate", "convert", "fit"}) {
    EXPECT_THAT(o.out, HasSubstr(c));
  }
  o = Run("simulate --help");
  EXPECT_EQ(o.exit_code, 0);
  for (const char* flag :
       {"--scenario", "--district", "--leaders", "--replicates", "--seed",
        "--threads", "--format", "--out", "--horizon"}) {
    EXPECT_THAT(o.out, HasSubstr(flag));
  }
  o = Run("generate --help");
  EXPECT_EQ(o.exit_code, 0);
  EXPECT_THAT(o.out, HasSubstr("--teachers"));
  o = Run("generate");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("--out"));
}

TEST_F(CliTest, PlainGraphModeRunsEveryModelFromASeedFile) {
  std::string edges;
  for (int i = 0; i < 200; ++i) {
    edges += absl::StrCat(i, " ", (i + 1) % 200, "\n", i, " ",
                          (i * 13 + 5) % 200, "\n");
  }
  Write("g.edges", edges);
  Write("seeds.txt", "0\n100\n");
  const std::pair<const char*, const char*> models[] = {
      {"ic --p 0.3", "Model: independent_cascade, p = 0.3\n"},
      {"wc", "Model: weighted_cascade\n"},
      {"lt", "Model: linear_threshold, thresholds drawn\n"},
      {"cc --k 2 --p 0.9", "Model: complex_contagion, k = 2, p = 0.9\n"}};
  for (const auto& [model, says] : models) {
    const Outcome o = Run(
        absl::StrCat("simulate --graph ", Path("g.edges"), " --seeds ",
                     Path("seeds.txt"), " --model ", model,
                     " --replicates 300 --per-teacher ", Path("teachers.csv")));
    ASSERT_EQ(o.exit_code, 0) << model << ": " << o.err;
    EXPECT_THAT(o.out, HasSubstr("2 leaders: 0, 100"));
    EXPECT_THAT(o.out, HasSubstr(says));
    EXPECT_THAT(o.out, HasSubstr("reached quantiles"));
    const std::string csv =
        testing::ReadFileToString(Path("teachers.csv")).value();
    EXPECT_THAT(csv, HasSubstr("teacher,school,reached_probability"));
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 198);
  }
}

TEST_F(CliTest, GivenThresholdsDecideTheLinearThresholdModel) {
  // a -> c <- b with a the seed: c's active share is 1/2, so c always
  // activates with a given threshold of 0.5 and never with 0.6 (drawn at
  // random, half the time).
  Write("g.edges", "a c\nb c\n");
  Write("t.csv", "teacher,threshold\nc,0.5\n");
  Write("t2.csv", "teacher,threshold\nc,0.6\nb,0.1\n");
  const std::string base = "simulate --graph " + Path("g.edges") +
                           " --directed --leaders a --model lt "
                           "--replicates 50 --format json";
  for (const auto& [file, reached] :
       {std::pair<std::string, int>{"t.csv", 1}, {"t2.csv", 0}}) {
    const Outcome o = Run(base + " --thresholds " + Path(file));
    ASSERT_EQ(o.exit_code, 0) << o.err;
    RunResult r;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(o.out, &r).ok());
    EXPECT_EQ(r.reached().mean(), reached) << file;
    EXPECT_EQ(r.reached().sd(), 0) << file;
  }
  Outcome o;
  Write("bad.csv", "teacher,threshold\nb,0.5\nzz,0.5\n");
  o = Run(base + " --thresholds " + Path("bad.csv"));
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("bad.csv:3: field 'teacher': found 'zz'"));
  Write("bad2.csv", "teacher,threshold\nb,2\n");
  o = Run(base + " --thresholds " + Path("bad2.csv"));
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("bad2.csv:2: field 'threshold'"));
  o = Run("simulate --graph " + Path("g.edges") +
          " --leaders a --model wc --thresholds " + Path("t.csv"));
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("--thresholds applies to the linear threshold"));
}

TEST_F(CliTest, PlainGraphModeRejectsFlagsThatDoNotFit) {
  Write("g.edges", "a b\n");
  EXPECT_EQ(
      Run("simulate --graph " + Path("g.edges") + " --leaders a").exit_code,
      2);  // no --p for the default independent cascade
  EXPECT_EQ(Run("simulate --graph " + Path("g.edges") +
                " --leaders a --model multi_channel")
                .exit_code,
            2);
  EXPECT_EQ(Run("simulate --graph " + Path("g.edges") +
                " --district x --leaders a --p 0.1")
                .exit_code,
            2);
  EXPECT_EQ(
      Run("simulate --graph " + Path("g.edges") + " --leaders a --model cc")
          .exit_code,
      2);  // no --k or --fraction
  const Outcome o =
      Run("simulate --graph " + Path("g.edges") + " --leaders zz --p 0.1");
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("'zz' is not in the network"));
  // Per-channel probabilities need typed ties, and the independent cascade.
  const Outcome untyped = Run("simulate --graph " + Path("g.edges") +
                              " --leaders a --channel-probabilities");
  EXPECT_EQ(untyped.exit_code, 2);
  EXPECT_THAT(untyped.err, HasSubstr("ties name their channel"));
  EXPECT_EQ(Run("simulate --model wc --channel-probabilities").exit_code, 2);
  const Outcome typed =
      Run("simulate --model ic --channel-probabilities --replicates 100");
  EXPECT_EQ(typed.exit_code, 0) << typed.err;
  EXPECT_THAT(typed.out, HasSubstr("Model: independent_cascade, each "
                                   "channel's probability"));
}

TEST_F(CliTest, AModelsFlagGivenToAnotherModelIsAnError) {
  Write("g.edges", "a b\nb c\n");
  const std::string plain = "simulate --graph " + Path("g.edges") +
                            " --leaders a --model ic --p 0.1 ";
  for (const char* flag :
       {"--lapse 0.1", "--leader-capacity 3", "--broadcast 6:0.1",
        "--pd-weeks 1,8", "--plc-every 2", "--term-weeks 4"}) {
    const Outcome o = Run(plain + flag);
    EXPECT_EQ(o.exit_code, 2) << flag;
    EXPECT_THAT(o.err, HasSubstr(" applies to the multi-channel model only; "
                                 "this scenario runs independent_cascade"))
        << flag;
  }
  Outcome o = Run(plain + "--k 2");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("--k applies to complex contagion"));
  o = Run("simulate --replicates 10 --k 2");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("this scenario runs multi_channel_cascade"));
  o = Run("simulate --replicates 10 --model wc --p 0.1");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("--p is the one probability of every tie"));
  // Switching the model says what of the scenario it leaves out.
  o = Run("simulate --replicates 10 --model ic --p 0.05");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_THAT(o.err, HasSubstr("note: --model ic: the scenario's "
                               "multi_channel_cascade parameters do not "
                               "apply and are left out"));
  EXPECT_THAT(o.err, HasSubstr("channel parameters; they are left out"));
}

TEST_F(CliTest, ScenarioFilesNameTheirModelAndTheFlatFormSaysWhereFieldsWent) {
  Write("g.edges", "a b\nb c\n");
  // probability: 0 is a probability, accepted alike by the library and the
  // program: nobody is reached.
  Write("zero.textproto",
        "leaders: \"a\"\nreplicates: 20\nindependent_cascade { "
        "probability: 0 }\n");
  Outcome o = Run("simulate --format json --graph " + Path("g.edges") +
                  " --scenario " + Path("zero.textproto"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  RunResult r;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(o.out, &r).ok());
  EXPECT_EQ(r.reached().mean(), 0);
  Write("old.textproto",
        "leaders: \"a\"\nmodel: INDEPENDENT_CASCADE\nprobability: 0.1\n");
  o = Run("simulate --graph " + Path("g.edges") + " --scenario " +
          Path("old.textproto"));
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("old.textproto:2:"));
  EXPECT_THAT(o.err, HasSubstr("older flat form"));
  EXPECT_THAT(o.err, HasSubstr("independent_cascade { probability: ... }"));
  Write("none.textproto", "leaders: \"a\"\nreplicates: 20\n");
  o = Run("simulate --graph " + Path("g.edges") + " --scenario " +
          Path("none.textproto"));
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr("no model; add one of multi_channel"));
}

TEST_F(CliTest, ThreadsAreBounded) {
  for (const char* threads : {"-1", "65535"}) {
    const Outcome o =
        Run(absl::StrCat("simulate --replicates 10 --threads ", threads));
    EXPECT_EQ(o.exit_code, 2) << threads;
    EXPECT_THAT(o.err, HasSubstr("--threads must be from 0 (every core) to"));
  }
}

// The default scenario's result, frozen: any change to the random streams
// or to what a run reports shows here as a reviewed diff of the committed
// files. They are regenerated by tests/data/golden/regenerate.sh.
TEST_F(CliTest, TheDefaultRunIsTheCommittedGoldenResult) {
  const std::string golden = testing::SourceDir() + "/tests/data/golden/";
  for (const auto& [flags, file] :
       {std::pair<std::string, std::string>{"", "default.json"},
        {" --coupled", "default_coupled.json"}}) {
    const Outcome o =
        Run("simulate --replicates 200 --format json --stable" + flags);
    ASSERT_EQ(o.exit_code, 0) << o.err;
    const absl::StatusOr<std::string> expected =
        testing::ReadFileToString(golden + file);
    ASSERT_TRUE(expected.ok()) << expected.status();
    EXPECT_EQ(o.out, *expected)
        << file << " differs; if the change is deliberate, run "
        << "tests/data/golden/regenerate.sh and review the diff";
  }
}

TEST_F(CliTest, SweepWritesOneRowPerGridPoint) {
  Outcome o =
      Run("sweep --replicates 200 --param leader_credibility=1,2 "
          "--param channel.social_media.probability=0.1,0.2,0.3 --out " +
          Path("sweep.csv"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const std::string csv = testing::ReadFileToString(Path("sweep.csv")).value();
  EXPECT_THAT(csv, HasSubstr("leader_credibility,channel.social_media."
                             "probability,replicates,reached_mean"));
  EXPECT_THAT(csv, HasSubstr("direct_professional_development_mean"));
  EXPECT_THAT(csv, HasSubstr("deferred_by_capacity_mean"));
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 6);
  o = Run(
      "sweep --replicates 50 --param lapse_probability=0,0.1 --format json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  SweepResult sweep;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(o.out, &sweep).ok());
  EXPECT_EQ(sweep.rows_size(), 2);
  // A planner's sweep over leaders' capacity: the waits fall as it grows.
  o =
      Run("sweep --replicates 200 --horizon 36 --format json "
          "--param leader_capacity.teachers_per_term=1,4,16");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  SweepResult capacity;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(o.out, &capacity).ok());
  ASSERT_EQ(capacity.rows_size(), 3);
  EXPECT_GT(capacity.rows(0).result().deferred_by_capacity().mean(),
            capacity.rows(1).result().deferred_by_capacity().mean());
  EXPECT_GT(capacity.rows(1).result().deferred_by_capacity().mean(),
            capacity.rows(2).result().deferred_by_capacity().mean());
  EXPECT_EQ(capacity.rows(2)
                .result()
                .details()
                .parameters()
                .multi_channel()
                .leader_capacity()
                .teachers_per_term(),
            16);
  EXPECT_EQ(Run("sweep --param noequals").exit_code, 2);
  o = Run("sweep --param horizon=x --replicates 10");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("parameter 'horizon': found 'x'"));
  // Another model's parameter would change the model: refused.
  o = Run("sweep --param independent_cascade.probability=0.1 --replicates 10");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("this scenario runs multi_channel_cascade"));
}

TEST_F(CliTest, WeeklyCurvesGoToCsvWithTheirBands) {
  const Outcome o = Run("simulate --replicates 200 --weekly " +
                        Path("weekly.csv") + " --out " + Path("summary.txt"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const std::string csv = testing::ReadFileToString(Path("weekly.csv")).value();
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "week,reached_mean,reached_ci_low,reached_ci_high,reached_p05,"
            "reached_p25,reached_p50,reached_p75,reached_p95,adopting_mean,"
            "adopting_ci_low,adopting_ci_high,adopting_p05,adopting_p25,"
            "adopting_p50,adopting_p75,adopting_p95,practising_mean,"
            "practising_ci_low,practising_ci_high,practising_p05,"
            "practising_p25,practising_p50,practising_p75,practising_p95");
  // Weeks 0 to 36 of the default horizon, every field filled.
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 37);
  EXPECT_EQ(csv.find(",,"), std::string::npos);
  // The plain models' curves are by round.
  const Outcome plain =
      Run("simulate --model ic --p 0.1 --replicates 10 --weekly " +
          Path("plain.csv"));
  EXPECT_EQ(plain.exit_code, 0) << plain.err;
  const std::string rounds =
      testing::ReadFileToString(Path("plain.csv")).value();
  EXPECT_EQ(rounds.substr(0, rounds.find(',')), "round");
  // One output that cannot be written leaves none written.
  const Outcome partial =
      Run("simulate --replicates 20 --per-teacher " + Path("t.csv") +
          " --weekly " + Path("no/such/dir/w.csv") + " --out " + Path("s.txt"));
  EXPECT_EQ(partial.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(Path("t.csv")));
  EXPECT_FALSE(std::filesystem::exists(Path("s.txt")));
}

TEST_F(CliTest, SimulateSaysWhoseReachItIsAndWritesTheTrees) {
  const Outcome o =
      Run("simulate --replicates 50 --per-leader " + Path("leaders.csv") +
          " --tree " + Path("tree.csv") + " --tree-replicates 0,2-3");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("Each leader's own reach"));
  const std::string leaders =
      testing::ReadFileToString(Path("leaders.csv")).value();
  EXPECT_THAT(leaders, ::testing::StartsWith(
                           "leader,school,channel,reached_mean,reached_ci_low,"
                           "reached_ci_high,adopting_mean"));
  // Four leaders, each with its total and one row per channel.
  EXPECT_EQ(std::count(leaders.begin(), leaders.end(), '\n'), 1 + 4 * 8);
  const std::string tree = testing::ReadFileToString(Path("tree.csv")).value();
  EXPECT_THAT(tree, ::testing::StartsWith(
                        "replicate,source,target,week,channel,hop,adopted\n"
                        "0,,"));
  EXPECT_THAT(tree, HasSubstr("\n2,,"));
  EXPECT_THAT(tree, HasSubstr("\n3,,"));
  EXPECT_THAT(tree, Not(HasSubstr("\n1,")));
  // The JSON keeps the leaders' reach and leaves the trees to --tree.
  const Outcome json =
      Run("simulate --replicates 50 --format json --tree " + Path("t2.csv"));
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_THAT(json.out, HasSubstr("\"leaderReach\""));
  EXPECT_THAT(json.out, HasSubstr("\"transmissions\": []"));
  EXPECT_EQ(testing::ReadFileToString(Path("t2.csv")).value(), [&] {
    // Replicate 0 alone, as the first run wrote it.
    std::string zero;
    for (absl::string_view line : absl::StrSplit(tree, '\n')) {
      if (absl::StartsWith(line, "replicate") || absl::StartsWith(line, "0,")) {
        absl::StrAppend(&zero, line, "\n");
      }
    }
    return zero;
  }());
  // Plain networks count rounds.
  Write("g.edges", "a b\nb c\nc d\n");
  const Outcome plain =
      Run("simulate --graph " + Path("g.edges") +
          " --leaders a --model ic --p 1 --replicates 5 --tree " +
          Path("plain.csv") + " --tree-replicates 4");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(testing::ReadFileToString(Path("plain.csv")).value(),
            "replicate,source,target,round,channel,hop,adopted\n"
            "4,,a,0,,0,1\n4,a,b,1,,1,1\n4,b,c,2,,2,1\n4,c,d,3,,3,1\n");
  // Replicates the run does not have, and what is no list, are refused.
  for (const char* bad : {"50", "3-1", "x", "0,,1", "-2", "0-1000"}) {
    const Outcome refused =
        Run(absl::StrCat("simulate --replicates 50 --tree ", Path("t3.csv"),
                         " --tree-replicates ", bad));
    EXPECT_NE(refused.exit_code, 0) << bad;
    EXPECT_THAT(refused.err, HasSubstr("--tree-replicates")) << bad;
    EXPECT_FALSE(std::filesystem::exists(Path("t3.csv"))) << bad;
  }
  const Outcome many = Run("simulate --replicates 2000 --tree " +
                           Path("t3.csv") + " --tree-replicates 0-1500");
  EXPECT_NE(many.exit_code, 0);
  EXPECT_THAT(many.err, HasSubstr("at most 1000 replicates"));
}

TEST_F(CliTest, CalendarAndCapacityFlagsShapeTheRun) {
  // The default leaders with a capacity of 2 new teachers a term over
  // coaching and co-teaching: some contacts wait, and fewer teachers are
  // reached first-hand than without the limit.
  const std::string base =
      "simulate --replicates 300 --horizon 36 --format json";
  Outcome free = Run(base);
  ASSERT_EQ(free.exit_code, 0) << free.err;
  Outcome capped = Run(base +
                       " --leader-capacity 2 --pd-weeks 1,8,15,22,29,36 "
                       "--plc-every 2 --term-weeks 12");
  ASSERT_EQ(capped.exit_code, 0) << capped.err;
  RunResult a, b;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(free.out, &a).ok());
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(capped.out, &b).ok());
  EXPECT_EQ(a.deferred_by_capacity().mean(), 0);
  EXPECT_GT(b.deferred_by_capacity().mean(), 0);
  EXPECT_LT(b.direct_reach().mean(), a.direct_reach().mean());
  const Outcome text =
      Run("simulate --replicates 100 --horizon 36 --leader-capacity 1");
  EXPECT_THAT(text.out, HasSubstr("waited for a later term"));
  EXPECT_EQ(Run("simulate --pd-weeks 1,x").exit_code, 2);
  // The tie context applies to every model, and the summary says which.
  const Outcome context =
      Run("simulate --replicates 100 --model ic --p 0.05 --same-school 2 "
          "--credibility 1 --same-subject 1.5");
  ASSERT_EQ(context.exit_code, 0) << context.err;
  EXPECT_THAT(context.out, HasSubstr("Ties weighed by context: same school "
                                     "x2, same subject x1.5\n"));
  const Outcome bad = Run("simulate --replicates 10 --pd-weeks 40");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("pd_weeks"));
}

TEST_F(CliTest, FitWritesAScenarioThatSaysHowItWasMade) {
  const Outcome o = Run("fit --replicates 1000 --out " + Path("f.textproto"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const std::string text =
      testing::ReadFileToString(Path("f.textproto")).value();
  EXPECT_THAT(text, HasSubstr("# Fitted by `collabnet fit`"));
  EXPECT_THAT(text, HasSubstr("professional development"));
  EXPECT_THAT(text, Not(HasSubstr(dir_.string())));
}

TEST_F(CliTest, IngestMergesSourcesThenSimulatesTheResult) {
  const std::string ex = testing::SourceDir() + "/data/examples/";
  const std::string sources = absl::StrCat(
      "--roster ", ex, "roster.csv --schools ", ex, "schools.csv --plc ", ex,
      "plc.csv --observations ", ex, "observations.csv --co-teaching ", ex,
      "co_teaching.csv --coaching ", ex, "coaching.csv --pd ", ex,
      "pd.csv --social ", ex, "social_follows.csv --social ", ex,
      "social_interactions.csv --advice ", ex, "advice.csv");
  Outcome o = Run("ingest " + sources + " --out " + Path("d"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_THAT(o.err, HasSubstr("12 teachers in 3 schools; 30 ties"));
  EXPECT_THAT(o.err, HasSubstr("repeated contacts merged"));
  o = Run("simulate --replicates 200 --leaders T001,T005 --district " +
          Path("d"));
  ASSERT_EQ(o.exit_code, 0) << o.err;

  // Pseudonymised: no id or name of the roster survives.
  Write("key.txt", "district-office-secret\n");
  o = Run("ingest " + sources + " --pseudonymize @" + Path("key.txt") +
          " --out " + Path("p.textproto"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const std::string text =
      testing::ReadFileToString(Path("p.textproto")).value();
  EXPECT_THAT(text, Not(HasSubstr("T001")));
  EXPECT_THAT(text, Not(HasSubstr("Ana Ortiz")));
  EXPECT_THAT(text, HasSubstr("S01"));
}

TEST_F(CliTest, IngestErrorsNameFileLineAndFieldAndWriteNothing) {
  const std::string ex = testing::SourceDir() + "/data/examples/";
  Write("obs.csv", "observer,observed,date\nT002,T001,2019-02-30\n");
  const Outcome o = Run("ingest --roster " + ex + "roster.csv --observations " +
                        Path("obs.csv") + " --out " + Path("d"));
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_THAT(o.err, HasSubstr(Path("obs.csv") +
                               ":2: field 'date': found '2019-02-30'"));
  EXPECT_FALSE(std::filesystem::exists(Path("d")));
  EXPECT_EQ(Run("ingest --roster " + ex + "roster.csv --since 2019-1-1 --out " +
                Path("d"))
                .exit_code,
            2);
  EXPECT_EQ(Run("ingest --roster " + ex +
                "roster.csv --off-roster maybe "
                "--out " +
                Path("d"))
                .exit_code,
            2);
}

TEST_F(CliTest, ConvertMovesANetworkThroughEveryFormat) {
  const std::string fixtures = testing::SourceDir() + "/tests/data/formats/";
  Outcome o =
      Run("convert --in " + fixtures + "district --out " + Path("a.graphml"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  std::string previous = Path("a.graphml");
  for (const std::string next :
       {"b.gexf", "c.net", "d.textproto", "e.dl", "f.edges.gz", "g.pb"}) {
    o = Run("convert --directed --channel plc --in " + previous + " --out " +
            Path(next));
    ASSERT_EQ(o.exit_code, 0) << next << ": " << o.err;
    previous = Path(next);
  }
  // Whatever was lost on the way (schools in DL), the influence is the same:
  // the same leader reaches the same teachers with certainty.
  for (const std::string file : {"a.graphml", "g.pb"}) {
    o =
        Run("simulate --format json --model ic --p 1 --replicates 20 "
            "--leaders A --graph " +
            Path(file));
    ASSERT_EQ(o.exit_code, 0) << o.err;
    RunResult result;
    ASSERT_TRUE(
        google::protobuf::util::JsonStringToMessage(o.out, &result).ok());
    EXPECT_EQ(result.reached().mean(), 4);  // everyone but the leader
  }
  o = Run("convert --in " + fixtures + "district --out " + Path("p.siena"));
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("--waves"));
  Write("adopt.csv", "teacher,date\nB,2019-01-10\n");
  o = Run("convert --in " + fixtures + "district --out " + Path("p.siena") +
          " --waves 2018-12-01,2019-02-01 --adoptions " + Path("adopt.csv"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(testing::ReadFileToString(Path("p.siena/behaviour.txt")).value(),
            "0 0\n0 1\n0 0\n0 0\n0 0\n");
  o = Run("convert --in " + fixtures + "network.contacts --out " +
          Path("x.contacts"));
  EXPECT_EQ(o.exit_code, 2);
  o = Run("convert --in " + fixtures + "district --out " + Path("x.xyz"));
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("cannot tell the format"));
}

TEST_F(CliTest, APseudonymisedDistrictRunsWithTheIdsThePlannerKnows) {
  ASSERT_EQ(
      Run("generate --schools 3 --teachers 60 --out " + Path("d")).exit_code,
      0);
  ASSERT_EQ(Run("convert --in " + Path("d") + " --out " + Path("p/") +
                " --pseudonymize k1")
                .exit_code,
            0);
  const Outcome plain =
      Run("simulate --district " + Path("p") +
          " --leaders T0007 --seed 3 "
          "--replicates 200 --pseudonymize k1 --format json --stable");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_THAT(plain.out, Not(HasSubstr("T0007")));
  EXPECT_THAT(plain.out, HasSubstr("\"leaders\": ["));
  // Without the key, the planner's id is not in the pseudonymised district.
  const Outcome without =
      Run("simulate --district " + Path("p") + " --leaders T0007");
  EXPECT_EQ(without.exit_code, 1);
  EXPECT_THAT(without.err, HasSubstr("--leaders: teacher 'T0007' is not"));
}

TEST_F(CliTest, SweepTakesLeaderSetsAndAPlainModelsP) {
  ASSERT_EQ(
      Run("generate --schools 3 --teachers 60 --out " + Path("d")).exit_code,
      0);
  const std::string run = "sweep --district " + Path("d") +
                          " --model ic --p 0.1 --leaders T0007 --seed 3 "
                          "--replicates 300 --param p=0.05,0.2 "
                          "--param leaders=T0007+T0014,T0031";
  const Outcome o = Run(run + " --format json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  SweepResult sweep;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(o.out, &sweep).ok());
  ASSERT_EQ(sweep.rows_size(), 4);
  EXPECT_THAT(sweep.parameters(), ElementsAre("p", "leaders"));
  EXPECT_THAT(sweep.rows(0).values(), ElementsAre("0.05", "T0007+T0014"));
  EXPECT_THAT(sweep.rows(3).values(), ElementsAre("0.2", "T0031"));
  EXPECT_THAT(sweep.rows(0).result().details().parameters().leaders(),
              ElementsAre("T0007", "T0014"));
  EXPECT_EQ(sweep.rows(3)
                .result()
                .details()
                .parameters()
                .independent_cascade()
                .probability(),
            0.2);
  // Each point is the run of its own flags: the coupled draws make the
  // sweep's row and a lone simulate agree exactly.
  const Outcome alone =
      Run("simulate --district " + Path("d") +
          " --model ic --p 0.2 --leaders T0031 --seed 3 --replicates 300 "
          "--coupled --format json");
  ASSERT_EQ(alone.exit_code, 0) << alone.err;
  RunResult lone;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(alone.out, &lone).ok());
  EXPECT_EQ(lone.reached().mean(), sweep.rows(3).result().reached().mean());
  // A pseudonymised district sweeps with the ids the planner knows, and the
  // rows keep them as typed.
  ASSERT_EQ(Run("convert --in " + Path("d") + " --out " + Path("p/") +
                " --pseudonymize k1")
                .exit_code,
            0);
  const Outcome keyed =
      Run("sweep --district " + Path("p") +
          " --model ic --p 0.1 --leaders T0007 --seed 3 --replicates 300 "
          "--param p=0.05,0.2 --param leaders=T0007+T0014,T0031 "
          "--pseudonymize k1 --format json");
  ASSERT_EQ(keyed.exit_code, 0) << keyed.err;
  SweepResult pseudonymised;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(keyed.out, &pseudonymised)
          .ok());
  ASSERT_EQ(pseudonymised.rows_size(), 4);
  EXPECT_THAT(pseudonymised.rows(0).values(),
              ElementsAre("0.05", "T0007+T0014"));
  EXPECT_THAT(pseudonymised.rows(0).result().details().parameters().leaders(),
              Not(Contains("T0007")));
  // An id that is not in the district names the parameter and the nearest.
  Outcome bad = Run("sweep --district " + Path("d") +
                    " --model ic --p 0.1 --leaders T0007 --replicates 10 "
                    "--param leaders=T0007+T00144");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_THAT(bad.err, HasSubstr("--param leaders=T0007+T00144: teacher "
                                 "'T00144' is not in the network; the "
                                 "nearest ids are T0014"));
  bad = Run("sweep --district " + Path("d") +
            " --model ic --p 0.1 --leaders T0007 --param leaders=+");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("expected teacher ids joined by '+'"));
}

TEST_F(CliTest, HelpShowsDefaultsAsTyped) {
  for (const char* command :
       {"simulate", "ingest", "generate", "convert", "fit", "sweep"}) {
    const Outcome o = Run(std::string(command) + " --help");
    ASSERT_EQ(o.exit_code, 0) << command;
    EXPECT_THAT(o.out, Not(HasSubstr("00000000"))) << command;
    EXPECT_THAT(o.out, Not(HasSubstr("99999999"))) << command;
  }
}

}  // namespace
}  // namespace collabnet
