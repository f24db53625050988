#include "formats/ucinet_dl.h"

#include <cmath>
#include <map>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "io/csv_table.h"
#include "proto/channel_names.h"
#include "text/number_text.h"

namespace collabnet {
namespace {

enum class Format { kFullMatrix, kEdgeList, kNodeList };

// Splits at blanks and commas; "quoted" tokens may hold either.
std::vector<std::string> DataTokens(absl::string_view line) {
  std::vector<std::string> out;
  std::size_t i = 0;
  auto blank = [](char c) {
    return c == ' ' || c == '\t' || c == ',' || c == '\r';
  };
  while (i < line.size()) {
    while (i < line.size() && blank(line[i])) ++i;
    if (i == line.size()) break;
    if (line[i] == '"') {
      const std::size_t end = line.find('"', i + 1);
      const std::size_t stop =
          end == absl::string_view::npos ? line.size() : end;
      out.emplace_back(line.substr(i + 1, stop - i - 1));
      i = stop == line.size() ? stop : stop + 1;
    } else {
      const std::size_t start = i;
      while (i < line.size() && !blank(line[i])) ++i;
      out.emplace_back(line.substr(start, i - start));
    }
  }
  return out;
}

// Labels: split at commas when the line has any (labels may then hold
// blanks), else at blanks.
std::vector<std::string> LabelTokens(absl::string_view line) {
  bool comma = false;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) comma = true;
  }
  if (!comma) {
    std::vector<std::string> out = DataTokens(line);
    std::erase(out, std::string());  // "" names nobody
    return out;
  }
  std::vector<std::string> out;
  std::string label;
  bool in_quotes = false;
  auto flush = [&] {
    absl::string_view part = absl::StripAsciiWhitespace(label);
    if (part.size() >= 2 && part.front() == '"' && part.back() == '"') {
      part = part.substr(1, part.size() - 2);
    }
    if (!part.empty()) out.emplace_back(part);
    label.clear();
  };
  for (char c : line) {
    if (c == '"') in_quotes = !in_quotes;
    if (c == ',' && !in_quotes) {
      flush();
    } else {
      label += c;
    }
  }
  flush();
  return out;
}

struct Arc {
  int u;
  int v;
  double w;
  std::int64_t line;
};

class DlReader {
 public:
  DlReader(const NetworkReadOptions& options, District& district,
           FileErrors& errors)
      : options_(options), builder_(district), errors_(errors) {}
  NetworkBuilder& builder() { return builder_; }

  void Line(std::string_view raw_std, std::int64_t line) {
    absl::string_view raw(raw_std.data(), raw_std.size());
    absl::string_view text = absl::StripAsciiWhitespace(raw);
    if (text.empty()) return;
    if (in_data_) {
      Data(text, line);
      return;
    }
    const std::string lower = absl::AsciiStrToLower(text);
    if (!seen_dl_) {
      if (!absl::StartsWith(lower, "dl") ||
          (lower.size() > 2 &&
           !absl::ascii_isspace(static_cast<unsigned char>(lower[2])))) {
        errors_.AddLine(line, "expected a DL file to start with 'DL'");
        failed_ = true;
        return;
      }
      seen_dl_ = true;
      Settings(text.substr(2), line);
      return;
    }
    absl::string_view rest;
    if (Keyword(lower, text, "data:", rest)) {
      in_data_ = true;
      collecting_ = nullptr;
      StartData(line);
      if (!rest.empty()) Data(rest, line);
    } else if (absl::StartsWith(lower, "labels embedded")) {
      embedded_ = true;
      collecting_ = nullptr;
    } else if (Keyword(lower, text, "matrix labels:", rest)) {
      collecting_ = &matrix_labels_;
      Collect(rest);
    } else if (Keyword(lower, text, "labels:", rest) ||
               Keyword(lower, text, "row labels:", rest)) {
      collecting_ = &labels_;
      Collect(rest);
    } else if (Keyword(lower, text, "column labels:", rest) ||
               Keyword(lower, text, "col labels:", rest)) {
      collecting_ = &column_labels_;
      Collect(rest);
    } else if (collecting_ != nullptr && !IsSetting(lower)) {
      Collect(text);
    } else {
      collecting_ = nullptr;
      Settings(text, line);
    }
  }

