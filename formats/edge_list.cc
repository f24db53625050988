#include "formats/edge_list.h"

#include <array>
#include <cmath>
#include <filesystem>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "io/csv_table.h"
#include "io/line_reader.h"
#include "text/number_text.h"

namespace collabnet {
namespace {

// Splits a line at spaces, tabs and commas into at most `max` fields;
// returns how many fields the line has (possibly more than `max`).
// Splits a line at spaces, tabs and commas. A field may be quoted (as a
// spreadsheet writes "T001","T002"): the quotes are not part of it, and it
// may then hold separators. -1, with `error` set, for a quote that does
// not close, text after a closing quote, or a doubled quote inside one
// (edge lists hold plain labels; the district CSV holds any text).
int SplitFields(absl::string_view line, absl::string_view* fields, int max,
                std::string& error) {
  auto separator = [](char c) { return c == ' ' || c == '\t' || c == ','; };
  int count = 0;
  std::size_t i = 0;
  const std::size_t n = line.size();
  while (i < n) {
    while (i < n && separator(line[i])) ++i;
    if (i == n) break;
    std::size_t start = i;
    std::size_t length = 0;
    if (line[i] == '"') {
      const std::size_t close = line.find('"', i + 1);
      if (close == absl::string_view::npos) {
        error =
            absl::StrCat("field ", count + 1, ": a quote that does not close");
        return -1;
      }
      if (close + 1 < n && !separator(line[close + 1])) {
        error = absl::StrCat("field ", count + 1,
                             line[close + 1] == '"'
                                 ? ": a doubled quote inside a quoted label"
                                 : ": text after a closing quote");
        return -1;
      }
      start = i + 1;
      length = close - start;
      i = close + 1;
    } else {
      while (i < n && !separator(line[i])) ++i;
      length = i - start;
    }
    if (count < max) fields[count] = line.substr(start, length);
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

// A positive finite weight; small whole numbers (most weights) skip the
// general floating-point parser.
bool ParseWeight(absl::string_view text, double& weight) {
  if (!text.empty() && text.size() <= 9) {
    std::uint32_t n = 0;
    bool digits = true;
    for (char c : text) {
      if (c < '0' || c > '9') {
        digits = false;
        break;
      }
      n = n * 10 + static_cast<std::uint32_t>(c - '0');
    }
    if (digits) {
      weight = n;
      return n > 0;
    }
  }
  return ParseNumber(text, &weight) && std::isfinite(weight) && weight > 0;
}

// Reads a nodes file ("node school [more columns]"), passing each node and
// school to `node`, which returns an error message or "".
template <typename NodeFn>
absl::Status ReadNodesFile(const std::string& path, EdgeListReport& report,
                           NodeFn node) {
  LineReader in;
  if (absl::Status s = in.Open(path); !s.ok()) return s;
  FileErrors errors(path);
  absl::string_view line;
  absl::string_view f[2];
  bool seen_record = false;  // a header may only be the first record
  while (in.Next(line)) {
    if (in.line_number() == 1 &&
        absl::StartsWith(line, kDirectedMarker.substr(0, 10))) {
      report.directed_by_nodes_file = true;
      continue;
    }
    if (IsComment(line)) continue;
    std::string quote_error;
    const int count = SplitFields(line, f, 2, quote_error);
    if (count < 0) {
      errors.AddLine(in.line_number(), quote_error);
      continue;
    }
    if (count > 2) report.node_columns_not_used = count - 2;
    const bool first = !seen_record;
    seen_record = true;
    if (first && count >= 1 &&
        (IsHeaderWord(f[0]) || absl::AsciiStrToLower(f[0]) == "node")) {
      continue;  // a header: "node school"
    }
    const absl::string_view school =
        count >= 2 ? f[1] : absl::string_view(kDefaultSchool);
    if (std::string message = node(f[0], school); !message.empty()) {
      errors.Add(in.line_number(), "node", message);
    }
  }
  if (!in.status().ok()) return in.status();
  return ErrorsToStatus({&errors});
}

// Reads the ties of an edge list. `find(label)` gives a label's node or
// nullopt; a label not found is added by `add(label)`, unless the nodes
// came from a nodes file (then it is an error). `tie(u, v, weight)` takes
// each tie.
template <typename FindFn, typename AddFn, typename TieFn>
absl::Status ReadEdgeLines(const std::string& path,
                           const std::string& nodes_path,
                           EdgeListReport& report, FindFn find, AddFn add,
                           TieFn tie) {
  LineReader in;
  if (absl::Status s = in.Open(path); !s.ok()) return s;
  FileErrors errors(path);
  absl::string_view line;
  absl::string_view f[3];
  bool first = true;
  while (in.Next(line)) {
    ++report.lines;
    if (IsComment(line)) {
      ++report.comment_lines;
      continue;
    }
    std::string quote_error;
    const int count = SplitFields(line, f, 3, quote_error);
    if (count < 0) {
      errors.AddLine(in.line_number(), quote_error);
      continue;
    }
    if (first) {
      first = false;
      if (count >= 2 && IsHeaderWord(f[0]) && IsHeaderWord(f[1])) {
        report.header = true;
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
    double weight = 1.0;
    if (count == 3 && !ParseWeight(f[2], weight)) {
      errors.Add(
          in.line_number(), "weight",
          absl::StrCat("found '", f[2], "'; expected a positive number"));
      continue;
    }
    auto vertex = [&](absl::string_view label, absl::string_view field) {
      auto found = find(label);
      if (found) return found;
      if (!nodes_path.empty()) {
        errors.Add(in.line_number(), field,
                   absl::StrCat("node '", label, "' is not in the nodes file ",
                                nodes_path));
        return found;
      }
      return decltype(found)(add(label));
    };
    const auto u = vertex(f[0], "source");
    const auto v = vertex(f[1], "target");
    if (!u || !v) continue;
    if (*u == *v) ++report.self_loops_dropped;
    tie(*u, *v, weight);
    ++report.ties;
  }
  if (!in.status().ok()) return in.status();
  if (absl::Status s = ErrorsToStatus({&errors}); !s.ok()) return s;
  report.ties -= report.self_loops_dropped;
  return absl::OkStatus();
}

std::string BaseName(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

absl::StatusOr<DistrictGraph> ReadEdgeListGraph(const std::string& path,
                                                const EdgeListOptions& options,
                                                const FreezeOptions& freeze,
                                                EdgeListReport* report) {
  EdgeListReport local;
  DistrictGraphBuilder b;
  b.set_name(BaseName(path));
  absl::flat_hash_map<std::string, std::uint32_t> schools;
  const bool have_nodes = !options.nodes_path.empty();
  if (have_nodes) {
    absl::Status s = ReadNodesFile(
        options.nodes_path, local,
        [&](absl::string_view node, absl::string_view school) -> std::string {
          auto [it, fresh] = schools.emplace(school, b.num_schools());
          if (fresh) b.AddSchool(std::string(school), "", 0);
          absl::StatusOr<VertexId> v =
              b.AddTeacher(std::string(node), it->second, TEACHER);
          return v.ok() ? "" : std::string(v.status().message());
        });
    if (!s.ok()) return s;
  }
  std::uint32_t default_school = 0;
  if (!have_nodes)
    default_school = b.AddSchool(std::string(kDefaultSchool), "", 0);
  if (!absl::EndsWith(path, ".gz")) {
    // Ties are rarely shorter than 16 bytes a line; reserving for that many
    // spares the arc array most of its regrowth.
    std::error_code ec;
    const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
    if (!ec) {
      b.ReserveTies(static_cast<std::size_t>(bytes / 16),
                    options.directed || local.directed_by_nodes_file);
    }
  }
  absl::Status s = ReadEdgeLines(
      path, options.nodes_path, local,
      [&](absl::string_view label) { return b.FindTeacher(label); },
      [&](absl::string_view label) {
        return *b.AddTeacher(std::string(label), default_school, TEACHER);
      },
      [&](VertexId u, VertexId v, double weight) {
        b.AddTie(u, v, CHANNEL_UNSPECIFIED,
                 options.directed || local.directed_by_nodes_file,
                 static_cast<float>(weight));
      });
  if (!s.ok()) return s;
  FreezeStats stats;
  absl::StatusOr<DistrictGraph> g = std::move(b).Freeze(freeze, &stats);
  if (!g.ok()) {
    return absl::Status(g.status().code(),
                        absl::StrCat(path, ": ", g.status().message()));
  }
  local.repeated_ties = stats.repeated_ties;
  if (report != nullptr) *report = local;
  return g;
}

absl::StatusOr<District> ReadEdgeListDistrict(const std::string& path,
                                              const NetworkReadOptions& options,
                                              EdgeListReport* report) {
  EdgeListReport local;
  District district;
  district.set_name(BaseName(path));
  NetworkBuilder b(district);
  if (options.record_tie_lines) b.RecordTieLines(&local.tie_lines);
  const bool have_nodes = !options.nodes_path.empty();
  if (have_nodes) {
    absl::Status s = ReadNodesFile(
        options.nodes_path, local,
        [&](absl::string_view node, absl::string_view school) -> std::string {
          if (b.Find(node)) {
            return absl::StrCat("node '", node, "' is listed twice");
          }
          b.SchoolNamed(school);
          b.teacher(b.Node(node)).set_school_id(std::string(school));
          return "";
        });
    if (!s.ok()) return s;
  }
  absl::Status s = ReadEdgeLines(
      path, options.nodes_path, local,
      [&](absl::string_view label) { return b.Find(label); },
      [&](absl::string_view label) { return b.Node(label); },
      [&](int u, int v, double weight) {
        Tie& tie = b.AddTie(u, v, options.channel,
                            options.directed || local.directed_by_nodes_file,
                            local.lines);
        if (weight != 1) tie.set_weight(weight);
      });
  if (!s.ok()) return s;
  b.Finish();
  if (report != nullptr) *report = local;
  return district;
}

absl::StatusOr<EdgeListText> FormatEdgeList(const District& district) {
  EdgeListText text;
  bool weighted = false;
  for (const Tie& t : district.ties())
    weighted |= t.has_weight() && t.weight() != 1;
  auto check = [](absl::string_view id) {
    for (char c : id) {
      if (c == ' ' || c == '\t' || c == ',' || c == '\n' || c == '\r') {
        return absl::InvalidArgumentError(absl::StrCat(
            "id '", id,
            "' holds a space, tab, comma or line break, which an edge list "
            "cannot hold; write GraphML or a district instead"));
      }
    }
    if (!id.empty() && (id[0] == '#' || id[0] == '%')) {
      return absl::InvalidArgumentError(
          absl::StrCat("id '", id, "' starts with a comment character"));
    }
    return absl::OkStatus();
  };
  for (const Tie& t : district.ties()) text.directed |= t.directed();
  // Direction goes in the nodes file: the common readers of edge lists
  // (networkx, igraph's Read_Ncol) take any line of the edge list, a
  // comment too, as an edge, but never read the nodes file.
  if (text.directed) absl::StrAppend(&text.nodes, kDirectedMarker, "\n");
  absl::StrAppend(&text.nodes, "node school\n");
  for (const Teacher& t : district.teachers()) {
    if (absl::Status s = check(t.id()); !s.ok()) return s;
    if (absl::Status s = check(t.school_id()); !s.ok()) return s;
    absl::StrAppend(&text.nodes, t.id(), " ", t.school_id(), "\n");
  }
  // No header line either: those readers would take it for a tie.
  auto line = [&](const Tie& t, const std::string& u, const std::string& v) {
    absl::StrAppend(&text.edges, u, " ", v);
    if (weighted) {
      absl::StrAppend(&text.edges, " ",
                      ShortestDouble(t.has_weight() ? t.weight() : 1.0));
    }
    absl::StrAppend(&text.edges, "\n");
  };
  for (const Tie& t : district.ties()) {
    line(t, t.source(), t.target());
    if (text.directed && !t.directed()) line(t, t.target(), t.source());
  }
  return text;
}

absl::StatusOr<std::vector<std::string>> ReadIdList(const std::string& path) {
  LineReader in;
  if (absl::Status s = in.Open(path); !s.ok()) return s;
  std::vector<std::string> ids;
  absl::string_view line;
  absl::string_view f[64];
  while (in.Next(line)) {
    if (IsComment(line)) continue;
    std::string quote_error;
    const int count = SplitFields(line, f, 64, quote_error);
    if (count < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", in.line_number(), ": ", quote_error));
    }
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
