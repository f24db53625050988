// Every pair of writable formats: a district written in format A, read
// back, written in format B and read back is the district as far as both
// A and B can hold it, over generated districts of every kind of
// direction; and each writer says what its format cannot hold.
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "formats/district_io.h"
#include "gmock/gmock.h"
#include "graph/district_graph.h"
#include "gtest/gtest.h"
#include "proto/arena_district.h"
#include "tests/formats/graph_shape.h"

namespace collabnet {
namespace {

namespace fs = std::filesystem;
using testing::Freeze;
using testing::People;
using testing::Schools;
using testing::Shape;

enum class Direction { kUndirected, kDirected, kMixed };

// A district with a bit of everything a district holds, drawn from `seed`:
// two or three schools with their fields, teachers with roles, grades,
// subjects and names (ids of the usual form, and some that are not), and
// ties over every channel with weights and dates. No tie repeats another
// and none is a self-loop, so every tie is one arc or one pair of arcs.
District RandomDistrict(unsigned seed, Direction direction) {
  std::mt19937 rng(seed);
  auto below = [&](int n) {
    return std::uniform_int_distribution<int>(0, n - 1)(rng);
  };
  District d;
  d.set_name(absl::StrCat("random", seed));
  const int schools = 2 + below(2);
  for (int s = 0; s < schools; ++s) {
    School& x = *d.add_schools();
    x.set_id(absl::StrCat("S", s + 1));
    x.set_name(absl::StrCat("School ", s + 1, s == 0 ? ", the first" : ""));
    x.set_title_i(below(2) == 1);
    x.set_pbis(below(2) == 1);
    x.set_readiness(0.25 * below(5));
  }
  const int n = 6 + below(20);
  static constexpr const char* kOddIds[] = {"Zoë", "x-7", "a_b", "T0009.5"};
  static constexpr Role kRoles[] = {TEACHER, TEACHER, TEACHER_LEADER, COACH,
                                    SPECIALIST};
  std::vector<std::string> ids;
  for (int v = 0; v < n; ++v) {
    ids.push_back(v < 4 && seed % 2 == 1 ? kOddIds[v]
                                         : absl::StrFormat("T%04d", v + 1));
    Teacher& t = *d.add_teachers();
    t.set_id(ids.back());
    // Every school has a teacher: a school with none has no place in a
    // format that gives schools by teacher (EmptySchoolsAreReported).
    t.set_school_id(absl::StrCat("S", 1 + (v < schools ? v : below(schools))));
    t.set_role(kRoles[below(5)]);
    if (below(2) == 1) t.add_grades(below(13));
    if (below(3) == 1) t.add_subjects("math");
    if (below(3) == 1) t.set_name(absl::StrCat("Name ", v));
  }
  static constexpr double kWeights[] = {1, 1, 2, 0.5, 1.25};
  std::set<std::tuple<int, int, int, bool>> used;
  const int m = n + below(2 * n);
  for (int i = 0; i < m; ++i) {
    int u = below(n);
    int v = below(n);
    if (u == v) continue;
    const bool directed = direction == Direction::kDirected ||
                          (direction == Direction::kMixed && below(2) == 1);
    const int channel = 1 + below(7);
    // An undirected tie repeats one on the same pair in either order; a
    // directed one and its reverse ties both ways alike would be read from
    // a matrix as one undirected tie, which is the same graph.
    const auto key = directed ? std::make_tuple(u, v, channel, true)
                              : std::make_tuple(std::min(u, v), std::max(u, v),
                                                channel, false);
    if (!used.insert(key).second) continue;
    Tie& t = *d.add_ties();
    t.set_source(ids[static_cast<std::size_t>(u)]);
    t.set_target(ids[static_cast<std::size_t>(v)]);
    t.set_channel(static_cast<Channel>(channel));
    t.set_directed(directed);
    const double w = kWeights[below(5)];
    if (w != 1) t.set_weight(w);
    if (below(3) == 0) {
      const int month = 1 + below(12);
      t.set_first_seen(absl::StrFormat("2018-%02d-%02d", month, 1 + below(28)));
      if (below(2) == 1) {
        t.set_last_seen(
            absl::StrFormat("2019-%02d-%02d", month, 1 + below(28)));
      }
    }
  }
  return d;
}

// What a format holds of a district.
struct Format {
  std::string name;  // the file (or folder) written
  bool channels;
  Schools schools;
  bool dates;
  bool fields;  // teachers' roles, grades, subjects, names; schools' fields
  // A mixed network's undirected ties are written as two arcs each (or
  // cells both ways) and read back as arcs: the same graph, but such an arc
  // and a directed tie on the same pair and channel become one repeated
  // tie. (GraphML and GEXF mark the arcs, and read them back as the tie.)
  bool splits;
};

const std::vector<Format>& Formats() {
  static const auto* formats = new std::vector<Format>{
      {"d", true, Schools::kIds, true, true, false},
      {"d.pb", true, Schools::kIds, true, true, false},
      {"d.textproto", true, Schools::kIds, true, true, false},
      {"d.graphml", true, Schools::kIds, true, true, false},
      {"d.gexf", true, Schools::kIds, true, true, false},
      {"d.net", true, Schools::kIds, false, false, false},
      {"d.dl", true, Schools::kNone, false, false, true},
      {"d.edges", false, Schools::kIds, false, false, true},
      {"d.edges.gz", false, Schools::kIds, false, false, true},
  };
  return *formats;
}

// Each arc a tie makes (both ways for an undirected tie) with its channel
// and dates: what a format that holds dates must give back, however it
// writes a tie.
std::multiset<std::string> ArcDates(const District& d) {
  std::multiset<std::string> out;
  for (const Tie& t : d.ties()) {
    const std::string when = absl::StrCat(t.first_seen(), "/", t.last_seen());
    out.insert(
        absl::StrCat(t.source(), ">", t.target(), ":", t.channel(), "@", when));
    if (!t.directed()) {
      out.insert(absl::StrCat(t.target(), ">", t.source(), ":", t.channel(),
                              "@", when));
    }
  }
  return out;
}

// Undirected ties whose pair and channel a directed tie shares.
int SharedArcs(const District& d) {
  int shared = 0;
  for (const Tie& u : d.ties()) {
    if (u.directed()) continue;
    for (const Tie& t : d.ties()) {
      shared += t.directed() && t.channel() == u.channel() &&
                ((t.source() == u.source() && t.target() == u.target()) ||
                 (t.source() == u.target() && t.target() == u.source()));
    }
  }
  return shared;
}

// `d` with each undirected tie as its two arcs, when `d` is mixed.
District Split(const District& d) {
  bool directed = false;
  for (const Tie& t : d.ties()) directed |= t.directed();
  if (!directed) return d;
  District out = d;
  out.clear_ties();
  for (const Tie& t : d.ties()) {
    Tie& a = *out.add_ties();
    a = t;
    a.set_directed(true);
    if (t.directed()) continue;
    Tie& b = *out.add_ties();
    b = a;
    b.set_source(t.target());
    b.set_target(t.source());
  }
  return out;
}

class FormatPairsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() / absl::StrCat("collabnet_pairs_", getpid());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& sub, const std::string& name) const {
    fs::create_directories(dir_ / sub);
    return (dir_ / sub / name).string();
  }
  fs::path dir_;
};

