// Builds a District from a plain network file's nodes and ties, for the
// readers of network formats (GraphML, GEXF, Pajek, UCINET DL, edge and
// contact lists). Nodes are teachers; a node without a school is put in a
// school named "all".
#ifndef COLLABNET_FORMATS_NETWORK_BUILDER_H_
#define COLLABNET_FORMATS_NETWORK_BUILDER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/district.pb.h"

namespace collabnet {

// How to read a network format's ties and nodes.
struct NetworkReadOptions {
  // Edge and contact lists: ties point from the first node to the second.
  bool directed = false;
  // The channel of ties that do not name one.
  Channel channel = CHANNEL_UNSPECIFIED;
  // GraphML and GEXF: the node attribute holding the school.
  std::string school_attribute = "school";
  // Pajek: the partition (.clu) giving schools; by default the .net path
  // with .clu, if that file exists.
  std::string partition_path;
  // Edge lists: a "node school" file fixing node order and schools.
  std::string nodes_path;
  // The most nodes a file may declare (Pajek *Vertices, DL N=): a header
  // claiming more is an error rather than an attempt to allocate them.
  int max_nodes = 50'000'000;
  // Keep each tie's line in the report's tie_lines, for messages about a
  // tie after reading (graph/duplicate_ties.h); off, it costs nothing.
  bool record_tie_lines = false;
};

// What reading found and did not use, to tell the user.
struct NetworkReadReport {
  std::int64_t nodes = 0;
  std::int64_t ties = 0;
  std::int64_t merged = 0;         // contacts merged into weighted ties
  std::vector<std::string> notes;  // e.g. attributes that were not used
  // Each tie's line in its file, when NetworkReadOptions::record_tie_lines.
  std::vector<std::int64_t> tie_lines;
};

constexpr absl::string_view kDefaultSchool = "all";

// Whether every teacher is in kDefaultSchool: a plain network, read from a
// format without schools, whose writers then invent none.
bool HasNoSchools(const District& district);

// Each tie's ends as 1-based positions in the district's teacher list, for
// writers of formats that number their nodes; InvalidArgument if a tie
// names someone not in the district.
absl::StatusOr<std::vector<std::pair<int, int>>> TieEndNumbers(
    const District& district);

// InvalidArgument unless `label` can stand quoted in a line of a text
// network format (`format` names it): no double quote, no line break.
absl::Status CheckQuotableLabel(absl::string_view label,
                                absl::string_view format);

class NetworkBuilder {
 public:
  explicit NetworkBuilder(District& district) : d_(district) {}

  // The node with this id, added if new.
  int Node(absl::string_view id);
  std::optional<int> Find(absl::string_view id) const;
  Teacher& teacher(int node) { return *d_.mutable_teachers(node); }
  // The school with this id, added if new.
  School& SchoolNamed(absl::string_view id);
  // `line` is where the tie is in its file, kept when RecordTieLines was
  // called (for messages about the tie after reading).
  Tie& AddTie(int source, int target, Channel channel, bool directed,
              std::int64_t line);
  void RecordTieLines(std::vector<std::int64_t>* lines) { lines_ = lines; }
  // Puts schoolless nodes in school "all".
  void Finish();
  int nodes() const { return d_.teachers_size(); }
  District& district() { return d_; }

 private:
  District& d_;
  std::vector<std::int64_t>* lines_ = nullptr;
  absl::flat_hash_map<std::string, int> nodes_;
  absl::flat_hash_map<std::string, int> schools_;
};

}  // namespace collabnet

#endif  // COLLABNET_FORMATS_NETWORK_BUILDER_H_
