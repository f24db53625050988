// Pajek networks (.net) and partitions (.clu), as Pajek, igraph, networkx
// and UCINET write them.
//
//   *Vertices 3
//   1 "T1"
//   2 "T2"
//   3 "T3"
//   *Arcs :5 "pd_workshop"     a relation per channel; the label names it
//   1 2 2                      from to [weight]
//   *Edges :2 "plc"
//   2 3
//
// Read: *Vertices (labels quoted or not; coordinates and shapes ignored),
// *Arcs, *Edges, *Arcslist, *Edgeslist and *Matrix, relation labels that
// name a channel, % comments. Two-mode networks are refused.
// A partition gives each vertex a class; its classes are the schools. The
// writer puts "% school CLASS ID" comments in the partition so the school
// ids come back; without them the class numbers are the school ids.
#ifndef COLLABNET_FORMATS_PAJEK_H_
#define COLLABNET_FORMATS_PAJEK_H_

#include <istream>
#include <string>

#include "absl/status/statusor.h"
#include "formats/network_builder.h"
#include "proto/district.pb.h"

namespace collabnet {

// `partition` may be null.
absl::StatusOr<District> ReadPajek(std::istream& net,
                                   const std::string& net_name,
                                   std::istream* partition,
                                   const std::string& partition_name,
                                   const NetworkReadOptions& options = {},
                                   NetworkReadReport* report = nullptr);

struct PajekText {
  std::string net;
  std::string partition;  // the schools, as a .clu; empty for a plain network
};
// InvalidArgument for an id holding a double quote or a line break.
absl::StatusOr<PajekText> FormatPajek(const District& district);

}  // namespace collabnet

#endif  // COLLABNET_FORMATS_PAJEK_H_