// A format without channels is read with every tie a PLC tie, as
// `convert --channel plc` reads it.
absl::StatusOr<District> ReadBack(const std::string& path) {
  NetworkReadOptions o;
  o.channel = PLC;
  return ReadDistrict(path, nullptr, o);
}

TEST_F(FormatPairsTest, EveryPairOfFormatsKeepsWhatBothHold) {
  int pairs = 0;
  for (unsigned seed = 1; seed <= 6; ++seed) {
    const Direction direction = static_cast<Direction>(seed % 3);
    const District d = RandomDistrict(seed, direction);
    for (const Format& a : Formats()) {
      const std::string a_path = Path(absl::StrCat(seed, a.name), a.name);
      ASSERT_TRUE(WriteDistrict(d, a_path).ok()) << a.name;
      // The writer says what it leaves out, and only then.
      const std::vector<std::string> lost =
          NotHeldBy(*DistrictFormatOf(a_path), d);
      const bool shared = a.splits && a.channels && SharedArcs(d) > 0;
      EXPECT_EQ(lost.empty(), a.channels && a.dates && a.fields && !shared)
          << a.name << ": " << ::testing::PrintToString(lost);
      if (shared) {
        EXPECT_THAT(lost, ::testing::Contains(::testing::HasSubstr(
                              "pair and channel with a directed tie")));
      }
      absl::StatusOr<District> from_a = ReadBack(a_path);
      ASSERT_TRUE(from_a.ok()) << a.name << ": " << from_a.status();
      // Read onto an arena, as convert reads, the district is the same.
      ArenaDistrict on_arena;
      NetworkReadOptions o;
      o.channel = PLC;
      ASSERT_TRUE(ReadDistrict(a_path, *on_arena, nullptr, o).ok());
      EXPECT_EQ(on_arena->SerializeAsString(), from_a->SerializeAsString())
          << a.name;
      for (const Format& b : Formats()) {
        SCOPED_TRACE(
            absl::StrCat("seed ", seed, ": ", a.name, " then ", b.name));
        const std::string b_path =
            Path(absl::StrCat(seed, a.name, "-", b.name), b.name);
        ASSERT_TRUE(WriteDistrict(*from_a, b_path).ok());
        absl::StatusOr<District> back = ReadBack(b_path);
        ASSERT_TRUE(back.ok()) << back.status();
        ++pairs;

        const bool channels = a.channels && b.channels;
        const Schools schools =
            a.schools == Schools::kNone || b.schools == Schools::kNone
                ? Schools::kNone
                : Schools::kIds;
        // The district as far as both hold it: without channels every tie
        // is a PLC tie, and ties that differed only by channel merge.
        District want = a.splits || b.splits ? Split(d) : d;
        if (!channels) {
          for (Tie& t : *want.mutable_ties()) t.set_channel(PLC);
        }
        absl::StatusOr<DistrictGraph> want_graph = Freeze(want);
        ASSERT_TRUE(want_graph.ok()) << want_graph.status();
        absl::StatusOr<DistrictGraph> got_graph = Freeze(*back);
        ASSERT_TRUE(got_graph.ok()) << got_graph.status();
        EXPECT_EQ(Shape(*got_graph, true, schools),
                  Shape(*want_graph, true, schools));
        // Tie for tie, direction included, where neither format splits.
        if (!a.splits && !b.splits && channels) {
          std::multiset<std::string> got_ties;
          std::multiset<std::string> want_ties;
          for (const auto& [from, into] :
               {std::pair<const District*, std::multiset<std::string>*>{
                    &*back, &got_ties},
                std::pair<const District*, std::multiset<std::string>*>{
                    &d, &want_ties}}) {
            for (const Tie& t : from->ties()) {
              into->insert(absl::StrCat(t.source(), t.directed() ? ">" : "-",
                                        t.target(), ":", t.channel()));
            }
          }
          EXPECT_EQ(got_ties, want_ties);
        }
        // An arc merged with a directed tie spans both ties' dates.
        const bool merged = (a.splits || b.splits) && SharedArcs(d) > 0;
        if (a.dates && b.dates && !merged) {
          EXPECT_EQ(ArcDates(*back), ArcDates(d));
        }
        if (a.fields && b.fields) {
          EXPECT_EQ(People(*back), People(d));
        }
      }
    }
  }
  EXPECT_EQ(pairs, 6 * 9 * 9);
}

