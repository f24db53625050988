#include "formats/pajek.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "formats/network_builder.h"
#include "io/csv_table.h"
#include "proto/channel_names.h"
#include "text/number_text.h"

namespace collabnet {
namespace {

// Splits a line into tokens at blanks; a token may be "quoted".
std::vector<std::string> Tokens(absl::string_view line) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i == line.size()) break;
    if (line[i] == '"') {
      const std::size_t end = line.find('"', i + 1);
      if (end == absl::string_view::npos) {
        out.emplace_back(line.substr(i + 1));
        break;
      }
      out.emplace_back(line.substr(i + 1, end - i - 1));
      i = end + 1;
    } else {
      const std::size_t start = i;
      while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
      out.emplace_back(line.substr(start, i - start));
    }
  }
  return out;
}

bool NextLine(std::istream& in, std::string& line, std::int64_t& number) {
  if (!std::getline(in, line)) return false;
  ++number;
  if (number == 1 && absl::StartsWith(line, "\xEF\xBB\xBF")) line.erase(0, 3);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) {
    line.pop_back();
  }
  // A lone CR inside a line is taken as a line end by nothing here; treat it
  // as a blank so stray carriage returns do not join fields.
  for (char& c : line) {
    if (c == '\r') c = ' ';
  }
  return true;
}

enum class Section {
  kNone,
  kVertices,
  kArcs,
  kEdges,
  kArcslist,
  kEdgeslist,
  kMatrix,
  kOther
};

class PajekReader {
 public:
  PajekReader(const NetworkReadOptions& options, District& district,
              FileErrors& errors)
      : options_(options),
        district_(district),
        builder_(district),
        errors_(errors) {}

  void Line(absl::string_view raw, std::int64_t line) {
    const absl::string_view text = absl::StripAsciiWhitespace(raw);
    if (text.empty() || text[0] == '%') return;
    if (text[0] == '*') {
      StartSection(text, line);
      return;
    }
    const std::vector<std::string> t = Tokens(text);
    switch (section_) {
      case Section::kNone:
        errors_.AddLine(line, "a line before any *Vertices section");
        return;
      case Section::kVertices:
        Vertex(t, line);
        return;
      case Section::kArcs:
      case Section::kEdges:
        Tie(t, line, section_ == Section::kArcs);
        return;
      case Section::kArcslist:
      case Section::kEdgeslist:
        List(t, line, section_ == Section::kArcslist);
        return;
      case Section::kMatrix:
        MatrixRow(t, line);
        return;
      case Section::kOther:
        return;
    }
  }

  void Finish(NetworkReadReport& report) {
    // Vertices the file counts but does not list are named by number.
    for (int i = 1; i <= vertex_count_; ++i) VertexNode(i);
    if (!unnamed_relations_.empty()) {
      report.notes.push_back(absl::StrCat(
          "relations whose label names no channel: ", unnamed_relations_));
    }
    if (other_sections_) {
      report.notes.push_back(
          "sections other than vertices, arcs, edges and "
          "matrices were skipped");
    }
  }

  // The node of vertex number `i` (1-based), made on first use.
  int VertexNode(int i) {
    if (static_cast<std::size_t>(i) >= nodes_.size()) {
      nodes_.resize(static_cast<std::size_t>(i) + 1, -1);
    }
    int& node = nodes_[static_cast<std::size_t>(i)];
    if (node < 0) {
      const std::string id = absl::StrCat(i);
      if (builder_.Find(id)) {
        // The number is some other vertex's label; keep the two apart.
        node = builder_.Node(absl::StrCat(i, "#"));
      } else {
        node = builder_.Node(id);
      }
    }
    return node;
  }
  int vertex_count() const { return vertex_count_; }
  NetworkBuilder& builder() { return builder_; }

