#include "formats/district_io.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "formats/contact_list.h"
#include "formats/edge_list.h"
#include "formats/gexf.h"
#include "formats/graphml.h"
#include "formats/pajek.h"
#include "formats/tie_blocks.h"
#include "formats/ucinet_dl.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/text_format.h"
#include "io/atomic_file.h"
#include "io/csv_table.h"
#include "io/input_file.h"
#include "io/text_proto.h"
#include "proto/arena_district.h"
#include "text/count_text.h"

namespace collabnet {

absl::StatusOr<DistrictFormat> DistrictFormatOf(const std::string& path) {
  const std::filesystem::path p(path);
  const bool folder = InspectPath(path).kind == PathKind::kFolder;
  if (folder && absl::EndsWith(path, ".siena")) {
    return DistrictFormat::kRsiena;
  }
  if (folder || absl::EndsWith(path, "/") ||
      (!p.filename().empty() && !p.has_extension())) {
    return DistrictFormat::kCsvDir;
  }
  std::string name = p.filename().string();
  if (absl::EndsWith(name, ".gz")) name.resize(name.size() - 3);
  const std::string ext = std::filesystem::path(name).extension().string();
  const bool gz = absl::EndsWith(path, ".gz");
  struct Known {
    absl::string_view ext;
    DistrictFormat format;
    bool gz_allowed;
  };
  static constexpr Known kKnown[] = {
      {".pb", DistrictFormat::kBinaryProto, false},
      {".binpb", DistrictFormat::kBinaryProto, false},
      {".textproto", DistrictFormat::kTextProto, false},
      {".txtpb", DistrictFormat::kTextProto, false},
      {".pbtxt", DistrictFormat::kTextProto, false},
      {".graphml", DistrictFormat::kGraphml, false},
      {".gexf", DistrictFormat::kGexf, false},
      {".net", DistrictFormat::kPajek, false},
      {".dl", DistrictFormat::kUcinetDl, false},
      {".edges", DistrictFormat::kEdgeList, true},
      {".edgelist", DistrictFormat::kEdgeList, true},
      {".el", DistrictFormat::kEdgeList, true},
      {".ncol", DistrictFormat::kEdgeList, true},
      {".tsv", DistrictFormat::kEdgeList, true},
      {".csv", DistrictFormat::kEdgeList, true},
      {".txt", DistrictFormat::kEdgeList, true},
      {".contacts", DistrictFormat::kContactList, true},
      {".siena", DistrictFormat::kRsiena, false},
  };
  for (const Known& k : kKnown) {
    if (ext == k.ext && (!gz || k.gz_allowed)) return k.format;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      path,
      ": cannot tell the format from the name; expected a folder of CSV "
      "files, .pb, .textproto, .graphml, .gexf, .net (Pajek), .dl (UCINET), "
      "an edge list (.edges, .edgelist, .el, .ncol, .tsv, .csv, .txt, "
      "optionally .gz), .contacts or a .siena folder"));
}

absl::string_view DistrictFormatName(DistrictFormat format) {
  switch (format) {
    case DistrictFormat::kCsvDir:
      return "CSV folder";
    case DistrictFormat::kBinaryProto:
      return "binary protobuf";
    case DistrictFormat::kTextProto:
      return "text protobuf";
    case DistrictFormat::kGraphml:
      return "GraphML";
    case DistrictFormat::kGexf:
      return "GEXF";
    case DistrictFormat::kPajek:
      return "Pajek";
    case DistrictFormat::kUcinetDl:
      return "UCINET DL";
    case DistrictFormat::kEdgeList:
      return "edge list";
    case DistrictFormat::kContactList:
      return "contact list";
    case DistrictFormat::kRsiena:
      return "RSiena folder";
  }
  return "unknown";
}

bool CanReadFormat(DistrictFormat format) {
  return format != DistrictFormat::kRsiena;
}

bool CanWriteFormat(DistrictFormat format) {
  return format != DistrictFormat::kContactList;
}

