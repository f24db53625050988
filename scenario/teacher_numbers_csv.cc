#include "scenario/teacher_numbers_csv.h"

#include <cmath>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "io/csv_table.h"
#include "io/input_file.h"
#include "text/number_text.h"

namespace collabnet {

absl::StatusOr<double> ParseTeacherNumber(absl::string_view text,
                                          const TeacherNumberColumn& column) {
  double value = 0;
  if (ParseNumber(text, &value) && value >= column.min && value <= column.max) {
    return value;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "found ", Quoted(text), "; expected ",
      std::isinf(column.max)
          ? absl::StrCat("a number, ", column.min, " or more")
          : absl::StrCat("a number from ", column.min, " to ", column.max)));
}

absl::StatusOr<std::vector<TeacherNumber>> ReadTeacherNumberCsv(
    const std::string& path, const TeacherNumberColumn& column) {
  InputFile file;
  if (absl::Status s = file.Open(path, InputFile::Content::kText, column.file);
      !s.ok()) {
    return s;
  }
  std::istream& in = file.stream();
  FileErrors errors(path);
  std::vector<TeacherNumber> out;
  absl::flat_hash_map<std::string, std::int64_t> first_line;
  ForEachCsvRow(
      in, errors, {"teacher", column.name}, {"teacher", column.name},
      [&](const CsvHeader& h, const CsvRecord& r) {
        const absl::string_view teacher = h.Get(r, "teacher");
        const absl::string_view text = h.Get(r, column.name);
        if (teacher.empty()) {
          errors.Add(r.line, "teacher",
                     "found an empty id; expected a teacher");
          return;
        }
        const absl::StatusOr<double> value = ParseTeacherNumber(text, column);
        if (!value.ok()) {
          errors.Add(r.line, column.name, value.status().message());
          return;
        }
        const auto [it, added] = first_line.emplace(teacher, r.line);
        if (!added) {
          errors.Add(r.line, "teacher",
                     absl::StrCat("found ", Quoted(teacher),
                                  " again; expected each teacher once (first "
                                  "on line ",
                                  it->second, ")"));
          return;
        }
        out.push_back({std::string(teacher), *value, r.line});
      });
  if (!file.status().ok()) return file.status();
  if (!errors.empty()) return ErrorsToStatus({&errors});
  return out;
}

}  // namespace collabnet
