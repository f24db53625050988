#include "formats/district_csv.h"

#include <algorithm>
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
#include "formats/teacher_fields.h"
#include "formats/tie_blocks.h"
#include "graph/district_graph.h"
#include "graph/id_index.h"
#include "io/atomic_file.h"
#include "io/csv_reader.h"
#include "io/csv_table.h"
#include "io/input_file.h"
#include "proto/channel_names.h"
#include "text/csv_field.h"
#include "text/number_text.h"

namespace collabnet {
namespace {

// Trims an id, counting the change.
std::string NormalizeId(absl::string_view raw, CsvReadReport& report) {
  absl::string_view trimmed = absl::StripAsciiWhitespace(raw);
  if (trimmed.size() != raw.size()) ++report.ids_trimmed;
  return std::string(trimmed);
}

void ReadSchools(std::istream& in, District& d,
                 absl::flat_hash_map<std::string, std::int64_t>& lines,
                 CsvReadReport& report, FileErrors& errors) {
  ForEachCsvRow(
      in, errors, {"id", "name", "title_i", "pbis", "readiness"}, {"id"},
      [&](const CsvHeader& h, const CsvRecord& r) {
        School school;
        school.set_id(NormalizeId(h.Get(r, "id"), report));
        school.set_name(std::string(h.Get(r, "name")));
        if (school.id().empty()) {
          errors.Add(r.line, "id", "is empty; expected a school id");
        } else if (auto [it, fresh] = lines.emplace(school.id(), r.line);
                   !fresh) {
          errors.Add(r.line, "id",
                     absl::StrCat("duplicate school id ", Quoted(school.id()),
                                  ", first on line ", it->second));
        }
        std::optional<bool> flag = ParseBoolText(h.Get(r, "title_i"));
        if (!flag) {
          errors.Add(r.line, "title_i",
                     absl::StrCat("found ", Quoted(h.Get(r, "title_i")),
                                  "; expected true or false"));
        }
        school.set_title_i(flag.value_or(false));
        flag = ParseBoolText(h.Get(r, "pbis"));
        if (!flag) {
          errors.Add(r.line, "pbis",
                     absl::StrCat("found ", Quoted(h.Get(r, "pbis")),
                                  "; expected true or false"));
        }
        school.set_pbis(flag.value_or(false));
        const absl::string_view readiness =
            absl::StripAsciiWhitespace(h.Get(r, "readiness"));
        double value = 0;
        if (!readiness.empty() && (!ParseNumber(readiness, &value) ||
                                   !(value >= 0) || !(value <= 1))) {
          errors.Add(r.line, "readiness",
                     absl::StrCat("found ", Quoted(readiness),
                                  "; expected a number from 0 to 1"));
        }
        school.set_readiness(value);
        *d.add_schools() = std::move(school);
      });
}

// With `add_schools`, a school id not yet known becomes a school with no
// attributes instead of an error.
void ReadTeachers(std::istream& in, District& d,
                  absl::flat_hash_map<std::string, std::int64_t>& schools,
                  bool add_schools,
                  absl::flat_hash_map<std::string, std::int64_t>& lines,
                  CsvReadReport& report, FileErrors& errors) {
  std::vector<absl::string_view> known{"id",       "school", "grades",
                                       "subjects", "role",   "name"};
  const std::string extra = absl::AsciiStrToLower(
      absl::StripAsciiWhitespace(report.extra_teacher_column));
  const bool has_extra = !extra.empty() && std::find(known.begin(), known.end(),
                                                     extra) == known.end();
  std::vector<absl::string_view> required{"id", "school"};
  if (has_extra) {
    known.push_back(extra);
    required.push_back(extra);
  }
  ForEachCsvRow(
      in, errors, known, required, [&](const CsvHeader& h, const CsvRecord& r) {
        // Filled where it lives (perhaps an arena): built apart and moved
        // in, it would be copied.
        Teacher& t = *d.add_teachers();
        t.set_id(NormalizeId(h.Get(r, "id"), report));
        if (has_extra) {
          report.extra_cells.push_back(
              {t.id(), std::string(h.Get(r, extra)), r.line});
        }
        if (t.id().empty()) {
          errors.Add(r.line, "id", "is empty; expected a teacher id");
        } else if (auto [it, fresh] = lines.emplace(t.id(), r.line); !fresh) {
          errors.Add(r.line, "id",
                     absl::StrCat("duplicate teacher id ", Quoted(t.id()),
                                  ", first on line ", it->second));
        }
        t.set_school_id(NormalizeId(h.Get(r, "school"), report));
        if (add_schools && !t.school_id().empty()) {
          if (schools.emplace(t.school_id(), r.line).second) {
            d.add_schools()->set_id(t.school_id());
          }
        } else if (!schools.contains(t.school_id())) {
          errors.Add(r.line, "school",
                     absl::StrCat("school ", Quoted(t.school_id()),
                                  " is not in the schools file"));
        }
        if (!ParseGrades(h.Get(r, "grades"), t)) {
          errors.Add(r.line, "grades",
                     absl::StrCat("found ", Quoted(h.Get(r, "grades")),
                                  "; expected grades K or 1-12 separated by "
                                  "';'"));
        }
        ParseSubjects(h.Get(r, "subjects"), t);
        const std::optional<Role> role =
            ParseRole(absl::StripAsciiWhitespace(h.Get(r, "role")));
        if (!role) {
          errors.Add(r.line, "role",
                     absl::StrCat("found ", Quoted(h.Get(r, "role")),
                                  "; expected one of ", RoleFileNames()));
        }
        t.set_role(role.value_or(TEACHER));
        t.set_name(std::string(h.Get(r, "name")));
      });
}

// One row of ties.csv, checked: every field but the roster check, which
// the caller makes against its own index.
struct TieRow {
  absl::string_view source;
  absl::string_view target;
  Channel channel = CHANNEL_UNSPECIFIED;
  bool directed = false;
  std::optional<double> weight;
  absl::string_view first_seen;
  absl::string_view last_seen;
};

const std::vector<absl::string_view>& TieColumns() {
  static const auto* columns = new std::vector<absl::string_view>{
      "source", "target",     "channel",  "directed",
      "weight", "first_seen", "last_seen"};
  return *columns;
}

// Where ties.csv's columns are, found once from its header: a row's seven
// fields are then seven reads, not seven scans of the header.
struct TieColumnsAt {
  std::size_t source = CsvHeader::kAbsent;
  std::size_t target = CsvHeader::kAbsent;
  std::size_t channel = CsvHeader::kAbsent;
  std::size_t directed = CsvHeader::kAbsent;
  std::size_t weight = CsvHeader::kAbsent;
  std::size_t first_seen = CsvHeader::kAbsent;
  std::size_t last_seen = CsvHeader::kAbsent;

