#include "scenario/scenario_file.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/scratch_dir.h"

namespace collabnet {
namespace {

using ::testing::HasSubstr;

using ScenarioFileTest = testing::ScratchDirTest;

TEST_F(ScenarioFileTest, ErrorsNameTheFileAndLine) {
  absl::StatusOr<Scenario> s =
      ReadScenario(Write("s.textproto", "name: \"x\"\nreplicates: many\n"));
  EXPECT_THAT(s.status().message(), HasSubstr("s.textproto:2:"));
  EXPECT_EQ(ReadScenario(Path("missing.textproto")).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(ScenarioFileTest, ReadsEachModelsBlock) {
  absl::StatusOr<Scenario> s = ReadScenario(Write(
      "s.textproto",
      "leaders: \"a\"\nhorizon: 5\nindependent_cascade { probability: 0 }\n"));
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_TRUE(s->has_independent_cascade());
  // Unset and zero differ: a probability of 0 is a probability.
  EXPECT_TRUE(s->independent_cascade().has_probability());
  EXPECT_EQ(s->horizon(), 5);
}

TEST_F(ScenarioFileTest, TheFlatFormSaysWhereEachFieldWent) {
  const std::pair<const char*, const char*> cases[] = {
      {"model: INDEPENDENT_CASCADE\n", "independent_cascade { probability"},
      {"lapse_probability: 0.1\n", "multi_channel { lapse_probability"},
      {"horizon_weeks: 36\n", "horizon: ..."},
      {"probability: 0.05\n", "independent_cascade { probability: ... }"},
      {"contagion_threshold: 2\n", "complex_contagion { threshold"},
      {"channel_probabilities: true\n", "probabilities: CHANNELS"},
      {"calendar { pd_weeks: 1 }\n", "multi_channel { calendar"},
      {"thresholds { key: \"a\" value: 0.5 }\n", "linear_threshold {"},
  };
  for (const auto& [text, says] : cases) {
    SCOPED_TRACE(text);
    const absl::Status s =
        ReadScenario(
            Write("old.textproto", std::string("name: \"x\"\n") + text))
            .status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(s.message(), HasSubstr("old.textproto:2:"));
    EXPECT_THAT(s.message(), HasSubstr("older flat form"));
    EXPECT_THAT(s.message(), HasSubstr(says));
  }
  // Other unknown fields keep protobuf's own words.
  EXPECT_THAT(ReadScenario(Write("x.textproto", "no_such_field: 1\n"))
                  .status()
                  .message(),
              HasSubstr("no field named \"no_such_field\""));
}

}  // namespace
}  // namespace collabnet
