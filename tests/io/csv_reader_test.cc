#include "io/csv_reader.h"

#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/csv_table.h"
#include "text/csv_field.h"

namespace collabnet {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A record's fields copied out: the reader's views last one call.
struct Row {
  std::vector<std::string> fields;
  std::int64_t line;
};

std::vector<Row> ReadAll(const std::string& text, absl::Status* status) {
  std::istringstream in(text);
  CsvReader reader(in, "f.csv");
  std::vector<Row> out;
  CsvRecord r;
  while (reader.Next(r)) {
    out.push_back({{r.fields.begin(), r.fields.end()}, r.line});
  }
  *status = reader.status();
  return out;
}

TEST(CsvReader, ReadsPlainRecordsWithLineNumbers) {
  absl::Status s;
  auto rows = ReadAll("a,b,c\n1,,3\n", &s);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_THAT(rows[0].fields, ElementsAre("a", "b", "c"));
  EXPECT_THAT(rows[1].fields, ElementsAre("1", "", "3"));
  EXPECT_EQ(rows[0].line, 1);
  EXPECT_EQ(rows[1].line, 2);
}

TEST(CsvReader, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  absl::Status s;
  auto rows =
      ReadAll("\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,1,2\n", &s);
  ASSERT_TRUE(s.ok()) << s;
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_THAT(rows[0].fields, ElementsAre("x, y", "say \"hi\"", "two\nlines"));
  EXPECT_EQ(rows[1].line, 3);  // the quoted line break counts
}

TEST(CsvReader, AcceptsByteOrderMarkCrlfLoneCrAndBlankLines) {
  absl::Status s;
  auto rows = ReadAll("\xEF\xBB\xBFid,x\r\n\r\n1,2\r3,4", &s);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_THAT(rows[0].fields, ElementsAre("id", "x"));
  EXPECT_THAT(rows[1].fields, ElementsAre("1", "2"));
  EXPECT_EQ(rows[1].line, 3);
  EXPECT_THAT(rows[2].fields, ElementsAre("3", "4"));
  EXPECT_EQ(rows[2].line, 4);
}

TEST(CsvReader, EmptyInputHasNoRecords) {
  absl::Status s;
  EXPECT_TRUE(ReadAll("", &s).empty());
  EXPECT_TRUE(s.ok());
}

TEST(CsvReader, UnclosedQuoteIsAnErrorNamingItsLine) {
  absl::Status s;
  ReadAll("a,b\n1,\"open\n", &s);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("f.csv:2"));
  EXPECT_THAT(s.message(), HasSubstr("never closed"));
}

TEST(CsvReader, TextAfterAClosingQuoteIsAnError) {
  absl::Status s;
  ReadAll("\"a\"b,c\n", &s);
  EXPECT_THAT(s.message(), HasSubstr("f.csv:1: field 1"));
}

TEST(CsvReader, ReadsRecordsLongerThanItsBuffer) {
  const std::string big(200000, 'x');
  absl::Status s;
  auto rows = ReadAll("h\n" + big + "\n\"" + big + "\"\n", &s);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].fields[0], big);
  EXPECT_EQ(rows[2].fields[0], big);
}

TEST(AppendCsvField, QuotesOnlyWhenNeededAndRoundTrips) {
  for (const std::string field :
       {"plain", "", "a,b", "say \"hi\"", "two\nlines", " padded "}) {
    std::string line;
    AppendCsvField(field, line);
    if (field == "plain") {
      EXPECT_EQ(line, "plain");
    }
    std::istringstream in(line + "\n");
    CsvReader reader(in, "f");
    CsvRecord r;
    if (field.empty()) {
      EXPECT_FALSE(reader.Next(r));  // a blank line
      continue;
    }
    ASSERT_TRUE(reader.Next(r));
    EXPECT_THAT(r.fields, ElementsAre(field));
  }
}

TEST(CsvReader, CrLfSplitAcrossReadsIsOneLineEnd) {
  // The reader reads 64 KiB at a time: this CR is the first read's last
  // byte and its LF the second read's first.
  const std::string first(65535, 'x');
  absl::Status s;
  auto rows = ReadAll(first + "\r\nb,c\r\n\r\nd\n", &s);
  ASSERT_TRUE(s.ok()) << s;
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields[0], first);
  EXPECT_THAT(rows[1].fields, ElementsAre("b", "c"));
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[2].line, 4);
}

TEST(ParseWhen, TimesAndZonesMustBeReal) {
  for (const char* ok :
       {"2019-03-04", "2019-03-04T10:30", "2019-03-04 10:30:59Z",
        "2019-03-04T23:59:60+14:00", "2019-03-04T00:00:00.25-12:00",
        "2019-03-04T10:30+05:45", "2018-19", "2018-2019", "2018"}) {
    EXPECT_TRUE(ParseWhen(ok).has_value()) << ok;
  }
  for (const char* bad : {"2019-03-04T10:30+99:00", "2019-03-04T10:30+05:60",
                          "2019-03-04T10:30+14:59", "2019-03-04T10:30-12:30",
                          "2019-03-04T10:30:61", "2019-03-04T24:00",
                          "2019-03-04T10:30+5:00", "2019-02-30", "2018-20"}) {
    EXPECT_FALSE(ParseWhen(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace collabnet