std::string SiblingPath(const std::string& path, absl::string_view extension) {
  std::string base = path;
  if (absl::EndsWith(base, ".gz")) base.resize(base.size() - 3);
  return std::filesystem::path(base)
      .replace_extension(std::string(extension))
      .string();
}

std::string NodesSiblingPath(const std::string& edges_path) {
  std::string nodes = SiblingPath(edges_path, ".nodes");
  if (absl::EndsWith(edges_path, ".gz")) nodes += ".gz";
  return nodes;
}

std::string FindNodesSibling(const std::string& edges_path) {
  for (const std::string& candidate :
       {NodesSiblingPath(edges_path), SiblingPath(edges_path, ".nodes")}) {
    if (InspectPath(candidate).kind == PathKind::kFile) return candidate;
  }
  return "";
}

namespace {

// Schools no teacher is in: a format that gives each teacher a school has
// nowhere to put them.
std::int64_t EmptySchools(const District& district) {
  absl::flat_hash_set<absl::string_view> used;
  for (const Teacher& t : district.teachers()) used.insert(t.school_id());
  std::int64_t empty = 0;
  for (const School& s : district.schools()) empty += !used.contains(s.id());
  return empty;
}

// Undirected ties that share their pair and channel with a directed tie. A
// format that writes a mixed network's undirected ties as arcs writes such
// a tie's arc beside the directed tie's, and on reading the two are one
// repeated tie.
std::int64_t UndirectedOnDirectedArcs(const District& district) {
  absl::flat_hash_set<std::tuple<absl::string_view, absl::string_view, int>>
      arcs;
  for (const Tie& t : district.ties()) {
    if (t.directed()) arcs.emplace(t.source(), t.target(), t.channel());
  }
  if (arcs.empty()) return 0;
  std::int64_t shared = 0;
  for (const Tie& t : district.ties()) {
    if (t.directed()) continue;
    shared += arcs.contains({t.source(), t.target(), t.channel()}) ||
              arcs.contains({t.target(), t.source(), t.channel()});
  }
  return shared;
}

// Pairs of directed ties both ways on one channel with one weight: a
// matrix cell pair alike both ways is read as one undirected tie.
std::int64_t ReciprocalArcPairs(const District& district) {
  absl::flat_hash_map<std::tuple<absl::string_view, absl::string_view, int>,
                      double>
      arcs;
  for (const Tie& t : district.ties()) {
    if (t.directed()) {
      arcs[{t.source(), t.target(), t.channel()}] +=
          t.has_weight() ? t.weight() : 1.0;
    }
  }
  std::int64_t pairs = 0;
  for (const auto& [arc, w] : arcs) {
    const auto& [u, v, channel] = arc;
    if (!(u < v)) continue;
    auto back = arcs.find({v, u, channel});
    pairs += back != arcs.end() && back->second == w;
  }
  return pairs;
}

// Undirected ties of a network that also has directed ones.
std::int64_t UndirectedInMixed(const District& district) {
  std::int64_t directed = 0;
  for (const Tie& t : district.ties()) directed += t.directed();
  return directed == 0 ? 0 : district.ties_size() - directed;
}

}  // namespace

