#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/flags.h"
#include "graph/district_graph.h"
#include "ingest/district_io.h"

namespace collabnet::cli {
namespace {

namespace po = boost::program_options;

constexpr char kSummary[] =
    "Converts a district between its forms, chosen by path: a folder of CSV\n"
    "files (schools.csv, teachers.csv, ties.csv), a binary protobuf (.pb,\n"
    ".binpb) or a text protobuf (.textproto, .txtpb, .pbtxt). The input is\n"
    "checked as the simulator would check it before anything is written.";

}  // namespace

int RunConvert(const std::vector<std::string>& args) {
  const std::string command = "convert";
  po::options_description options("Flags");
  // clang-format off
  options.add_options()
      ("in", po::value<std::string>()->required(), "district to read")
      ("out", po::value<std::string>()->required(), "district to write");
  // clang-format on
  po::variables_map flags;
  if (auto code = ParseFlags(command, kSummary, options, args, flags)) {
    return *code;
  }
  const std::string in = flags["in"].as<std::string>();
  CsvReadReport report;
  absl::StatusOr<District> district = ReadDistrict(in, &report);
  if (!district.ok()) return ReportError(command, district.status());
  FreezeStats stats;
  if (absl::StatusOr<DistrictGraph> g = FreezeDistrict(*district, {}, &stats);
      !g.ok()) {
    return ReportError(
        command, absl::Status(g.status().code(),
                              in + ": " + std::string(g.status().message())));
  }
  if (absl::Status s = WriteDistrict(*district, flags["out"].as<std::string>());
      !s.ok()) {
    return ReportError(command, s);
  }
  std::cerr << "collabnet convert: " << report.schools << " schools, "
            << report.teachers << " teachers, " << report.ties << " ties";
  if (report.ids_trimmed > 0) {
    std::cerr << "; " << report.ids_trimmed
              << " ids had surrounding spaces removed";
  }
  if (stats.self_loops_dropped > 0) {
    std::cerr << "; " << stats.self_loops_dropped
              << " self-loops kept in the file but ignored by the simulator";
  }
  std::cerr << "\n";
  return kExitOk;
}

}  // namespace collabnet::cli
