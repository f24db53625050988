#include "formats/network_attributes.h"

#include <algorithm>
#include <cmath>
#include <deque>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "formats/network_builder.h"
#include "formats/teacher_fields.h"
#include "proto/channel_names.h"
#include "text/count_text.h"
#include "text/number_text.h"

namespace collabnet {
namespace {

constexpr AttributeColumn kNodeColumns[] = {
    {"school", AttributeType::kString},
    {"school_name", AttributeType::kString},
    {"title_i", AttributeType::kBoolean},
    {"pbis", AttributeType::kBoolean},
    {"readiness", AttributeType::kDouble},
    {"role", AttributeType::kString},
    {"grades", AttributeType::kString},
    {"subjects", AttributeType::kString},
    {"name", AttributeType::kString},
};

constexpr AttributeColumn kEdgeColumns[] = {
    {"channel", AttributeType::kString},
    {"weight", AttributeType::kDouble},
    {"first_seen", AttributeType::kString},
    {"last_seen", AttributeType::kString},
    {"undirected", AttributeType::kBoolean},
};

std::string BoolText(bool b) { return b ? "true" : "false"; }

}  // namespace

std::vector<AttributeColumn> NodeAttributeColumns(const District& district) {
  absl::flat_hash_map<std::string, const School*> schools;
  for (const School& s : district.schools()) schools[s.id()] = &s;
  // A plain network (one school, the readers' default "all", and no role
  // but teacher) has no schools or roles to write: writing them would
  // invent attributes its input never had.
  const bool plain_schools =
      district.schools_size() <= 1 && HasNoSchools(district);
  const bool plain_roles =
      std::all_of(district.teachers().begin(), district.teachers().end(),
                  [](const Teacher& t) {
                    return t.role() == ROLE_UNSPECIFIED || t.role() == TEACHER;
                  });
  std::vector<AttributeColumn> out;
  for (const AttributeColumn& c : kNodeColumns) {
    if ((c.name == "school" && plain_schools) ||
        (c.name == "role" && plain_roles)) {
      continue;
    }
    bool any = false;
    for (const Teacher& t : district.teachers()) {
      auto it = schools.find(t.school_id());
      const School* school = it == schools.end() ? nullptr : it->second;
      const std::string v = NodeAttributeText(c.name, t, school);
      // Booleans and readiness are written whenever there is a school file
      // worth of data: a school with any attribute set.
      if (c.type == AttributeType::kString
              ? !v.empty()
              : (school != nullptr &&
                 (school->title_i() || school->pbis() ||
                  school->readiness() != 0 || !school->name().empty()))) {
        any = true;
        break;
      }
    }
    if (any) out.push_back(c);
  }
  return out;
}

std::vector<AttributeColumn> EdgeAttributeColumns(const District& district) {
  bool channel = false;
  bool weight = false;
  bool first = false;
  bool last = false;
  bool directed = false;
  bool undirected = false;
  for (const Tie& t : district.ties()) {
    (t.directed() ? directed : undirected) = true;
    channel |= t.channel() != CHANNEL_UNSPECIFIED;
    weight |= t.has_weight() && t.weight() != 1;
    first |= !t.first_seen().empty();
    last |= !t.last_seen().empty();
  }
  std::vector<AttributeColumn> out;
  if (channel) out.push_back(kEdgeColumns[0]);
  if (weight) out.push_back(kEdgeColumns[1]);
  if (first) out.push_back(kEdgeColumns[2]);
  if (last) out.push_back(kEdgeColumns[3]);
  if (directed && undirected) out.push_back(kEdgeColumns[4]);
  return out;
}

std::string NodeAttributeText(absl::string_view column, const Teacher& teacher,
                              const School* school) {
  if (column == "school") return teacher.school_id();
  if (column == "role") {
    return teacher.role() == ROLE_UNSPECIFIED
               ? ""
               : std::string(RoleFileName(teacher.role()));
  }
  if (column == "grades") return FormatGrades(teacher);
  if (column == "subjects") return FormatSubjects(teacher);
  if (column == "name") return teacher.name();
  if (school == nullptr) return "";
  if (column == "school_name") return school->name();
  if (column == "title_i") return BoolText(school->title_i());
  if (column == "pbis") return BoolText(school->pbis());
  if (column == "readiness") return ShortestDouble(school->readiness());
  return "";
}

std::string EdgeAttributeText(absl::string_view column, const Tie& tie) {
  if (column == "channel") {
    return tie.channel() == CHANNEL_UNSPECIFIED
               ? ""
               : std::string(ChannelFileName(tie.channel()));
  }
  if (column == "weight") {
    return ShortestDouble(tie.has_weight() ? tie.weight() : 1.0);
  }
  if (column == "first_seen") return tie.first_seen();
  if (column == "last_seen") return tie.last_seen();
  if (column == "undirected") return tie.directed() ? "" : "true";
  return "";
}

void ApplyNodeAttributes(
    const std::vector<std::pair<std::string, std::string>>& attributes,
    const NetworkReadOptions& options, std::int64_t line, int node,
    NetworkBuilder& builder, FileErrors& errors,
    std::set<std::string>& unused) {
  Teacher& t = builder.teacher(node);
  for (const auto& [name, value] : attributes) {
    if (name == options.school_attribute) {
      const absl::string_view id = absl::StripAsciiWhitespace(value);
      if (!id.empty()) {
        builder.SchoolNamed(id);
        t.set_school_id(std::string(id));
      }
    }
  }
  School* school =
      t.school_id().empty() ? nullptr : &builder.SchoolNamed(t.school_id());
  for (const auto& [name, value] : attributes) {
    const absl::string_view v = absl::StripAsciiWhitespace(value);
    if (name == options.school_attribute) continue;
    if (name == "role") {
      if (v.empty()) continue;
      const std::optional<Role> role = ParseRole(v);
      if (!role) {
        errors.Add(line, name,
                   absl::StrCat("found ", Quoted(v), "; expected one of ",
                                RoleFileNames()));
      } else {
        t.set_role(*role);
      }
    } else if (name == "grades") {
      t.clear_grades();
      if (!ParseGrades(v, t)) {
        errors.Add(
            line, name,
            absl::StrCat("found ", Quoted(v),
                         "; expected grades K or 1-12 separated by ';'"));
      }
    } else if (name == "subjects") {
      t.clear_subjects();
      ParseSubjects(value, t);
    } else if (name == "name") {
      t.set_name(value);
    } else if (name == "school_name" || name == "title_i" || name == "pbis" ||
               name == "readiness") {
      if (school == nullptr) {
        unused.insert(name);
        continue;
      }
      if (name == "school_name") {
        school->set_name(value);
      } else if (name == "readiness") {
        double r = 0;
        if (!v.empty() && (!ParseNumber(v, &r) || !(r >= 0) || !(r <= 1))) {
          errors.Add(line, name,
                     absl::StrCat("found ", Quoted(v),
                                  "; expected a number from 0 to 1"));
        }
        school->set_readiness(r);
      } else {
        const std::optional<bool> b = ParseBoolText(v);
        if (!b) {
          errors.Add(
              line, name,
              absl::StrCat("found ", Quoted(v), "; expected true or false"));
        } else if (name == "title_i") {
          school->set_title_i(*b);
        } else {
          school->set_pbis(*b);
        }
      }
    } else {
      unused.insert(name);
    }
  }
}

void ApplyEdgeAttributes(
    const std::vector<std::pair<std::string, std::string>>& attributes,
    std::int64_t line, Tie& tie, FileErrors& errors,
    std::set<std::string>& unused) {
  for (const auto& [name, value] : attributes) {
    const absl::string_view v = absl::StripAsciiWhitespace(value);
    if (name == "channel") {
      if (v.empty()) continue;
      if (const std::optional<Channel> c = ParseChannel(v)) {
        tie.set_channel(*c);
      } else {
        errors.Add(line, name,
                   absl::StrCat("unknown channel ", Quoted(v),
                                "; expected one of ", ChannelFileNames()));
      }
    } else if (name == "weight") {
      double w = 0;
      if (!ParseNumber(v, &w) || !std::isfinite(w) || w <= 0) {
        errors.Add(
            line, name,
            absl::StrCat("found ", Quoted(v), "; expected a positive number"));
      } else if (w != 1) {
        tie.set_weight(w);
      } else {
        tie.clear_weight();
      }
    } else if (name == "first_seen" || name == "last_seen") {
      const bool first = name == "first_seen";
      if (std::optional<FieldError> e = CheckSeenDates(
              first ? v : tie.first_seen(), first ? tie.last_seen() : v)) {
        errors.Add(line, e->field, e->what);
        continue;
      }
      (first ? *tie.mutable_first_seen() : *tie.mutable_last_seen()) =
          std::string(v);
    } else if (name == "undirected") {
      // Pairs arcs into their tie in FinishXmlNetwork; here only checked.
      if (!ParseBoolText(v)) {
        errors.Add(
            line, name,
            absl::StrCat("found ", Quoted(v), "; expected true or false"));
      }
    } else {
      unused.insert(name);
    }
  }
}

std::string UnusedNote(absl::string_view what,
                       const std::set<std::string>& unused) {
  return absl::StrCat(what,
                      " attributes not used: ", absl::StrJoin(unused, ", "));
}

absl::string_view AttributeTypeName(AttributeType type) {
  switch (type) {
    case AttributeType::kString:
      return "string";
    case AttributeType::kBoolean:
      return "boolean";
    case AttributeType::kDouble:
      return "double";
  }
  return "string";
}

absl::Status CheckXmlText(absl::string_view what, absl::string_view text) {
  if (XmlCanHold(text)) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(what, " ", Quoted(text),
                   " holds a control character, which XML cannot hold"));
}