TEST(NotHeldBy, EmptySchoolsAndSharedArcsAreReported) {
  District d = RandomDistrict(2, Direction::kUndirected);
  School& empty = *d.add_schools();
  empty.set_id("S9");
  Tie directed = d.ties(0);
  directed.set_directed(true);
  *d.add_ties() = directed;
  for (const std::string name : {"d.graphml", "d.gexf", "d.net", "d.edges"}) {
    SCOPED_TRACE(name);
    EXPECT_THAT(NotHeldBy(*DistrictFormatOf(name), d),
                ::testing::Contains("1 school with no teachers"));
  }
  EXPECT_THAT(NotHeldBy(DistrictFormat::kUcinetDl, d),
              ::testing::Contains(::testing::HasSubstr(
                  "1 undirected tie that shares its pair and channel")));
  // GraphML and GEXF mark an undirected tie's arcs: the ties are held.
  for (const std::string name : {"d.graphml", "d.gexf"}) {
    EXPECT_THAT(NotHeldBy(*DistrictFormatOf(name), d),
                ::testing::ElementsAre("1 school with no teachers"))
        << name;
  }
  for (const std::string name : {"d", "d.pb", "d.textproto"}) {
    EXPECT_TRUE(NotHeldBy(*DistrictFormatOf(name), d).empty()) << name;
  }
}

