#include "data/embedded_default.h"

#include "formats/district_csv.h"
#include "formats/district_io.h"
#include "google/protobuf/util/message_differencer.h"
#include "graph/district_graph.h"
#include "gtest/gtest.h"
#include "scenario/scenario_file.h"
#include "synthetic/generator.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

using ::google::protobuf::util::MessageDifferencer;

TEST(EmbeddedDefault, DistrictIsTheCommittedCsv) {
  absl::StatusOr<District> embedded = EmbeddedDistrict();
  ASSERT_TRUE(embedded.ok()) << embedded.status();
  absl::StatusOr<District> files =
      ReadDistrictCsvDir(testing::SourceDir() + "/data/district");
  ASSERT_TRUE(files.ok()) << files.status();
  files->set_name("sample-district");
  EXPECT_TRUE(MessageDifferencer::Equals(*embedded, *files));
}

TEST(EmbeddedDefault, CommittedCsvIsWhatTheDocumentedCommandMakes) {
  // data/regenerate.sh: collabnet generate --name sample-district --seed 2019
  GeneratorOptions o;
  o.name = "sample-district";
  o.seed = 2019;
  absl::StatusOr<GeneratedDistrict> g = GenerateDistrict(o);
  ASSERT_TRUE(g.ok());
  absl::StatusOr<District> embedded = EmbeddedDistrict();
  ASSERT_TRUE(embedded.ok());
  EXPECT_TRUE(MessageDifferencer::Equals(g->district, *embedded));

  absl::StatusOr<Scenario> scenario = EmbeddedScenario();
  ASSERT_TRUE(scenario.ok());
  ASSERT_EQ(scenario->leaders_size(), 4);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(scenario->leaders(i), g->featured_leaders[i]);
  }
}

TEST(EmbeddedDefault, ScenarioFitsTheDistrictAndNamesNoFile) {
  absl::StatusOr<Scenario> scenario = EmbeddedScenario();
  ASSERT_TRUE(scenario.ok()) << scenario.status();
  EXPECT_TRUE(scenario->district().empty());
  EXPECT_EQ(scenario->observed().direct_reach(), 487);
  ASSERT_EQ(scenario->observed().categories_size(), 3);
  EXPECT_EQ(scenario->observed().categories(0).direct_reach(), 311);
  EXPECT_EQ(scenario->observed().categories(1).direct_reach(), 63);
  EXPECT_EQ(scenario->observed().categories(2).direct_reach(), 113);
  absl::StatusOr<District> d = EmbeddedDistrict();
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(*d);
  ASSERT_TRUE(g.ok());
  for (const std::string& id : scenario->leaders()) {
    EXPECT_TRUE(g->FindTeacher(id)) << id;
  }
  // The file form names data/district relative to itself and reads too.
  absl::StatusOr<Scenario> file =
      ReadScenario(testing::SourceDir() + "/data/default.textproto");
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->district(), "district");
  EXPECT_TRUE(file->has_multi_channel());
  // So does the commented starting point it is fitted from.
  absl::StatusOr<Scenario> start =
      ReadScenario(testing::SourceDir() + "/data/default-start.textproto");
  ASSERT_TRUE(start.ok()) << start.status();
  EXPECT_TRUE(start->has_multi_channel());
  EXPECT_EQ(start->leaders_size(), 4);
}

}  // namespace
}  // namespace collabnet
