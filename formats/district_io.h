// Reading and writing districts and networks in every supported form, chosen
// by the path:
//
//   folder, or no extension   CSV folder (district_csv.h)         read, write
//   .pb .binpb                binary protobuf District             read, write
//   .textproto .txtpb .pbtxt  text protobuf District               read, write
//   .graphml                  GraphML (graphml.h)                  read, write
//   .gexf                     GEXF (gexf.h)                        read, write
//   .net                      Pajek, schools in .clu (pajek.h)     read, write
//   .dl                       UCINET DL (ucinet_dl.h)              read, write
//   .edges .edgelist .el .ncol .tsv .csv .txt (.gz)
//                             edge list, nodes in .nodes           read, write
//   .contacts (.gz)           timestamped contacts (contact_list.h) read
//   .siena                    RSiena panel folder (rsiena.h)       write
#ifndef COLLABNET_FORMATS_DISTRICT_IO_H_
#define COLLABNET_FORMATS_DISTRICT_IO_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "formats/district_csv.h"
#include "formats/network_builder.h"
#include "formats/rsiena.h"
#include "proto/district.pb.h"
#include "proto/tie_stream.h"

namespace collabnet {

enum class DistrictFormat {
  kCsvDir,
  kBinaryProto,
  kTextProto,
  kGraphml,
  kGexf,
  kPajek,
  kUcinetDl,
  kEdgeList,
  kContactList,
  kRsiena,
};

// The format a path names; InvalidArgument lists the accepted forms.
absl::StatusOr<DistrictFormat> DistrictFormatOf(const std::string& path);
absl::string_view DistrictFormatName(DistrictFormat format);
bool CanReadFormat(DistrictFormat format);
bool CanWriteFormat(DistrictFormat format);

// Reads a district or network. `network` says how to read formats that
// lack something a district has (a channel, a school, a direction);
// `network_report` receives what they did not use. `report` counts schools,
// teachers and ties for every format.
absl::StatusOr<District> ReadDistrict(
    const std::string& path, CsvReadReport* report = nullptr,
    const NetworkReadOptions& network = {},
    NetworkReadReport* network_report = nullptr);
// The same into `out`, which may live on an arena (proto/arena_district.h):
// a CSV folder or a protobuf message of millions of ties is read onto it
// directly; the network formats' readers build a heap message, copied onto
// it. On failure `out` holds what was read so far and is for discarding.
absl::Status ReadDistrict(const std::string& path, District& out,
                          CsvReadReport* report = nullptr,
                          const NetworkReadOptions& network = {},
                          NetworkReadReport* network_report = nullptr);

struct WriteOptions {
  // RSiena: the wave dates, and the adoption records if any.
  std::vector<absl::CivilDay> waves;
  const std::vector<Adoption>* adoptions = nullptr;
};

// Writes atomically: on failure nothing at `path` changes. Formats that
// write several files (CSV folder, Pajek .net and .clu, edge list and
// .nodes, RSiena folder) write all or none.
absl::Status WriteDistrict(const District& district, const std::string& path,
                           const WriteOptions& options = {});
// The same with `district`'s name, schools and teachers and the ties of
// `ties` (its own are not written): how a district whose ties are held
// compactly is written. A CSV folder and a binary message are written a
// tie at a time; the other formats make the ties messages first.
absl::Status WriteDistrict(const District& district, const TieStream& ties,
                           const std::string& path,
                           const WriteOptions& options = {});

// What `district` has that `format` cannot hold (for example "channels",
// "teacher roles"), to tell the user before they lose it.
std::vector<std::string> NotHeldBy(DistrictFormat format,
                                   const District& district);

// The sibling file of `path` with another extension: the .clu of a .net,
// the .nodes of an edge list (a .gz is looked through).
std::string SiblingPath(const std::string& path, absl::string_view extension);

// The nodes file written beside an edge list: x.nodes beside x.edges,
// x.nodes.gz beside x.edges.gz.
std::string NodesSiblingPath(const std::string& edges_path);

// The nodes file read beside an edge list when none is named: the one the
// writer writes or, beside a compressed list, a plain x.nodes; empty when
// there is neither.
std::string FindNodesSibling(const std::string& edges_path);

}  // namespace collabnet

#endif  // COLLABNET_FORMATS_DISTRICT_IO_H_
