#include "ingest/district_csv.h"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "ingest/atomic_file.h"
#include "ingest/csv_reader.h"
#include "proto/channel_names.h"
#include "text/csv_field.h"

namespace collabnet {
namespace {

constexpr int kMaxErrorsPerFile = 20;

// Collects a file's errors so the user sees them all at once.
class ErrorList {
 public:
  explicit ErrorList(std::string file) : file_(std::move(file)) {}
  void Add(std::int64_t line, absl::string_view field, absl::string_view what) {
    ++count_;
    if (count_ <= kMaxErrorsPerFile) {
      messages_.push_back(
          absl::StrCat(file_, ":", line, ": field '", field, "': ", what));
    }
  }
  void AddLine(std::int64_t line, absl::string_view what) {
    ++count_;
    if (count_ <= kMaxErrorsPerFile) {
      messages_.push_back(absl::StrCat(file_, ":", line, ": ", what));
    }
  }
  bool empty() const { return count_ == 0; }
  void AppendTo(std::vector<std::string>& out) const {
    out.insert(out.end(), messages_.begin(), messages_.end());
    if (count_ > kMaxErrorsPerFile) {
      out.push_back(absl::StrCat(file_, ": ", count_ - kMaxErrorsPerFile,
                                 " more errors not shown"));
    }
  }

 private:
  std::string file_;
  std::vector<std::string> messages_;
  std::int64_t count_ = 0;
};

// Maps header names to column positions and checks the header.
class Header {
 public:
  Header(const CsvRecord& record, std::vector<absl::string_view> known,
         const std::vector<absl::string_view>& required, ErrorList& errors)
      : known_(std::move(known)) {
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      const std::string name =
          absl::AsciiStrToLower(absl::StripAsciiWhitespace(record.fields[i]));
      bool is_known = false;
      for (absl::string_view k : known_) is_known |= (k == name);
      if (!is_known) {
        errors.AddLine(
            record.line,
            absl::StrCat("unknown column '", record.fields[i],
                         "'; expected columns: ", absl::StrJoin(known_, ",")));
        continue;
      }
      if (!columns_.emplace(name, i).second) {
        errors.AddLine(record.line,
                       absl::StrCat("column '", name, "' appears twice"));
      }
    }
    for (absl::string_view r : required) {
      if (!columns_.contains(r)) {
        errors.AddLine(record.line,
                       absl::StrCat("missing required column '", r, "'"));
      }
    }
    width_ = record.fields.size();
  }

  // The field of `record` under column `name`, or "" if the column is absent.
  absl::string_view Get(const CsvRecord& record, absl::string_view name) const {
    auto it = columns_.find(name);
    if (it == columns_.end() || it->second >= record.fields.size()) return "";
    return record.fields[it->second];
  }
  std::size_t width() const { return width_; }