 private:
  void StartSection(absl::string_view text, std::int64_t line) {
    const std::vector<std::string> t = Tokens(text);
    const std::string head = absl::AsciiStrToLower(t[0]);
    channel_ = options_.channel;
    if (head == "*vertices") {
      section_ = Section::kVertices;
      if (t.size() < 2 || !absl::SimpleAtoi(t[1], &vertex_count_) ||
          vertex_count_ < 0 || vertex_count_ > options_.max_nodes) {
        errors_.Add(line, "*Vertices",
                    absl::StrCat("found ", Quoted(t.size() > 1 ? t[1] : ""),
                                 "; expected the number of vertices, at most ",
                                 options_.max_nodes));
        vertex_count_ = 0;
      }
      if (t.size() > 2) {
        errors_.AddLine(line,
                        "a two-mode network (*Vertices n n1); expected one "
                        "mode: teachers");
      }
      return;
    }
    if (head == "*arcs") {
      section_ = Section::kArcs;
    } else if (head == "*edges") {
      section_ = Section::kEdges;
    } else if (head == "*arcslist") {
      section_ = Section::kArcslist;
    } else if (head == "*edgeslist") {
      section_ = Section::kEdgeslist;
    } else if (head == "*matrix") {
      section_ = Section::kMatrix;
      matrix_row_ = 0;
    } else if (head == "*network") {
      if (t.size() > 1) district_.set_name(t[1]);
      section_ = Section::kNone;
      return;
    } else {
      section_ = Section::kOther;
      other_sections_ = true;
      return;
    }
    // A relation: ":k" then an optional "label".
    if (t.size() >= 2 && absl::StartsWith(t[1], ":")) {
      const std::string label = t.size() >= 3 ? t[2] : "";
      if (const std::optional<Channel> c = ParseChannel(label)) {
        channel_ = *c;
      } else {
        if (!unnamed_relations_.empty()) unnamed_relations_ += ", ";
        unnamed_relations_ += label.empty() ? t[1] : label;
      }
    }
  }

  // A vertex number field; nullopt (with an error) if it is not one.
  std::optional<int> Number(const std::string& text, absl::string_view field,
                            std::int64_t line) {
    int i = 0;
    if (!absl::SimpleAtoi(text, &i) || i < 1 || i > vertex_count_) {
      errors_.Add(
          line, field,
          absl::StrCat("found ", Quoted(text),
                       "; expected a vertex number from 1 to ", vertex_count_));
      return std::nullopt;
    }
    return i;
  }

  void Vertex(const std::vector<std::string>& t, std::int64_t line) {
    const std::optional<int> i = Number(t[0], "vertex", line);
    if (!i) return;
    if (static_cast<std::size_t>(*i) < nodes_.size() &&
        nodes_[static_cast<std::size_t>(*i)] >= 0) {
      errors_.Add(line, "vertex",
                  absl::StrCat("vertex ", *i, " is listed twice"));
      return;
    }
    const std::string label = t.size() >= 2 ? t[1] : absl::StrCat(*i);
    if (label.empty()) {
      errors_.Add(line, "label", "is empty; expected a teacher id");
      return;
    }
    if (builder_.Find(label)) {
      errors_.Add(line, "label",
                  absl::StrCat("label ", Quoted(label),
                               " is used twice; labels are teacher ids"));
      return;
    }
    if (static_cast<std::size_t>(*i) >= nodes_.size()) {
      nodes_.resize(static_cast<std::size_t>(*i) + 1, -1);
    }
    nodes_[static_cast<std::size_t>(*i)] = builder_.Node(label);
  }

  void Tie(const std::vector<std::string>& t, std::int64_t line,
           bool directed) {
    if (t.size() < 2) {
      errors_.Add(line, "target", "missing; expected two vertex numbers");
      return;
    }
    const std::optional<int> u = Number(t[0], "source", line);
    const std::optional<int> v = Number(t[1], "target", line);
    double w = 1;
    if (t.size() >= 3 && !ParseNumber(t[2], &w)) {
      // A value that is not a number is a drawing parameter (igraph writes
      // none; Pajek's own files may): the tie has weight 1.
      w = 1;
    } else if (t.size() >= 3 && (!std::isfinite(w) || w <= 0)) {
      errors_.Add(
          line, "weight",
          absl::StrCat("found ", Quoted(t[2]), "; expected a positive number"));
      return;
    }
    if (!u || !v) return;
    Add(*u, *v, directed, w, line);
  }

  void List(const std::vector<std::string>& t, std::int64_t line,
            bool directed) {
    const std::optional<int> u = Number(t[0], "source", line);
    for (std::size_t k = 1; k < t.size(); ++k) {
      const std::optional<int> v = Number(t[k], "target", line);
      if (u && v) Add(*u, *v, directed, 1, line);
    }
  }