namespace {

// Whether the edge is one of the two arcs written for an undirected tie of
// a mixed network (its "undirected" attribute is true).
bool MarkedUndirected(const PendingEdge& e) {
  for (const auto& [name, value] : e.data) {
    if (name == "undirected") {
      return ParseBoolText(absl::StripAsciiWhitespace(value)).value_or(false);
    }
  }
  return false;
}

// The arc's key for finding its reverse: its ends and its other attributes.
std::string ArcKey(const std::string& from, const std::string& to,
                   const PendingEdge& e) {
  std::vector<std::pair<std::string, std::string>> data;
  for (const auto& d : e.data) {
    if (d.first != "undirected") data.push_back(d);
  }
  std::sort(data.begin(), data.end());
  std::string key = absl::StrCat(from.size(), ":", from, to.size(), ":", to);
  for (const auto& [name, value] : data) {
    absl::StrAppend(&key, name.size(), ":", name, value.size(), ":", value);
  }
  return key;
}

}  // namespace

void FinishXmlNetwork(XmlNetworkParts& parts, const NetworkReadOptions& options,
                      NetworkBuilder& builder, FileErrors& errors,
                      NetworkReadReport& report) {
  // A mixed network's undirected tie is written as two arcs marked
  // undirected (networkx reads no mixed graph); the second of a pair turns
  // the first back into the one undirected tie.
  // Arc key -> the ties of its arcs still unpaired, earliest first (an
  // undirected tie given twice makes two pairs).
  absl::flat_hash_map<std::string, std::deque<int>> unpaired;
  std::int64_t waiting = 0;
  District& district = builder.district();
  for (PendingEdge& e : parts.edges) {
    bool ok = true;
    for (const auto& [field, id] :
         {std::pair<absl::string_view, const std::string*>{"source", &e.source},
          std::pair<absl::string_view, const std::string*>{"target",
                                                           &e.target}}) {
      if (!parts.declared.contains(*id)) {
        // An empty end was reported when the edge was read.
        if (!id->empty()) {
          errors.Add(e.line, field,
                     absl::StrCat("node ", Quoted(*id), " is not declared"));
        }
        ok = false;
      }
    }
    if (!ok) continue;
    const bool marked = e.directed && MarkedUndirected(e);
    if (marked) {
      auto reverse = unpaired.find(ArcKey(e.target, e.source, e));
      if (reverse != unpaired.end()) {
        district.mutable_ties(reverse->second.front())->set_directed(false);
        reverse->second.pop_front();
        if (reverse->second.empty()) unpaired.erase(reverse);
        --waiting;
        continue;
      }
      unpaired[ArcKey(e.source, e.target, e)].push_back(district.ties_size());
      ++waiting;
    }
    Tie& tie = builder.AddTie(*builder.Find(e.source), *builder.Find(e.target),
                              options.channel, e.directed, e.line);
    ApplyEdgeAttributes(e.data, e.line, tie, errors, parts.unused_edge);
  }
  builder.Finish();
  if (waiting > 0) {
    report.notes.push_back(absl::StrCat(
        Counted(waiting, "arc", "arcs"),
        " marked undirected had no reverse arc to make one undirected tie "
        "with, and ",
        waiting == 1 ? "was" : "were", " kept as directed"));
  }
  if (!parts.unused_node.empty()) {
    report.notes.push_back(UnusedNote("node", parts.unused_node));
  }
  if (!parts.unused_edge.empty()) {
    report.notes.push_back(UnusedNote("edge", parts.unused_edge));
  }
}

}  // namespace collabnet
