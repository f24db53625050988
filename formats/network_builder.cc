#include "formats/network_builder.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace collabnet {

bool HasNoSchools(const District& district) {
  return std::all_of(
      district.teachers().begin(), district.teachers().end(),
      [](const Teacher& t) { return t.school_id() == kDefaultSchool; });
}

absl::Status CheckQuotableLabel(absl::string_view label,
                                absl::string_view format) {
  for (char c : label) {
    if (c == '"' || c == '\n' || c == '\r') {
      return absl::InvalidArgumentError(
          absl::StrCat("id '", label,
                       "' holds a double quote or line break, "
                       "which ",
                       format, " cannot hold"));
    }
  }
  return absl::OkStatus();
}

int NetworkBuilder::Node(absl::string_view id) {
  auto [it, fresh] = nodes_.emplace(id, d_.teachers_size());
  if (fresh) {
    Teacher& t = *d_.add_teachers();
    t.set_id(std::string(id));
    t.set_role(TEACHER);
  }
  return it->second;
}

std::optional<int> NetworkBuilder::Find(absl::string_view id) const {
  auto it = nodes_.find(id);
  if (it == nodes_.end()) return std::nullopt;
  return it->second;
}

School& NetworkBuilder::SchoolNamed(absl::string_view id) {
  auto [it, fresh] = schools_.emplace(id, d_.schools_size());
  if (fresh) d_.add_schools()->set_id(std::string(id));
  return *d_.mutable_schools(it->second);
}

Tie& NetworkBuilder::AddTie(int source, int target, Channel channel,
                            bool directed, std::int64_t line) {
  if (lines_ != nullptr) lines_->push_back(line);
  Tie& tie = *d_.add_ties();
  tie.set_source(d_.teachers(source).id());
  tie.set_target(d_.teachers(target).id());
  tie.set_channel(channel);
  tie.set_directed(directed);
  return tie;
}

void NetworkBuilder::Finish() {
  for (Teacher& t : *d_.mutable_teachers()) {
    if (t.school_id().empty()) {
      SchoolNamed(kDefaultSchool);
      t.set_school_id(std::string(kDefaultSchool));
    }
  }
}

absl::StatusOr<std::vector<std::pair<int, int>>> TieEndNumbers(
    const District& district) {
  absl::flat_hash_map<std::string, int> number;
  for (int i = 0; i < district.teachers_size(); ++i) {
    number.emplace(district.teachers(i).id(), i + 1);
  }
  std::vector<std::pair<int, int>> out;
  out.reserve(static_cast<std::size_t>(district.ties_size()));
  for (const Tie& t : district.ties()) {
    auto s = number.find(t.source());
    auto d = number.find(t.target());
    if (s == number.end() || d == number.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("tie ", t.source(), " -> ", t.target(),
                       " names a teacher not in the district"));
    }
    out.emplace_back(s->second, d->second);
  }
  return out;
}

}  // namespace collabnet
