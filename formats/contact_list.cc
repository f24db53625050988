#include "formats/contact_list.h"

#include <cmath>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "io/csv_table.h"
#include "io/line_reader.h"
#include "text/number_text.h"

namespace collabnet {
namespace {

int Split(absl::string_view line, absl::string_view* fields, int max) {
  int count = 0;
  std::size_t i = 0;
  auto sep = [](char c) { return c == ' ' || c == '\t' || c == ','; };
  while (i < line.size()) {
    while (i < line.size() && sep(line[i])) ++i;
    if (i == line.size()) break;
    const std::size_t start = i;
    while (i < line.size() && !sep(line[i])) ++i;
    if (count < max) fields[count] = line.substr(start, i - start);
    ++count;
  }
  return count;
}

// A first line is a header only when it names the columns: its first field
// is a time column's usual name and it has the 3 or 5 fields a record has.
// Anything else is a record, so a malformed first record is reported rather
// than skipped.
bool IsHeader(const absl::string_view* fields, int count) {
  if (count != 3 && count != 5) return false;
  static constexpr absl::string_view kTimeNames[] = {
      "t", "time", "timestamp", "date", "day", "datetime", "when"};
  for (absl::string_view name : kTimeNames) {
    if (absl::EqualsIgnoreCase(fields[0], name)) return true;
  }
  return false;
}

struct Contact {
  int u = 0;
  int v = 0;
  double count = 0;
  std::int64_t line = 0;  // the first contact's
  std::optional<absl::CivilDay> first;
  std::optional<absl::CivilDay> last;
};

}  // namespace

absl::StatusOr<District> ReadContactList(const std::string& path,
                                         const NetworkReadOptions& options,
                                         NetworkReadReport* report) {
  LineReader in;
  if (absl::Status s = in.Open(path); !s.ok()) return s;
  District district;
  NetworkBuilder b(district);
  std::vector<std::int64_t> tie_lines;
  if (options.record_tie_lines) b.RecordTieLines(&tie_lines);
  FileErrors errors(path);
  absl::flat_hash_map<std::pair<int, int>, std::size_t> index;
  std::vector<Contact> contacts;
  std::int64_t total = 0;
  absl::string_view line;
  absl::string_view f[5];
  bool first = true;
  while (in.Next(line)) {
    const absl::string_view text = absl::StripAsciiWhitespace(line);
    if (text.empty() || text[0] == '#' || text[0] == '%') continue;
    const int count = Split(text, f, 5);
    double numeric_time = 0;
    const bool numeric = count >= 1 && ParseNumber(f[0], &numeric_time) &&
                         std::isfinite(numeric_time);
    std::optional<DayRange> when = count >= 1 ? ParseWhen(f[0]) : std::nullopt;
    // A bare year reads as a school year; in a contact list it is a number.
    if (numeric && f[0].size() <= 4) when.reset();
    if (first) {
      first = false;
      if (!numeric && !when && IsHeader(f, count)) continue;
    }
    if (count != 3 && count != 5) {
      errors.AddLine(in.line_number(),
                     absl::StrCat("has ", count,
                                  " fields; expected t i j or t i j Si Sj"));
      continue;
    }
    if (!numeric && !when) {
      errors.Add(in.line_number(), "t",
                 absl::StrCat("found ", Quoted(f[0]),
                              "; expected a number or a date"));
      continue;
    }
    const int u = b.Node(f[1]);
    const int v = b.Node(f[2]);
    if (count == 5) {
      for (const auto& [node, school, field] :
           {std::tuple{u, f[3], "Si"}, std::tuple{v, f[4], "Sj"}}) {
        Teacher& t = b.teacher(node);
        if (t.school_id().empty()) {
          b.SchoolNamed(school);
          t.set_school_id(std::string(school));
        } else if (t.school_id() != school) {
          errors.Add(in.line_number(), field,
                     absl::StrCat("node ", Quoted(t.id()), " is in group ",
                                  Quoted(school), " here and ",
                                  Quoted(t.school_id()), " before"));
        }
      }
    }
    ++total;
    std::pair<int, int> key{u, v};
    if (!options.directed && v < u) key = {v, u};
    auto [it, fresh] = index.emplace(key, contacts.size());
    if (fresh) {
      Contact c;
      c.u = key.first;
      c.v = key.second;
      c.line = in.line_number();
      contacts.push_back(c);
    }
    Contact& c = contacts[it->second];
    c.count += 1;
    if (when) {
      c.first = c.first ? std::min(*c.first, when->first) : when->first;
      c.last = c.last ? std::max(*c.last, when->last) : when->last;
    }
  }
  if (!in.status().ok()) return in.status();
  if (absl::Status s = ErrorsToStatus({&errors}); !s.ok()) return s;
  for (const Contact& c : contacts) {
    Tie& tie = b.AddTie(c.u, c.v, options.channel, options.directed, c.line);
    if (c.count != 1) tie.set_weight(c.count);
    if (c.first) tie.set_first_seen(FormatIsoDate(*c.first));
    if (c.last) tie.set_last_seen(FormatIsoDate(*c.last));
  }
  b.Finish();
  NetworkReadReport local;
  local.nodes = district.teachers_size();
  local.ties = district.ties_size();
  local.merged = total - local.ties;
  local.tie_lines = std::move(tie_lines);
  if (report != nullptr) *report = std::move(local);
  return district;
}

}  // namespace collabnet