 private:
  std::vector<absl::string_view> known_;
  absl::flat_hash_map<std::string, std::size_t> columns_;
  std::size_t width_ = 0;
};

std::string Quote(absl::string_view s) { return absl::StrCat("'", s, "'"); }

bool ParseBool(absl::string_view text, bool& out) {
  const std::string lower =
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  if (lower.empty() || lower == "false" || lower == "no" || lower == "0" ||
      lower == "n") {
    out = false;
    return true;
  }
  if (lower == "true" || lower == "yes" || lower == "1" || lower == "y") {
    out = true;
    return true;
  }
  return false;
}

bool ParseDate(absl::string_view text) {
  absl::CivilDay day;
  return text.size() == 10 && absl::ParseCivilTime(text, &day);
}

// Trims an id, counting the change.
std::string NormalizeId(absl::string_view raw, CsvReadReport& report) {
  absl::string_view trimmed = absl::StripAsciiWhitespace(raw);
  if (trimmed.size() != raw.size()) ++report.ids_trimmed;
  return std::string(trimmed);
}

// Reads every record of a file through `row`, after checking the header.
template <typename RowFn>
void ForEachRow(std::istream& in, const std::string& name,
                std::vector<absl::string_view> known,
                std::vector<absl::string_view> required, ErrorList& errors,
                RowFn row) {
  CsvReader reader(in, name);
  CsvRecord record;
  if (!reader.Next(record)) {
    if (reader.status().ok()) {
      errors.AddLine(1, absl::StrCat("the file is empty; expected a header: ",
                                     absl::StrJoin(known, ",")));
    } else {
      errors.AddLine(1, reader.status().message());
    }
    return;
  }
  Header header(record, std::move(known), required, errors);
  while (reader.Next(record)) {
    if (record.fields.size() != header.width()) {
      errors.AddLine(record.line,
                     absl::StrCat("has ", record.fields.size(),
                                  " fields; the header has ", header.width()));
      continue;
    }
    row(header, record);
  }
  if (!reader.status().ok()) {
    errors.AddLine(record.line, reader.status().message());
  }
}

void ReadSchools(std::istream& in, const std::string& name, District& d,
                 absl::flat_hash_map<std::string, std::int64_t>& lines,
                 CsvReadReport& report, ErrorList& errors) {
  ForEachRow(
      in, name, {"id", "name", "title_i", "pbis", "readiness"}, {"id"}, errors,
      [&](const Header& h, const CsvRecord& r) {
        School school;
        school.set_id(NormalizeId(h.Get(r, "id"), report));
        school.set_name(std::string(h.Get(r, "name")));
        if (school.id().empty()) {
          errors.Add(r.line, "id", "is empty; expected a school id");
        } else if (auto [it, fresh] = lines.emplace(school.id(), r.line);
                   !fresh) {
          errors.Add(r.line, "id",
                     absl::StrCat("duplicate school id ", Quote(school.id()),
                                  ", first on line ", it->second));
        }
        bool flag = false;
        if (!ParseBool(h.Get(r, "title_i"), flag)) {
          errors.Add(r.line, "title_i",
                     absl::StrCat("found ", Quote(h.Get(r, "title_i")),
                                  "; expected true or false"));
        }
        school.set_title_i(flag);
        if (!ParseBool(h.Get(r, "pbis"), flag)) {
          errors.Add(r.line, "pbis",
                     absl::StrCat("found ", Quote(h.Get(r, "pbis")),
                                  "; expected true or false"));
        }
        school.set_pbis(flag);
        const absl::string_view readiness =
            absl::StripAsciiWhitespace(h.Get(r, "readiness"));
        double value = 0;
        if (!readiness.empty() && (!absl::SimpleAtod(readiness, &value) ||
                                   !(value >= 0) || !(value <= 1))) {
          errors.Add(r.line, "readiness",
                     absl::StrCat("found ", Quote(readiness),
                                  "; expected a number from 0 to 1"));
        }
        school.set_readiness(value);
        *d.add_schools() = std::move(school);
      });
}

bool ParseGrades(absl::string_view text, Teacher& t) {
  for (absl::string_view g :
       absl::StrSplit(text, ';', absl::SkipWhitespace())) {
    g = absl::StripAsciiWhitespace(g);
    int grade = 0;
    if (g == "K" || g == "k") {
      grade = 0;
    } else if (!absl::SimpleAtoi(g, &grade) || grade < 0 || grade > 12) {
      return false;
    }
    t.add_grades(grade);
  }
  return true;
}

void ReadTeachers(std::istream& in, const std::string& name, District& d,
                  const absl::flat_hash_map<std::string, std::int64_t>& schools,
                  absl::flat_hash_map<std::string, std::int64_t>& lines,
                  CsvReadReport& report, ErrorList& errors) {
  ForEachRow(
      in, name, {"id", "school", "grades", "subjects", "role", "name"},
      {"id", "school"}, errors, [&](const Header& h, const CsvRecord& r) {
        Teacher t;
        t.set_id(NormalizeId(h.Get(r, "id"), report));
        if (t.id().empty()) {
          errors.Add(r.line, "id", "is empty; expected a teacher id");
        } else if (auto [it, fresh] = lines.emplace(t.id(), r.line); !fresh) {
          errors.Add(r.line, "id",
                     absl::StrCat("duplicate teacher id ", Quote(t.id()),
                                  ", first on line ", it->second));
        }
        t.set_school_id(NormalizeId(h.Get(r, "school"), report));
        if (!schools.contains(t.school_id())) {
          errors.Add(r.line, "school",
                     absl::StrCat("school ", Quote(t.school_id()),
                                  " is not in the schools file"));
        }
        if (!ParseGrades(h.Get(r, "grades"), t)) {
          errors.Add(r.line, "grades",
                     absl::StrCat("found ", Quote(h.Get(r, "grades")),
                                  "; expected grades K or 1-12 separated by "
                                  "';'"));
        }
        for (absl::string_view s :
             absl::StrSplit(h.Get(r, "subjects"), ';', absl::SkipEmpty())) {
          t.add_subjects(std::string(s));
        }
        const std::optional<Role> role =
            ParseRole(absl::StripAsciiWhitespace(h.Get(r, "role")));
        if (!role) {
          errors.Add(r.line, "role",
                     absl::StrCat("found ", Quote(h.Get(r, "role")),
                                  "; expected one of ", RoleFileNames()));
        }
        t.set_role(role.value_or(TEACHER));
        t.set_name(std::string(h.Get(r, "name")));
        *d.add_teachers() = std::move(t);
      });
}

void ReadTies(std::istream& in, const std::string& name, District& d,
              const absl::flat_hash_map<std::string, std::int64_t>& teachers,
              CsvReadReport& report, ErrorList& errors) {
  ForEachRow(
      in, name,
      {"source", "target", "channel", "directed", "weight", "first_seen",
       "last_seen"},
      {"source", "target", "channel"}, errors,
      [&](const Header& h, const CsvRecord& r) {
        Tie tie;
        for (const char* end : {"source", "target"}) {
          std::string id = NormalizeId(h.Get(r, end), report);
          if (!teachers.contains(id)) {
            errors.Add(r.line, end,
                       absl::StrCat("teacher ", Quote(id),
                                    " is not on the roster (teachers file)"));
          }
          if (end[0] == 's') {
            tie.set_source(std::move(id));
          } else {
            tie.set_target(std::move(id));
          }
        }
        const absl::string_view ch =
            absl::StripAsciiWhitespace(h.Get(r, "channel"));
        if (const std::optional<Channel> c = ParseChannel(ch)) {
          tie.set_channel(*c);
        } else {
          errors.Add(r.line, "channel",
                     absl::StrCat("unknown channel ", Quote(ch),
                                  "; expected one of ", ChannelFileNames()));
        }
        bool directed = false;
        if (!ParseBool(h.Get(r, "directed"), directed)) {
          errors.Add(r.line, "directed",
                     absl::StrCat("found ", Quote(h.Get(r, "directed")),
                                  "; expected true or false"));
        }
        tie.set_directed(directed);
        const absl::string_view w =
            absl::StripAsciiWhitespace(h.Get(r, "weight"));
        if (!w.empty()) {
          double weight = 0;
          if (!absl::SimpleAtod(w, &weight) || !std::isfinite(weight) ||
              weight <= 0) {
            errors.Add(r.line, "weight",
                       absl::StrCat("found ", Quote(w),
                                    "; expected a positive number"));
          }
          tie.set_weight(weight);
        }
        for (const char* field : {"first_seen", "last_seen"}) {
          const absl::string_view date =
              absl::StripAsciiWhitespace(h.Get(r, field));
          if (!date.empty() && !ParseDate(date)) {
            errors.Add(r.line, field,
                       absl::StrCat("found ", Quote(date),
                                    "; expected a date YYYY-MM-DD"));
          }
          if (field[0] == 'f') {
            tie.set_first_seen(std::string(date));
          } else {
            tie.set_last_seen(std::string(date));
          }
        }
        *d.add_ties() = std::move(tie);
      });
}

std::string FormatDouble(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v);
  return std::string(buf, end);
}