  void Finish(NetworkReadReport& report) {
    if (failed_) return;
    if (!seen_dl_) {
      errors_.AddLine(1, "the file is empty; expected 'DL N=...'");
      return;
    }
    if (!in_data_) {
      errors_.AddLine(last_line_, "no DATA: section");
      return;
    }
    if (format_ == Format::kFullMatrix && matrix_ < matrices_) {
      errors_.AddLine(last_line_,
                      absl::StrCat("the data ends in matrix ", matrix_ + 1,
                                   ", row ", row_ + 1, "; expected ", matrices_,
                                   " matrices of ", n_, " rows"));
      return;
    }
    for (int i = 1; i <= n_ && !embedded_; ++i) Node(i);
    // Per matrix, a pair tied both ways alike is one undirected tie
    // (unless the options read the matrix as directed).
    for (int m = 0; m < static_cast<int>(arcs_.size()); ++m) {
      Channel channel = options_.channel;
      if (m < static_cast<int>(matrix_labels_.size())) {
        if (const std::optional<Channel> c = ParseChannel(matrix_labels_[m])) {
          channel = *c;
        } else {
          unnamed_ += (unnamed_.empty() ? "" : ", ") + matrix_labels_[m];
        }
      }
      // Whether a pair is tied both ways alike is decided on its summed
      // cells; each cell is still written as a tie of its own, so that a
      // cell given twice is a repeated tie under the one rule every reader
      // follows (graph/duplicate_ties.h), counted and merged, kept or
      // refused there.
      std::map<std::pair<int, int>, double> weight;
      for (const Arc& a : arcs_[m]) weight[{a.u, a.v}] += a.w;
      for (const Arc& a : arcs_[m]) {
        const double w = weight[{a.u, a.v}];
        auto back = weight.find({a.v, a.u});
        // Read as directed, every cell is an arc.
        const bool mutual = !options_.directed && a.u != a.v &&
                            back != weight.end() && back->second == w;
        if (mutual && a.u > a.v) continue;  // written with the pair's first
        Tie& tie = builder_.AddTie(NodeIndex(a.u), NodeIndex(a.v), channel,
                                   /*directed=*/!mutual, a.line);
        if (a.w != 1) tie.set_weight(a.w);
      }
    }
    builder_.Finish();
    if (!unnamed_.empty()) {
      report.notes.push_back(
          absl::StrCat("matrix labels that name no channel: ", unnamed_));
    }
  }

 private:
  static bool Keyword(const std::string& lower, absl::string_view text,
                      absl::string_view keyword, absl::string_view& rest) {
    if (!absl::StartsWith(lower, keyword)) return false;
    rest = absl::StripAsciiWhitespace(text.substr(keyword.size()));
    return true;
  }

  // Whether a line inside a label list is a KEY=VALUE setting instead: it
  // starts with a known key and '='. Quoted labels never are.
  static bool IsSetting(const std::string& lower) {
    std::size_t end = 0;
    while (end < lower.size() &&
           absl::ascii_isalpha(static_cast<unsigned char>(lower[end]))) {
      ++end;
    }
    const std::string key = lower.substr(0, end);
    if (key != "n" && key != "nm" && key != "nr" && key != "nc" &&
        key != "format" && key != "diagonal") {
      return false;
    }
    absl::string_view rest =
        absl::StripLeadingAsciiWhitespace(absl::string_view(lower).substr(end));
    return !rest.empty() && rest[0] == '=';
  }

  void Collect(absl::string_view text) {
    for (std::string& label : LabelTokens(text)) {
      collecting_->push_back(std::move(label));
    }
  }

