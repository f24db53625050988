#include "formats/district_csv.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "io/atomic_file.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kSchools[] =
    "id,name,title_i,pbis,readiness\n"
    "S1,\"Armstrong Elementary, the original\",true,true,0.8\n"
    "S2,Middle School 2,false,false,0.25\n";
constexpr char kTeachers[] =
    "id,school,grades,subjects,role,name\n"
    "T1,S1,6,multiple_subjects,teacher_leader,\"Richards, Paula\"\n"
    "T2,S1,6,multiple_subjects,teacher_leader,\n"
    "T3,S2,7;8,math;science,teacher,\n"
    "T4,S2,K,special_education,specialist,\n";
constexpr char kTies[] =
    "source,target,channel,directed,weight,first_seen,last_seen\n"
    "T1,T2,co_teaching,false,,2017-08-15,2019-06-01\n"
    "T1,T3,pd_workshop,true,2,2018-10-05,\n"
    "T3,T4,social_media,true,0.5,,\n"
    "T2,T4,plc,false,1.5,,\n";

absl::StatusOr<District> Read(const std::string& schools,
                              const std::string& teachers,
                              const std::string& ties,
                              CsvReadReport* report = nullptr) {
  std::istringstream s(schools), t(teachers), e(ties);
  return ReadDistrictCsv({&s, &t, &e}, report);
}

TEST(DistrictCsv, ReadsEveryColumn) {
  absl::StatusOr<District> d = Read(kSchools, kTeachers, kTies);
  ASSERT_TRUE(d.ok()) << d.status();
  ASSERT_EQ(d->schools_size(), 2);
  EXPECT_EQ(d->schools(0).name(), "Armstrong Elementary, the original");
  EXPECT_TRUE(d->schools(0).title_i());
  EXPECT_DOUBLE_EQ(d->schools(1).readiness(), 0.25);
  ASSERT_EQ(d->teachers_size(), 4);
  EXPECT_EQ(d->teachers(0).name(), "Richards, Paula");
  EXPECT_EQ(d->teachers(0).role(), TEACHER_LEADER);
  EXPECT_THAT(d->teachers(2).grades(), ::testing::ElementsAre(7, 8));
  EXPECT_THAT(d->teachers(2).subjects(),
              ::testing::ElementsAre("math", "science"));
  EXPECT_THAT(d->teachers(3).grades(), ::testing::ElementsAre(0));
  ASSERT_EQ(d->ties_size(), 4);
  EXPECT_EQ(d->ties(0).channel(), CO_TEACHING);
  EXPECT_FALSE(d->ties(0).directed());
  EXPECT_FALSE(d->ties(0).has_weight());
  EXPECT_EQ(d->ties(0).first_seen(), "2017-08-15");
  EXPECT_DOUBLE_EQ(d->ties(1).weight(), 2);
}

TEST(DistrictCsv, CsvToProtoToCsvIsUnchanged) {
  absl::StatusOr<District> d = Read(kSchools, kTeachers, kTies);
  ASSERT_TRUE(d.ok());
  DistrictCsvText text = FormatDistrictCsv(*d);
  EXPECT_EQ(text.schools, kSchools);
  EXPECT_EQ(text.teachers, kTeachers);
  EXPECT_EQ(text.ties, kTies);
}

TEST(DistrictCsv, TheWrittenFolderIsTheFormattedTextAcrossItsChunks) {
  // Enough ties that ties.csv is written in several chunks.
  std::vector<testing::TieSpec> specs;
  for (int i = 0; i < 120000; ++i) {
    specs.push_back({i % 997, (i * 7 + 1) % 991, i % 2 == 0 ? PLC : ADVICE,
                     i % 3 == 0, 1 + (i % 5) * 0.25});
  }
  District d = testing::MakeDistrict(1000, specs);
  d.mutable_ties(17)->set_first_seen("2019-03-04");
  const std::string dir =
      (std::filesystem::temp_directory_path() / "collabnet_csv_chunks")
          .string();
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(WriteDistrictCsvDir(d, dir).ok());
  auto slurp = [&](const std::string& name) {
    std::ifstream in(dir + "/" + name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  const DistrictCsvText text = FormatDistrictCsv(d);
  EXPECT_GT(text.ties.size(), std::size_t{2} << 20);
  EXPECT_EQ(slurp("schools.csv"), text.schools);
  EXPECT_EQ(slurp("teachers.csv"), text.teachers);
  EXPECT_EQ(slurp("ties.csv"), text.ties);
  std::filesystem::remove_all(dir);
}

TEST(DistrictCsv, ProtoToCsvToProtoIsUnchanged) {
  absl::StatusOr<District> d = Read(kSchools, kTeachers, kTies);
  ASSERT_TRUE(d.ok());
  DistrictCsvText text = FormatDistrictCsv(*d);
  absl::StatusOr<District> again = Read(text.schools, text.teachers, text.ties);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(*d, *again));
}

TEST(DistrictCsv, ColumnsMayComeInAnyOrderAndOptionalOnesMayBeMissing) {
  absl::StatusOr<District> d =
      Read("readiness,id\n0.5,S1\n", "school,id\nS1,A\nS1,B\n",
           "channel,target,source\nadvice,B,A\n");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->teachers(0).role(), TEACHER);
  EXPECT_EQ(d->ties(0).source(), "A");
  EXPECT_EQ(d->ties(0).channel(), ADVICE);
}