std::string FormatGrades(const Teacher& t) {
  std::vector<std::string> out;
  for (int g : t.grades()) out.push_back(g == 0 ? "K" : absl::StrCat(g));
  return absl::StrJoin(out, ";");
}

}  // namespace

absl::StatusOr<District> ReadDistrictCsv(const DistrictCsvStreams& streams,
                                         CsvReadReport* report) {
  District district;
  CsvReadReport local;
  absl::flat_hash_map<std::string, std::int64_t> school_lines;
  absl::flat_hash_map<std::string, std::int64_t> teacher_lines;
  ErrorList school_errors(streams.schools_name);
  ErrorList teacher_errors(streams.teachers_name);
  ErrorList tie_errors(streams.ties_name);
  ReadSchools(*streams.schools, streams.schools_name, district, school_lines,
              local, school_errors);
  ReadTeachers(*streams.teachers, streams.teachers_name, district, school_lines,
               teacher_lines, local, teacher_errors);
  ReadTies(*streams.ties, streams.ties_name, district, teacher_lines, local,
           tie_errors);
  if (!school_errors.empty() || !teacher_errors.empty() ||
      !tie_errors.empty()) {
    std::vector<std::string> messages;
    school_errors.AppendTo(messages);
    teacher_errors.AppendTo(messages);
    tie_errors.AppendTo(messages);
    return absl::InvalidArgumentError(absl::StrJoin(messages, "\n"));
  }
  local.schools = district.schools_size();
  local.teachers = district.teachers_size();
  local.ties = district.ties_size();
  if (report != nullptr) *report = local;
  return district;
}

