#include "records/source_ingest.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/arena_district.h"
#include "records/pseudonymize.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

using ::testing::HasSubstr;
using testing::MakeDistrict;
using ::testing::Not;
using testing::SourceDir;

namespace fs = std::filesystem;

// A folder of small source files for one test.
class SourceFiles {
 public:
  SourceFiles() {
    dir_ =
        fs::temp_directory_path() /
        ("collabnet_sources_" +
         std::string(
             ::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write("roster.csv",
          "id,school,grades,subjects,role,name\n"
          "T1,S1,3,,teacher_leader,Ana\n"
          "T2,S1,3,,teacher,Ben\n"
          "T3,S1,4,,teacher,Cara\n"
          "T4,S2,7,math,teacher,Dev\n");
  }
  ~SourceFiles() { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return (dir_ / name).string();
  }
  std::string Path(const std::string& name) const {
    return (dir_ / name).string();
  }
  IngestOptions Options() const {
    IngestOptions o;
    o.roster_path = Path("roster.csv");
    return o;
  }

 private:
  fs::path dir_;
};

using TieKey = std::tuple<std::string, std::string, Channel>;

std::map<TieKey, const Tie*> TiesByKey(const District& d) {
  std::map<TieKey, const Tie*> out;
  for (const Tie& t : d.ties()) {
    out[{t.source(), t.target(), t.channel()}] = &t;
  }
  return out;
}

double WeightOf(const Tie& t) { return t.has_weight() ? t.weight() : 1.0; }

TEST(SourceIngestTest, ExamplesMergeIntoOneDistrictWithEveryChannel) {
  const std::string ex = SourceDir() + "/data/examples/";
  IngestOptions o;
  o.roster_path = ex + "roster.csv";
  o.schools_path = ex + "schools.csv";
  o.sources = {{SourceKind::kPlc, ex + "plc.csv"},
               {SourceKind::kObservations, ex + "observations.csv"},
               {SourceKind::kCoTeaching, ex + "co_teaching.csv"},
               {SourceKind::kCoaching, ex + "coaching.csv"},
               {SourceKind::kPd, ex + "pd.csv"},
               {SourceKind::kSocial, ex + "social_follows.csv"},
               {SourceKind::kSocial, ex + "social_interactions.csv"},
               {SourceKind::kAdvice, ex + "advice.csv"}};
  IngestReport report;
  absl::StatusOr<District> d = IngestSources(o, &report);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->teachers_size(), 12);
  EXPECT_EQ(d->schools_size(), 3);
  for (int c = CO_TEACHING; c <= ADVICE; ++c) {
    EXPECT_GT(report.ties_by_channel[c], 0) << c;
  }
  const auto ties = TiesByKey(*d);
  // T1 and T2 shared the grade 3-4 team in two terms.
  ASSERT_TRUE(ties.count({"T001", "T002", PLC}));
  EXPECT_EQ(WeightOf(*ties.at({"T001", "T002", PLC})), 2);
  EXPECT_EQ(ties.at({"T001", "T002", PLC})->first_seen(), "2018-08-01");
  EXPECT_EQ(ties.at({"T001", "T002", PLC})->last_seen(), "2020-07-31");
  // Observed teacher to observer, twice.
  ASSERT_TRUE(ties.count({"T001", "T002", OBSERVATION}));
  EXPECT_TRUE(ties.at({"T001", "T002", OBSERVATION})->directed());
  EXPECT_EQ(WeightOf(*ties.at({"T001", "T002", OBSERVATION})), 2);
  // Two facilitators, each to every attendee.
  EXPECT_TRUE(ties.count({"T001", "T009", PD_WORKSHOP}));
  EXPECT_TRUE(ties.count({"T005", "T009", PD_WORKSHOP}));
  // Follows point from the followed; reposts from the reposted.
  EXPECT_TRUE(ties.count({"T005", "T010", SOCIAL_MEDIA}));
  EXPECT_TRUE(ties.count({"T005", "T009", SOCIAL_MEDIA}));
  EXPECT_TRUE(ties.count({"T001", "T010", SOCIAL_MEDIA}));
  // The named colleague advises the respondent.
  EXPECT_TRUE(ties.count({"T009", "T011", ADVICE}));
  EXPECT_EQ(report.sources.size(), 8u);
}

// The examples' roster and schools with six of their sources, dated
// records decaying with the given half-life.
IngestOptions ExampleOptions(double half_life_days) {
  const std::string ex = SourceDir() + "/data/examples/";
  IngestOptions o;
  o.roster_path = ex + "roster.csv";
  o.schools_path = ex + "schools.csv";
  o.half_life_days = half_life_days;
  o.sources = {{SourceKind::kPlc, ex + "plc.csv"},
               {SourceKind::kObservations, ex + "observations.csv"},
               {SourceKind::kCoaching, ex + "coaching.csv"},
               {SourceKind::kPd, ex + "pd.csv"},
               {SourceKind::kSocial, ex + "social_follows.csv"},
               {SourceKind::kAdvice, ex + "advice.csv"}};
  return o;
}

TEST(SourceIngestTest, AnArenaDistrictIsTheHeapOneByteForByte) {
  const IngestOptions o = ExampleOptions(/*half_life_days=*/200);
  absl::StatusOr<District> heap = IngestSources(o);
  ASSERT_TRUE(heap.ok()) << heap.status();
  ArenaDistrict arena;
  ASSERT_TRUE(IngestSources(o, *arena).ok());
  EXPECT_GT(arena->ties_size(), 0);
  EXPECT_EQ(arena->SerializeAsString(), heap->SerializeAsString());
}

TEST(SourceIngestTest, HeldTiesAreTheDistrictsTiesMadeOneAtATime) {
  const IngestOptions o = ExampleOptions(/*half_life_days=*/120);
  absl::StatusOr<District> whole = IngestSources(o);
  ASSERT_TRUE(whole.ok()) << whole.status();
  District roster;
  IngestedTies ties;
  IngestReport report;
  ASSERT_TRUE(IngestSources(o, roster, ties, &report).ok());
  EXPECT_EQ(roster.ties_size(), 0);
  ASSERT_EQ(ties.size(), whole->ties_size());
  EXPECT_EQ(report.ties, ties.size());
  District heads = *whole;
  heads.clear_ties();
  EXPECT_EQ(roster.SerializeAsString(), heads.SerializeAsString());
  // Some ties have weights and dates, some not: one message serves them all.
  int i = 0;
  int weighted = 0;
  int undated = 0;
  ASSERT_TRUE(ties.ForEach([&](const Tie& tie) {
                    EXPECT_EQ(tie.SerializeAsString(),
                              whole->ties(i).SerializeAsString())
                        << i;
                    weighted += tie.has_weight() ? 1 : 0;
                    undated += tie.first_seen().empty() ? 1 : 0;
                    ++i;
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_EQ(i, whole->ties_size());
  EXPECT_GT(weighted, 0);
  EXPECT_LT(weighted, i);
  EXPECT_GT(undated, 0);
  EXPECT_LT(undated, i);
  District appended = roster;
  ties.AppendTo(appended);
  EXPECT_EQ(appended.SerializeAsString(), whole->SerializeAsString());
  // The visitor's error ends the walk.
  int visits = 0;
  EXPECT_EQ(ties.ForEach([&](const Tie&) {
    return ++visits == 3 ? absl::CancelledError("stop") : absl::OkStatus();
  }),
            absl::CancelledError("stop"));
  EXPECT_EQ(visits, 3);
  // Pseudonymising the district renames the ties' ends as they are made.
  ASSERT_TRUE(PseudonymizeDistrict("k", roster).ok());
  District renamed = *whole;
  ASSERT_TRUE(PseudonymizeDistrict("k", renamed).ok());
  District pseudonymous = roster;
  ties.AppendTo(pseudonymous);
  EXPECT_EQ(pseudonymous.SerializeAsString(), renamed.SerializeAsString());
}

// Ingests with `o` on each thread count and chunk size: the same status
// as `one`'s (on one thread, whole files) and, when that is a district,
// the same district and report, byte for byte.
void ExpectTheSameOnEveryThreadAndChunk(
    IngestOptions o, const absl::StatusOr<District>& one,
    const IngestReport& one_report, std::initializer_list<int> thread_counts,
    std::initializer_list<std::size_t> chunk_sizes) {
  for (int threads : thread_counts) {
    for (std::size_t chunk_bytes : chunk_sizes) {
      o.threads = threads;
      o.chunk_bytes = chunk_bytes;
      IngestReport report;
      absl::StatusOr<District> many = IngestSources(o, &report);
      ASSERT_EQ(many.status(), one.status())
          << threads << " threads, chunks of " << chunk_bytes;
      if (!one.ok()) continue;
      EXPECT_EQ(many->SerializeAsString(), one->SerializeAsString())
          << threads << " threads, chunks of " << chunk_bytes;
      EXPECT_EQ(FormatIngestReport(report), FormatIngestReport(one_report));
    }
  }
}

TEST(SourceIngestTest, TheDistrictIsTheSameOnOneThreadOrMany) {
  const std::string ex = SourceDir() + "/data/examples/";
  IngestOptions o;
  o.roster_path = ex + "roster.csv";
  o.schools_path = ex + "schools.csv";
  o.half_life_days = 90;
  o.fold_case = true;
  o.sources = {{SourceKind::kPlc, ex + "plc.csv"},
               {SourceKind::kObservations, ex + "observations.csv"},
               {SourceKind::kCoTeaching, ex + "co_teaching.csv"},
               {SourceKind::kCoaching, ex + "coaching.csv"},
               {SourceKind::kPd, ex + "pd.csv"},
               {SourceKind::kSocial, ex + "social_follows.csv"},
               {SourceKind::kAdvice, ex + "advice.csv"}};
  o.threads = 1;
  IngestReport one_report;
  absl::StatusOr<District> one = IngestSources(o, &one_report);
  ASSERT_TRUE(one.ok()) << one.status();
  EXPECT_GT(one->ties_size(), 10);
  // Chunks of one record each, of a few, and whole files.
  ExpectTheSameOnEveryThreadAndChunk(o, one, one_report, {1, 2, 3, 8},
                                     {1, 100, 1 << 20});
}

// Rows of observations and pd attendance over a roster T0..T99, with
// repeats, ids in the wrong case, ids off the roster, self-ties, undated
// rows and (with `bad`) dates no calendar has: thousands of rows, so that
// records cross the reader's batches.
void WriteNoisyRecords(SourceFiles& f, bool bad, IngestOptions& o) {
  std::string roster = "id,school\n";
  for (int i = 0; i < 100; ++i) absl::StrAppend(&roster, "T", i, ",S1\n");
  f.Write("roster.csv", roster);
  std::uint64_t x = 12345;
  auto next = [&](int n) {
    x = x * 6364136223846793005u + 1442695040888963407u;
    return static_cast<int>((x >> 33) % static_cast<std::uint64_t>(n));
  };
  auto id = [&] {
    const int k = next(100);
    const int kind = next(40);
    if (kind == 0) return absl::StrCat("X", k);  // off the roster
    if (kind == 1) return absl::StrCat("t", k);  // the wrong case
    return absl::StrCat("T", k);
  };
  auto date = [&]() -> std::string {
    const int kind = next(20);
    if (kind == 0) return "";
    if (kind == 1 && bad) return "2019-02-30";
    return absl::StrCat("2019-0", 1 + next(9), "-1", next(10));
  };
  std::vector<std::string> obs;
  std::vector<std::string> pd;
  for (int i = 0; i < 6000; ++i) {
    if (!obs.empty() && next(6) == 0) {
      obs.push_back(
          obs[static_cast<std::size_t>(next(static_cast<int>(obs.size())))]);
    } else {
      const std::string a = id();
      obs.push_back(
          absl::StrCat(a, ",", next(30) == 0 ? a : id(), ",", date()));
    }
    if (!pd.empty() && next(6) == 0) {
      pd.push_back(
          pd[static_cast<std::size_t>(next(static_cast<int>(pd.size())))]);
    } else {
      pd.push_back(absl::StrCat("s", next(50), ",", id(), ";", id(), ",", id(),
                                ",", date()));
    }
  }
  std::string obs_text = "observer,observed,date\n";
  std::string pd_text = "session,facilitator,attendee,date\n";
  for (const std::string& row : obs) absl::StrAppend(&obs_text, row, "\n");
  for (const std::string& row : pd) absl::StrAppend(&pd_text, row, "\n");
  o.sources = {{SourceKind::kObservations, f.Write("obs.csv", obs_text)},
               {SourceKind::kPd, f.Write("pd.csv", pd_text)}};
}

TEST(SourceIngestTest, NoisyRecordsMergeTheSameOnOneThreadOrMany) {
  // Rows off the roster are handled in turn after the rest of their file,
  // those on it as their chunk is read: dropped or kept (the kept teachers
  // then on the roster for later rows, and files), the district is the
  // one a single reader makes, whatever the threads and chunks.
  for (OffRosterPolicy policy :
       {OffRosterPolicy::kDrop, OffRosterPolicy::kKeep}) {
    SourceFiles f;
    IngestOptions o = f.Options();
    WriteNoisyRecords(f, /*bad=*/false, o);
    o.fold_case = true;
    o.off_roster = policy;
    o.since = absl::CivilDay(2019, 3, 1);
    o.half_life_days = 45;
    o.threads = 1;
    IngestReport one_report;
    absl::StatusOr<District> one = IngestSources(o, &one_report);
    ASSERT_TRUE(one.ok()) << one.status();
    EXPECT_GT(one->ties_size(), 1000);
    const SourceReport& obs = one_report.sources[0];
    EXPECT_GT(obs.duplicate_rows, 0);
    EXPECT_GT(obs.outside_window, 0);
    if (policy == OffRosterPolicy::kDrop) {
      EXPECT_GT(obs.off_roster_dropped, 0);
    } else {
      EXPECT_GT(one_report.off_roster_teachers, 10);
    }
    EXPECT_GT(obs.self_loops, 0);
    EXPECT_GT(one_report.ids_case_folded, 0);
    ExpectTheSameOnEveryThreadAndChunk(o, one, one_report, {1, 2, 5},
                                       {1, 300, 1 << 20});
  }
}

TEST(SourceIngestTest, ErrorsFoundReadingAndHandlingKeepTheFilesOrder) {
  // Bad dates are the reader's to find and teachers off the roster the
  // handler's; on two threads as on one, the messages come in line order.
  SourceFiles f;
  IngestOptions o = f.Options();
  WriteNoisyRecords(f, /*bad=*/true, o);
  o.threads = 1;
  const absl::Status one = IngestSources(o).status();
  ASSERT_FALSE(one.ok());
  EXPECT_THAT(one.message(), HasSubstr("2019-02-30"));
  EXPECT_THAT(one.message(), HasSubstr("is not on the roster"));
  EXPECT_THAT(one.message(), HasSubstr("more errors not shown"));
  // Each file's shown messages by line, as one reader would give them.
  std::map<std::string, std::vector<int>> lines;
  for (absl::string_view message : absl::StrSplit(one.message(), '\n')) {
    const std::vector<absl::string_view> parts =
        absl::StrSplit(message, absl::MaxSplits(':', 2));
    int line = 0;
    if (parts.size() == 3 && absl::SimpleAtoi(parts[1], &line)) {
      lines[std::string(parts[0])].push_back(line);
    }
  }
  ASSERT_EQ(lines.size(), 2u);
  for (const auto& [file, in_file] : lines) {
    EXPECT_EQ(in_file.size(), static_cast<std::size_t>(FileErrors::kMaxShown))
        << file;
    EXPECT_TRUE(std::is_sorted(in_file.begin(), in_file.end())) << file;
  }
  ExpectTheSameOnEveryThreadAndChunk(o, absl::StatusOr<District>(one), {},
                                     {2, 3}, {1, 500, 1 << 20});
}

TEST(SourceIngestTest, TiesComeInTheOrderTheFilesFirstMadeThem) {
  SourceFiles f;
  IngestOptions o = f.Options();
  o.sources = {{SourceKind::kObservations, f.Write("obs.csv",
                                                   "observer,observed,date\n"
                                                   "T4,T3,2019-01-01\n"
                                                   "T2,T1,2019-01-02\n"
                                                   "T4,T3,2019-01-03\n"
                                                   "T1,T4,2019-01-04\n")},
               {SourceKind::kCoTeaching, f.Write("co.csv",
                                                 "teacher_a,teacher_b,year\n"
                                                 "T3,T2,2018-19\n"
                                                 "T1,T2,2018-19\n")}};
  absl::StatusOr<District> d = IngestSources(o);
  ASSERT_TRUE(d.ok()) << d.status();
  std::vector<std::string> order;
  for (const Tie& t : d->ties()) {
    order.push_back(absl::StrCat(t.source(), t.target(), ":", t.channel()));
  }
  EXPECT_THAT(order,
              ::testing::ElementsAre(absl::StrCat("T3T4:", OBSERVATION),
                                     absl::StrCat("T1T2:", OBSERVATION),
                                     absl::StrCat("T4T1:", OBSERVATION),
                                     absl::StrCat("T2T3:", CO_TEACHING),
                                     absl::StrCat("T1T2:", CO_TEACHING)));
}

TEST(SourceIngestTest, TheFirstOfRepeatedRowsDecidesEvenOutsideTheWindow) {
  // A pd attendance repeats when its session, facilitator and attendee do,
  // whatever its date: the first sighting is kept, here outside the
  // window, and keeps the second out with it. X9 is off the roster when
  // its first row is read and added (kKeep) by its second.
  SourceFiles f;
  IngestOptions o = f.Options();
  o.since = absl::CivilDay(2019, 1, 1);
  o.off_roster = OffRosterPolicy::kKeep;
  o.sources = {{SourceKind::kPd, f.Write("pd.csv",
                                         "session,facilitator,attendee,date\n"
                                         "s1,T1,T2,2018-05-01\n"
                                         "s1,T1,T2,2019-05-01\n"
                                         "s1,X9,T3,2018-05-01\n"
                                         "s2,X9,T4,2019-02-01\n"
                                         "s1,X9,T3,2019-03-01\n")}};
  IngestReport report;
  absl::StatusOr<District> d = IngestSources(o, &report);
  ASSERT_TRUE(d.ok()) << d.status();
  const SourceReport& s = report.sources[0];
  EXPECT_EQ(s.outside_window, 2);
  EXPECT_EQ(s.duplicate_rows, 2);
  EXPECT_EQ(s.contributions, 1);
  ASSERT_EQ(d->ties_size(), 1);
  EXPECT_EQ(d->ties(0).source(), "X9");
  EXPECT_EQ(d->ties(0).target(), "T4");
}

TEST(SourceIngestTest, DuplicateRowsDropSelfTiesDropRepeatsMerge) {
  SourceFiles f;
  IngestOptions o = f.Options();
  o.sources = {{SourceKind::kObservations,
                f.Write("obs.csv",
                        "observer,observed,date\n"
                        "T2,T1,2019-01-01\n"
                        "T2,T1,2019-01-01\n"        // the same row again
                        "T2,T1,2019-02-01\n"        // a second visit
                        "T3,T3,2019-02-01\n"        // a self-tie
                        " T3 ,T1,2019-03-01\n")}};  // spaces around an id
  IngestReport report;
  absl::StatusOr<District> d = IngestSources(o, &report);
  ASSERT_TRUE(d.ok()) << d.status();
  ASSERT_EQ(report.sources.size(), 1u);
  const SourceReport& s = report.sources[0];
  EXPECT_EQ(s.records, 5);
  EXPECT_EQ(s.duplicate_rows, 1);
  EXPECT_EQ(s.self_loops, 1);
  EXPECT_EQ(s.contributions, 3);
  EXPECT_EQ(report.ties, 2);
  const auto ties = TiesByKey(*d);
  EXPECT_EQ(WeightOf(*ties.at({"T1", "T2", OBSERVATION})), 2);
  EXPECT_EQ(WeightOf(*ties.at({"T1", "T3", OBSERVATION})), 1);
  EXPECT_FALSE(ties.at({"T1", "T3", OBSERVATION})->has_weight());
  EXPECT_THAT(FormatIngestReport(report), HasSubstr("1 duplicate row dropped"));
  EXPECT_THAT(FormatIngestReport(report), HasSubstr("1 self-tie dropped"));
  EXPECT_THAT(FormatIngestReport(report),
              HasSubstr("1 repeated contact merged"));
}

TEST(SourceIngestTest, OffRosterIsAnErrorNamingFileLineAndField) {
  SourceFiles f;
  IngestOptions o = f.Options();
  const std::string pd = f.Write("pd.csv",
                                 "session,facilitator,attendee,date\n"
                                 "P1,T1,T2,2019-01-01\n"
                                 "P1,T1,T9,2019-01-01\n"
                                 "P2,T8,T2,2019-02-01\n");
  o.sources = {{SourceKind::kPd, pd}};
  absl::StatusOr<District> d = IngestSources(o);
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(d.status().message(),
              HasSubstr(pd + ":3: field 'attendee': teacher 'T9' is not on "
                             "the roster"));
  EXPECT_THAT(d.status().message(),
              HasSubstr(pd + ":4: field 'facilitator': teacher 'T8'"));

  o.off_roster = OffRosterPolicy::kDrop;
  IngestReport report;
  d = IngestSources(o, &report);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(report.sources[0].off_roster_dropped, 2);
  EXPECT_EQ(d->ties_size(), 1);

  o.off_roster = OffRosterPolicy::kKeep;
  d = IngestSources(o, &report);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(report.off_roster_teachers, 2);
  EXPECT_EQ(d->teachers_size(), 6);
  EXPECT_EQ(d->teachers(4).school_id(), "off_roster");
  EXPECT_EQ(d->ties_size(), 3);
}

TEST(SourceIngestTest, EveryErrorOfEveryFileIsReportedTogether) {
  SourceFiles f;
  IngestOptions o = f.Options();
  const std::string coaching = f.Write("coaching.csv",
                                       "coach,teacher,date,minutes\n"
                                       "T1,T2,2019-13-01,30\n"
                                       "T1,T3,2019-01-01,-5\n"
                                       "T1,,2019-01-01,30\n");
  const std::string social =
      f.Write("social.csv", "author,action,target,time\nT1,poked,T2,\n");
  const std::string plc = f.Write("plc.csv", "group,member,room\n");
  o.sources = {{SourceKind::kCoaching, coaching},
               {SourceKind::kSocial, social},
               {SourceKind::kPlc, plc}};
  absl::StatusOr<District> d = IngestSources(o);
  ASSERT_FALSE(d.ok());
  const std::string m(d.status().message());
  EXPECT_THAT(m, HasSubstr(coaching + ":2: field 'date': found '2019-13-01'"));
  EXPECT_THAT(m, HasSubstr(coaching + ":3: field 'minutes': found '-5'"));
  EXPECT_THAT(m, HasSubstr(coaching + ":4: field 'teacher': is empty"));
  EXPECT_THAT(m, HasSubstr(social + ":2: field 'action': found 'poked'"));
  EXPECT_THAT(m, HasSubstr(plc + ":1: unknown column 'room'"));
}

TEST(SourceIngestTest, SocialLayoutMustBeOneOrTheOther) {
  SourceFiles f;
  IngestOptions o = f.Options();
  const std::string social =
      f.Write("social.csv", "follower,target\nT1,T2\n,\n");
  o.sources = {{SourceKind::kSocial, social}};
  absl::StatusOr<District> d = IngestSources(o);
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(d.status().message(),
              HasSubstr(social + ":1: expected the columns follower,followed"));
  // With the header wrong, the rows are not read: no error repeats it.
  EXPECT_THAT(d.status().message(), Not(HasSubstr(social + ":2")));
  EXPECT_THAT(d.status().message(), Not(HasSubstr(social + ":3")));
}

TEST(SourceIngestTest, TimeWindowKeepsOverlappingRecordsAndCountsTheRest) {
  SourceFiles f;
  IngestOptions o = f.Options();
  o.sources = {{SourceKind::kObservations, f.Write("obs.csv",
                                                   "observer,observed,date\n"
                                                   "T2,T1,2018-05-01\n"
                                                   "T2,T1,2018-09-01\n"
                                                   "T3,T1,2019-09-01\n"
                                                   "T4,T1,\n")},
               // A school year overlapping the window's start is kept.
               {SourceKind::kCoTeaching, f.Write("co.csv",
                                                 "teacher_a,teacher_b,year\n"
                                                 "T1,T2,2017-18\n"
                                                 "T1,T3,2017-2018\n"
                                                 "T1,T4,2016\n")}};
  o.since = absl::CivilDay(2018, 6, 1);
  o.until = absl::CivilDay(2019, 6, 30);
  IngestReport report;
  absl::StatusOr<District> d = IngestSources(o, &report);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(report.sources[0].outside_window, 2);
  EXPECT_EQ(report.sources[0].undated, 1);
  EXPECT_EQ(report.sources[1].outside_window, 1);
  const auto ties = TiesByKey(*d);
  EXPECT_TRUE(ties.count({"T1", "T2", OBSERVATION}));
  EXPECT_FALSE(ties.count({"T1", "T3", OBSERVATION}));
  EXPECT_TRUE(ties.count({"T1", "T4", OBSERVATION}));
  EXPECT_TRUE(ties.count({"T1", "T2", CO_TEACHING}));
  EXPECT_TRUE(ties.count({"T1", "T3", CO_TEACHING}));
  EXPECT_FALSE(ties.count({"T1", "T4", CO_TEACHING}));
}

TEST(SourceIngestTest, HalfLifeDecaysEachRecordByItsAge) {
  SourceFiles f;
  IngestOptions o = f.Options();
  o.sources = {{SourceKind::kCoaching, f.Write("c.csv",
                                               "coach,teacher,date\n"
                                               "T1,T2,2019-01-01\n"
                                               "T1,T2,2019-03-02\n"
                                               "T1,T2,2018-11-02\n"
                                               "T1,T3,2019-05-01\n")}};
  o.half_life_days = 60;
  IngestReport report;
  absl::StatusOr<District> d = IngestSources(o, &report);
  ASSERT_TRUE(d.ok()) << d.status();
  // The reference day is the latest record, 2019-05-01.
  ASSERT_TRUE(report.reference_day.has_value());
  EXPECT_EQ(*report.reference_day, absl::CivilDay(2019, 5, 1));
  const auto ties = TiesByKey(*d);
  const absl::CivilDay ref(2019, 5, 1);
  const double expected =
      std::exp2(-static_cast<double>(ref - absl::CivilDay(2019, 1, 1)) / 60) +
      std::exp2(-static_cast<double>(ref - absl::CivilDay(2019, 3, 2)) / 60) +
      std::exp2(-static_cast<double>(ref - absl::CivilDay(2018, 11, 2)) / 60);
  EXPECT_NEAR(WeightOf(*ties.at({"T1", "T2", JOB_EMBEDDED_COACHING})), expected,
              1e-12);
  EXPECT_FALSE(ties.at({"T1", "T3", JOB_EMBEDDED_COACHING})->has_weight());

  // With --until, age is counted to that day.
  o.until = absl::CivilDay(2019, 6, 30);
  d = IngestSources(o, &report);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_NEAR(WeightOf(*TiesByKey(*d).at({"T1", "T3", JOB_EMBEDDED_COACHING})),
              std::exp2(-60.0 / 60), 1e-12);
}

TEST(SourceIngestTest, CoachingByHoursSumsMinutes) {
  SourceFiles f;
  IngestOptions o = f.Options();
  o.coaching_weight = CoachingWeight::kHours;
  o.sources = {{SourceKind::kCoaching, f.Write("c.csv",
                                               "coach,teacher,date,minutes\n"
                                               "T1,T2,2019-01-01,45\n"
                                               "T1,T2,2019-01-08,45\n")}};
  absl::StatusOr<District> d = IngestSources(o);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_DOUBLE_EQ(WeightOf(d->ties(0)), 1.5);
}

TEST(SourceIngestTest, PlcTiesEveryPairOfMembersPerSharedTerm) {
  SourceFiles f;
  IngestOptions o = f.Options();
  o.sources = {{SourceKind::kPlc, f.Write("plc.csv",
                                          "group,member,term\n"
                                          "A,T1,Fall A\n"
                                          "A,T2,Fall A\n"
                                          "A,T3,Fall A\n"
                                          "A,T1,Spring A\n"
                                          "A,T2,Spring A\n"
                                          "B,T4,Fall A\n")}};
  IngestReport report;
  absl::StatusOr<District> d = IngestSources(o, &report);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(report.sources[0].contributions, 4);  // 3 pairs + 1 pair
  EXPECT_EQ(d->ties_size(), 3);
  const auto ties = TiesByKey(*d);
  EXPECT_EQ(WeightOf(*ties.at({"T1", "T2", PLC})), 2);
  EXPECT_FALSE(ties.at({"T1", "T2", PLC})->directed());
  EXPECT_EQ(report.sources[0].undated, 6);  // labels are not dates
}

TEST(SourceIngestTest, FoldCaseMatchesTheRosterAndKeepsItsSpelling) {
  SourceFiles f;
  IngestOptions o = f.Options();
  o.sources = {{SourceKind::kAdvice, f.Write("a.csv",
                                             "respondent,named,question\n"
                                             "t2,T1,math\n")}};
  EXPECT_FALSE(IngestSources(o).ok());
  o.fold_case = true;
  IngestReport report;
  absl::StatusOr<District> d = IngestSources(o, &report);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->ties(0).target(), "T2");
  EXPECT_EQ(report.ids_case_folded, 1);
}

TEST(SourceIngestTest, FoldCaseRefusesRosterIdsThatAreOneIgnoringCase) {
  SourceFiles f;
  f.Write("roster.csv",
          "id,school\n"
          "T1,S1\n"
          "t1,S1\n");
  IngestOptions o = f.Options();
  o.sources = {{SourceKind::kAdvice, f.Write("a.csv",
                                             "respondent,named,question\n"
                                             "t1,T1,math\n")}};
  // Exact ids tell the two apart.
  ASSERT_TRUE(IngestSources(o).ok());
  o.fold_case = true;
  absl::StatusOr<District> d = IngestSources(o);
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(d.status().message(),
              HasSubstr("roster.csv: teachers 'T1' and 't1' are one id "
                        "ignoring case"));
}

TEST(SourceIngestTest, ChunksOverAGibibyteAreRefused) {
  // A chunk's records are numbered in 32 bits.
  SourceFiles f;
  IngestOptions o = f.Options();
  o.chunk_bytes = std::size_t{1} << 30;
  EXPECT_TRUE(CheckIngestOptions(o).ok());
  o.chunk_bytes = (std::size_t{1} << 30) + 1;
  EXPECT_THAT(CheckIngestOptions(o).message(), HasSubstr("at most 1 GiB"));
  EXPECT_FALSE(IngestSources(o).ok());
}

TEST(SourceIngestTest, AFileGivenTwiceIsRefused) {
  SourceFiles f;
  IngestOptions o = f.Options();
  const std::string obs =
      f.Write("obs.csv", "observer,observed,date\nT2,T1,2019-01-01\n");
  o.sources = {{SourceKind::kObservations, obs},
               {SourceKind::kObservations, obs}};
  EXPECT_THAT(CheckIngestOptions(o).message(),
              HasSubstr("obs.csv: given twice"));
  EXPECT_FALSE(IngestSources(o).ok());
  // Another name for the same file is the same file.
  fs::create_hard_link(obs, f.Path("again.csv"));
  o.sources = {{SourceKind::kObservations, obs},
               {SourceKind::kCoTeaching, f.Path("again.csv")}};
  EXPECT_THAT(CheckIngestOptions(o).message(), HasSubstr("given twice"));
  o.sources = {{SourceKind::kObservations, f.Path("roster.csv")}};
  EXPECT_THAT(CheckIngestOptions(o).message(), HasSubstr("the roster"));
  o.sources = {{SourceKind::kObservations, obs}};
  EXPECT_TRUE(CheckIngestOptions(o).ok());
}

TEST(SourceIngestTest, PdCountsRowsAndPairsAndRefusesAnEmptyFacilitator) {
  SourceFiles f;
  IngestOptions o = f.Options();
  o.sources = {{SourceKind::kPd, f.Write("pd.csv",
                                         "session,facilitator,attendee\n"
                                         "P1,T1;T4,T2\n"
                                         "P1,T1,T3\n")}};
  IngestReport report;
  ASSERT_TRUE(IngestSources(o, &report).ok());
  ASSERT_EQ(report.sources.size(), 1u);
  EXPECT_EQ(report.sources[0].records, 2);
  EXPECT_EQ(report.sources[0].pairs, 3);
  EXPECT_THAT(FormatIngestReport(report),
              HasSubstr("2 records (3 facilitator-attendee pairs)"));
  for (const char* bad : {";T1", "T1;", "T1;;T4", " ; "}) {
    o.sources = {
        {SourceKind::kPd,
         f.Write("bad.csv", absl::StrCat("session,facilitator,attendee\nP1,\"",
                                         bad, "\",T2\n"))}};
    absl::StatusOr<District> d = IngestSources(o);
    ASSERT_FALSE(d.ok()) << bad;
    EXPECT_THAT(d.status().message(),
                HasSubstr("bad.csv:2: field 'facilitator'"))
        << bad;
  }
}

TEST(SourceIngestTest, ARecordHandledLateIsNamedBeforeLaterRowsErrors) {
  SourceFiles f;
  IngestOptions o = f.Options();
  std::string obs = "observer,observed,date\nGHOST,T1,2019-01-01\n";
  for (int i = 0; i < 25; ++i) absl::StrAppend(&obs, "T2,T1,notadate\n");
  o.sources = {{SourceKind::kObservations, f.Write("obs.csv", obs)}};
  absl::StatusOr<District> d = IngestSources(o);
  ASSERT_FALSE(d.ok());
  const std::string message(d.status().message());
  EXPECT_THAT(message, HasSubstr("obs.csv:2: field 'observer': teacher "
                                 "'GHOST' is not on the roster"));
  EXPECT_LT(message.find("GHOST"), message.find("obs.csv:3:"));
}

TEST(SourceIngestTest, QuotedRowsAndEveryLineEndReadTheSameInChunks) {
  // Quoted ids (read out of the row, not the chunk), quoted line breaks,
  // CR LF and lone CR line ends, blank lines; then a quote that stops the
  // reader: every thread count and chunk size finds what one reader does.
  std::string rows = "observer,observed,date\r\n";
  for (int i = 0; i < 400; ++i) {
    const std::string a = absl::StrCat("T", i % 3 + 1);
    const std::string b = absl::StrCat("T", (i + 1) % 3 + 1);
    const std::string day = absl::StrCat("2019-01-", 10 + i % 19);
    switch (i % 5) {
      case 0:
        absl::StrAppend(&rows, "\"", a, "\",", b, ",", day, "\r\n");
        break;
      case 1:
        absl::StrAppend(&rows, a, ",\"", b, "\",\"", day, "\"\r");
        break;
      case 2:
        absl::StrAppend(&rows, a, ",", b, ",", day, "\n\n");
        break;
      case 3:
        absl::StrAppend(&rows, a, ",\"", b, "\nX\",", day, "\n");
        break;
      default:
        absl::StrAppend(&rows, "GHOST", i, ",", b, ",", day, "\n");
    }
  }
  for (bool broken : {false, true}) {
    SourceFiles f;
    IngestOptions o = f.Options();
    o.off_roster = OffRosterPolicy::kKeep;
    std::string text = rows;
    if (broken) absl::StrAppend(&text, "T1,\"T2\"x,2019-02-01\nT1,T2,\n");
    o.sources = {{SourceKind::kObservations, f.Write("obs.csv", text)}};
    o.threads = 1;
    IngestReport one_report;
    absl::StatusOr<District> one = IngestSources(o, &one_report);
    if (broken) {
      ASSERT_FALSE(one.ok());
      EXPECT_THAT(one.status().message(), HasSubstr("after a closing quote"));
    } else {
      ASSERT_TRUE(one.ok()) << one.status();
      EXPECT_GT(one->ties_size(), 80);
    }
    ExpectTheSameOnEveryThreadAndChunk(o, one, one_report, {1, 2, 4},
                                       {1, 40, 1 << 20});
  }
}

TEST(SourceIngestTest, ReportAgreesInNumberAndOmitsAnEmptyChannelLine) {
  SourceFiles f;
  IngestOptions o = f.Options();
  o.off_roster = OffRosterPolicy::kDrop;
  o.sources = {
      {SourceKind::kObservations,
       f.Write("obs.csv", "observer,observed,date\nT9,T1,2019-01-01\n")}};
  IngestReport report;
  ASSERT_TRUE(IngestSources(o, &report).ok());
  const std::string text = FormatIngestReport(report);
  EXPECT_THAT(text, HasSubstr("1 record, 1 naming a teacher not on the "
                              "roster, dropped"));
  EXPECT_THAT(text, Not(HasSubstr("ties by channel")));
}

TEST(SourceIngestTest, SchoolsComeFromTheRosterWithoutASchoolsFile) {
  SourceFiles f;
  IngestReport report;
  absl::StatusOr<District> d = IngestSources(f.Options(), &report);
  ASSERT_TRUE(d.ok()) << d.status();
  ASSERT_EQ(d->schools_size(), 2);
  EXPECT_EQ(d->schools(0).id(), "S1");
  EXPECT_TRUE(report.schools_from_roster);
}

TEST(SourceIngestTest, HeaderOnlyAndEmptyFiles) {
  SourceFiles f;
  IngestOptions o = f.Options();
  o.sources = {{SourceKind::kObservations,
                f.Write("obs.csv", "\xEF\xBB\xBFobserver,observed,date\r\n")}};
  absl::StatusOr<District> d = IngestSources(o);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->ties_size(), 0);
  o.sources = {{SourceKind::kObservations, f.Write("empty.csv", "")}};
  d = IngestSources(o);
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(d.status().message(), HasSubstr("the file is empty"));
}

TEST(PseudonymizeTest, PseudonymIsTheKeyedHashOfTheId) {
  // RFC 4231 test case 2: HMAC-SHA256("Jefe", "what do ya want for
  // nothing?") begins 5bdcc146bf60754e.
  EXPECT_EQ(Pseudonym("Jefe", "what do ya want for nothing?"),
            "P5bdcc146bf60754e");
}

TEST(PseudonymizeTest, ReplacesIdsEverywhereAndDropsNames) {
  District d = MakeDistrict(3, {{0, 1, PLC}, {1, 2, SOCIAL_MEDIA}});
  for (Teacher& t : *d.mutable_teachers()) t.set_name("Somebody");
  District p = d;
  ASSERT_TRUE(PseudonymizeDistrict("secret", p).ok());
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(p.teachers(i).id(), Pseudonym("secret", d.teachers(i).id()));
    EXPECT_TRUE(p.teachers(i).name().empty());
  }
  EXPECT_EQ(p.ties(1).source(), p.teachers(1).id());
  EXPECT_EQ(p.ties(1).target(), p.teachers(2).id());
  District q = d;
  ASSERT_TRUE(PseudonymizeDistrict("secret", q).ok());
  EXPECT_EQ(p.teachers(0).id(), q.teachers(0).id());  // stable
  District r = d;
  ASSERT_TRUE(PseudonymizeDistrict("other", r).ok());
  EXPECT_NE(p.teachers(0).id(), r.teachers(0).id());
  EXPECT_FALSE(PseudonymizeDistrict("", r).ok());
}

}  // namespace
}  // namespace collabnet
