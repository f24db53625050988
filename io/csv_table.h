// Reading header-named CSV tables with every error of a file collected, the
// shared ground of the district CSV folder and the collaboration-source
// layouts.
//
//   FileErrors errors("plc.csv");
//   ForEachCsvRow(in, errors, {"group", "member", "term"}, {"group", "member"},
//                 [&](const CsvHeader& h, const CsvRecord& r) {
//                   Use(h.Get(r, "group"), r.line);
//                 });
//   if (!errors.empty()) return errors.ToStatus();
#ifndef COLLABNET_IO_CSV_TABLE_H_
#define COLLABNET_IO_CSV_TABLE_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "io/csv_reader.h"

namespace collabnet {

// A file's errors, each "file:line: field 'f': what", kept up to a cap so a
// file with a systematic fault still gives a readable message.
class FileErrors {
 public:
  static constexpr int kMaxShown = 20;

  explicit FileErrors(std::string file) : file_(std::move(file)) {}
  void Add(std::int64_t line, absl::string_view field, absl::string_view what);
  void AddLine(std::int64_t line, absl::string_view what);
  // A message that already names its file and line (a reader's status).
  void AddLocated(absl::string_view message);
  bool empty() const { return count_ == 0; }
  std::int64_t count() const { return count_; }
  const std::string& file() const { return file_; }
  // The shown messages, then a line counting those not shown.
  void AppendTo(std::vector<std::string>& out) const;
  // Takes in `other`'s errors, of the same file: when each list was added
  // to in line order, so is the merged one, and it shows the same messages
  // one list would have. Two threads reading one file keep a list each.
  // A located message (AddLocated, a reader that stopped) sorts last.
  void MergeFrom(const FileErrors& other);

  // Called before each message is added (but not for messages `hook`
  // itself adds): a reader that holds rows back to check later checks
  // them first, so messages keep the file's order and none is crowded out
  // of the first kMaxShown. Cleared with nullptr before the hook's state
  // goes away.
  void SetBeforeAdd(std::function<void()> hook) {
    before_add_ = std::move(hook);
  }

 private:
  void BeforeAdd();

  std::function<void()> before_add_;
  bool in_before_add_ = false;
  std::string file_;
  std::vector<std::string> messages_;
  std::vector<std::int64_t> lines_;  // of messages_
  std::int64_t count_ = 0;
};

// InvalidArgument joining the messages of every list with errors, or OK.
absl::Status ErrorsToStatus(const std::vector<const FileErrors*>& lists);

// The header of a table: columns by lower-cased, trimmed name. Unknown and
// repeated columns and missing required ones are errors on the header line.
class CsvHeader {
 public:
  CsvHeader(const CsvRecord& record,
            const std::vector<absl::string_view>& known,
            const std::vector<absl::string_view>& required, FileErrors& errors);

  // The field of `record` under column `name`, or "" if the column is absent.
  absl::string_view Get(const CsvRecord& record, absl::string_view name) const;
  bool Has(absl::string_view name) const;

  // A column's position, for a reader that looks it up once rather than
  // scanning the header on every field of every row; kAbsent if the
  // header has no such column.
  static constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);
  std::size_t Position(absl::string_view name) const;
  // The field at `position` (from Position), or "" for kAbsent.
  static absl::string_view At(const CsvRecord& record, std::size_t position) {
    return position < record.fields.size() ? record.fields[position]
                                           : absl::string_view();
  }
  std::size_t width() const { return width_; }

 private:
  // (lower-cased name, position): a handful, so a scan beats hashing on
  // every field of every row.
  std::vector<std::pair<std::string, std::size_t>> columns_;
  std::size_t width_ = 0;
};

// Reads and checks a table's header (passing it to `header_check`, if
// given, for checks that depend on which columns are there). nullopt, with
// the errors added, for an empty file or a header with errors: its rows
// would only repeat them.
std::optional<CsvHeader> ReadCsvHeader(
    CsvReader& reader, FileErrors& errors,
    const std::vector<absl::string_view>& known,
    const std::vector<absl::string_view>& required,
    const std::function<void(const CsvHeader&, std::int64_t line)>&
        header_check = nullptr);

// Streams the rows after the header through `row`. Rows whose width
// differs from the header's are errors and are not passed on; a reader
// that stops on an error adds it.
void ForEachCsvRecord(
    CsvReader& reader, const CsvHeader& header, FileErrors& errors,
    const std::function<void(const CsvHeader&, const CsvRecord&)>& row);

// Streams the table in `in` through `row`, after checking its header (and
// passing it to `header_check`, if given, for checks that depend on which
// columns are there). A header with errors stops the file there: its rows
// would only repeat them. Rows whose width differs from the header's are
// errors and are not passed on. An empty file is an error naming the
// expected header.
void ForEachCsvRow(
    std::istream& in, FileErrors& errors,
    const std::vector<absl::string_view>& known,
    const std::vector<absl::string_view>& required,
    const std::function<void(const CsvHeader&, const CsvRecord&)>& row,
    const std::function<void(const CsvHeader&, std::int64_t line)>&
        header_check = nullptr);

// true/false, yes/no, y/n, 1/0 in any case; empty is false.
std::optional<bool> ParseBoolText(absl::string_view text);

// "'text'" for messages.
std::string Quoted(absl::string_view text);

// A span of days, both ends included, over which a record happened.
struct DayRange {
  absl::CivilDay first;
  absl::CivilDay last;
};

// Reads when a record happened: a date (YYYY-MM-DD), a date and time
// (YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM], or with a space before the time; the
// date is kept) or a school year (2018-19, 2018-2019 or 2018, running from
// 1 August to 31 July). nullopt if the text is none of these.
std::optional<DayRange> ParseWhen(absl::string_view text);

// The day `text` names if it is exactly an ISO date YYYY-MM-DD (a real
// one: 2019-02-30 is not).
std::optional<absl::CivilDay> ParseIsoDate(absl::string_view text);
bool IsIsoDate(absl::string_view text);
// The one rule for a tie's first_seen and last_seen, whatever format they
// came in: each empty or a date YYYY-MM-DD, the first not after the last.
// Nothing when they keep it; else the field at fault and what is wrong.
struct FieldError {
  std::string field;
  std::string what;
};
std::optional<FieldError> CheckSeenDates(absl::string_view first_seen,
                                         absl::string_view last_seen);
// YYYY-MM-DD, for years 0 to 9999.
std::string FormatIsoDate(absl::CivilDay day);

}  // namespace collabnet

#endif  // COLLABNET_IO_CSV_TABLE_H_