  void MatrixRow(const std::vector<std::string>& t, std::int64_t line) {
    ++matrix_row_;
    if (matrix_row_ > vertex_count_) {
      errors_.AddLine(
          line, absl::StrCat("matrix row ", matrix_row_, " of a network with ",
                             vertex_count_, " vertices"));
      return;
    }
    if (static_cast<int>(t.size()) != vertex_count_) {
      errors_.AddLine(line, absl::StrCat("matrix row has ", t.size(),
                                         " values; expected ", vertex_count_));
      return;
    }
    for (int j = 0; j < vertex_count_; ++j) {
      double w = 0;
      if (!ParseNumber(t[static_cast<std::size_t>(j)], &w) ||
          !std::isfinite(w) || w < 0) {
        errors_.Add(
            line, absl::StrCat("column ", j + 1),
            absl::StrCat("found ", Quoted(t[static_cast<std::size_t>(j)]),
                         "; expected a number, 0 for no tie"));
        continue;
      }
      if (w > 0) Add(matrix_row_, j + 1, /*directed=*/true, w, line);
    }
  }

  void Add(int u, int v, bool directed, double w, std::int64_t line) {
    collabnet::Tie& tie =
        builder_.AddTie(VertexNode(u), VertexNode(v), channel_, directed, line);
    if (w != 1) tie.set_weight(w);
  }

  const NetworkReadOptions& options_;
  District& district_;
  NetworkBuilder builder_;
  FileErrors& errors_;
  Section section_ = Section::kNone;
  int vertex_count_ = 0;
  int matrix_row_ = 0;
  Channel channel_ = CHANNEL_UNSPECIFIED;
  std::vector<int> nodes_;  // vertex number -> node
  std::string unnamed_relations_;
  bool other_sections_ = false;
};

void ReadPartition(std::istream& in, PajekReader& reader, FileErrors& errors) {
  std::string line;
  std::int64_t number = 0;
  absl::flat_hash_map<std::string, std::string> names;  // class -> school id
  std::vector<std::pair<std::string, std::int64_t>> classes;
  int expected = -1;
  while (NextLine(in, line, number)) {
    absl::string_view text = absl::StripAsciiWhitespace(line);
    if (text.empty()) continue;
    if (text[0] == '%') {
      const std::vector<std::string> t = Tokens(text.substr(1));
      if (t.size() == 3 && t[0] == "school") names[t[1]] = t[2];
      continue;
    }
    if (text[0] == '*') {
      const std::vector<std::string> t = Tokens(text);
      if (absl::AsciiStrToLower(t[0]) == "*vertices") {
        if (t.size() < 2 || !absl::SimpleAtoi(t[1], &expected)) {
          errors.Add(number, "*Vertices", "expected the number of vertices");
        }
      }
      continue;
    }
    classes.emplace_back(std::string(text), number);
  }
  if (expected >= 0 && expected != reader.vertex_count()) {
    errors.AddLine(
        1, absl::StrCat("the partition has ", expected,
                        " vertices; the network has ", reader.vertex_count()));
    return;
  }
  if (static_cast<int>(classes.size()) != reader.vertex_count()) {
    errors.AddLine(number, absl::StrCat("the partition lists ", classes.size(),
                                        " classes; the network has ",
                                        reader.vertex_count(), " vertices"));
    return;
  }
  for (std::size_t i = 0; i < classes.size(); ++i) {
    const auto& [cls, line_number] = classes[i];
    int value = 0;
    if (!absl::SimpleAtoi(cls, &value)) {
      errors.Add(line_number, "class",
                 absl::StrCat("found ", Quoted(cls), "; expected an integer"));
      continue;
    }
    auto it = names.find(cls);
    const std::string school = it == names.end() ? cls : it->second;
    reader.builder().SchoolNamed(school);
    reader.builder()
        .teacher(reader.VertexNode(static_cast<int>(i) + 1))
        .set_school_id(school);
  }
}

}  // namespace

