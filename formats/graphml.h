// GraphML, the XML network format Gephi, igraph, networkx, yEd and Cytoscape
// read and write.
//
// Written: one <graph>, nodes with the keys school, school_name, title_i,
// pbis, readiness, role, grades, subjects and name (omitted when no teacher
// has a value), edges with channel, weight (default 1), first_seen and
// last_seen. A network whose ties are all undirected or all directed says so
// in edgedefault; a mixed one is written directed with each undirected tie as
// two arcs, so every tool reads the same influence.
//
// Read: the first <graph>; node attributes by name as above (the school one
// configurable), edge attributes channel and weight, edgedefault and a
// per-edge directed flag, and key defaults. Attributes not used are reported.
// Nested graphs, hyperedges and edges naming undeclared nodes are errors.
#ifndef COLLABNET_FORMATS_GRAPHML_H_
#define COLLABNET_FORMATS_GRAPHML_H_

#include <istream>
#include <string>

#include "absl/status/statusor.h"
#include "formats/network_builder.h"
#include "proto/district.pb.h"

namespace collabnet {

absl::StatusOr<District> ReadGraphml(std::istream& in,
                                     const std::string& file_name,
                                     const NetworkReadOptions& options = {},
                                     NetworkReadReport* report = nullptr);

// InvalidArgument if an id or value holds a character XML cannot.
absl::StatusOr<std::string> FormatGraphml(const District& district);

}  // namespace collabnet

#endif  // COLLABNET_FORMATS_GRAPHML_H_
