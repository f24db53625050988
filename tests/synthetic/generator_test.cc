#include "synthetic/generator.h"

#include <algorithm>
#include <map>
#include <set>

#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "graph/district_graph.h"
#include "gtest/gtest.h"

namespace collabnet {
namespace {

using ::testing::HasSubstr;

TEST(GenerateDistrict, DefaultsMatchTheCaseStudyFigures) {
  absl::StatusOr<GeneratedDistrict> g = GenerateDistrict({});
  ASSERT_TRUE(g.ok()) << g.status();
  const District& d = g->district;
  EXPECT_EQ(d.schools_size(), 41);
  EXPECT_EQ(d.teachers_size(), 1400);
  int title_i = 0, pbis = 0, ready = 0;
  for (const School& s : d.schools()) {
    title_i += s.title_i();
    pbis += s.pbis();
    ready += s.readiness() >= 0.6;
    EXPECT_GE(s.readiness(), 0);
    EXPECT_LE(s.readiness(), 1);
  }
  EXPECT_EQ(title_i, 31);  // three in four
  EXPECT_EQ(pbis, 27);
  EXPECT_EQ(ready, 12);  // about 30%
  int leaders = 0;
  for (const Teacher& t : d.teachers()) leaders += t.role() == TEACHER_LEADER;
  EXPECT_EQ(leaders, 40);
  EXPECT_EQ(d.schools(0).name(), "Armstrong Elementary");
  EXPECT_TRUE(d.schools(0).pbis());
}

TEST(GenerateDistrict, FeaturedLeadersCoTeachInThreeSchools) {
  absl::StatusOr<GeneratedDistrict> g = GenerateDistrict({});
  ASSERT_TRUE(g.ok());
  ASSERT_EQ(g->featured_leaders.size(), 4u);
  std::map<std::string, const Teacher*> by_id;
  for (const Teacher& t : g->district.teachers()) by_id[t.id()] = &t;
  std::multiset<std::string> schools;
  for (const std::string& id : g->featured_leaders) {
    EXPECT_EQ(by_id[id]->role(), TEACHER_LEADER);
    EXPECT_THAT(by_id[id]->grades(), ::testing::Contains(6));
    schools.insert(by_id[id]->school_id());
  }
  EXPECT_EQ(schools.count(g->district.schools(0).id()), 2u);
  EXPECT_EQ(std::set<std::string>(schools.begin(), schools.end()).size(), 3u);
  // Each featured leader has a co-teaching tie.
  for (const std::string& id : g->featured_leaders) {
    bool co_teaches = false;
    for (const Tie& t : g->district.ties()) {
      co_teaches |=
          t.channel() == CO_TEACHING && (t.source() == id || t.target() == id);
    }
    EXPECT_TRUE(co_teaches) << id;
  }
}

TEST(GenerateDistrict, SameSeedSameDistrictOtherSeedOtherDistrict) {
  GeneratorOptions o;
  o.teachers = 300;
  o.schools = 8;
  absl::StatusOr<GeneratedDistrict> a = GenerateDistrict(o);
  absl::StatusOr<GeneratedDistrict> b = GenerateDistrict(o);
  o.seed = 2;
  absl::StatusOr<GeneratedDistrict> c = GenerateDistrict(o);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(a->district,
                                                                 b->district));
  EXPECT_FALSE(google::protobuf::util::MessageDifferencer::Equals(a->district,
                                                                  c->district));
}

TEST(GenerateDistrict, EveryLayerIsPresentAndTheDistrictFreezes) {
  absl::StatusOr<GeneratedDistrict> g = GenerateDistrict({});
  ASSERT_TRUE(g.ok());
  std::map<Channel, int> per_channel;
  for (const Tie& t : g->district.ties()) ++per_channel[t.channel()];
  for (int ch = 1; ch <= 7; ++ch) {
    EXPECT_GT(per_channel[static_cast<Channel>(ch)], 0) << ch;
  }
  FreezeStats stats;
  absl::StatusOr<DistrictGraph> graph = FreezeDistrict(g->district, {}, &stats);
  ASSERT_TRUE(graph.ok()) << graph.status();
  EXPECT_EQ(stats.self_loops_dropped, 0);
  // Mean degree of the kind the peers' district graph has (about 12-20).
  const double mean_degree =
      static_cast<double>(graph->num_arcs()) / graph->num_vertices();
  EXPECT_GT(mean_degree, 10);
  EXPECT_LT(mean_degree, 30);
}

TEST(GenerateDistrict, SocialMediaDegreesAreHeavyTailed) {
  absl::StatusOr<GeneratedDistrict> g = GenerateDistrict({});
  ASSERT_TRUE(g.ok());
  std::map<std::string, int> followers;
  int ties = 0;
  for (const Tie& t : g->district.ties()) {
    if (t.channel() != SOCIAL_MEDIA) continue;
    ++followers[t.source()];
    ++ties;
  }
  int most = 0;
  for (const auto& [id, count] : followers) most = std::max(most, count);
  const double mean =
      static_cast<double>(ties) / static_cast<double>(followers.size());
  EXPECT_GT(most, 6 * mean);
}

TEST(GenerateDistrict, ScalesDownToAHundredTeachers) {
  GeneratorOptions o;
  o.schools = 3;
  o.teachers = 100;
  absl::StatusOr<GeneratedDistrict> g = GenerateDistrict(o);
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(g->district.teachers_size(), 100);
  EXPECT_TRUE(FreezeDistrict(g->district).ok());
}

TEST(GenerateDistrict, RejectsOptionsOutOfRange) {
  GeneratorOptions o;
  o.teachers = 10;
  EXPECT_THAT(GenerateDistrict(o).status().message(),
              HasSubstr("at least 4 per school"));
  o = {};
  o.ready_share = 1.5;
  EXPECT_THAT(GenerateDistrict(o).status().message(), HasSubstr("share"));
  o = {};
  o.plc_max = 1;
  EXPECT_FALSE(GenerateDistrict(o).ok());
  o = {};
  o.featured_leaders = 5;
  EXPECT_FALSE(GenerateDistrict(o).ok());
}

}  // namespace
}  // namespace collabnet