  static TieColumnsAt Of(const CsvHeader& h) {
    return {h.Position("source"),   h.Position("target"),
            h.Position("channel"),  h.Position("directed"),
            h.Position("weight"),   h.Position("first_seen"),
            h.Position("last_seen")};
  }
};

// Reads the fields of a ties.csv row into `row`; false (with errors added)
// if one does not read.
bool ParseTieRow(const TieColumnsAt& at, const CsvRecord& r,
                 CsvReadReport& report, FileErrors& errors, TieRow& row) {
  bool ok = true;
  for (const bool source : {true, false}) {
    const absl::string_view raw =
        CsvHeader::At(r, source ? at.source : at.target);
    const absl::string_view id = absl::StripAsciiWhitespace(raw);
    if (id.size() != raw.size()) ++report.ids_trimmed;
    (source ? row.source : row.target) = id;
  }
  const absl::string_view ch =
      absl::StripAsciiWhitespace(CsvHeader::At(r, at.channel));
  if (const std::optional<Channel> c = ParseChannel(ch)) {
    row.channel = *c;
  } else {
    errors.Add(r.line, "channel",
               absl::StrCat("unknown channel ", Quoted(ch),
                            "; expected one of ", ChannelFileNames()));
    ok = false;
  }
  const absl::string_view directed_text = CsvHeader::At(r, at.directed);
  const std::optional<bool> directed = ParseBoolText(directed_text);
  if (!directed) {
    errors.Add(r.line, "directed",
               absl::StrCat("found ", Quoted(directed_text),
                            "; expected true or false"));
    ok = false;
  }
  row.directed = directed.value_or(false);
  const absl::string_view w =
      absl::StripAsciiWhitespace(CsvHeader::At(r, at.weight));
  row.weight.reset();
  if (!w.empty()) {
    double weight = 0;
    if (!ParseNumber(w, &weight) || !std::isfinite(weight) || weight <= 0) {
      errors.Add(
          r.line, "weight",
          absl::StrCat("found ", Quoted(w), "; expected a positive number"));
      ok = false;
    }
    row.weight = weight;
  }
  row.first_seen = absl::StripAsciiWhitespace(CsvHeader::At(r, at.first_seen));
  row.last_seen = absl::StripAsciiWhitespace(CsvHeader::At(r, at.last_seen));
  if (std::optional<FieldError> e =
          CheckSeenDates(row.first_seen, row.last_seen)) {
    errors.Add(r.line, e->field, e->what);
    ok = false;
  }
  return ok;
}

void NotOnRoster(std::int64_t line, absl::string_view field,
                 absl::string_view id, FileErrors& errors) {
  errors.Add(line, field,
             absl::StrCat("teacher ", Quoted(id),
                          " is not on the roster (teachers file)"));
}

void ReadTies(std::istream& in, District& d, CsvReadReport& report,
              FileErrors& errors) {
  // Two roster lookups a tie are much of the read: the ids go to an IdIndex
  // (a dense array for ids of the usual form) rather than a string map.
  std::vector<std::string> ids;
  ids.reserve(static_cast<std::size_t>(d.teachers_size()));
  IdIndex index;
  for (const Teacher& t : d.teachers()) {
    index.Insert(t.id(), static_cast<std::uint32_t>(ids.size()), ids);
    ids.push_back(t.id());
  }
  // While all is well, each tie's ends are looked up a few ties after it
  // is read, their index entries prefetched meanwhile (IdIndex::Prefetch);
  // the tie holds the ids until then. Before any error is added the
  // waiting ties are checked (FileErrors::SetBeforeAdd), so messages keep
  // the file's order; after one nothing is returned, and every row is
  // checked at once.
  struct Pending {
    const Tie* tie;
    std::int64_t line;
  };
  constexpr std::size_t kLag = 4;
  Pending pending[kLag];
  std::size_t waiting = 0;
  std::size_t oldest = 0;
  bool checking = false;  // a check adds its own errors: no flush then
  auto check = [&](absl::string_view source, absl::string_view target,
                   std::int64_t line) {
    if (!index.Find(source, ids)) NotOnRoster(line, "source", source, errors);
    if (!index.Find(target, ids)) NotOnRoster(line, "target", target, errors);
  };
  auto flush = [&] {
    checking = true;
    for (std::size_t i = 0; i < waiting; ++i) {
      const Pending& p = pending[(oldest + i) % kLag];
      check(p.tie->source(), p.tie->target(), p.line);
    }
    checking = false;
    waiting = 0;
    oldest = 0;
  };
  errors.SetBeforeAdd([&] {
    if (!checking) flush();
  });
  TieRow row;
  TieColumnsAt at;
  ForEachCsvRow(
      in, errors, TieColumns(), {"source", "target", "channel"},
      [&](const CsvHeader&, const CsvRecord& r) {
        ParseTieRow(at, r, report, errors, row);
        if (!errors.empty()) {
          check(row.source, row.target, r.line);
          return;
        }
        index.Prefetch(row.source);
        index.Prefetch(row.target);
        if (report.record_tie_lines) report.tie_lines.push_back(r.line);
        Tie& tie = *d.add_ties();
        tie.set_source(row.source.data(), row.source.size());
        tie.set_target(row.target.data(), row.target.size());
        tie.set_channel(row.channel);
        tie.set_directed(row.directed);
        if (row.weight) tie.set_weight(*row.weight);
        if (!row.first_seen.empty())
          tie.set_first_seen(row.first_seen.data(), row.first_seen.size());
        if (!row.last_seen.empty())
          tie.set_last_seen(row.last_seen.data(), row.last_seen.size());
        if (waiting < kLag) {
          pending[(oldest + waiting++) % kLag] = {&tie, r.line};
          return;
        }
        const Pending p = pending[oldest];
        pending[oldest] = {&tie, r.line};
        oldest = (oldest + 1) % kLag;
        checking = true;
        check(p.tie->source(), p.tie->target(), p.line);
        checking = false;
        if (!errors.empty()) flush();
      },
      [&](const CsvHeader& h, std::int64_t) { at = TieColumnsAt::Of(h); });
  flush();
  errors.SetBeforeAdd(nullptr);
}

}  // namespace

namespace {

// A fresh report carrying what the caller asked of the reading.
CsvReadReport Requested(const CsvReadReport* report) {
  CsvReadReport fresh;
  if (report != nullptr) {
    fresh.record_tie_lines = report->record_tie_lines;
    fresh.extra_teacher_column = report->extra_teacher_column;
  }
  return fresh;
}

// A roster read into a district, with each id's line (for the ties' checks
// and duplicate messages) and each file's errors, so a caller can report
// them together with its own.
struct RosterRead {
  RosterRead(District& out, const std::string& schools_name,
             const std::string& teachers_name)
      : district(out),
        school_errors(schools_name),
        teacher_errors(teachers_name) {}
  District& district;
  CsvReadReport report;
  absl::flat_hash_map<std::string, std::int64_t> school_lines;
  absl::flat_hash_map<std::string, std::int64_t> teacher_lines;
  FileErrors school_errors;
  FileErrors teacher_errors;
};

// Without a schools stream, schools come from the teachers' school ids.
void ReadRosterInto(std::istream* schools, std::istream& teachers,
                    RosterRead& r) {
  if (schools != nullptr) {
    ReadSchools(*schools, r.district, r.school_lines, r.report,
                r.school_errors);
  }
  ReadTeachers(teachers, r.district, r.school_lines,
               /*add_schools=*/schools == nullptr, r.teacher_lines, r.report,
               r.teacher_errors);
}

}  // namespace

absl::Status ReadDistrictCsv(const DistrictCsvStreams& streams, District& out,
                             CsvReadReport* report) {
  RosterRead r(out, streams.schools_name, streams.teachers_name);
  r.report = Requested(report);
  ReadRosterInto(streams.schools, *streams.teachers, r);
  FileErrors tie_errors(streams.ties_name);
  ReadTies(*streams.ties, r.district, r.report, tie_errors);
  if (absl::Status s =
          ErrorsToStatus({&r.school_errors, &r.teacher_errors, &tie_errors});
      !s.ok()) {
    return s;
  }
  r.report.schools = r.district.schools_size();
  r.report.teachers = r.district.teachers_size();
  r.report.ties = r.district.ties_size();
  if (report != nullptr) *report = std::move(r.report);
  return absl::OkStatus();
}

absl::StatusOr<District> ReadDistrictCsv(const DistrictCsvStreams& streams,
                                         CsvReadReport* report) {
  District district;
  if (absl::Status s = ReadDistrictCsv(streams, district, report); !s.ok()) {
    return s;
  }
  return district;
}

absl::Status ReadRosterCsv(const RosterStreams& streams, District& out,
                           CsvReadReport* report) {
  RosterRead r(out, streams.schools_name, streams.teachers_name);
  r.report = Requested(report);
  ReadRosterInto(streams.schools, *streams.teachers, r);
  if (absl::Status s = ErrorsToStatus({&r.school_errors, &r.teacher_errors});
      !s.ok()) {
    return s;
  }
  r.report.schools = r.district.schools_size();
  r.report.teachers = r.district.teachers_size();
  if (report != nullptr) *report = r.report;
  return absl::OkStatus();
}

absl::StatusOr<District> ReadRosterCsv(const RosterStreams& streams,
                                       CsvReadReport* report) {
  District district;
  if (absl::Status s = ReadRosterCsv(streams, district, report); !s.ok()) {
    return s;
  }
  return district;
}

namespace {

// The three files of a district folder, open, and the folder's name.
struct DistrictFolder {
  InputFile files[3];
  std::string paths[3];
  std::string name;