std::vector<std::string> NotHeldBy(DistrictFormat format,
                                   const District& district) {
  std::vector<std::string> out;
  const bool graph_format = format != DistrictFormat::kCsvDir &&
                            format != DistrictFormat::kBinaryProto &&
                            format != DistrictFormat::kTextProto;
  if (const std::int64_t empty = EmptySchools(district);
      graph_format && format != DistrictFormat::kUcinetDl && empty > 0) {
    out.push_back(
        absl::StrCat(Counted(empty, "school", "schools"), " with no teachers"));
  }
  // Pajek keeps edges and arcs apart, GraphML and GEXF mark the arcs of
  // an undirected tie; an edge list's ties on one pair merge whatever
  // their channels, which "channels" says.
  // Each count only for the format it concerns: each is a pass over
  // millions of ties.
  if (const std::int64_t shared = format == DistrictFormat::kUcinetDl
                                      ? UndirectedOnDirectedArcs(district)
                                      : 0;
      shared > 0) {
    out.push_back(absl::StrCat(
        Counted(shared, "undirected tie that shares its",
                "undirected ties that share their"),
        " pair and channel with a directed tie (written as arcs, each merges "
        "with that tie on reading)"));
  }
  if (const std::int64_t pairs = format == DistrictFormat::kUcinetDl
                                     ? ReciprocalArcPairs(district)
                                     : 0;
      pairs > 0) {
    out.push_back(absl::StrCat(
        Counted(pairs, "pair", "pairs"),
        " of directed ties both ways with one weight (a matrix reads each as "
        "one undirected tie, unless read with --directed)"));
  }
  if (const std::int64_t split =
          format == DistrictFormat::kEdgeList ? UndirectedInMixed(district) : 0;
      split > 0) {
    out.push_back(absl::StrCat(
        Counted(split, "undirected tie", "undirected ties"),
        " among directed ones (a list is directed or not as a whole: each is "
        "written as its two arcs)"));
  }
  bool channels = false;
  bool dates = false;
  bool weights = false;
  for (const Tie& t : district.ties()) {
    channels |= t.channel() != CHANNEL_UNSPECIFIED;
    dates |= !t.first_seen().empty() || !t.last_seen().empty();
    weights |= t.has_weight() && t.weight() != 1;
  }
  bool teacher_fields = false;
  for (const Teacher& t : district.teachers()) {
    teacher_fields |= (t.role() != TEACHER && t.role() != ROLE_UNSPECIFIED) ||
                      t.grades_size() > 0 || t.subjects_size() > 0 ||
                      !t.name().empty();
  }
  bool school_fields = false;
  for (const School& s : district.schools()) {
    school_fields |=
        !s.name().empty() || s.title_i() || s.pbis() || s.readiness() != 0;
  }
  switch (format) {
    case DistrictFormat::kCsvDir:
    case DistrictFormat::kBinaryProto:
    case DistrictFormat::kTextProto:
    case DistrictFormat::kGraphml:
    case DistrictFormat::kGexf:
      return out;
    case DistrictFormat::kPajek:
    case DistrictFormat::kUcinetDl:
      if (dates) out.push_back("tie dates");
      if (teacher_fields)
        out.push_back("teacher roles, grades, subjects and names");
      if (format == DistrictFormat::kUcinetDl) {
        out.push_back("schools");
      } else if (school_fields) {
        out.push_back("school names, Title I, PBIS and readiness");
      }
      return out;
    case DistrictFormat::kEdgeList:
    case DistrictFormat::kContactList:
      if (channels) out.push_back("channels");
      if (dates) out.push_back("tie dates");
      if (teacher_fields)
        out.push_back("teacher roles, grades, subjects and names");
      if (school_fields)
        out.push_back("school names, Title I, PBIS and readiness");
      return out;
    case DistrictFormat::kRsiena:
      if (channels) out.push_back("channels (the waves' matrices pool them)");
      if (weights) out.push_back("tie weights (the matrices are 0/1)");
      if (teacher_fields)
        out.push_back("teacher roles, grades, subjects and names");
      return out;
  }
  return out;
}

namespace {

// Protocol Buffers parse no message above 2 GiB.
constexpr std::int64_t kMaxProtoBytes = (std::int64_t{1} << 31) - 1;

// A message holds any strings; its dates meet the rule every other
// format's reader applies as it reads.
absl::Status CheckMessageDates(const District& district,
                               const std::string& path) {
  for (int i = 0; i < district.ties_size(); ++i) {
    const Tie& t = district.ties(i);
    if (std::optional<FieldError> e =
            CheckSeenDates(t.first_seen(), t.last_seen())) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ": ties[", i, "] (", t.source(), " to ",
                       t.target(), "): field '", e->field, "': ", e->what));
    }
  }
  return absl::OkStatus();
}

// What Pajek and UCINET DL cannot hold took its default; a run on such a
// file differs from one on the district it came from, so it is said.
void NoteDefaults(DistrictFormat format, NetworkReadReport* report) {
  if (report == nullptr) return;
  report->notes.push_back(absl::StrCat(
      DistrictFormatName(format),
      " holds no teacher roles and no school readiness: every teacher is a "
      "teacher (no leaders or coaches, so leader credibility acts on no "
      "one) and every school's readiness is 0",
      format == DistrictFormat::kUcinetDl ? "; nor schools: one school, all"
                                          : ""));
}

