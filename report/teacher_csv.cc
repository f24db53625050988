#include "report/teacher_csv.h"

#include "absl/strings/str_cat.h"
#include "text/csv_field.h"

namespace collabnet {
std::string FormatTeacherCsv(const RunResult& result) {
  std::string out = "teacher,school,reached_probability,adopting_probability\n";
  for (const TeacherReach& t : result.teachers()) {
    AppendCsvField(t.teacher_id(), out);
    out += ',';
    AppendCsvField(t.school_id(), out);
    absl::StrAppend(&out, ",", t.reached_probability(), ",",
                    t.adopting_probability(), "\n");
  }
  return out;
}

}  // namespace collabnet