  absl::Status Open(const std::string& dir) {
    namespace fs = std::filesystem;
    const fs::path base(dir);
    const char* names[3] = {"schools.csv", "teachers.csv", "ties.csv"};
    for (int i = 0; i < 3; ++i) {
      paths[i] = (base / names[i]).string();
      if (absl::Status s = files[i].Open(paths[i]); !s.ok()) {
        return absl::Status(
            s.code(), absl::StrCat(s.message(),
                                   "; a district folder holds schools.csv, "
                                   "teachers.csv and ties.csv"));
      }
    }
    name = (base.filename().empty() ? base.parent_path().filename()
                                    : base.filename())
               .string();
    return absl::OkStatus();
  }

  // A file's own read error, which explains what its reader made of it,
  // before `parsed`.
  template <typename T>
  T Finish(T parsed) const {
    for (const InputFile& f : files) {
      if (!f.status().ok()) return f.status();
    }
    return parsed;
  }
};

}  // namespace

absl::StatusOr<DistrictGraph> ReadDistrictCsvGraph(const std::string& dir,
                                                   const FreezeOptions& freeze,
                                                   FreezeStats* stats,
                                                   CsvReadReport* report) {
  DistrictFolder folder;
  if (absl::Status s = folder.Open(dir); !s.ok()) return s;
  InputFile* files = folder.files;
  const std::string* paths = folder.paths;
  CsvReadReport local = Requested(report);
  absl::StatusOr<District> roster = folder.Finish(ReadRosterCsv(
      {&files[0].stream(), &files[1].stream(), paths[0], paths[1]}, &local));
  if (!roster.ok()) return roster.status();
  DistrictGraphBuilder b;
  b.set_name(folder.name);
  if (absl::Status s = AddRoster(*roster, b); !s.ok()) return s;
  FileErrors errors(paths[2]);
  TieRow row;
  TieColumnsAt at;
  ForEachCsvRow(
      files[2].stream(), errors, TieColumns(), {"source", "target", "channel"},
      [&](const CsvHeader&, const CsvRecord& r) {
        bool ok = ParseTieRow(at, r, local, errors, row);
        const std::optional<VertexId> u = b.FindTeacher(row.source);
        const std::optional<VertexId> v = b.FindTeacher(row.target);
        if (!u) NotOnRoster(r.line, "source", row.source, errors);
        if (!v) NotOnRoster(r.line, "target", row.target, errors);
        if (!ok || !u || !v) return;
        b.AddTie(*u, *v, row.channel, row.directed,
                 static_cast<float>(row.weight.value_or(1.0)));
        ++local.ties;
      },
      [&](const CsvHeader& h, std::int64_t) { at = TieColumnsAt::Of(h); });
  if (absl::Status s = folder.Finish(ErrorsToStatus({&errors})); !s.ok()) {
    return s;
  }
  if (report != nullptr) *report = local;
  return std::move(b).Freeze(freeze, stats);
}

absl::Status ReadDistrictCsvDir(const std::string& dir, District& out,
                                CsvReadReport* report) {
  DistrictFolder folder;
  if (absl::Status s = folder.Open(dir); !s.ok()) return s;
  InputFile* files = folder.files;
  const std::string* paths = folder.paths;
  DistrictCsvStreams streams{&files[0].stream(), &files[1].stream(),
                             &files[2].stream(), paths[0],
                             paths[1],           paths[2]};
  if (absl::Status s = folder.Finish(ReadDistrictCsv(streams, out, report));
      !s.ok()) {
    return s;
  }
  out.set_name(folder.name);
  return absl::OkStatus();
}

absl::StatusOr<District> ReadDistrictCsvDir(const std::string& dir,
                                            CsvReadReport* report) {
  District district;
  if (absl::Status s = ReadDistrictCsvDir(dir, district, report); !s.ok()) {
    return s;
  }
  return district;
}

namespace {

constexpr absl::string_view kSchoolsHeader = "id,name,title_i,pbis,readiness\n";
constexpr absl::string_view kTeachersHeader =
    "id,school,grades,subjects,role,name\n";
constexpr absl::string_view kTiesHeader =
    "source,target,channel,directed,weight,first_seen,last_seen\n";

void AppendSchoolRow(const School& s, std::string& out) {
  AppendCsvRow({s.id(), s.name(), s.title_i() ? "true" : "false",
                s.pbis() ? "true" : "false", ShortestDouble(s.readiness())},
               out);
}

void AppendTeacherRow(const Teacher& t, std::string& out) {
  AppendCsvRow({t.id(), t.school_id(), FormatGrades(t), FormatSubjects(t),
                std::string(RoleFileName(
                    t.role() == ROLE_UNSPECIFIED ? TEACHER : t.role())),
                t.name()},
               out);
}

void AppendTieRow(const Tie& tie, std::string& out) {
  AppendCsvRow(
      {tie.source(), tie.target(), std::string(ChannelFileName(tie.channel())),
       tie.directed() ? "true" : "false",
       tie.has_weight() ? ShortestDouble(tie.weight()) : "", tie.first_seen(),
       tie.last_seen()},
      out);
}

// A fill that writes `header` and a row for each item `for_each` visits, a
// megabyte at a time: a state's ties.csv is never held whole. `for_each`
// calls its visitor with each item and returns the first error it returns.
template <typename ForEach, typename Append>
FileFill RowsFill(absl::string_view header, ForEach for_each, Append append,
                  const std::string& path) {
  return [header, for_each, append, &path](int fd) -> absl::Status {
    constexpr std::size_t kChunk = std::size_t{1} << 20;
    std::string chunk(header.data(), header.size());
    chunk.reserve(kChunk + 4096);
    if (absl::Status s = for_each([&](const auto& item) -> absl::Status {
          append(item, chunk);
          if (chunk.size() < kChunk) return absl::OkStatus();
          absl::Status written = WriteAll(fd, chunk, path);
          chunk.clear();
          return written;
        });
        !s.ok()) {
      return s;
    }
    return WriteAll(fd, chunk, path);
  };
}

// Visits each element of a repeated field, for RowsFill.
template <typename Items>
auto EachOf(const Items& items) {
  return [&items](const auto& visit) -> absl::Status {
    for (const auto& item : items) {
      if (absl::Status s = visit(item); !s.ok()) return s;
    }
    return absl::OkStatus();
  };
}

}  // namespace

DistrictCsvText FormatDistrictCsv(const District& district) {
  DistrictCsvText text;
  text.schools = std::string(kSchoolsHeader);
  for (const School& s : district.schools()) AppendSchoolRow(s, text.schools);
  text.teachers = std::string(kTeachersHeader);
  for (const Teacher& t : district.teachers()) {
    AppendTeacherRow(t, text.teachers);
  }
  text.ties = std::string(kTiesHeader);
  for (const Tie& tie : district.ties()) AppendTieRow(tie, text.ties);
  return text;
}

absl::Status WriteDistrictCsvDir(const District& district,
                                 const TieStream& ties,
                                 const std::string& dir) {
  namespace fs = std::filesystem;
  const std::string schools = (fs::path(dir) / "schools.csv").string();
  const std::string teachers = (fs::path(dir) / "teachers.csv").string();
  const std::string ties_path = (fs::path(dir) / "ties.csv").string();
  // A state's tie rows are made on every core (formats/tie_blocks.h).
  FileFill tie_rows = [&](int fd) -> absl::Status {
    if (absl::Status s = WriteAll(fd, kTiesHeader, ties_path); !s.ok()) {
      return s;
    }
    absl::Status written;
    if (absl::Status s = WriteTieBlocks(
            ties,
            [&](std::int64_t begin, std::int64_t end, std::string& rows) {
              return ties.ForEachIn(begin, end, [&](const Tie& tie) {
                AppendTieRow(tie, rows);
                return absl::OkStatus();
              });
            },
            [&](const std::string& rows) {
              written = WriteAll(fd, rows, ties_path);
              return written.ok();
            });
        !s.ok()) {
      return s;
    }
    return written;
  };
  return WriteFolderAtomicallyWith(
      dir,
      {{"schools.csv", RowsFill(kSchoolsHeader, EachOf(district.schools()),
                                AppendSchoolRow, schools)},
       {"teachers.csv", RowsFill(kTeachersHeader, EachOf(district.teachers()),
                                 AppendTeacherRow, teachers)},
       {"ties.csv", std::move(tie_rows)}});
}

absl::Status WriteDistrictCsvDir(const District& district,
                                 const std::string& dir) {
  return WriteDistrictCsvDir(district, MessageTies(district), dir);
}

}  // namespace collabnet
