// The text forms of a teacher's list fields, shared by every format that
// writes them as text: grades "K;1;2" and subjects "math;science".
#ifndef COLLABNET_FORMATS_TEACHER_FIELDS_H_
#define COLLABNET_FORMATS_TEACHER_FIELDS_H_

#include <string>

#include "absl/strings/string_view.h"
#include "proto/district.pb.h"

namespace collabnet {

// Adds the ';'-separated grades (K, 1 ... 12) in `text` to `t`; false if one
// is none of these (what was read before it is kept).
bool ParseGrades(absl::string_view text, Teacher& t);
std::string FormatGrades(const Teacher& t);

// Adds the ';'-separated, non-empty subjects in `text` to `t`.
void ParseSubjects(absl::string_view text, Teacher& t);
std::string FormatSubjects(const Teacher& t);

}  // namespace collabnet

#endif  // COLLABNET_FORMATS_TEACHER_FIELDS_H_
