#include "ingest/edge_list.h"

#include <array>
#include <cmath>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "ingest/line_reader.h"

namespace collabnet {
namespace {

constexpr int kMaxErrors = 20;

// Splits a line at spaces, tabs and commas into at most `max` fields;
// returns how many fields the line has (possibly more than `max`).
int SplitFields(absl::string_view line, absl::string_view* fields, int max) {
  int count = 0;
  std::size_t i = 0;
  const std::size_t n = line.size();
  while (i < n) {
    while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == ',')) ++i;
    if (i == n) break;
    const std::size_t start = i;
    while (i < n && line[i] != ' ' && line[i] != '\t' && line[i] != ',') ++i;
    if (count < max) fields[count] = line.substr(start, i - start);
    ++count;
  }
  return count;
}

bool IsComment(absl::string_view line) {
  for (char c : line) {
    if (c == ' ' || c == '\t') continue;
    return c == '#' || c == '%';
  }
  return true;  // blank
}

bool IsHeaderWord(absl::string_view field) {
  static constexpr std::array<absl::string_view, 14> kWords = {
      "source", "target", "from",  "to",     "u", "v",   "i",
      "j",      "node1",  "node2", "weight", "w", "src", "dst"};
  const std::string lower = absl::AsciiStrToLower(field);
  for (absl::string_view w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

class Errors {
 public:
  explicit Errors(std::string file) : file_(std::move(file)) {}
  void Add(std::int64_t line, absl::string_view field, absl::string_view what) {
    if (++count_ <= kMaxErrors) {
      messages_.push_back(
          absl::StrCat(file_, ":", line, ": field '", field, "': ", what));
    }
  }
  bool empty() const { return count_ == 0; }
  absl::Status ToStatus() const {
    std::vector<std::string> all = messages_;
    if (count_ > kMaxErrors) {
      all.push_back(absl::StrCat(file_, ": ", count_ - kMaxErrors,
                                 " more errors not shown"));
    }
    return absl::InvalidArgumentError(absl::StrJoin(all, "\n"));
  }

 private:
  std::string file_;
  std::vector<std::string> messages_;
  std::int64_t count_ = 0;
};

}  // namespace

absl::StatusOr<DistrictGraph> ReadEdgeListGraph(const std::string& path,
                                                const EdgeListOptions& options,
                                                const FreezeOptions& freeze,
                                                EdgeListReport* report) {
  EdgeListReport local;
  DistrictGraphBuilder b;
  {
    std::string name = path;
    if (const auto slash = name.find_last_of('/'); slash != std::string::npos) {
      name = name.substr(slash + 1);
    }
    b.set_name(name);
  }
  absl::flat_hash_map<std::string, std::uint32_t> schools;
  const bool have_nodes = !options.nodes_path.empty();
  if (have_nodes) {
    LineReader in;
    if (absl::Status s = in.Open(options.nodes_path); !s.ok()) return s;
    Errors errors(options.nodes_path);
    absl::string_view line;
    absl::string_view f[2];
    while (in.Next(line)) {
      if (IsComment(line)) continue;
      const int count = SplitFields(line, f, 2);
      if (count > 2) local.node_columns_not_used = count - 2;
      if (in.line_number() == 1 && count >= 1 && IsHeaderWord(f[0])) continue;
      if (count == 1 && absl::AsciiStrToLower(f[0]) == "node") continue;
      const std::string school = count >= 2 ? std::string(f[1]) : "all";
      auto [it, fresh] = schools.emplace(school, b.num_schools());
      if (fresh) b.AddSchool(school, "", 0);
      absl::StatusOr<VertexId> v =
          b.AddTeacher(std::string(f[0]), it->second, TEACHER);
      if (!v.ok()) errors.Add(in.line_number(), "node", v.status().message());
    }
    if (!in.status().ok()) return in.status();
    if (!errors.empty()) return errors.ToStatus();
  }
  std::uint32_t default_school = 0;
  if (!have_nodes) default_school = b.AddSchool("all", "", 0);

  LineReader in;
  if (absl::Status s = in.Open(path); !s.ok()) return s;
  Errors errors(path);
  absl::string_view line;
  absl::string_view f[3];
  bool first = true;
  auto vertex = [&](absl::string_view label, const char* field,
                    std::int64_t line_number) -> std::optional<VertexId> {
    if (std::optional<VertexId> v = b.FindTeacher(label)) return v;
    if (have_nodes) {
      errors.Add(line_number, field,
                 absl::StrCat("node '", label, "' is not in the nodes file ",
                              options.nodes_path));
      return std::nullopt;
    }
    return *b.AddTeacher(std::string(label), default_school, TEACHER);
  };
  while (in.Next(line)) {
    ++local.lines;
    if (IsComment(line)) {
      ++local.comment_lines;
      continue;
    }
    const int count = SplitFields(line, f, 3);
    if (first) {
      first = false;
      if (count >= 2 && IsHeaderWord(f[0]) && IsHeaderWord(f[1])) {
        local.header = true;
        continue;
      }
    }
    if (count < 2) {
      errors.Add(in.line_number(), "target",
                 "missing; expected two node labels and an optional weight");
      continue;
    }
    if (count > 3) {
      errors.Add(in.line_number(), "weight",
                 absl::StrCat("the line has ", count,
                              " fields; expected two node labels and an "
                              "optional weight"));
      continue;
    }
    float weight = 1.0f;
    if (count == 3) {
      double w = 0;
      if (!absl::SimpleAtod(f[2], &w) || !std::isfinite(w) || w <= 0) {
        errors.Add(in.line_number(), "weight",
                   absl::StrCat("found '", f[2],
                                "'; expected a positive "
                                "number"));
        continue;
      }
      weight = static_cast<float>(w);
    }
    const std::optional<VertexId> u = vertex(f[0], "source", in.line_number());
    const std::optional<VertexId> v = vertex(f[1], "target", in.line_number());
    if (!u || !v) continue;
    if (*u == *v) ++local.self_loops_dropped;
    b.AddTie(*u, *v, CHANNEL_UNSPECIFIED, options.directed, weight);
    ++local.ties;
  }
  if (!in.status().ok()) return in.status();
  if (!errors.empty()) return errors.ToStatus();
  local.ties -= local.self_loops_dropped;
  if (report != nullptr) *report = local;
  return std::move(b).Freeze(freeze);
}

absl::StatusOr<std::vector<std::string>> ReadIdList(const std::string& path) {
  LineReader in;
  if (absl::Status s = in.Open(path); !s.ok()) return s;
  std::vector<std::string> ids;
  absl::string_view line;
  absl::string_view f[64];
  while (in.Next(line)) {
    if (IsComment(line)) continue;
    const int count = SplitFields(line, f, 64);
    if (count > 64) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", in.line_number(),
                       ": more than 64 ids on one line; put one id a line"));
    }
    for (int i = 0; i < count; ++i) ids.emplace_back(f[i]);
  }
  if (!in.status().ok()) return in.status();
  return ids;
}

}  // namespace collabnet
