#include "io/csv_table.h"

#include <limits>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"

namespace collabnet {

void FileErrors::BeforeAdd() {
  if (!before_add_ || in_before_add_) return;
  in_before_add_ = true;
  before_add_();
  in_before_add_ = false;
}

void FileErrors::Add(std::int64_t line, absl::string_view field,
                     absl::string_view what) {
  BeforeAdd();
  ++count_;
  if (count_ <= kMaxShown) {
    messages_.push_back(
        absl::StrCat(file_, ":", line, ": field '", field, "': ", what));
    lines_.push_back(line);
  }
}

void FileErrors::AddLine(std::int64_t line, absl::string_view what) {
  BeforeAdd();
  ++count_;
  if (count_ <= kMaxShown) {
    messages_.push_back(absl::StrCat(file_, ":", line, ": ", what));
    lines_.push_back(line);
  }
}

void FileErrors::AddLocated(absl::string_view message) {
  BeforeAdd();
  ++count_;
  if (count_ <= kMaxShown) {
    messages_.emplace_back(message);
    lines_.push_back(std::numeric_limits<std::int64_t>::max());
  }
}

void FileErrors::MergeFrom(const FileErrors& other) {
  std::vector<std::string> messages;
  std::vector<std::int64_t> lines;
  std::size_t i = 0;
  std::size_t j = 0;
  while (messages.size() < static_cast<std::size_t>(kMaxShown) &&
         (i < messages_.size() || j < other.messages_.size())) {
    const bool mine = j == other.messages_.size() ||
                      (i < messages_.size() && lines_[i] <= other.lines_[j]);
    if (mine) {
      messages.push_back(std::move(messages_[i]));
      lines.push_back(lines_[i++]);
    } else {
      messages.push_back(other.messages_[j]);
      lines.push_back(other.lines_[j++]);
    }
  }
  messages_ = std::move(messages);
  lines_ = std::move(lines);
  count_ += other.count_;
}

void FileErrors::AppendTo(std::vector<std::string>& out) const {
  out.insert(out.end(), messages_.begin(), messages_.end());
  if (count_ > kMaxShown) {
    out.push_back(absl::StrCat(file_, ": ", count_ - kMaxShown,
                               " more errors not shown"));
  }
}

absl::Status ErrorsToStatus(const std::vector<const FileErrors*>& lists) {
  std::vector<std::string> messages;
  for (const FileErrors* list : lists) list->AppendTo(messages);
  if (messages.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrJoin(messages, "\n"));
}

CsvHeader::CsvHeader(const CsvRecord& record,
                     const std::vector<absl::string_view>& known,
                     const std::vector<absl::string_view>& required,
                     FileErrors& errors) {
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    const std::string name =
        absl::AsciiStrToLower(absl::StripAsciiWhitespace(record.fields[i]));
    bool is_known = false;
    for (absl::string_view k : known) is_known |= (k == name);
    if (!is_known) {
      errors.AddLine(
          record.line,
          absl::StrCat("unknown column '", record.fields[i],
                       "'; expected columns: ", absl::StrJoin(known, ",")));
      continue;
    }
    if (Has(name)) {
      errors.AddLine(record.line,
                     absl::StrCat("column '", name, "' appears twice"));
      continue;
    }
    columns_.emplace_back(name, i);
  }
  for (absl::string_view r : required) {
    if (!Has(r)) {
      errors.AddLine(record.line,
                     absl::StrCat("missing required column '", r, "'"));
    }
  }
  width_ = record.fields.size();
}

bool CsvHeader::Has(absl::string_view name) const {
  for (const auto& [column, position] : columns_) {
    if (column == name) return true;
  }
  return false;
}

std::size_t CsvHeader::Position(absl::string_view name) const {
  for (const auto& [column, position] : columns_) {
    if (column == name) return position;
  }
  return kAbsent;
}

absl::string_view CsvHeader::Get(const CsvRecord& record,
                                 absl::string_view name) const {
  return At(record, Position(name));
}

