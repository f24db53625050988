#include "scenario/threshold_csv.h"

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
  absl::StatusOr<std::vector<GivenThreshold>> t = ReadThresholdCsv(path);
  ASSERT_TRUE(t.ok()) << t.status();
  ASSERT_EQ(t->size(), 3u);
  EXPECT_EQ((*t)[0].teacher, "T1");
  EXPECT_EQ((*t)[0].threshold, 0.25);
  EXPECT_EQ((*t)[0].line, 2);
  EXPECT_EQ((*t)[1].teacher, "T, 2");
  EXPECT_EQ((*t)[1].threshold, 1);
  EXPECT_EQ((*t)[2].threshold, 0);
}

TEST_F(ThresholdCsvTest, EveryBadRowIsNamed) {
  const std::string path =
      Write("teacher,threshold\nT1,0.5\nT2,1.5\nT3,x\n,0.2\nT1,0.4\nT4,-0.1\n");
  const absl::Status s = ReadThresholdCsv(path).status();
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr(":3: field 'threshold': found '1.5'; "
                                     "expected a number from 0 to 1"));
  EXPECT_THAT(s.message(), HasSubstr(":4: field 'threshold': found 'x'"));
  EXPECT_THAT(s.message(), HasSubstr(":5: field 'teacher'"));
  EXPECT_THAT(s.message(), HasSubstr(":6: field 'teacher': found 'T1' again"));
  EXPECT_THAT(s.message(), HasSubstr(":7: field 'threshold': found '-0.1'"));
}

TEST_F(ThresholdCsvTest, AHeaderWithoutTheColumnsIsAnError) {
  const absl::Status s = ReadThresholdCsv(Write("id,value\nT1,0.5\n")).status();
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr(":1:"));
  EXPECT_EQ(ReadThresholdCsv(Path("missing.csv")).status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace collabnet
