#include "formats/district_io.h"

#include <omp.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "io/atomic_file.h"
#include "proto/tie_stream.h"
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

// Every file under `path` (itself, when a file) by its name below it.
std::map<std::string, std::string> FilesAt(const std::string& path) {
  namespace fs = std::filesystem;
  std::map<std::string, std::string> files;
  if (fs::is_regular_file(path)) {
    files[""] = *testing::ReadFileToString(path);
    return files;
  }
  for (const auto& e : fs::recursive_directory_iterator(path)) {
    if (e.is_regular_file()) {
      files[fs::relative(e.path(), path).string()] =
          *testing::ReadFileToString(e.path().string());
    }
  }
  return files;
}

// The ties of a message, failing with `error` at the `fail_at`th.
class FailingTies final : public TieStream {
 public:
  FailingTies(const District& d, int fail_at) : d_(d), fail_at_(fail_at) {}
  std::int64_t size() const override { return d_.ties_size(); }
  absl::Status ForEachIn(std::int64_t begin, std::int64_t end,
                         TieVisitor visit) const override {
    for (std::int64_t i = begin; i < end; ++i) {
      if (i == fail_at_) return absl::InvalidArgumentError("tie refused");
      if (absl::Status s = visit(d_.ties(static_cast<int>(i))); !s.ok()) {
        return s;
      }
    }
    return absl::OkStatus();
  }

 private:
  const District& d_;
  int fail_at_;
};

TEST_F(DistrictIoTest, StreamedTiesWriteTheFilesTheMessageWithThemWrites) {
  const District whole = Sample();
  District roster = whole;
  roster.clear_ties();
  // Its own ties are not written: the stream's are.
  District other_ties = roster;
  *other_ties.add_ties() = whole.ties(1);
  for (const std::string name :
       {"d.pb", "d.textproto", "csvdir", "d.graphml", "d.gexf", "d.net", "d.dl",
        "d.edges", "d.edges.gz"}) {
    SCOPED_TRACE(name);
    ASSERT_TRUE(WriteDistrict(whole, Path("message-" + name)).ok());
    ASSERT_TRUE(
        WriteDistrict(roster, MessageTies(whole), Path("stream-" + name)).ok());
    ASSERT_TRUE(
        WriteDistrict(other_ties, MessageTies(whole), Path("own-" + name))
            .ok());
    EXPECT_EQ(FilesAt(Path("stream-" + name)),
              FilesAt(Path("message-" + name)));
    EXPECT_EQ(FilesAt(Path("own-" + name)), FilesAt(Path("message-" + name)));
  }
  // Siblings (.clu, .nodes) were written beside the named files.
  EXPECT_TRUE(std::filesystem::exists(Path("stream-d.clu")));
  EXPECT_TRUE(std::filesystem::exists(Path("stream-d.nodes")));
}

TEST_F(DistrictIoTest, AStreamsErrorIsTheWritesAndNothingIsWritten) {
  const District whole = Sample();
  District roster = whole;
  roster.clear_ties();
  for (const std::string name : {"d.pb", "csvdir", "d.textproto"}) {
    SCOPED_TRACE(name);
    absl::Status s = WriteDistrict(roster, FailingTies(whole, 1), Path(name));
    EXPECT_EQ(s, absl::InvalidArgumentError("tie refused"));
    EXPECT_FALSE(std::filesystem::exists(Path(name)));
  }
  // A folder already there is left as it was.
  ASSERT_TRUE(WriteDistrict(whole, Path("kept")).ok());
  const auto before = FilesAt(Path("kept"));
  EXPECT_FALSE(WriteDistrict(roster, FailingTies(whole, 1), Path("kept")).ok());
  EXPECT_EQ(FilesAt(Path("kept")), before);
  for (const auto& e : std::filesystem::directory_iterator(dir_)) {
    EXPECT_THAT(e.path().filename().string(),
                ::testing::Not(HasSubstr(".tmp-")));
  }
}

TEST_F(DistrictIoTest, AStateOfTiesIsWrittenOnEveryCoreAsOnOne) {
  // Enough ties for several blocks, serialized on several threads at once
  // and written in order: the bytes the message with them serializes to.
  District whole = Sample();
  const District sample = whole;
  for (int i = 0; i < 300000; ++i) {
    Tie& t = *whole.add_ties();
    t = sample.ties(i % sample.ties_size());
    t.set_weight(1 + i % 7);
  }
  District roster = whole;
  roster.clear_ties();
  std::string message;
  ASSERT_TRUE(whole.SerializeToString(&message));
  ASSERT_TRUE(WriteDistrict(whole, Path("message-csv")).ok());
  const auto csv = FilesAt(Path("message-csv"));
  const int threads = omp_get_max_threads();
  for (int t : {1, 2, 4}) {
    omp_set_num_threads(t);
    ASSERT_TRUE(WriteDistrict(roster, MessageTies(whole), Path("d.pb")).ok());
    EXPECT_EQ(*testing::ReadFileToString(Path("d.pb")), message) << t;
    const std::string dir = Path(absl::StrCat("csv", t));
    ASSERT_TRUE(WriteDistrict(roster, MessageTies(whole), dir).ok());
    EXPECT_EQ(FilesAt(dir), csv) << t;
    // A tie refused in a late block is the write's error, and nothing is
    // written.
    for (const std::string name : {"e.pb", "e-csv"}) {
      EXPECT_EQ(WriteDistrict(roster, FailingTies(whole, 250000), Path(name)),
                absl::InvalidArgumentError("tie refused"));
      EXPECT_FALSE(std::filesystem::exists(Path(name)));
    }
  }
  omp_set_num_threads(threads);
}

}  // namespace
}  // namespace collabnet
