#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "cli/command.h"
#include "cli/flags.h"
#include "formats/district_io.h"
#include "formats/rsiena.h"
#include "graph/district_graph.h"
#include "io/csv_table.h"
#include "io/input_file.h"
#include "proto/arena_district.h"
#include "proto/channel_names.h"
#include "records/pseudonymize.h"
#include "text/count_text.h"

namespace collabnet::cli {
namespace {

namespace po = boost::program_options;

constexpr char kHelp[] =
    "Converts a district or network between its forms, chosen by path:\n"
    "  a folder (CSV: schools.csv, teachers.csv, ties.csv), .pb, .textproto\n"
    "  .graphml, .gexf                       Gephi, igraph, networkx, yEd\n"
    "  .net (+ .clu for schools)             Pajek\n"
    "  .dl                                   UCINET\n"
    "  .edges .edgelist .el .ncol .tsv .csv .txt (+ .nodes; .gz allowed)\n"
    "  .contacts                             't i j [Si Sj]' contact lists "
    "(read)\n"
    "  NAME.siena                            RSiena panel folder (write; "
    "--waves)\n"
    "The input is checked as the simulator would check it before anything\n"
    "is written, and what the output format cannot hold is listed.";

void AddFlags(po::options_description& options) {
  const NetworkReadOptions defaults;
  // clang-format off
  options.add_options()
      ("in", po::value<std::string>()->required(), "district or network to read")
      ("out", po::value<std::string>()->required(), "where to write")
      ("directed", po::bool_switch(),
       "edge and contact lists: ties point from the first node to the second")
      ("channel", po::value<std::string>(),
       "the channel of ties whose file does not name one (e.g. plc)")
      ("school-attribute",
       po::value<std::string>()->default_value(defaults.school_attribute),
       "GraphML and GEXF: the node attribute holding the school")
      ("partition", po::value<std::string>(),
       "Pajek: the .clu partition of schools (default: the .net's sibling)")
      ("nodes", po::value<std::string>(),
       "edge lists: the 'node school' file (default: the sibling .nodes)")
      ("waves", po::value<std::string>(),
       "RSiena: the wave dates, comma-separated YYYY-MM-DD, increasing")
      ("adoptions", po::value<std::string>(),
       "RSiena: adoption records 'teacher,date' for the behaviour matrix");
  // clang-format on
  AddDuplicatesFlag(options);
  AddPseudonymizeFlag(options);
}

absl::Status Run(const Flags& flags) {
  NetworkReadOptions network;
  network.directed = flags["directed"].as<bool>();
  network.school_attribute = flags["school-attribute"].as<std::string>();
  if (flags.count("partition") > 0) {
    network.partition_path = flags["partition"].as<std::string>();
  }
  if (flags.count("nodes") > 0) {
    network.nodes_path = flags["nodes"].as<std::string>();
  }
  if (flags.count("channel") > 0) {
    const std::string channel = flags["channel"].as<std::string>();
    const std::optional<Channel> c = ParseChannel(channel);
    if (!c) {
      return UsageError("--channel: found '" + channel + "'; expected one of " +
                        ChannelFileNames());
    }
    network.channel = *c;
  }
  const std::string in = flags["in"].as<std::string>();
  const std::string out = flags["out"].as<std::string>();
  absl::StatusOr<DistrictFormat> in_format = DistrictFormatOf(in);
  if (!in_format.ok()) return UsageError(in_format.status().message());
  absl::StatusOr<DistrictFormat> out_format = DistrictFormatOf(out);
  if (!out_format.ok()) return UsageError(out_format.status().message());
  if (!CanReadFormat(*in_format)) {
    return UsageError(in + ": " + std::string(DistrictFormatName(*in_format)) +
                      " is written, not read");
  }
  if (!CanWriteFormat(*out_format)) {
    return UsageError(out + ": " +
                      std::string(DistrictFormatName(*out_format)) +
                      " is read, not written");
  }
  WriteOptions write;
  if (flags.count("waves") > 0) {
    for (absl::string_view d :
         absl::StrSplit(flags["waves"].as<std::string>(), ',')) {
      absl::CivilDay day;
      if (!IsIsoDate(d) || !absl::ParseCivilTime(d, &day)) {
        return UsageError("--waves: found '" + std::string(d) +
                          "'; expected dates YYYY-MM-DD separated by commas");
      }
      write.waves.push_back(day);
    }
  }
  if (*out_format == DistrictFormat::kRsiena && write.waves.size() < 2) {
    return UsageError("an RSiena folder needs --waves with two or more dates");
  }
  absl::StatusOr<std::string> key_flag = PseudonymKeyFlag(flags);
  if (!key_flag.ok()) return key_flag.status();
  const std::string key = *key_flag;

  absl::StatusOr<DuplicateTies> duplicates = DuplicatesFlag(flags);
  if (!duplicates.ok()) return duplicates.status();
  CsvReadReport report;
  NetworkReadReport network_report;
  // A refused repeat is named by its line.
  report.record_tie_lines = *duplicates == DuplicateTies::kRefuse;
  network.record_tie_lines = report.record_tie_lines;
  // On an arena: a district of millions of ties is millions of messages.
  ArenaDistrict district;
  if (absl::Status s =
          ReadDistrict(in, *district, &report, network, &network_report);
      !s.ok()) {
    return s;
  }
  const bool csv_dir = *in_format == DistrictFormat::kCsvDir;
  absl::StatusOr<std::int64_t> repeated = ApplyDuplicateTies(
      *district, *duplicates,
      csv_dir ? (std::filesystem::path(in) / "ties.csv").string() : in,
      csv_dir ? report.tie_lines : network_report.tie_lines);
  if (!repeated.ok()) return repeated.status();
  report.ties = district->ties_size();
  // A district's ties each name their channel (simulate --district reads
  // no other); a plain network's need --channel to become one.
  const bool district_format = *out_format == DistrictFormat::kCsvDir ||
                               *out_format == DistrictFormat::kBinaryProto ||
                               *out_format == DistrictFormat::kTextProto;
  if (district_format) {
    for (const Tie& t : district->ties()) {
      if (t.channel() != CHANNEL_UNSPECIFIED) continue;
      return UsageError(absl::StrCat(
          in,
          ": its ties name no channel, and a district's ties each need "
          "one; give --channel (e.g. --channel plc) to write it as a "
          "district, or write a network format (.graphml, .edges)"));
    }
  }
  FreezeOptions freeze;
  freeze.require_channels = false;
  // Nothing is written that the readers would refuse; the graph itself
  // is not needed.
  std::int64_t self_loops = 0;
  if (absl::Status s = CheckDistrict(*district, freeze, &self_loops); !s.ok()) {
    return absl::Status(s.code(), in + ": " + std::string(s.message()));
  }
  std::vector<Adoption> adoptions;
  if (flags.count("adoptions") > 0) {
    const std::string path = flags["adoptions"].as<std::string>();
    InputFile file;
    if (absl::Status s =
            file.Open(path, InputFile::Content::kText, "the adoptions file");
        !s.ok()) {
      return s;
    }
    absl::StatusOr<std::vector<Adoption>> a =
        file.Finish(ReadAdoptions(file.stream(), path, *district));
    if (!a.ok()) return a.status();
    adoptions = *std::move(a);
    write.adoptions = &adoptions;
  }
  if (!key.empty()) {
    if (absl::Status s = PseudonymizeDistrict(key, *district); !s.ok()) {
      return s;
    }
    for (Adoption& a : adoptions) a.teacher = Pseudonym(key, a.teacher);
  }
  if (absl::Status s = WriteDistrict(*district, out, write); !s.ok()) {
    return s;
  }
  std::cerr << "collabnet convert: "
            << Counted(report.schools, "school", "schools") << ", "
            << Counted(report.teachers, "teacher", "teachers") << ", "
            << Counted(report.ties, "tie", "ties");
  if (report.ids_trimmed > 0) {
    std::cerr << "; "
              << Counted(report.ids_trimmed, "id had its", "ids had their")
              << " surrounding spaces removed";
  }
  if (network_report.merged > 0) {
    std::cerr << "; "
              << Counted(network_report.merged, "repeated contact",
                         "repeated contacts")
              << " merged into weighted ties";
  }
  if (self_loops > 0) {
    std::cerr << "; " << Counted(self_loops, "self-loop", "self-loops")
              << " kept in the file but ignored by the simulator";
  }
  std::cerr << "\n";
  if (std::string n = RepeatedTiesNote(*repeated, *duplicates); !n.empty()) {
    std::cerr << "  note: " << n << "\n";
  }
  for (const std::string& note : network_report.notes) {
    std::cerr << "  note: " << note << "\n";
  }
  const std::vector<std::string> lost = NotHeldBy(*out_format, *district);
  if (!lost.empty()) {
    std::cerr << "  " << DistrictFormatName(*out_format)
              << " cannot hold, so does not have: " << absl::StrJoin(lost, "; ")
              << "\n";
  }
  if (!key.empty()) std::cerr << "  teacher ids pseudonymised, names dropped\n";
  return absl::OkStatus();
}

}  // namespace

Command ConvertCommand() {
  return {"convert",
          "convert a network between the district formats, GraphML,\n"
          "             GEXF, Pajek, UCINET DL, edge lists and RSiena matrices",
          kHelp, AddFlags, Run};
}

}  // namespace collabnet::cli