TEST_F(FormatPairsTest, MarkedArcsPairIntoTiesInAnyOrder) {
  // As networkx writes a multigraph: grouped by source, not pair by pair.
  const std::string path = Path("marked", "m.graphml");
  std::ofstream(path) << R"(<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="u" for="edge" attr.name="undirected" attr.type="boolean"/>
<graph edgedefault="directed">
<node id="a"/><node id="b"/><node id="c"/>
<edge source="a" target="b"><data key="u">true</data></edge>
<edge source="a" target="b"><data key="u">true</data></edge>
<edge source="a" target="c"/>
<edge source="b" target="a"><data key="u">true</data></edge>
<edge source="b" target="a"><data key="u">true</data></edge>
<edge source="c" target="b"><data key="u">true</data></edge>
</graph></graphml>
)";
  NetworkReadReport report;
  absl::StatusOr<District> d = ReadDistrict(path, nullptr, {}, &report);
  ASSERT_TRUE(d.ok()) << d.status();
  std::multiset<std::string> ties;
  for (const Tie& t : d->ties()) {
    ties.insert(absl::StrCat(t.source(), t.directed() ? ">" : "-", t.target()));
  }
  EXPECT_EQ(ties, (std::multiset<std::string>{"a-b", "a-b", "a>c", "c>b"}));
  EXPECT_THAT(report.notes, ::testing::Contains(::testing::HasSubstr(
                                "1 arc marked undirected had no reverse arc")));
}

TEST_F(FormatPairsTest, ReciprocalArcsThroughAMatrixAreReportedOrReadDirected) {
  District d;
  d.add_schools()->set_id("S1");
  for (const char* id : {"a", "b", "c"}) {
    Teacher& t = *d.add_teachers();
    t.set_id(id);
    t.set_school_id("S1");
  }
  for (const auto& [u, v] :
       {std::pair{"a", "b"}, std::pair{"b", "a"}, std::pair{"b", "c"}}) {
    Tie& t = *d.add_ties();
    t.set_source(u);
    t.set_target(v);
    t.set_channel(PLC);
    t.set_directed(true);
  }
  EXPECT_THAT(NotHeldBy(DistrictFormat::kUcinetDl, d),
              ::testing::Contains(::testing::HasSubstr(
                  "1 pair of directed ties both ways with one weight")));
  const std::string path = Path("dl", "d.dl");
  ASSERT_TRUE(WriteDistrict(d, path).ok());
  absl::StatusOr<District> undirected = ReadDistrict(path);
  ASSERT_TRUE(undirected.ok()) << undirected.status();
  EXPECT_EQ(undirected->ties_size(), 2);
  NetworkReadOptions directed;
  directed.directed = true;
  absl::StatusOr<District> arcs = ReadDistrict(path, nullptr, directed);
  ASSERT_TRUE(arcs.ok()) << arcs.status();
  EXPECT_EQ(arcs->ties_size(), 3);
  for (const Tie& t : arcs->ties()) EXPECT_TRUE(t.directed());
  // An edge list is directed or not as a whole.
  d.mutable_ties(2)->set_directed(false);
  EXPECT_THAT(NotHeldBy(DistrictFormat::kEdgeList, d),
              ::testing::Contains(::testing::HasSubstr(
                  "1 undirected tie among directed ones")));
}

}  // namespace
}  // namespace collabnet