std::optional<CsvHeader> ReadCsvHeader(
    CsvReader& reader, FileErrors& errors,
    const std::vector<absl::string_view>& known,
    const std::vector<absl::string_view>& required,
    const std::function<void(const CsvHeader&, std::int64_t line)>&
        header_check) {
  CsvRecord record;
  if (!reader.Next(record)) {
    if (reader.status().ok()) {
      errors.AddLine(1, absl::StrCat("the file is empty; expected a header: ",
                                     absl::StrJoin(known, ",")));
    } else {
      errors.AddLocated(reader.status().message());
    }
    return std::nullopt;
  }
  const std::int64_t before = errors.count();
  CsvHeader header(record, known, required, errors);
  if (header_check) header_check(header, record.line);
  if (errors.count() > before) return std::nullopt;
  return header;
}

void ForEachCsvRecord(
    CsvReader& reader, const CsvHeader& header, FileErrors& errors,
    const std::function<void(const CsvHeader&, const CsvRecord&)>& row) {
  CsvRecord record;
  while (reader.Next(record)) {
    if (record.fields.size() != header.width()) {
      errors.AddLine(record.line,
                     absl::StrCat("has ", record.fields.size(),
                                  " fields; the header has ", header.width()));
      continue;
    }
    row(header, record);
  }
  if (!reader.status().ok()) errors.AddLocated(reader.status().message());
}

void ForEachCsvRow(
    std::istream& in, FileErrors& errors,
    const std::vector<absl::string_view>& known,
    const std::vector<absl::string_view>& required,
    const std::function<void(const CsvHeader&, const CsvRecord&)>& row,
    const std::function<void(const CsvHeader&, std::int64_t line)>&
        header_check) {
  CsvReader reader(in, errors.file());
  const std::optional<CsvHeader> header =
      ReadCsvHeader(reader, errors, known, required, header_check);
  if (header) ForEachCsvRecord(reader, *header, errors, row);
}

std::optional<bool> ParseBoolText(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  if (text.empty()) return false;
  for (absl::string_view no : {"false", "no", "0", "n"}) {
    if (absl::EqualsIgnoreCase(text, no)) return false;
  }
  for (absl::string_view yes : {"true", "yes", "1", "y"}) {
    if (absl::EqualsIgnoreCase(text, yes)) return true;
  }
  return std::nullopt;
}

std::string Quoted(absl::string_view text) {
  return absl::StrCat("'", text, "'");
}

std::optional<absl::CivilDay> ParseIsoDate(absl::string_view text) {
  // By hand: ingest reads a date a row, and the general civil-time parser
  // costs more than the rest of the row.
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (std::size_t i = starts[k]; i < starts[k] + lengths[k]; ++i) {
      const char c = text[i];
      if (c < '0' || c > '9') return std::nullopt;
      parts[k] = parts[k] * 10 + (c - '0');
    }
  }
  // Checked against the calendar here: CivilDay would normalise
  // (2019-02-30 becomes 2019-03-02), and asking it costs more than the rest.
  constexpr int kMonthDays[12] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  const int year = parts[0];
  const int month = parts[1];
  const int day = parts[2];
  if (month < 1 || month > 12 || day < 1) return std::nullopt;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > kMonthDays[month - 1] + (month == 2 && leap ? 1 : 0)) {
    return std::nullopt;
  }
  return absl::CivilDay(year, month, day);
}

bool IsIsoDate(absl::string_view text) {
  return ParseIsoDate(text).has_value();
}

std::optional<FieldError> CheckSeenDates(absl::string_view first_seen,
                                         absl::string_view last_seen) {
  std::optional<absl::CivilDay> days[2];
  const absl::string_view texts[2] = {first_seen, last_seen};
  const char* fields[2] = {"first_seen", "last_seen"};
  for (int i = 0; i < 2; ++i) {
    if (texts[i].empty()) continue;
    days[i] = ParseIsoDate(texts[i]);
    if (!days[i]) {
      return FieldError{fields[i],
                        absl::StrCat("found ", Quoted(texts[i]),
                                     "; expected a date YYYY-MM-DD")};
    }
  }
  if (days[0] && days[1] && *days[1] < *days[0]) {
    return FieldError{
        "last_seen",
        absl::StrCat("found ", Quoted(texts[1]), ", before first_seen ",
                     Quoted(texts[0]), "; expected the same day or later")};
  }
  return std::nullopt;
}

