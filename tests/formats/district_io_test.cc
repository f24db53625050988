#include "formats/district_io.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "io/atomic_file.h"
#include "tests/testing/districts.h"
#include "tests/testing/scratch_dir.h"

namespace collabnet {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::HasSubstr;

using DistrictIoTest = testing::ScratchDirTest;

District Sample() {
  District d = testing::MakeDistrict(
      3, {{0, 1, PLC, false, 2}, {1, 2, SOCIAL_MEDIA, true}}, 0.4);
  d.mutable_teachers(0)->set_name("Santana, Jamie");
  d.mutable_teachers(0)->add_grades(6);
  d.mutable_ties(0)->set_first_seen("2018-09-01");
  return d;
}

TEST_F(DistrictIoTest, EveryFormatRoundTrips) {
  for (const std::string name :
       {"d.pb", "d.binpb", "d.textproto", "d.txtpb", "d.pbtxt", "csvdir"}) {
    SCOPED_TRACE(name);
    ASSERT_TRUE(WriteDistrict(Sample(), Path(name)).ok());
    absl::StatusOr<District> back = ReadDistrict(Path(name));
    ASSERT_TRUE(back.ok()) << back.status();
    District expected = Sample();
    if (name == "csvdir") expected.set_name("csvdir");
    EXPECT_TRUE(MessageDifferencer::Equals(expected, *back));
  }
}

TEST_F(DistrictIoTest, UnknownExtensionIsRejectedWithTheFormats) {
  absl::Status s = WriteDistrict(Sample(), Path("d.json"));
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr(".textproto"));
  EXPECT_FALSE(std::filesystem::exists(Path("d.json")));
}

TEST_F(DistrictIoTest, BadTextProtoNamesFileLineAndColumn) {
  ASSERT_TRUE(WriteFileAtomically(Path("bad.textproto"),
                                  "name: \"x\"\nteachers { idd: \"t\" }\n")
                  .ok());
  absl::StatusOr<District> d = ReadDistrict(Path("bad.textproto"));
  EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(d.status().message(), HasSubstr("bad.textproto:2:"));
  EXPECT_THAT(d.status().message(), HasSubstr("idd"));
}

TEST_F(DistrictIoTest, BadBinaryIsAnError) {
  ASSERT_TRUE(WriteFileAtomically(Path("bad.pb"), "\xff\xff\xff").ok());
  EXPECT_THAT(ReadDistrict(Path("bad.pb")).status().message(),
              HasSubstr("not a valid binary District"));
}

TEST_F(DistrictIoTest, AFailedWriteLeavesTheOldFileAndNoTemporary) {
  ASSERT_TRUE(WriteFileAtomically(Path("out.txt"), "old").ok());
  // A folder that cannot be written to: the write fails before the rename.
  std::filesystem::create_directories(Path("locked"));
  chmod(Path("locked").c_str(), 0500);
  const bool root = geteuid() == 0;  // root writes anyway; nothing to check
  if (!root) {
    EXPECT_FALSE(WriteFileAtomically(Path("locked/x.txt"), "new").ok());
    EXPECT_TRUE(std::filesystem::is_empty(Path("locked")));
  }
  // Overwriting replaces the whole content.
  ASSERT_EQ(WriteFileAtomically(Path("out.txt"), "new content"),
            absl::OkStatus());
  EXPECT_EQ(*testing::ReadFileToString(Path("out.txt")), "new content");
  for (const auto& e : std::filesystem::directory_iterator(dir_)) {
    EXPECT_THAT(e.path().filename().string(),
                ::testing::Not(HasSubstr(".tmp-")));
  }
}

TEST_F(DistrictIoTest, RenameFailureRemovesEveryTemporary) {
  // The second target is a non-empty folder, so its rename fails.
  std::filesystem::create_directories(Path("blocker/inside"));
  absl::Status s =
      WriteFilesAtomically({{Path("a.txt"), "a"}, {Path("blocker"), "b"}});
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("blocker"));
  for (const auto& e : std::filesystem::directory_iterator(dir_)) {
    EXPECT_THAT(e.path().filename().string(),
                ::testing::Not(HasSubstr(".tmp-")));
  }
}

}  // namespace
}  // namespace collabnet
