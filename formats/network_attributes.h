// The node and edge attributes the XML network formats (GraphML, GEXF) carry
// for a district, by name, shared by their readers and writers:
//
//   node: school, school_name, title_i, pbis, readiness, role, grades,
//         subjects, name
//   edge: channel, weight, first_seen, last_seen, undirected
//
// A mixed network (directed and undirected ties) is written directed, as
// common readers (networkx) hold no mixed graph: each undirected tie
// becomes its two arcs, both with undirected = true, which collabnet's
// readers pair back into the one tie.
#ifndef COLLABNET_FORMATS_NETWORK_ATTRIBUTES_H_
#define COLLABNET_FORMATS_NETWORK_ATTRIBUTES_H_

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "formats/network_builder.h"
#include "io/csv_table.h"
#include "io/xml_reader.h"
#include "proto/district.pb.h"

namespace collabnet {

enum class AttributeType { kString, kBoolean, kDouble };

struct AttributeColumn {
  absl::string_view name;
  AttributeType type;
};

// The node attributes some teacher (or school) of `district` has a value for,
// in the order above.
std::vector<AttributeColumn> NodeAttributeColumns(const District& district);
// The edge attributes some tie has (channel whenever a tie has one, weight
// whenever one is not 1, the dates when set).
std::vector<AttributeColumn> EdgeAttributeColumns(const District& district);

// A teacher's value for `column`, as text; `school` may be null.
std::string NodeAttributeText(absl::string_view column, const Teacher& teacher,
                              const School* school);
std::string EdgeAttributeText(absl::string_view column, const Tie& tie);

// Applies one node's attributes (lower-cased names) to node `node`: the
// school first (options.school_attribute), then the rest. Values that do
// not read are errors on `line`; names not used are added to `unused`.
void ApplyNodeAttributes(
    const std::vector<std::pair<std::string, std::string>>& attributes,
    const NetworkReadOptions& options, std::int64_t line, int node,
    NetworkBuilder& builder, FileErrors& errors, std::set<std::string>& unused);

// Applies one edge's attributes to `tie`, as above.
void ApplyEdgeAttributes(
    const std::vector<std::pair<std::string, std::string>>& attributes,
    std::int64_t line, Tie& tie, FileErrors& errors,
    std::set<std::string>& unused);

// The type's name in GraphML and GEXF: string, boolean, double.
absl::string_view AttributeTypeName(AttributeType type);

// InvalidArgument naming `what` if `text` holds a character XML cannot.
absl::Status CheckXmlText(absl::string_view what, absl::string_view text);

// An edge of an XML network, kept until every node is known: edges may
// come before the nodes they name.
struct PendingEdge {
  std::string source;
  std::string target;
  bool directed = false;
  std::int64_t line = 0;
  std::vector<std::pair<std::string, std::string>> data;
};

// What an XML network reader has gathered by the end of the document.
struct XmlNetworkParts {
  std::vector<PendingEdge> edges;
  absl::flat_hash_set<std::string> declared;  // node ids
  std::set<std::string> unused_node;
  std::set<std::string> unused_edge;
};

// Adds the pending edges as ties (an edge naming an undeclared node is an
// error), puts schoolless nodes in "all" and notes unused attributes.
void FinishXmlNetwork(XmlNetworkParts& parts, const NetworkReadOptions& options,
                      NetworkBuilder& builder, FileErrors& errors,
                      NetworkReadReport& report);

// Runs an XML network handler (constructed from options, district and
// errors; with Finish(NetworkReadReport&)) over `in`.
template <typename Handler>
absl::StatusOr<District> ReadXmlNetwork(std::istream& in,
                                        const std::string& file_name,
                                        const NetworkReadOptions& options,
                                        NetworkReadReport* report) {
  District district;
  FileErrors errors(file_name);
  Handler handler(options, district, errors);
  std::vector<std::int64_t> tie_lines;
  if (options.record_tie_lines) handler.builder().RecordTieLines(&tie_lines);
  if (absl::Status s = ParseXml(in, file_name, handler); !s.ok()) return s;
  NetworkReadReport local;
  handler.Finish(local);  // adds the ties
  local.tie_lines = std::move(tie_lines);
  if (absl::Status s = ErrorsToStatus({&errors}); !s.ok()) return s;
  local.nodes = district.teachers_size();
  local.ties = district.ties_size();
  if (report != nullptr) *report = std::move(local);
  return district;
}

}  // namespace collabnet

#endif  // COLLABNET_FORMATS_NETWORK_ATTRIBUTES_H_
