// Plain networks as edge lists, the form most network tools write:
//
//   # comment lines start with # or %
//   u v          one tie per line: two node labels
//   u v 2.5      and optionally a positive weight
//
// Fields are separated by spaces, tabs or commas; CRLF and stray carriage
// returns are tolerated; a first line of column names (source/target,
// from/to, u/v, i/j, node1/node2, weight) is recognised as a header. Files
// may be gzip-compressed. Labels are any text without separators.
//
// An optional nodes file, "node school [more columns]", fixes the vertex
// order (so vertex i is the i-th node listed), adds nodes without ties and
// puts each node in a school; columns after the second are reported as not
// used. Without one, vertices come in order of first appearance, all in one
// school named "all".
#ifndef COLLABNET_FORMATS_EDGE_LIST_H_
#define COLLABNET_FORMATS_EDGE_LIST_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "formats/network_builder.h"
#include "graph/district_graph.h"
#include "proto/district.pb.h"

namespace collabnet {

struct EdgeListOptions {
  bool directed = false;   // ties point from the first label to the second
  std::string nodes_path;  // optional nodes file
};

// What reading found, to report rather than do silently.
struct EdgeListReport {
  std::int64_t lines = 0;
  std::int64_t ties = 0;
  std::int64_t self_loops_dropped = 0;
  std::int64_t comment_lines = 0;
  bool header = false;
  std::int64_t node_columns_not_used = 0;  // columns after "node school"
  std::int64_t repeated_ties = 0;          // as FreezeOptions::duplicates says
  // The nodes file's first line is kDirectedMarker: the ties are read as
  // directed, as with EdgeListOptions::directed.
  bool directed_by_nodes_file = false;
  // ReadEdgeListDistrict: each tie's line, when
  // NetworkReadOptions::record_tie_lines.
  std::vector<std::int64_t> tie_lines;
};

// The first line of a nodes file written beside a directed edge list.
inline constexpr absl::string_view kDirectedMarker =
    "# directed: each line of the edge list is a tie from its first node "
    "to its second";

// Reads the edge list at `path` into a frozen graph whose ties have no
// channel. InvalidArgument names the file, line and field of a malformed
// line (a missing label, a weight that is not a positive number, a label
// missing from the nodes file); all errors up to 20 are listed.
absl::StatusOr<DistrictGraph> ReadEdgeListGraph(
    const std::string& path, const EdgeListOptions& options = {},
    const FreezeOptions& freeze = {}, EdgeListReport* report = nullptr);

// The same file as a District (for conversion): ties carry
// options.channel and options.directed; the nodes file is
// options.nodes_path.
absl::StatusOr<District> ReadEdgeListDistrict(
    const std::string& path, const NetworkReadOptions& options = {},
    EdgeListReport* report = nullptr);

// A district as an edge list ("source target [weight]", space-separated,
// with a header; weights only if some tie's is not 1) and its nodes file
// ("node school"). If any tie is directed the list is directed (to be read
// with directed = true) and each undirected tie is written both ways.
// Channels, dates and teacher and school attributes are not written.
// InvalidArgument for an id holding a separator.
struct EdgeListText {
  std::string edges;
  std::string nodes;
  bool directed = false;
};
absl::StatusOr<EdgeListText> FormatEdgeList(const District& district);

// Reads a list of ids: whitespace- or comma-separated, # comments allowed.
absl::StatusOr<std::vector<std::string>> ReadIdList(const std::string& path);

}  // namespace collabnet

#endif  // COLLABNET_FORMATS_EDGE_LIST_H_
