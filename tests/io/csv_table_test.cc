#include "io/csv_table.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace collabnet {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Messages(const FileErrors& errors) {
  std::vector<std::string> out;
  errors.AppendTo(out);
  return out;
}

TEST(FileErrorsTest, MergedListsKeepTheFilesLineOrderAndTheReaderStopLast) {
  FileErrors read("f.csv");
  read.Add(2, "date", "bad");
  read.Add(7, "date", "bad");
  read.AddLocated("f.csv:9: an unterminated quote");
  FileErrors handled("f.csv");
  handled.Add(3, "to", "off roster");
  handled.Add(7, "to", "off roster");
  read.MergeFrom(handled);
  EXPECT_EQ(read.count(), 5);
  EXPECT_THAT(Messages(read), ElementsAre("f.csv:2: field 'date': bad",
                                          "f.csv:3: field 'to': off roster",
                                          "f.csv:7: field 'date': bad",
                                          "f.csv:7: field 'to': off roster",
                                          "f.csv:9: an unterminated quote"));
}

TEST(FileErrorsTest, MergedListsShowWhatOneListWould) {
  // Each list past the cap: the merge shows the first kMaxShown of both,
  // by line, and counts the rest.
  FileErrors one("f.csv");
  FileErrors a("f.csv");
  FileErrors b("f.csv");
  for (int line = 1; line <= 3 * FileErrors::kMaxShown; ++line) {
    one.AddLine(line, "x");
    (line % 3 == 0 ? b : a).AddLine(line, "x");
  }
  a.MergeFrom(b);
  EXPECT_EQ(a.count(), one.count());
  EXPECT_EQ(Messages(a), Messages(one));
}

}  // namespace
}  // namespace collabnet