TEST(DistrictCsv, TrimsIdsAndCountsIt) {
  CsvReadReport report;
  absl::StatusOr<District> d =
      Read("id\n S1\n", "id,school\nA ,S1\n",
           "source,target,channel\n A,A,plc\n", &report);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->teachers(0).id(), "A");
  EXPECT_EQ(report.ids_trimmed, 3);
  EXPECT_EQ(report.ties, 1);
}

TEST(DistrictCsv, UnknownChannelNamesFileLineAndField) {
  std::string ties = kTies;
  ties += "T1,T4,pd,true,,,\n";
  absl::StatusOr<District> d = Read(kSchools, kTeachers, ties);
  EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(d.status().message(),
              HasSubstr("ties.csv:6: field 'channel': unknown channel 'pd'; "
                        "expected one of co_teaching, plc"));
}

TEST(DistrictCsv, TieToATeacherNotOnTheRosterNamesFileLineAndField) {
  std::string ties = kTies;
  ties += "T1,T9,plc,false,,,\n";
  absl::StatusOr<District> d = Read(kSchools, kTeachers, ties);
  EXPECT_THAT(d.status().message(),
              HasSubstr("ties.csv:6: field 'target': teacher 'T9' is not on "
                        "the roster"));
}

TEST(DistrictCsv, EveryOffRosterEndIsFoundWhereverItIs) {
  // The ends are looked up a few ties after they are read: every one must
  // still be found and named by its own line, first, middle and last, and
  // beside a row that fails on another field.
  std::string ties =
      "source,target,channel,directed,weight,first_seen,last_seen\n";
  for (int i = 2; i <= 21; ++i) {
    if (i == 2 || i == 9 || i == 21) {
      absl::StrAppend(&ties, "T1,X", i, ",plc,false,,,\n");
    } else if (i == 10) {
      absl::StrAppend(&ties, "X", i, ",T2,nochannel,false,,,\n");
    } else {
      absl::StrAppend(&ties, "T1,T2,plc,false,,,\n");
    }
  }
  absl::StatusOr<District> d = Read(kSchools, kTeachers, ties);
  ASSERT_FALSE(d.ok());
  for (const char* want :
       {"ties.csv:2: field 'target': teacher 'X2'",
        "ties.csv:9: field 'target': teacher 'X9'",
        "ties.csv:10: field 'channel'", "ties.csv:10: field 'source'",
        "ties.csv:21: field 'target': teacher 'X21'"}) {
    EXPECT_THAT(d.status().message(), HasSubstr(want));
  }
  // Only a clean file is read, all of it.
  std::string clean =
      "source,target,channel,directed,weight,first_seen,last_seen\n";
  for (int i = 0; i < 11; ++i) absl::StrAppend(&clean, "T1,T2,plc,false,,,\n");
  absl::StatusOr<District> ok = Read(kSchools, kTeachers, clean);
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(ok->ties_size(), 11);
  // A waiting tie is checked before a later row's error is added: it is
  // named first, not crowded out of the errors shown.
  std::string crowded =
      "source,target,channel,directed,weight,first_seen,last_seen\n"
      "T1,GHOST,plc,false,,,\n";
  for (int i = 0; i < 25; ++i) absl::StrAppend(&crowded, "T1,T2\n");
  const std::string message =
      std::string(Read(kSchools, kTeachers, crowded).status().message());
  EXPECT_THAT(message,
              HasSubstr("ties.csv:2: field 'target': teacher 'GHOST'"));
  EXPECT_LT(message.find("GHOST"), message.find("has 2 fields"));
  // The last few ties, still waiting when the file ends, are checked too.
  clean += "T1,X13,plc,false,,,\n";
  EXPECT_THAT(Read(kSchools, kTeachers, clean).status().message(),
              HasSubstr("ties.csv:13: field 'target': teacher 'X13'"));
}