// Whether a sibling file the user did not name is there to be read.
bool SiblingExists(const std::string& path) {
  return InspectPath(path).kind == PathKind::kFile;
}

absl::StatusOr<District> ReadNetworkFile(const std::string& path,
                                         DistrictFormat format,
                                         const NetworkReadOptions& options,
                                         NetworkReadReport* report) {
  if (format == DistrictFormat::kContactList) {
    return ReadContactList(path, options, report);
  }
  if (format == DistrictFormat::kEdgeList) {
    NetworkReadOptions o = options;
    if (o.nodes_path.empty()) o.nodes_path = FindNodesSibling(path);
    EdgeListReport edge_report;
    absl::StatusOr<District> d = ReadEdgeListDistrict(path, o, &edge_report);
    if (d.ok() && report != nullptr) {
      report->nodes = d->teachers_size();
      report->ties = d->ties_size();
      report->tie_lines = std::move(edge_report.tie_lines);
      if (o.nodes_path != options.nodes_path) {
        report->notes.push_back("nodes and schools from " + o.nodes_path);
      }
      if (edge_report.node_columns_not_used > 0) {
        report->notes.push_back(
            "columns of the nodes file after the school "
            "were not used");
      }
    }
    return d;
  }
  InputFile in;
  if (absl::Status s = in.Open(path); !s.ok()) return s;
  switch (format) {
    case DistrictFormat::kGraphml:
      return in.Finish(ReadGraphml(in.stream(), path, options, report));
    case DistrictFormat::kGexf:
      return in.Finish(ReadGexf(in.stream(), path, options, report));
    case DistrictFormat::kUcinetDl: {
      absl::StatusOr<District> d =
          in.Finish(ReadUcinetDl(in.stream(), path, options, report));
      if (d.ok()) NoteDefaults(format, report);
      return d;
    }
    case DistrictFormat::kPajek: {
      std::string clu = options.partition_path;
      if (clu.empty() && SiblingExists(SiblingPath(path, ".clu"))) {
        clu = SiblingPath(path, ".clu");
      }
      InputFile partition;
      if (!clu.empty()) {
        if (absl::Status s =
                partition.Open(clu, InputFile::Content::kText, "the partition");
            !s.ok()) {
          return s;
        }
      }
      absl::StatusOr<District> d = partition.Finish(in.Finish(ReadPajek(
          in.stream(), path, clu.empty() ? nullptr : &partition.stream(), clu,
          options, report)));
      if (d.ok() && report != nullptr && !clu.empty()) {
        report->notes.push_back("schools from the partition " + clu);
      }
      if (d.ok()) NoteDefaults(format, report);
      return d;
    }
    default:
      return absl::InternalError("not a network file format");
  }
}

}  // namespace

absl::Status ReadDistrict(const std::string& path, District& district,
                          CsvReadReport* report,
                          const NetworkReadOptions& network,
                          NetworkReadReport* network_report) {
  absl::StatusOr<DistrictFormat> format = DistrictFormatOf(path);
  if (!format.ok()) return format.status();
  if (!CanReadFormat(*format)) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ": ", DistrictFormatName(*format), " is written, not read"));
  }
  if (*format == DistrictFormat::kCsvDir) {
    return ReadDistrictCsvDir(path, district, report);
  }
  if (*format == DistrictFormat::kBinaryProto) {
    // Parsed as it is read, so bytes that are no message (zeros, say) stop
    // the read at once rather than after the file is in memory.
    InputFile in;
    if (absl::Status s = in.Open(path, InputFile::Content::kBinary); !s.ok()) {
      return s;
    }
    google::protobuf::io::IstreamInputStream stream(&in.stream());
    if (!district.ParseFromZeroCopyStream(&stream) || !in.status().ok()) {
      return in.Finish(absl::InvalidArgumentError(
          absl::StrCat(path, ": not a valid binary District message")));
    }
    if (absl::Status s = CheckMessageDates(district, path); !s.ok()) {
      return s;
    }
  } else if (*format == DistrictFormat::kTextProto) {
    absl::StatusOr<std::string> bytes =
        ReadInputToString(path, kMaxProtoBytes, InputFile::Content::kText);
    if (!bytes.ok()) return bytes.status();
    if (absl::Status s = ParseTextProto(*bytes, path, district); !s.ok()) {
      return s;
    }
    if (absl::Status s = CheckMessageDates(district, path); !s.ok()) {
      return s;
    }
  } else {
    // The network readers build a heap message; onto an arena it is copied.
    absl::StatusOr<District> d =
        ReadNetworkFile(path, *format, network, network_report);
    if (!d.ok()) return d.status();
    district = *std::move(d);
  }
  if (report != nullptr) {
    report->schools = district.schools_size();
    report->teachers = district.teachers_size();
    report->ties = district.ties_size();
  }
  return absl::OkStatus();
}

