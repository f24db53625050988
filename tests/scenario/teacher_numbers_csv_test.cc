#include "scenario/teacher_numbers_csv.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/scratch_dir.h"

namespace collabnet {
namespace {

using ::testing::HasSubstr;

class ThresholdCsvTest : public testing::ScratchDirTest {
 protected:
  std::string Write(const std::string& text) {
    return ScratchDirTest::Write("thresholds.csv", text);
  }
};

TEST_F(ThresholdCsvTest, ReadsEveryRowWithItsLine) {
  const std::string path =
      Write("Threshold,Teacher\r\n0.25,T1\r\n1,\"T, 2\"\r\n0,T3\r\n");
  absl::StatusOr<std::vector<TeacherNumber>> t =
      ReadTeacherNumberCsv(path, kThresholdColumn);
  ASSERT_TRUE(t.ok()) << t.status();
  ASSERT_EQ(t->size(), 3u);
  EXPECT_EQ((*t)[0].teacher, "T1");
  EXPECT_EQ((*t)[0].value, 0.25);
  EXPECT_EQ((*t)[0].line, 2);
  EXPECT_EQ((*t)[1].teacher, "T, 2");
  EXPECT_EQ((*t)[1].value, 1);
  EXPECT_EQ((*t)[2].value, 0);
}

TEST_F(ThresholdCsvTest, EveryBadRowIsNamed) {
  const std::string path =
      Write("teacher,threshold\nT1,0.5\nT2,1.5\nT3,x\n,0.2\nT1,0.4\nT4,-0.1\n");
  const absl::Status s = ReadTeacherNumberCsv(path, kThresholdColumn).status();
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr(":3: field 'threshold': found '1.5'; "
                                     "expected a number from 0 to 1"));
  EXPECT_THAT(s.message(), HasSubstr(":4: field 'threshold': found 'x'"));
  EXPECT_THAT(s.message(), HasSubstr(":5: field 'teacher'"));
  EXPECT_THAT(s.message(), HasSubstr(":6: field 'teacher': found 'T1' again"));
  EXPECT_THAT(s.message(), HasSubstr(":7: field 'threshold': found '-0.1'"));
}

TEST_F(ThresholdCsvTest, AHeaderWithoutTheColumnsIsAnError) {
  const absl::Status s =
      ReadTeacherNumberCsv(Write("id,value\nT1,0.5\n"), kThresholdColumn)
          .status();
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr(":1:"));
  EXPECT_EQ(ReadTeacherNumberCsv(Path("missing.csv"), kThresholdColumn)
                .status()
                .code(),
            absl::StatusCode::kNotFound);
}

TEST_F(ThresholdCsvTest, CostsAreNumbersZeroOrMore) {
  absl::StatusOr<std::vector<TeacherNumber>> costs = ReadTeacherNumberCsv(
      Write("teacher,cost\nT1,0\nT2,250.5\n"), kCostColumn);
  ASSERT_TRUE(costs.ok()) << costs.status();
  EXPECT_EQ((*costs)[1].value, 250.5);
  const absl::Status s =
      ReadTeacherNumberCsv(Write("teacher,cost\nT1,two days\nT2,-1\n"),
                           kCostColumn)
          .status();
  EXPECT_THAT(s.message(), HasSubstr(":2: field 'cost': found 'two days'; "
                                     "expected a number, 0 or more"));
  EXPECT_THAT(s.message(), HasSubstr(":3: field 'cost': found '-1'"));
}

}  // namespace
}  // namespace collabnet
