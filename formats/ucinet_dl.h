// UCINET DL files, the text form UCINET and many survey tools exchange.
//
//   DL N=4 NM=2 FORMAT=EDGELIST1
//   LABELS:
//   T1,T2,T3,T4
//   MATRIX LABELS:
//   plc,pd_workshop
//   DATA:
//   1 2 1          one matrix per relation, separated by a line "!"
//   !
//   1 3 2
//
// Read: FORMAT=FULLMATRIX (the default), EDGELIST1 and NODELIST1; LABELS:
// lists (comma- or blank-separated, quoted labels allowed) or LABELS
// EMBEDDED (labels in the data: a matrix's first row and column, or the
// ids of an edge or node list); DIAGONAL=ABSENT; several matrices (NM=) with
// MATRIX LABELS naming their channels. DL relations are directed: a pair
// tied both ways with the same value becomes one undirected tie. Two-mode
// data (NR differing from NC) is refused.
#ifndef COLLABNET_FORMATS_UCINET_DL_H_
#define COLLABNET_FORMATS_UCINET_DL_H_

#include <istream>
#include <string>

#include "absl/status/statusor.h"
#include "formats/network_builder.h"
#include "proto/district.pb.h"

namespace collabnet {

absl::StatusOr<District> ReadUcinetDl(std::istream& in,
                                      const std::string& file_name,
                                      const NetworkReadOptions& options = {},
                                      NetworkReadReport* report = nullptr);

// Writes EDGELIST1 with a LABELS: list and a matrix per channel; undirected
// ties are written both ways. InvalidArgument for an id holding a double
// quote or a line break.
absl::StatusOr<std::string> FormatUcinetDl(const District& district);

}  // namespace collabnet

#endif  // COLLABNET_FORMATS_UCINET_DL_H_