std::string FormatIsoDate(absl::CivilDay day) {
  std::string out(10, '-');
  auto put = [&](std::size_t at, int value, int width) {
    for (int i = width - 1; i >= 0; --i) {
      out[at + static_cast<std::size_t>(i)] =
          static_cast<char>('0' + value % 10);
      value /= 10;
    }
  };
  put(0, static_cast<int>(day.year()), 4);
  put(5, day.month(), 2);
  put(8, day.day(), 2);
  return out;
}

namespace {

bool AllDigits(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// A time of day after a date: HH:MM, optional :SS and fraction, optional
// zone. Only its shape is checked; the date is what is kept.
bool IsTimeOfDay(absl::string_view t) {
  if (t.size() < 5 || !AllDigits(t.substr(0, 2)) || t[2] != ':' ||
      !AllDigits(t.substr(3, 2))) {
    return false;
  }
  int hour = 0;
  int minute = 0;
  if (!absl::SimpleAtoi(t.substr(0, 2), &hour) ||
      !absl::SimpleAtoi(t.substr(3, 2), &minute) || hour > 23 || minute > 59) {
    return false;
  }
  t.remove_prefix(5);
  if (absl::ConsumePrefix(&t, ":")) {
    int second = 0;
    // 60: a leap second.
    if (t.size() < 2 || !AllDigits(t.substr(0, 2)) ||
        !absl::SimpleAtoi(t.substr(0, 2), &second) || second > 60) {
      return false;
    }
    t.remove_prefix(2);
    if (absl::ConsumePrefix(&t, ".")) {
      std::size_t n = 0;
      while (n < t.size() &&
             absl::ascii_isdigit(static_cast<unsigned char>(t[n]))) {
        ++n;
      }
      if (n == 0) return false;
      t.remove_prefix(n);
    }
  }
  if (t.empty() || t == "Z") return true;
  // A zone's offset: the world's run from -12:00 to +14:00.
  int zone_hours = 0;
  int zone_minutes = 0;
  if (!((t[0] == '+' || t[0] == '-') && t.size() == 6 && t[3] == ':' &&
        AllDigits(t.substr(1, 2)) && AllDigits(t.substr(4, 2)) &&
        absl::SimpleAtoi(t.substr(1, 2), &zone_hours) &&
        absl::SimpleAtoi(t.substr(4, 2), &zone_minutes) &&
        zone_minutes <= 59)) {
    return false;
  }
  return zone_hours * 60 + zone_minutes <= (t[0] == '+' ? 14 : 12) * 60;
}

}  // namespace

std::optional<DayRange> ParseWhen(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  if (const std::optional<absl::CivilDay> date =
          text.size() >= 10 ? ParseIsoDate(text.substr(0, 10)) : std::nullopt) {
    const absl::CivilDay day = *date;
    absl::string_view rest = text.substr(10);
    if (rest.empty()) return DayRange{day, day};
    if ((rest[0] == 'T' || rest[0] == ' ') && IsTimeOfDay(rest.substr(1))) {
      return DayRange{day, day};
    }
    return std::nullopt;
  }
  // School years: 2018, 2018-19, 2018-2019.
  int start = 0;
  if (text.size() < 4 || !AllDigits(text.substr(0, 4)) ||
      !absl::SimpleAtoi(text.substr(0, 4), &start) || start < 1900) {
    return std::nullopt;
  }
  absl::string_view rest = text.substr(4);
  if (!rest.empty()) {
    if (!absl::ConsumePrefix(&rest, "-") && !absl::ConsumePrefix(&rest, "/")) {
      return std::nullopt;
    }
    int end = 0;
    if (!AllDigits(rest) || !absl::SimpleAtoi(rest, &end)) return std::nullopt;
    const int next = start + 1;
    if (!((rest.size() == 2 && end == next % 100) ||
          (rest.size() == 4 && end == next))) {
      return std::nullopt;
    }
  }
  return DayRange{absl::CivilDay(start, 8, 1),
                  absl::CivilDay(start + 1, 7, 31)};
}

}  // namespace collabnet