  // key = value settings: N, NM, NR, NC, FORMAT, DIAGONAL.
  void Settings(absl::string_view text, std::int64_t line) {
    std::string joined;
    for (char c : text) {
      if (c == ',') c = ' ';
      joined += c;
    }
    // Remove blanks around '=' so "n = 5" reads as "n=5".
    std::string compact;
    for (std::size_t i = 0; i < joined.size(); ++i) {
      if (joined[i] == ' ' || joined[i] == '\t') {
        std::size_t j = i;
        while (j < joined.size() && (joined[j] == ' ' || joined[j] == '\t'))
          ++j;
        const bool before_eq = j < joined.size() && joined[j] == '=';
        const bool after_eq = !compact.empty() && compact.back() == '=';
        if (!before_eq && !after_eq) compact += ' ';
        i = j - 1;
        continue;
      }
      compact += joined[i];
    }
    for (absl::string_view item :
         absl::StrSplit(compact, ' ', absl::SkipEmpty())) {
      const std::size_t eq = item.find('=');
      if (eq == absl::string_view::npos) {
        if (absl::AsciiStrToLower(item) == "labels" ||
            absl::AsciiStrToLower(item) == "embedded") {
          continue;
        }
        errors_.AddLine(
            line, absl::StrCat("found ", Quoted(item), "; expected KEY=VALUE"));
        continue;
      }
      const std::string key = absl::AsciiStrToLower(item.substr(0, eq));
      const std::string value = absl::AsciiStrToLower(item.substr(eq + 1));
      int number = 0;
      const bool is_number = absl::SimpleAtoi(value, &number) && number >= 0 &&
                             number <= options_.max_nodes;
      if (key == "n" || key == "nr" || key == "nc") {
        if (!is_number) {
          errors_.Add(line, key,
                      absl::StrCat("found ", Quoted(value),
                                   "; expected a node count, at most ",
                                   options_.max_nodes));
        } else if (key == "n") {
          n_ = number;
        } else {
          (key == "nr" ? nr_ : nc_) = number;
        }
      } else if (key == "nm") {
        if (!is_number || number < 1 || number > 1000) {
          errors_.Add(line, key,
                      absl::StrCat("found ", Quoted(value),
                                   "; expected a matrix count"));
        } else {
          matrices_ = number;
        }
      } else if (key == "format") {
        if (value == "fullmatrix" || value == "fm") {
          format_ = Format::kFullMatrix;
        } else if (value == "edgelist1" || value == "el1") {
          format_ = Format::kEdgeList;
        } else if (value == "nodelist1" || value == "nl1") {
          format_ = Format::kNodeList;
        } else {
          errors_.Add(line, key,
                      absl::StrCat("found ", Quoted(value),
                                   "; expected fullmatrix, edgelist1 or "
                                   "nodelist1"));
        }
      } else if (key == "diagonal") {
        diagonal_absent_ = value == "absent";
      } else {
        errors_.Add(line, key, absl::StrCat("unknown setting ", Quoted(key)));
      }
    }
  }

  void StartData(std::int64_t line) {
    if (nr_ >= 0 || nc_ >= 0) {
      if (nr_ != nc_) {
        errors_.AddLine(line,
                        "two-mode data (NR differs from NC); expected "
                        "one mode: teachers");
        failed_ = true;
        return;
      }
      n_ = nr_;
    }
    if (n_ < 0 && !(embedded_ && format_ != Format::kFullMatrix)) {
      errors_.AddLine(line, "no N=; expected the number of nodes");
      failed_ = true;
      return;
    }
    if (!column_labels_.empty() && column_labels_ != labels_) {
      errors_.AddLine(line,
                      "column labels differ from row labels: two-mode "
                      "data; expected one mode");
      failed_ = true;
      return;
    }
    if (!labels_.empty()) {
      if (n_ >= 0 && static_cast<int>(labels_.size()) != n_) {
        errors_.AddLine(
            line, absl::StrCat(labels_.size(), " labels for N=", n_, " nodes"));
        failed_ = true;
        return;
      }
      for (std::size_t i = 0; i < labels_.size(); ++i) {
        if (builder_.Find(labels_[i])) {
          errors_.AddLine(line, absl::StrCat("label ", Quoted(labels_[i]),
                                             " appears twice"));
          failed_ = true;
          return;
        }
        Node(static_cast<int>(i) + 1);
      }
    }
    arcs_.resize(static_cast<std::size_t>(matrices_));
  }

  // The node of 1-based number i.
  int Node(int i) {
    if (static_cast<std::size_t>(i) >= nodes_.size()) {
      nodes_.resize(static_cast<std::size_t>(i) + 1, -1);
    }
    int& node = nodes_[static_cast<std::size_t>(i)];
    if (node < 0) {
      node = builder_.Node(labels_.empty()
                               ? absl::StrCat(i)
                               : labels_[static_cast<std::size_t>(i - 1)]);
    }
    return node;
  }
  int NodeIndex(int key) {
    return embedded_ && labels_.empty() ? key : Node(key);
  }

  // An id field of an edge or node list: a number, or with embedded labels
  // (and no LABELS: list) a label. Returns the key used in arcs_.
  std::optional<int> Id(const std::string& token, std::int64_t line,
                        absl::string_view field) {
    if (token.empty()) {
      errors_.Add(line, field, "is empty; expected a node");
      return std::nullopt;
    }
    if (embedded_ && labels_.empty()) {
      if (n_ >= 0 && builder_.nodes() >= n_ && !builder_.Find(token)) {
        errors_.Add(line, field,
                    absl::StrCat("label ", Quoted(token), " is node ",
                                 builder_.nodes() + 1, " of N=", n_));
        return std::nullopt;
      }
      return builder_.Node(token);
    }
    if (embedded_) {
      // LABELS: given and labels embedded: the data uses the labels.
      for (std::size_t i = 0; i < labels_.size(); ++i) {
        if (labels_[i] == token) return static_cast<int>(i) + 1;
      }
      errors_.Add(line, field,
                  absl::StrCat("label ", Quoted(token), " is not in LABELS"));
      return std::nullopt;
    }
    int i = 0;
    if (!absl::SimpleAtoi(token, &i) || i < 1 || i > n_) {
      errors_.Add(line, field,
                  absl::StrCat("found ", Quoted(token),
                               "; expected a node number from 1 "
                               "to ",
                               n_));
      return std::nullopt;
    }
    return i;
  }

