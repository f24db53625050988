#include "ingest/network_builder.h"

namespace collabnet {

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
                            bool directed) {
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

}  // namespace collabnet
