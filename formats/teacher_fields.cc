#include "formats/teacher_fields.h"

#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace collabnet {

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

std::string FormatGrades(const Teacher& t) {
  std::vector<std::string> out;
  for (int g : t.grades()) out.push_back(g == 0 ? "K" : absl::StrCat(g));
  return absl::StrJoin(out, ";");
}

void ParseSubjects(absl::string_view text, Teacher& t) {
  for (absl::string_view s : absl::StrSplit(text, ';', absl::SkipEmpty())) {
    t.add_subjects(std::string(s));
  }
}

std::string FormatSubjects(const Teacher& t) {
  return absl::StrJoin(t.subjects(), ";");
}

}  // namespace collabnet