  void Data(absl::string_view text, std::int64_t line) {
    last_line_ = line;
    if (failed_) return;
    if (text == "!") {
      if (format_ != Format::kFullMatrix) ++matrix_;
      return;
    }
    const std::vector<std::string> t = DataTokens(text);
    if (t.empty()) return;  // only separators
    if (format_ != Format::kFullMatrix && matrix_ >= matrices_) {
      errors_.AddLine(line, absl::StrCat("data after the last of ", matrices_,
                                         " matrices"));
      return;
    }
    switch (format_) {
      case Format::kEdgeList: {
        if (t.size() < 2 || t.size() > 3) {
          errors_.AddLine(line, absl::StrCat("has ", t.size(),
                                             " fields; expected two ids and "
                                             "an optional value"));
          return;
        }
        const std::optional<int> u = Id(t[0], line, "source");
        const std::optional<int> v = Id(t[1], line, "target");
        double w = 1;
        if (t.size() == 3 &&
            (!ParseNumber(t[2], &w) || !std::isfinite(w) || w < 0)) {
          errors_.Add(
              line, "value",
              absl::StrCat("found ", Quoted(t[2]), "; expected a number"));
          return;
        }
        if (u && v && w > 0) {
          arcs_[static_cast<std::size_t>(matrix_)].push_back({*u, *v, w, line});
        }
        return;
      }
      case Format::kNodeList: {
        const std::optional<int> u = Id(t[0], line, "source");
        for (std::size_t k = 1; k < t.size(); ++k) {
          const std::optional<int> v = Id(t[k], line, "target");
          if (u && v) {
            arcs_[static_cast<std::size_t>(matrix_)].push_back(
                {*u, *v, 1, line});
          }
        }
        return;
      }
      case Format::kFullMatrix:
        for (const std::string& token : t) Value(token, line);
        return;
    }
  }

  // The next token of a full matrix.
  void Value(const std::string& token, std::int64_t line) {
    if (matrix_ >= matrices_) {
      if (!overflow_reported_) {
        errors_.AddLine(line, absl::StrCat("more values than ", matrices_,
                                           " matrices of ", n_, " by ", n_));
        overflow_reported_ = true;
      }
      return;
    }
    // With embedded labels each matrix opens with its column labels and
    // each row with its row label.
    if (embedded_ && row_ == 0 && col_ == 0 && header_left_ < 0) {
      header_left_ = n_;
    }
    if (header_left_ > 0) {
      if (matrix_ == 0 && labels_.empty()) {
        if (builder_.Find(token)) {
          errors_.AddLine(
              line, absl::StrCat("label ", Quoted(token), " appears twice"));
          failed_ = true;
          return;
        }
        column_order_.push_back(token);
        builder_.Node(token);
      }
      --header_left_;
      return;
    }
    if (embedded_ && col_ == 0 && !row_label_read_) {
      const std::vector<std::string>& names =
          labels_.empty() ? column_order_ : labels_;
      if (static_cast<std::size_t>(row_) < names.size() &&
          token != names[static_cast<std::size_t>(row_)]) {
        errors_.AddLine(
            line, absl::StrCat("row label ", Quoted(token),
                               " differs from column label ",
                               Quoted(names[static_cast<std::size_t>(row_)])));
      }
      row_label_read_ = true;
      return;
    }
    if (diagonal_absent_ && col_ == row_) ++col_;
    double w = 0;
    if (!ParseNumber(token, &w) || !std::isfinite(w) || w < 0) {
      errors_.Add(line, absl::StrCat("row ", row_ + 1, " column ", col_ + 1),
                  absl::StrCat("found ", Quoted(token),
                               "; expected a number, 0 for no tie"));
    } else if (w > 0) {
      // Keys as NodeIndex reads them: builder indices for embedded labels,
      // else 1-based numbers.
      const int base = embedded_ && labels_.empty() ? 0 : 1;
      arcs_[static_cast<std::size_t>(matrix_)].push_back(
          {row_ + base, col_ + base, w, line});
    }
    ++col_;
    if (diagonal_absent_ && col_ == row_ && col_ == n_ - 1) ++col_;
    if (col_ >= n_) {
      col_ = 0;
      row_label_read_ = false;
      ++row_;
      if (row_ == n_) {
        row_ = 0;
        ++matrix_;
        header_left_ = -1;
      }
    }
  }