absl::StatusOr<District> ReadDistrict(const std::string& path,
                                      CsvReadReport* report,
                                      const NetworkReadOptions& network,
                                      NetworkReadReport* network_report) {
  District district;
  if (absl::Status s =
          ReadDistrict(path, district, report, network, network_report);
      !s.ok()) {
    return s;
  }
  return district;
}

namespace {

// A format of two files writes a sibling the user did not name. It may
// replace a sibling only beside the file named (the pair written before),
// never one that stands alone, which is someone's own file.
absl::Status CheckSibling(const std::string& path, const std::string& sibling,
                          absl::string_view what) {
  if (InspectPath(sibling).kind == PathKind::kMissing ||
      InspectPath(path).kind == PathKind::kFile) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "cannot write ", path, ": it comes with a ", what, ", ", sibling,
      ", and a file of that name is there already, without ", path,
      " beside it; move it or name another output"));
}

// The message's bytes: the district's own, then a field 4 for each of
// `ties` (ties are District's last field, so this is the serialization of
// the district with those ties added), written to the file a block of ties
// at a time (formats/tie_blocks.h): a state's district is hundreds of
// megabytes, which a string would hold twice over.
absl::Status WriteBinaryDistrict(const District& district,
                                 const TieStream& ties,
                                 const std::string& path) {
  return WriteFileAtomicallyWith(path, [&](int fd) -> absl::Status {
    namespace io = google::protobuf::io;
    io::FileOutputStream file(fd, 1 << 20);
    std::int64_t bytes = static_cast<std::int64_t>(district.ByteSizeLong());
    bool too_large = bytes > kMaxProtoBytes;
    bool stream_error = false;
    if (!too_large) {
      io::CodedOutputStream out(&file);
      district.SerializeWithCachedSizes(&out);
      // A tie the stream refused is its error, not the file's.
      if (absl::Status refused = WriteTieBlocks(
              ties,
              [&](std::int64_t begin, std::int64_t end, std::string& block) {
                io::StringOutputStream stream(&block);
                io::CodedOutputStream tie_out(&stream);
                return ties.ForEachIn(begin, end, [&](const Tie& tie) {
                  tie_out.WriteTag(static_cast<std::uint32_t>(
                      District::kTiesFieldNumber << 3 | 2));
                  tie_out.WriteVarint64(tie.ByteSizeLong());
                  tie.SerializeWithCachedSizes(&tie_out);
                  return absl::OkStatus();
                });
              },
              [&](const std::string& block) {
                bytes += static_cast<std::int64_t>(block.size());
                too_large = bytes > kMaxProtoBytes;
                if (!too_large) {
                  out.WriteRaw(block.data(), static_cast<int>(block.size()));
                }
                // A file that failed takes no more; its error is the one
                // to tell.
                stream_error = out.HadError();
                return !too_large && !stream_error;
              });
          !refused.ok()) {
        return refused;
      }
    }
    if (too_large || stream_error || !file.Flush()) {
      return absl::DataLossError(absl::StrCat(
          "cannot write ", path, ": ",
          file.GetErrno() != 0 ? std::strerror(file.GetErrno())
                               : "the district is too large for one "
                                 "protobuf message (2 GiB)"));
    }
    return absl::OkStatus();
  });
}

}  // namespace

