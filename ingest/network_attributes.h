// The node and edge attributes the XML network formats (GraphML, GEXF) carry
// for a district, by name, shared by their readers and writers:
//
//   node: school, school_name, title_i, pbis, readiness, role, grades,
//         subjects, name
//   edge: channel, weight, first_seen, last_seen
#ifndef COLLABNET_INGEST_NETWORK_ATTRIBUTES_H_
#define COLLABNET_INGEST_NETWORK_ATTRIBUTES_H_

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "ingest/csv_table.h"
#include "ingest/network_builder.h"
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

// "node attributes not used: a, b" style notes for a report.
std::string UnusedNote(absl::string_view what,
                       const std::set<std::string>& unused);

}  // namespace collabnet

#endif  // COLLABNET_INGEST_NETWORK_ATTRIBUTES_H_