  const NetworkReadOptions& options_;
  NetworkBuilder builder_;
  FileErrors& errors_;
  bool seen_dl_ = false;
  bool in_data_ = false;
  bool failed_ = false;
  bool embedded_ = false;
  bool diagonal_absent_ = false;
  bool overflow_reported_ = false;
  bool row_label_read_ = false;
  int n_ = -1;
  int nr_ = -1;
  int nc_ = -1;
  int matrices_ = 1;
  int matrix_ = 0;
  int row_ = 0;
  int col_ = 0;
  int header_left_ = -1;
  std::int64_t last_line_ = 1;
  Format format_ = Format::kFullMatrix;
  std::vector<std::string> labels_;
  std::vector<std::string> column_labels_;
  std::vector<std::string> matrix_labels_;
  std::vector<std::string>* collecting_ = nullptr;
  std::vector<std::string> column_order_;
  std::vector<int> nodes_;
  std::vector<std::vector<Arc>> arcs_;
  std::string unnamed_;
};

}  // namespace

absl::StatusOr<District> ReadUcinetDl(std::istream& in,
                                      const std::string& file_name,
                                      const NetworkReadOptions& options,
                                      NetworkReadReport* report) {
  District district;
  FileErrors errors(file_name);
  DlReader reader(options, district, errors);
  std::vector<std::int64_t> tie_lines;
  if (options.record_tie_lines) reader.builder().RecordTieLines(&tie_lines);
  std::string line;
  std::int64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1 && absl::StartsWith(line, "\xEF\xBB\xBF")) line.erase(0, 3);
    reader.Line(line, number);
  }
  NetworkReadReport local;
  if (errors.empty()) reader.Finish(local);
  if (absl::Status s = ErrorsToStatus({&errors}); !s.ok()) return s;
  local.nodes = district.teachers_size();
  local.ties = district.ties_size();
  local.tie_lines = std::move(tie_lines);
  if (report != nullptr) *report = std::move(local);
  return district;
}

absl::StatusOr<std::string> FormatUcinetDl(const District& district) {
  for (const Teacher& t : district.teachers()) {
    if (absl::Status s = CheckQuotableLabel(t.id(), "DL"); !s.ok()) return s;
  }
  absl::StatusOr<std::vector<std::pair<int, int>>> ends =
      TieEndNumbers(district);
  if (!ends.ok()) return ends.status();
  std::vector<int> channels;
  for (int c = 0; c <= ADVICE; ++c) {
    for (const Tie& t : district.ties()) {
      if (t.channel() == c) {
        channels.push_back(c);
        break;
      }
    }
  }
  if (channels.empty()) channels.push_back(CHANNEL_UNSPECIFIED);
  std::string out =
      absl::StrCat("DL N=", district.teachers_size(), " NM=", channels.size(),
                   " FORMAT=EDGELIST1\nLABELS:\n");
  for (int i = 0; i < district.teachers_size(); ++i) {
    absl::StrAppend(&out, i == 0 ? "" : ",", "\"", district.teachers(i).id(),
                    "\"");
  }
  absl::StrAppend(&out, "\nMATRIX LABELS:\n");
  for (std::size_t k = 0; k < channels.size(); ++k) {
    absl::StrAppend(&out, k == 0 ? "" : ",",
                    channels[k] == CHANNEL_UNSPECIFIED
                        ? "ties"
                        : ChannelFileName(static_cast<Channel>(channels[k])));
  }
  absl::StrAppend(&out, "\nDATA:\n");
  for (std::size_t k = 0; k < channels.size(); ++k) {
    if (k > 0) absl::StrAppend(&out, "!\n");
    // Arcs summed per pair: DL holds one value per pair and relation.
    std::map<std::pair<int, int>, double> values;
    for (int i = 0; i < district.ties_size(); ++i) {
      const Tie& t = district.ties(i);
      if (t.channel() != channels[k]) continue;
      const auto [source, target] = (*ends)[static_cast<std::size_t>(i)];
      const double w = t.has_weight() ? t.weight() : 1.0;
      values[{source, target}] += w;
      if (!t.directed()) values[{target, source}] += w;
    }
    for (const auto& [pair, w] : values) {
      absl::StrAppend(&out, pair.first, " ", pair.second, " ",
                      ShortestDouble(w), "\n");
    }
  }
  return out;
}

}  // namespace collabnet
