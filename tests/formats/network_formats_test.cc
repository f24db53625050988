// The same network in every format freezes to the same graph, and a
// district written in each writable format reads back with nothing lost
// that the format can hold.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "formats/district_io.h"
#include "formats/gexf.h"
#include "formats/graphml.h"
#include "formats/pajek.h"
#include "formats/ucinet_dl.h"
#include "gmock/gmock.h"
#include "graph/district_graph.h"
#include "gtest/gtest.h"
#include "io/atomic_file.h"
#include "tests/formats/graph_shape.h"
#include "tests/testing/districts.h"
#include "tests/testing/scratch_dir.h"

namespace collabnet {
namespace {

using ::testing::ElementsAre;
using testing::Freeze;
using testing::GraphShape;
using ::testing::HasSubstr;
using testing::People;
using testing::Schools;
using testing::Shape;
using testing::SourceDir;

namespace fs = std::filesystem;

std::string Fixture(const std::string& name) {
  return SourceDir() + "/tests/data/formats/" + name;
}

TEST(NetworkFormatsTest, TheSameNetworkInEveryFormatFreezesAlike) {
  absl::StatusOr<District> reference = ReadDistrict(Fixture("district"));
  ASSERT_TRUE(reference.ok()) << reference.status();
  absl::StatusOr<DistrictGraph> expected = Freeze(*reference);
  ASSERT_TRUE(expected.ok()) << expected.status();
  NetworkReadOptions plain;
  plain.directed = true;
  plain.channel = PLC;
  struct Case {
    std::string file;
    Schools schools;  // what the format says of schools
  };
  // A foreign .clu numbers its classes: the partition is what must match.
  for (const Case& c :
       std::vector<Case>{{"network.graphml", Schools::kIds},
                         {"network.gexf", Schools::kIds},
                         {"network.net", Schools::kPartition},
                         {"network_fullmatrix.dl", Schools::kNone},
                         {"network_embedded.dl", Schools::kNone},
                         {"network_edgelist.dl", Schools::kNone},
                         {"network_nodelist.dl", Schools::kNone},
                         {"network.edges", Schools::kIds},
                         {"network.contacts", Schools::kIds}}) {
    SCOPED_TRACE(c.file);
    NetworkReadReport report;
    absl::StatusOr<District> d =
        ReadDistrict(Fixture(c.file), nullptr, plain, &report);
    ASSERT_TRUE(d.ok()) << d.status();
    absl::StatusOr<DistrictGraph> g = Freeze(*d);
    ASSERT_TRUE(g.ok()) << g.status();
    EXPECT_EQ(Shape(*g, true, c.schools), Shape(*expected, true, c.schools));
  }
}

TEST(NetworkFormatsTest, ReadersReportWhatTheyDidNotUse) {
  NetworkReadReport report;
  absl::StatusOr<District> d =
      ReadDistrict(Fixture("network.graphml"), nullptr, {}, &report);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_THAT(report.notes, ElementsAre("node attributes not used: x"));
  d = ReadDistrict(Fixture("network.net"), nullptr, {}, &report);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_THAT(report.notes,
              ElementsAre(HasSubstr("network.clu"),
                          HasSubstr("Pajek holds no teacher roles")));
  NetworkReadReport contacts;
  d = ReadDistrict(Fixture("network.contacts"), nullptr, {}, &contacts);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(contacts.merged, 9 - 5);  // undirected: D-E and E-D merge too
}

// A district with everything a district can carry.
District RichDistrict() {
  District d;
  d.set_name("Rich");
  auto school = [&](const char* id, const char* name, bool t1, bool pbis,
                    double r) {
    School& s = *d.add_schools();
    s.set_id(id);
    s.set_name(name);
    s.set_title_i(t1);
    s.set_pbis(pbis);
    s.set_readiness(r);
  };
  school("S1", "Armstrong Elementary, the first", true, true, 0.8);
  school("S2", "Baldwin <Middle> & \"Co\"", false, true, 0.25);
  auto teacher = [&](const char* id, const char* s,
                     const std::vector<int>& grades,
                     const std::vector<std::string>& subjects, Role role,
                     const char* name) {
    Teacher& t = *d.add_teachers();
    t.set_id(id);
    t.set_school_id(s);
    for (int g : grades) t.add_grades(g);
    for (auto& x : subjects) t.add_subjects(x);
    t.set_role(role);
    t.set_name(name);
  };
  teacher("T1", "S1", {0, 1}, {"multiple_subjects"}, TEACHER_LEADER, "Ana O");
  teacher("T2", "S1", {1}, {}, TEACHER, "");
  teacher("T3", "S1", {}, {"ela", "math"}, COACH, "Cara D'Souza");
  teacher("T4", "S2", {7, 8}, {"math"}, SPECIALIST, "");
  teacher("T5", "S2", {12}, {"science"}, ADMINISTRATOR, "Eli");
  auto tie = [&](const char* s, const char* t, Channel c, bool directed,
                 double w, const char* first, const char* last) {
    Tie& x = *d.add_ties();
    x.set_source(s);
    x.set_target(t);
    x.set_channel(c);
    x.set_directed(directed);
    if (w != 1) x.set_weight(w);
    x.set_first_seen(first);
    x.set_last_seen(last);
  };
  tie("T1", "T2", CO_TEACHING, false, 1, "2018-08-01", "2019-07-31");
  tie("T1", "T2", PLC, false, 2, "", "");
  tie("T1", "T4", PD_WORKSHOP, true, 3, "2018-10-19", "2018-10-19");
  tie("T3", "T2", JOB_EMBEDDED_COACHING, true, 0.75, "2018-09-12", "");
  tie("T4", "T5", SOCIAL_MEDIA, true, 1, "", "");
  tie("T5", "T1", ADVICE, true, 1, "", "2019-05-01");
  tie("T2", "T3", OBSERVATION, true, 1.5, "", "");
  return d;
}

class RoundTripTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() /
        ("collabnet_formats_" +
         std::string(
             ::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const {
    return (dir_ / name).string();
  }
  fs::path dir_;
};

// Ties by (source, target, channel) with their dates: for the formats
// that keep dates, which must come back whatever way the ties are split.
std::set<std::string> Dates(const District& d) {
  std::set<std::string> out;
  for (const Tie& t : d.ties()) {
    std::string a = t.source();
    std::string b = t.target();
    if (!t.directed() && b < a) std::swap(a, b);
    out.insert(absl::StrCat(a, ">", b, ":", t.channel(), "@", t.first_seen(),
                            "/", t.last_seen()));
  }
  return out;
}

TEST_F(RoundTripTest, LosslessFormatsKeepEverything) {
  const District d = RichDistrict();
  absl::StatusOr<DistrictGraph> expected = Freeze(d);
  ASSERT_TRUE(expected.ok()) << expected.status();
  for (const std::string name :
       {"d", "d.pb", "d.textproto", "d.graphml", "d.gexf"}) {
    SCOPED_TRACE(name);
    ASSERT_TRUE(WriteDistrict(d, Path(name)).ok());
    absl::StatusOr<DistrictFormat> format = DistrictFormatOf(Path(name));
    ASSERT_TRUE(format.ok());
    EXPECT_TRUE(NotHeldBy(*format, d).empty());
    absl::StatusOr<District> back = ReadDistrict(Path(name));
    ASSERT_TRUE(back.ok()) << back.status();
    absl::StatusOr<DistrictGraph> g = Freeze(*back);
    ASSERT_TRUE(g.ok()) << g.status();
    EXPECT_EQ(Shape(*g), Shape(*expected));
    EXPECT_EQ(People(*back), People(d));
    if (name != "d.graphml" && name != "d.gexf") {
      // GraphML and GEXF write a mixed network's undirected ties as two
      // arcs (networkx reads no mixed graph).
      EXPECT_EQ(Dates(*back), Dates(d));
    }
  }
}

TEST_F(RoundTripTest, NetworkFormatsKeepTheGraphTheyCanHold) {
  const District d = RichDistrict();
  absl::StatusOr<DistrictGraph> expected = Freeze(d);
  ASSERT_TRUE(expected.ok()) << expected.status();
  struct Case {
    std::string name;
    bool channels;
    Schools schools;
  };
  for (const Case& c :
       std::vector<Case>{{"d.net", true, Schools::kIds},
                         {"d.dl", true, Schools::kNone},
                         {"d.edges", false, Schools::kIds},
                         {"d.edges.gz", false, Schools::kIds}}) {
    SCOPED_TRACE(c.name);
    ASSERT_TRUE(WriteDistrict(d, Path(c.name)).ok());
    absl::StatusOr<DistrictFormat> format = DistrictFormatOf(Path(c.name));
    ASSERT_TRUE(format.ok());
    EXPECT_FALSE(NotHeldBy(*format, d).empty());
    NetworkReadOptions o;
    o.directed = true;  // the mixed district is written directed
    absl::StatusOr<District> back = ReadDistrict(Path(c.name), nullptr, o);
    ASSERT_TRUE(back.ok()) << back.status();
    absl::StatusOr<DistrictGraph> g = Freeze(*back);
    ASSERT_TRUE(g.ok()) << g.status();
    // A format without channels makes ties over different channels
    // repeats of one another, which merge into one (weights summed).
    District projected = d;
    if (!c.channels) {
      for (Tie& t : *projected.mutable_ties()) {
        t.set_channel(CHANNEL_UNSPECIFIED);
      }
    }
    absl::StatusOr<DistrictGraph> want = Freeze(projected);
    ASSERT_TRUE(want.ok()) << want.status();
    EXPECT_EQ(Shape(*g, c.channels, c.schools),
              Shape(*want, c.channels, c.schools));
  }
}

TEST_F(RoundTripTest, RsienaPanelHasWavesBehaviourAndCovariate) {
  const District d = RichDistrict();
  std::vector<Adoption> adoptions = {{"T2", absl::CivilDay(2018, 11, 1)},
                                     {"T4", absl::CivilDay(2019, 6, 1)}};
  WriteOptions o;
  o.waves = {absl::CivilDay(2018, 9, 30), absl::CivilDay(2019, 1, 31),
             absl::CivilDay(2019, 6, 30)};
  o.adoptions = &adoptions;
  ASSERT_TRUE(WriteDistrict(d, Path("p.siena"), o).ok());
  const std::string w1 =
      testing::ReadFileToString(Path("p.siena/network_w1.txt")).value();
  const std::string w2 =
      testing::ReadFileToString(Path("p.siena/network_w2.txt")).value();
  // T1 -> T4 (PD on 2018-10-19) is in wave 2's period only.
  auto cell = [](const std::string& m, int i, std::size_t j) {
    std::istringstream in(m);
    std::string line;
    for (int r = 0; r <= i; ++r) std::getline(in, line);
    return line[2 * j];
  };
  EXPECT_EQ(cell(w1, 0, 3), '0');
  EXPECT_EQ(cell(w2, 0, 3), '1');
  // Undated PLC T1 -- T2 is in every wave, both ways.
  EXPECT_EQ(cell(w1, 0, 1), '1');
  EXPECT_EQ(cell(w1, 1, 0), '1');
  // Coaching T3 -> T2 from 2018-09-12 on: every wave.
  const std::string w3 =
      testing::ReadFileToString(Path("p.siena/network_w3.txt")).value();
  EXPECT_EQ(cell(w3, 2, 1), '1');
  // Advice T5 -> T1 last seen 2019-05-01: waves 1-3 (wave 3's period starts
  // after 2019-01-31).
  EXPECT_EQ(cell(w3, 4, 0), '1');
  const std::string behaviour =
      testing::ReadFileToString(Path("p.siena/behaviour.txt")).value();
  EXPECT_EQ(behaviour, "0 0 0\n0 1 1\n0 0 0\n0 0 1\n0 0 0\n");
  EXPECT_EQ(testing::ReadFileToString(Path("p.siena/school.txt")).value(),
            "1\n1\n1\n2\n2\n");
  EXPECT_THAT(testing::ReadFileToString(Path("p.siena/load.R")).value(),
              HasSubstr("sienaDependent"));
  o.waves = {absl::CivilDay(2019, 1, 1)};
  EXPECT_FALSE(WriteDistrict(d, Path("q.siena"), o).ok());
}

TEST(NetworkFormatsTest, MalformedFilesNameLineAndField) {
  auto graphml = [](const std::string& text) {
    std::istringstream in(text);
    return ReadGraphml(in, "g.graphml");
  };
  absl::StatusOr<District> d = graphml("<graphml><graph><node id='a'>");
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(d.status().message(), HasSubstr("g.graphml:1: not well-formed"));
  d = graphml(
      "<graphml>\n<key id='w' for='edge' attr.name='weight'/>\n"
      "<graph edgedefault='directed'>\n<node id='a'/>\n"
      "<edge source='a' target='b'/>\n"
      "<edge source='a' target='a'><data key='w'>-1</data></edge>\n"
      "</graph></graphml>");
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(
      d.status().message(),
      HasSubstr("g.graphml:5: field 'target': node 'b' is not declared"));
  EXPECT_THAT(d.status().message(),
              HasSubstr("g.graphml:6: field 'weight': found '-1'"));
  d = graphml("<!DOCTYPE x [<!ENTITY a 'b'>]><graphml><graph/></graphml>");
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(d.status().message(), HasSubstr("document type declaration"));

  std::istringstream net("*Vertices 2\n1 \"a\"\n2 \"b\"\n*Arcs\n1 3\n2 1 x\n");
  std::istringstream clu("*Vertices 2\n1\n");
  d = ReadPajek(net, "n.net", &clu, "n.clu");
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(d.status().message(),
              HasSubstr("n.net:5: field 'target': found '3'; expected a "
                        "vertex number from 1 to 2"));

  std::istringstream dl("DL N=2 FORMAT=EDGELIST1\nDATA:\n1 2\n1 5\n");
  d = ReadUcinetDl(dl, "x.dl");
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(d.status().message(),
              HasSubstr("x.dl:4: field 'target': found '5'"));
  std::istringstream two_mode("DL NR=2 NC=3\nDATA:\n1 0 1\n0 1 1\n");
  d = ReadUcinetDl(two_mode, "y.dl");
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(d.status().message(), HasSubstr("two-mode"));
  std::istringstream short_matrix("DL N=3\nDATA:\n0 1 0\n1 0\n");
  d = ReadUcinetDl(short_matrix, "z.dl");
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(d.status().message(), HasSubstr("the data ends in matrix 1"));
}

TEST(NetworkFormatsTest, WritersRefuseWhatTheirFormatCannotHold) {
  District d = RichDistrict();
  d.mutable_teachers(0)->set_id("T\"1");
  EXPECT_FALSE(FormatPajek(d).ok());
  EXPECT_FALSE(FormatUcinetDl(d).ok());
  d.mutable_teachers(0)->set_id(std::string("T\x01", 2));
  EXPECT_FALSE(FormatGraphml(d).ok());
  EXPECT_FALSE(FormatGexf(d).ok());
}

}  // namespace
}  // namespace collabnet
