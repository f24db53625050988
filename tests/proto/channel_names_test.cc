#include "proto/channel_names.h"

#include "gtest/gtest.h"

namespace collabnet {
namespace {

TEST(ChannelNames, FileNamesRoundTrip) {
  for (int ch = 1; ch <= 7; ++ch) {
    const auto channel = static_cast<Channel>(ch);
    EXPECT_EQ(ParseChannel(ChannelFileName(channel)), channel);
    EXPECT_EQ(ParseChannel(Channel_Name(channel)), channel);
  }
}

TEST(ChannelNames, ParsingIgnoresCaseAndRejectsUnknown) {
  EXPECT_EQ(ParseChannel("PD_Workshop"), PD_WORKSHOP);
  EXPECT_EQ(ParseChannel("Coaching"), JOB_EMBEDDED_COACHING);
  EXPECT_FALSE(ParseChannel("pd"));
  EXPECT_FALSE(ParseChannel(""));
  EXPECT_FALSE(ParseChannel("channel_unspecified"));
}

TEST(RoleNames, RoundTripAndEmptyMeansTeacher) {
  for (Role r : {TEACHER, TEACHER_LEADER, COACH, SPECIALIST, ADMINISTRATOR}) {
    EXPECT_EQ(ParseRole(RoleFileName(r)), r);
  }
  EXPECT_EQ(ParseRole(""), TEACHER);
  EXPECT_FALSE(ParseRole("principal"));
}

}  // namespace
}  // namespace collabnet