absl::StatusOr<District> ReadDistrictCsvDir(const std::string& dir,
                                            CsvReadReport* report) {
  namespace fs = std::filesystem;
  const fs::path base(dir);
  std::ifstream files[3];
  const char* names[3] = {"schools.csv", "teachers.csv", "ties.csv"};
  std::string paths[3];
  for (int i = 0; i < 3; ++i) {
    paths[i] = (base / names[i]).string();
    files[i].open(paths[i], std::ios::binary);
    if (!files[i]) {
      return absl::NotFoundError(absl::StrCat(
          "cannot open ", paths[i],
          "; a district folder holds schools.csv, teachers.csv and ties.csv"));
    }
  }
  DistrictCsvStreams streams{&files[0], &files[1], &files[2],
                             paths[0],  paths[1],  paths[2]};
  absl::StatusOr<District> district = ReadDistrictCsv(streams, report);
  if (district.ok()) {
    fs::path name = base.filename().empty() ? base.parent_path().filename()
                                            : base.filename();
    district->set_name(name.string());
  }
  return district;
}

DistrictCsvText FormatDistrictCsv(const District& district) {
  DistrictCsvText text;
  text.schools = "id,name,title_i,pbis,readiness\n";
  for (const School& s : district.schools()) {
    AppendCsvRow({s.id(), s.name(), s.title_i() ? "true" : "false",
                  s.pbis() ? "true" : "false", FormatDouble(s.readiness())},
                 text.schools);
  }
  text.teachers = "id,school,grades,subjects,role,name\n";
  for (const Teacher& t : district.teachers()) {
    AppendCsvRow({t.id(), t.school_id(), FormatGrades(t),
                  absl::StrJoin(t.subjects(), ";"),
                  std::string(RoleFileName(
                      t.role() == ROLE_UNSPECIFIED ? TEACHER : t.role())),
                  t.name()},
                 text.teachers);
  }
  text.ties = "source,target,channel,directed,weight,first_seen,last_seen\n";
  for (const Tie& tie : district.ties()) {
    AppendCsvRow({tie.source(), tie.target(),
                  std::string(ChannelFileName(tie.channel())),
                  tie.directed() ? "true" : "false",
                  tie.has_weight() ? FormatDouble(tie.weight()) : "",
                  tie.first_seen(), tie.last_seen()},
                 text.ties);
  }
  return text;
}

absl::Status WriteDistrictCsvDir(const District& district,
                                 const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    return absl::PermissionDeniedError(
        absl::StrCat("cannot create folder ", dir, ": ", ec.message()));
  }
  DistrictCsvText text = FormatDistrictCsv(district);
  const fs::path base(dir);
  return WriteFilesAtomically(
      {{(base / "schools.csv").string(), text.schools},
       {(base / "teachers.csv").string(), text.teachers},
       {(base / "ties.csv").string(), text.ties}});
}

}  // namespace collabnet
