#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/atomic_file.h"
#include "io/input_file.h"
#include "tests/testing/scratch_dir.h"

namespace collabnet {
namespace {

using ::testing::HasSubstr;
using InputOutputTest = testing::ScratchDirTest;

std::string Message(const absl::Status& s) { return std::string(s.message()); }

absl::Status ReadAll(const std::string& path) {
  return ReadInputToString(path, 1 << 30).status();
}

TEST_F(InputOutputTest, RefusesNulUtf16AndFolders) {
  EXPECT_THAT(Message(ReadAll(Write("nul.txt", std::string("a\nb\0c\n", 6)))),
              HasSubstr("nul.txt:2: holds a NUL byte"));
  EXPECT_THAT(Message(ReadAll(Write("u16.txt",
                                    "\xFF\xFE"
                                    "a\0"))),
              HasSubstr("u16.txt is UTF-16 text"));
  std::filesystem::create_directories(Path("dir"));
  EXPECT_THAT(Message(ReadAll(Path("dir"))),
              HasSubstr("dir is a folder; expected a file"));
  symlink("loop", Path("loop").c_str());
  EXPECT_THAT(Message(ReadAll(Path("loop"))),
              HasSubstr("Too many levels of symbolic links"));
  // Binary content may hold anything.
  EXPECT_TRUE(ReadInputToString(Write("bin.pb", std::string("\0\1\2", 3)), 100,
                                InputFile::Content::kBinary)
                  .ok());
}

TEST_F(InputOutputTest, TextIsUtf8) {
  // Two-, three- and four-byte characters pass.
  EXPECT_TRUE(
      ReadAll(Write("ok.txt", "Jos\xC3\xA9,\xE2\x82\xAC,\xF0\x9F\x8E\x93\n"))
          .ok());
  // Latin-1, a lone continuation byte, an overlong form, a surrogate, and a
  // character cut off at the end.
  EXPECT_THAT(Message(ReadAll(Write("l1.txt", "a\nJos\xE9\n"))),
              HasSubstr("l1.txt:2: is not UTF-8 text (byte 0xE9: Latin-1"));
  EXPECT_THAT(Message(ReadAll(Write("c.txt", "\x80\n"))),
              HasSubstr("c.txt:1: is not UTF-8"));
  EXPECT_THAT(Message(ReadAll(Write("o.txt", "\xC0\xAF\n"))),
              HasSubstr("o.txt:1: is not UTF-8"));
  EXPECT_THAT(Message(ReadAll(Write("s.txt", "\xED\xA0\x80\n"))),
              HasSubstr("s.txt:1: is not UTF-8"));
  EXPECT_THAT(Message(ReadAll(Write("cut.txt", "ab\xE2\x82"))),
              HasSubstr("it ends inside a character"));
  // A character split between two reads is one character.
  const std::string split = std::string((1 << 18) - 1, 'a') + "\xC3\xA9\n";
  EXPECT_TRUE(ReadAll(Write("split.txt", split)).ok());
}

TEST_F(InputOutputTest, LineLimitCountsLinesAcrossChunks) {
  const InputLimits defaults = GetInputLimits();
  InputLimits small = defaults;
  small.max_line_bytes = 10;
  SetInputLimits(small);
  // Exactly at the limit passes; CR, LF and CRLF all end lines.
  EXPECT_TRUE(
      ReadAll(Write("ok.txt", "0123456789\r0123456789\r\n0123456789")).ok());
  EXPECT_THAT(Message(ReadAll(Write("long.txt", "a\nb\n0123456789x\n"))),
              HasSubstr("long.txt:3: the line is longer than 10 bytes"));
  SetInputLimits(defaults);
  // A line longer than a read chunk, past the default limit.
  EXPECT_THAT(Message(ReadAll(Write("huge.txt", std::string(3 << 20, 'y')))),
              HasSubstr("huge.txt:1: the line is longer than 1 MiB"));
}

TEST_F(InputOutputTest, GzipTruncatedCorruptAndBomb) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += std::to_string(i) + " x\n";
  const std::string gz = GzipCompress(text);
  ASSERT_TRUE(ReadInputToString(Write("whole.gz", gz), 1 << 30).ok());
  EXPECT_EQ(*ReadInputToString(Path("whole.gz"), 1 << 30), text);
  EXPECT_THAT(Message(ReadAll(Write("cut.gz", gz.substr(0, gz.size() / 2)))),
              HasSubstr("the gzip stream ends early"));
  std::string bad = gz;
  for (std::size_t i = 40; i < 60; ++i) bad[i] = static_cast<char>(~bad[i]);
  EXPECT_THAT(Message(ReadAll(Write("bad.gz", bad))),
              HasSubstr("the gzip stream is corrupt"));
  // 64 MiB of one repeated line compresses about a thousandfold.
  const std::string bomb = GzipCompress(std::string(64 << 20, '\n'));
  EXPECT_THAT(Message(ReadAll(Write("bomb.gz", bomb))),
              HasSubstr("expands to more than 100 times its compressed size"));
}

TEST_F(InputOutputTest, WholeFileReadsHaveACap) {
  EXPECT_THAT(
      Message(ReadInputToString(Write("big.txt", std::string(5000, 'a') + "\n"),
                                1000, InputFile::Content::kText, "the key file")
                  .status()),
      HasSubstr("the key file "));
}

TEST_F(InputOutputTest, AnOutputNeverReplacesAnInputOrANonFile) {
  const std::string in = Write("in.txt", "given\n");
  ASSERT_TRUE(ReadAll(in).ok());
  EXPECT_THAT(Message(WriteFileAtomically(in, "lost")),
              HasSubstr("it is an input of this run"));
  EXPECT_EQ(*testing::ReadFileToString(in), "given\n");
  mkfifo(Path("pipe").c_str(), 0600);
  EXPECT_THAT(Message(WriteFileAtomically(Path("pipe"), "x")),
              HasSubstr("not a regular file"));
  EXPECT_THAT(
      Message(WriteFilesAtomically({{Path("a"), "1"}, {Path("a"), "2"}})),
      HasSubstr("two outputs name one file"));
  EXPECT_FALSE(std::filesystem::exists(Path("a")));
}

TEST_F(InputOutputTest, AnOutputKeepsItsModeAndItsSymlink) {
  const std::string out = Write("out.txt", "old");
  chmod(out.c_str(), 0600);
  symlink(out.c_str(), Path("link.txt").c_str());
  ASSERT_TRUE(WriteFileAtomically(Path("link.txt"), "new").ok());
  struct stat st {};
  ASSERT_EQ(lstat(Path("link.txt").c_str(), &st), 0);
  EXPECT_TRUE(S_ISLNK(st.st_mode));
  ASSERT_EQ(stat(out.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(*testing::ReadFileToString(out), "new");
}

TEST_F(InputOutputTest, AFolderIsSwappedWholeKeepingOtherFiles) {
  const std::string dir = Path("out");
  ASSERT_TRUE(
      WriteFolderAtomically(dir, {{"a.csv", "1"}, {"b.csv", "2"}}).ok());
  Write("out/notes.txt", "mine");
  ASSERT_TRUE(
      WriteFolderAtomically(dir, {{"a.csv", "3"}, {"b.csv", "4"}}).ok());
  EXPECT_EQ(*testing::ReadFileToString(Path("out/a.csv")), "3");
  EXPECT_EQ(*testing::ReadFileToString(Path("out/notes.txt")), "mine");
  // A subfolder could not be kept: nothing is written.
  std::filesystem::create_directories(Path("out/sub"));
  EXPECT_THAT(Message(WriteFolderAtomically(dir, {{"a.csv", "5"}})),
              HasSubstr("it holds sub"));
  EXPECT_EQ(*testing::ReadFileToString(Path("out/a.csv")), "3");
  for (const auto& e : std::filesystem::directory_iterator(dir_)) {
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos)
        << e.path();
  }
}

}  // namespace
}  // namespace collabnet
