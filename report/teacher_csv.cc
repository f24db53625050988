#include "report/teacher_csv.h"

#include "absl/strings/str_cat.h"

namespace collabnet {
namespace {

void AppendField(const std::string& field, std::string& out) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

std::string FormatTeacherCsv(const RunResult& result) {
  std::string out = "teacher,school,reached_probability,adopting_probability\n";
  for (const TeacherReach& t : result.teachers()) {
    AppendField(t.teacher_id(), out);
    out += ',';
    AppendField(t.school_id(), out);
    absl::StrAppend(&out, ",", t.reached_probability(), ",",
                    t.adopting_probability(), "\n");
  }
  return out;
}

}  // namespace collabnet