TEST(DistrictCsv, MalformedRowNamesFileAndLine) {
  absl::StatusOr<District> d =
      Read(kSchools, std::string(kTeachers) + "T5,S1\n", kTies);
  EXPECT_THAT(d.status().message(),
              HasSubstr("teachers.csv:6: has 2 fields; the header has 6"));
}

TEST(DistrictCsv, EmptyFileIsAnError) {
  absl::StatusOr<District> d = Read(kSchools, kTeachers, "");
  EXPECT_THAT(d.status().message(),
              HasSubstr("ties.csv:1: the file is empty; expected a header"));
}

TEST(DistrictCsv, HeaderOnlyFilesGiveAnEmptyDistrict) {
  absl::StatusOr<District> d =
      Read("id\n", "id,school\n", "source,target,channel\n");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->teachers_size(), 0);
}

TEST(DistrictCsv, ReportsEveryErrorOfEveryFileTogether) {
  absl::StatusOr<District> d =
      Read("id,readiness,pbis\nS1,2,maybe\nS1,0.5,yes\n",
           "id,school,grades,role\nA,S1,13,boss\nA,S9,K,teacher\n",
           "source,target,channel,weight,first_seen\nA,A,plc,-1,2019-13-01\n");
  const std::string m(d.status().message());
  EXPECT_THAT(m, HasSubstr("schools.csv:2: field 'readiness'"));
  EXPECT_THAT(m, HasSubstr("schools.csv:2: field 'pbis'"));
  EXPECT_THAT(m, HasSubstr("schools.csv:3: field 'id': duplicate school id "
                           "'S1', first on line 2"));
  EXPECT_THAT(m, HasSubstr("teachers.csv:2: field 'grades'"));
  EXPECT_THAT(m, HasSubstr("teachers.csv:2: field 'role': found 'boss'"));
  EXPECT_THAT(m, HasSubstr("teachers.csv:3: field 'id': duplicate"));
  EXPECT_THAT(m, HasSubstr("teachers.csv:3: field 'school': school 'S9'"));
  EXPECT_THAT(m, HasSubstr("ties.csv:2: field 'weight'"));
  EXPECT_THAT(m, HasSubstr("ties.csv:2: field 'first_seen'"));
}

TEST(DistrictCsv, CapsErrorsPerFile) {
  std::string ties = "source,target,channel\n";
  for (int i = 0; i < 50; ++i) ties += "T1,T2,nope\n";
  absl::StatusOr<District> d = Read(kSchools, kTeachers, ties);
  EXPECT_THAT(d.status().message(), HasSubstr("30 more errors not shown"));
}

TEST(DistrictCsv, UnknownAndMissingColumnsAreErrors) {
  absl::StatusOr<District> d =
      Read(kSchools, kTeachers, "source,channel,colour\nT1,plc,red\n");
  const std::string m(d.status().message());
  EXPECT_THAT(m, HasSubstr("unknown column 'colour'"));
  EXPECT_THAT(m, HasSubstr("missing required column 'target'"));
}

TEST(DistrictCsv, TakesTheOneExtraTeacherColumnAskedForAndKeepsItOut) {
  const std::string teachers =
      "id,school,Stipend,role\n"
      " T1 ,S1,1200,teacher_leader\n"
      "T2,S1,,teacher\n"
      "T3,S2,abc,teacher\n";
  // Not asked for, it is an unknown column.
  EXPECT_THAT(
      Read(kSchools, teachers, "source,target,channel\n").status().message(),
      HasSubstr("unknown column 'Stipend'"));
  CsvReadReport report;
  report.extra_teacher_column = "stipend";
  absl::StatusOr<District> d =
      Read(kSchools, teachers, "source,target,channel\n", &report);
  ASSERT_TRUE(d.ok()) << d.status();
  ASSERT_EQ(report.extra_cells.size(), 3u);
  EXPECT_EQ(report.extra_cells[0].teacher, "T1");
  EXPECT_EQ(report.extra_cells[0].text, "1200");
  EXPECT_EQ(report.extra_cells[0].line, 2);
  EXPECT_EQ(report.extra_cells[1].text, "");
  EXPECT_EQ(report.extra_cells[2].text, "abc");
  EXPECT_EQ(report.extra_cells[2].line, 4);
  EXPECT_THAT(d->DebugString(), Not(HasSubstr("1200")));
  // Asked for, it must be there.
  CsvReadReport missing;
  missing.extra_teacher_column = "release_days";
  EXPECT_THAT(Read(kSchools, teachers, "source,target,channel\n", &missing)
                  .status()
                  .message(),
              HasSubstr("missing required column 'release_days'"));
}