absl::Status WriteDistrict(const District& district, const std::string& path,
                           const WriteOptions& options) {
  absl::StatusOr<DistrictFormat> format = DistrictFormatOf(path);
  if (!format.ok()) return format.status();
  auto text = [&](absl::StatusOr<std::string> s) -> absl::Status {
    if (!s.ok()) return s.status();
    return WriteFileAtomically(path, *s);
  };
  switch (*format) {
    case DistrictFormat::kCsvDir:
      return WriteDistrictCsvDir(district, path);
    case DistrictFormat::kBinaryProto:
      return WriteBinaryDistrict(
          district, MessageTies(District::default_instance()), path);
    case DistrictFormat::kTextProto: {
      std::string out;
      google::protobuf::TextFormat::PrintToString(district, &out);
      return WriteFileAtomically(path, out);
    }
    case DistrictFormat::kGraphml:
      return text(FormatGraphml(district));
    case DistrictFormat::kGexf:
      return text(FormatGexf(district));
    case DistrictFormat::kUcinetDl:
      return text(FormatUcinetDl(district));
    case DistrictFormat::kPajek: {
      absl::StatusOr<PajekText> p = FormatPajek(district);
      if (!p.ok()) return p.status();
      if (p->partition.empty()) return WriteFileAtomically(path, p->net);
      const std::string clu = SiblingPath(path, ".clu");
      if (absl::Status s = CheckSibling(path, clu, "partition"); !s.ok()) {
        return s;
      }
      return WriteFilesAtomically({{path, p->net}, {clu, p->partition}});
    }
    case DistrictFormat::kEdgeList: {
      absl::StatusOr<EdgeListText> e = FormatEdgeList(district);
      if (!e.ok()) return e.status();
      const bool gz = absl::EndsWith(path, ".gz");
      const std::string nodes_path = NodesSiblingPath(path);
      if (absl::Status s = CheckSibling(path, nodes_path, "nodes file");
          !s.ok()) {
        return s;
      }
      return WriteFilesAtomically(
          {{path, gz ? GzipCompress(e->edges) : e->edges},
           {nodes_path, gz ? GzipCompress(e->nodes) : e->nodes}});
    }
    case DistrictFormat::kContactList:
      return absl::InvalidArgumentError(
          absl::StrCat(path,
                       ": contact lists are read, not written; write "
                       "an edge list or GraphML instead"));
    case DistrictFormat::kRsiena: {
      auto files = FormatRsiena(district, options.waves, options.adoptions);
      if (!files.ok()) return files.status();
      return WriteFolderAtomically(path, *files);
    }
  }
  return absl::InternalError("unreachable district format");
}

absl::Status WriteDistrict(const District& district, const TieStream& ties,
                           const std::string& path,
                           const WriteOptions& options) {
  absl::StatusOr<DistrictFormat> format = DistrictFormatOf(path);
  if (!format.ok()) return format.status();
  if (*format == DistrictFormat::kCsvDir) {
    return WriteDistrictCsvDir(district, ties, path);
  }
  if (*format == DistrictFormat::kBinaryProto) {
    if (district.ties_size() == 0) {
      return WriteBinaryDistrict(district, ties, path);
    }
    District head = district;
    head.clear_ties();
    return WriteBinaryDistrict(head, ties, path);
  }
  // The other formats are made whole in memory by their writers, which
  // read messages: the ties become messages first.
  ArenaDistrict whole;
  whole->set_name(district.name());
  *whole->mutable_schools() = district.schools();
  *whole->mutable_teachers() = district.teachers();
  whole->mutable_ties()->Reserve(static_cast<int>(
      std::min<std::int64_t>(ties.size(), std::numeric_limits<int>::max())));
  if (absl::Status s = ties.ForEach([&](const Tie& tie) {
        *whole->add_ties() = tie;
        return absl::OkStatus();
      });
      !s.ok()) {
    return s;
  }
  return WriteDistrict(*whole, path, options);
}

}  // namespace collabnet
