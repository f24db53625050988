#include "text/count_text.h"

#include <cstdint>
#include <limits>

#include "gtest/gtest.h"

namespace collabnet {
namespace {

TEST(CountText, CommasEveryThreeDigitsFromTheRight) {
  EXPECT_EQ(WithCommas(0), "0");
  EXPECT_EQ(WithCommas(999), "999");
  EXPECT_EQ(WithCommas(1000), "1,000");
  EXPECT_EQ(WithCommas(1400), "1,400");
  EXPECT_EQ(WithCommas(-12000), "-12,000");
  EXPECT_EQ(WithCommas(std::numeric_limits<std::int64_t>::min()),
            "-9,223,372,036,854,775,808");
}

TEST(CountText, TheNounAgreesWithTheCount) {
  EXPECT_EQ(Counted(1, "record", "records"), "1 record");
  EXPECT_EQ(Counted(0, "record", "records"), "0 records");
  EXPECT_EQ(Counted(2, "tie", "ties"), "2 ties");
  EXPECT_EQ(Counted(1400, "teacher", "teachers"), "1,400 teachers");
}

}  // namespace
}  // namespace collabnet