TEST(DistrictCsv, WritesAFolderAndReadsItBack) {
  const std::string dir =
      (std::filesystem::temp_directory_path() / "collabnet_csv_test").string();
  std::filesystem::remove_all(dir);
  absl::StatusOr<District> d = Read(kSchools, kTeachers, kTies);
  ASSERT_TRUE(d.ok());
  ASSERT_TRUE(WriteDistrictCsvDir(*d, dir).ok());
  absl::StatusOr<District> back = ReadDistrictCsvDir(dir);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->name(), "collabnet_csv_test");
  back->clear_name();
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(*d, *back));
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    EXPECT_THAT(entry.path().string(), Not(HasSubstr(".tmp-")));
  }
  std::filesystem::remove_all(dir);
}

TEST(DistrictCsv, MissingFolderNamesTheFile) {
  absl::StatusOr<District> d = ReadDistrictCsvDir("/nonexistent/district");
  EXPECT_EQ(d.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(d.status().message(), HasSubstr("schools.csv"));
}

TEST(DistrictCsvGraphTest, StreamingIntoTheGraphEqualsReadingThenFreezing) {
  const std::string dir = testing::SourceDir() + "/data/district";
  absl::StatusOr<District> district = ReadDistrictCsvDir(dir);
  ASSERT_TRUE(district.ok()) << district.status();
  absl::StatusOr<DistrictGraph> expected = FreezeDistrict(*district);
  ASSERT_TRUE(expected.ok()) << expected.status();
  CsvReadReport report;
  absl::StatusOr<DistrictGraph> g =
      ReadDistrictCsvGraph(dir, {}, nullptr, &report);
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(report.ties, district->ties_size());
  ASSERT_EQ(g->num_vertices(), expected->num_vertices());
  ASSERT_EQ(g->num_arcs(), expected->num_arcs());
  for (VertexId v = 0; v < g->num_vertices(); ++v) {
    ASSERT_EQ(g->teacher_id(v), expected->teacher_id(v));
    ASSERT_EQ(g->school_of(v), expected->school_of(v));
    ASSERT_EQ(g->grade_mask(v), expected->grade_mask(v));
    ASSERT_EQ(g->subject_mask(v), expected->subject_mask(v));
    ASSERT_EQ(g->role(v), expected->role(v));
  }
  for (ArcIndex a = 0; a < g->num_arcs(); ++a) {
    ASSERT_EQ(g->arc_target(a), expected->arc_target(a));
    ASSERT_EQ(g->arc_channel(a), expected->arc_channel(a));
    ASSERT_EQ(g->arc_weight(a), expected->arc_weight(a));
  }
  EXPECT_EQ(g->district_name(), "district");
}

TEST(DistrictCsvGraphTest, ErrorsNameFileLineAndField) {
  const std::string dir =
      (std::filesystem::temp_directory_path() / "collabnet_csv_graph_errors")
          .string();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/schools.csv") << kSchools;
  std::ofstream(dir + "/teachers.csv") << kTeachers;
  std::ofstream(dir + "/ties.csv")
      << "source,target,channel,directed,weight,first_seen,last_seen\n"
         "T1,T2,co_teaching,false,,,\n"
         "T1,T9,plc,false,,,\n"
         "T1,T2,pd,maybe,-1,2019-13-01,\n";
  absl::StatusOr<DistrictGraph> g = ReadDistrictCsvGraph(dir);
  ASSERT_FALSE(g.ok());
  const std::string m(g.status().message());
  EXPECT_THAT(m, HasSubstr("ties.csv:3: field 'target': teacher 'T9' is not "
                           "on the roster"));
  EXPECT_THAT(m,
              HasSubstr("ties.csv:4: field 'channel': unknown channel 'pd'"));
  EXPECT_THAT(m, HasSubstr("ties.csv:4: field 'directed': found 'maybe'"));
  EXPECT_THAT(m, HasSubstr("ties.csv:4: field 'weight': found '-1'"));
  EXPECT_THAT(m,
              HasSubstr("ties.csv:4: field 'first_seen': found '2019-13-01'"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace collabnet