absl::StatusOr<District> ReadPajek(std::istream& net,
                                   const std::string& net_name,
                                   std::istream* partition,
                                   const std::string& partition_name,
                                   const NetworkReadOptions& options,
                                   NetworkReadReport* report) {
  District district;
  FileErrors errors(net_name);
  FileErrors partition_errors(partition_name);
  PajekReader reader(options, district, errors);
  std::vector<std::int64_t> tie_lines;
  if (options.record_tie_lines) reader.builder().RecordTieLines(&tie_lines);
  std::string line;
  std::int64_t number = 0;
  bool any = false;
  while (NextLine(net, line, number)) {
    any = true;
    reader.Line(line, number);
  }
  if (!any) errors.AddLine(1, "the file is empty; expected *Vertices n");
  NetworkReadReport local;
  reader.Finish(local);
  if (partition != nullptr && errors.empty()) {
    ReadPartition(*partition, reader, partition_errors);
  }
  reader.builder().Finish();
  if (absl::Status s = ErrorsToStatus({&errors, &partition_errors}); !s.ok()) {
    return s;
  }
  local.nodes = district.teachers_size();
  local.ties = district.ties_size();
  local.tie_lines = std::move(tie_lines);
  if (report != nullptr) *report = std::move(local);
  return district;
}

absl::StatusOr<PajekText> FormatPajek(const District& district) {
  PajekText out;
  absl::StatusOr<std::vector<std::pair<int, int>>> ends =
      TieEndNumbers(district);
  if (!ends.ok()) return ends.status();
  if (!district.name().empty()) {
    if (absl::Status s = CheckQuotableLabel(district.name(), "Pajek"); !s.ok())
      return s;
    absl::StrAppend(&out.net, "*Network \"", district.name(), "\"\n");
  }
  absl::StrAppend(&out.net, "*Vertices ", district.teachers_size(), "\n");
  for (int i = 0; i < district.teachers_size(); ++i) {
    const std::string& id = district.teachers(i).id();
    if (absl::Status s = CheckQuotableLabel(id, "Pajek"); !s.ok()) return s;
    absl::StrAppend(&out.net, i + 1, " \"", id, "\"\n");
  }
  // A weighted network gives every line its weight: networkx reads a line
  // without one as having no weight.
  const bool weighted = std::any_of(
      district.ties().begin(), district.ties().end(),
      [](const Tie& t) { return t.has_weight() && t.weight() != 1; });
  // One relation per channel and direction, in channel order.
  for (int c = 0; c <= ADVICE; ++c) {
    for (const bool directed : {true, false}) {
      std::string body;
      for (int i = 0; i < district.ties_size(); ++i) {
        const Tie& t = district.ties(i);
        if (t.channel() != c || t.directed() != directed) continue;
        const auto [source, target] = (*ends)[static_cast<std::size_t>(i)];
        absl::StrAppend(&body, source, " ", target);
        if (weighted) {
          absl::StrAppend(&body, " ",
                          ShortestDouble(t.has_weight() ? t.weight() : 1.0));
        }
        absl::StrAppend(&body, "\n");
      }
      if (body.empty()) continue;
      absl::StrAppend(&out.net, directed ? "*Arcs" : "*Edges");
      if (c != CHANNEL_UNSPECIFIED) {
        absl::StrAppend(&out.net, " :", c, " \"",
                        ChannelFileName(static_cast<Channel>(c)), "\"");
      }
      absl::StrAppend(&out.net, "\n", body);
    }
  }
  // Schools as a partition, classes numbered in order of the schools list;
  // a plain network (every node in the readers' default school) has none.
  if (HasNoSchools(district)) return out;
  absl::flat_hash_map<std::string, int> classes;
  std::string names;
  for (const School& s : district.schools()) {
    if (absl::Status st = CheckQuotableLabel(s.id(), "Pajek"); !st.ok())
      return st;
    for (char ch : s.id()) {
      if (ch == ' ' || ch == '\t') {
        return absl::InvalidArgumentError(absl::StrCat(
            "school id ", Quoted(s.id()),
            " holds a blank, which a Pajek partition comment cannot hold"));
      }
    }
    const int k = static_cast<int>(classes.size()) + 1;
    classes[s.id()] = k;
    absl::StrAppend(&names, "% school ", k, " ", s.id(), "\n");
  }
  out.partition = names;
  absl::StrAppend(&out.partition, "*Vertices ", district.teachers_size(), "\n");
  for (const Teacher& t : district.teachers()) {
    auto it = classes.find(t.school_id());
    absl::StrAppend(&out.partition, it == classes.end() ? 0 : it->second, "\n");
  }
  return out;
}

}  // namespace collabnet
