// GEXF 1.3, Gephi's own format.
//
// Written: nodes labelled with their id and the node attributes of
// network_attributes.h; edges with their native weight and type (directed
// or undirected, so a mixed network stays mixed) and the edge attributes.
// Read: the same, plus the weight and type of edges from other tools,
// defaultedgetype, attribute defaults and the older attvalue id= form.
#ifndef COLLABNET_FORMATS_GEXF_H_
#define COLLABNET_FORMATS_GEXF_H_

#include <istream>
#include <string>

#include "absl/status/statusor.h"
#include "formats/network_builder.h"
#include "proto/district.pb.h"

namespace collabnet {

absl::StatusOr<District> ReadGexf(std::istream& in,
                                  const std::string& file_name,
                                  const NetworkReadOptions& options = {},
                                  NetworkReadReport* report = nullptr);

// InvalidArgument if an id or value holds a character XML cannot.
absl::StatusOr<std::string> FormatGexf(const District& district);

}  // namespace collabnet

#endif  // COLLABNET_FORMATS_GEXF_H_
