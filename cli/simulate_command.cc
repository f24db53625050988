#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/progress.h"
#include "graph/district_graph.h"
#include "ingest/atomic_file.h"
#include "ingest/district_io.h"
#include "ingest/embedded_default.h"
#include "report/json.h"
#include "report/summary.h"
#include "sim/monte_carlo.h"

namespace collabnet::cli {
namespace {

namespace po = boost::program_options;

constexpr char kSummary[] =
    "Runs a diffusion scenario: Monte Carlo replicates of the multi-channel\n"
    "cascade from the scenario's leaders, and reports their direct reach by\n"
    "channel beside the observed figure, the spread by the horizon with 95%\n"
    "confidence intervals, and the schools reached most and least.\n"
    "With no flags: the default scenario on the embedded sample district\n"
    "(the case study's four co-teaching leaders over a 36-week school year).\n"
    "The same seed gives the same numbers on any number of threads.";

}  // namespace

int RunSimulate(const std::vector<std::string>& args) {
  const std::string command = "simulate";
  po::options_description options("Flags");
  options.add_options()(
      "scenario", po::value<std::string>(),
      "scenario file (text protobuf); default: the embedded default scenario")(
      "district", po::value<std::string>(),
      "district: a folder of CSV files, a .pb or a .textproto; default: the "
      "scenario's district, or the embedded sample district")(
      "leaders", po::value<std::string>(),
      "comma-separated teacher ids that adopt at week 0, replacing the "
      "scenario's")("replicates", po::value<int>(),
                    "Monte Carlo replicates, replacing the scenario's")(
      "seed", po::value<std::uint64_t>(),
      "random seed, replacing the scenario's")(
      "horizon", po::value<int>(),
      "weeks to simulate (0: until the cascade dies out), replacing the "
      "scenario's")(
      "threads", po::value<int>()->default_value(0),
      "worker threads (0: every core); results do not depend on it")(
      "format", po::value<std::string>()->default_value("text"),
      "output format: text (a readable summary) or json (the RunResult "
      "message as canonical protobuf JSON)")(
      "out", po::value<std::string>(),
      "write the output to this file (atomically) instead of stdout");
  po::variables_map flags;
  if (auto code = ParseFlags(command, kSummary, options, args, flags)) {
    return *code;
  }
  const std::string format = flags["format"].as<std::string>();
  if (format != "text" && format != "json") {
    std::cerr << "collabnet simulate: --format must be text or json, got '"
              << format << "'\n";
    return kExitUsage;
  }
  if (flags["threads"].as<int>() < 0) {
    std::cerr << "collabnet simulate: --threads must be >= 0\n";
    return kExitUsage;
  }

  // Scenario, then the district it names, then the flags' overrides.
  Scenario scenario;
  std::string scenario_dir;
  if (flags.count("scenario") > 0) {
    const std::string path = flags["scenario"].as<std::string>();
    absl::StatusOr<Scenario> read = ReadScenario(path);
    if (!read.ok()) return ReportError(command, read.status());
    scenario = *std::move(read);
    scenario_dir = std::filesystem::path(path).parent_path().string();
  } else {
    absl::StatusOr<Scenario> read = EmbeddedScenario();
    if (!read.ok()) return ReportError(command, read.status());
    scenario = *std::move(read);
  }
  std::string district_path;
  if (flags.count("district") > 0) {
    district_path = flags["district"].as<std::string>();
  } else if (!scenario.district().empty()) {
    district_path =
        (std::filesystem::path(scenario_dir) / scenario.district()).string();
  }
  absl::StatusOr<District> district =
      district_path.empty() ? EmbeddedDistrict() : ReadDistrict(district_path);
  if (!district.ok()) return ReportError(command, district.status());
  if (flags.count("leaders") > 0) {
    scenario.clear_leaders();
    for (absl::string_view id : absl::StrSplit(
             flags["leaders"].as<std::string>(), ',', absl::SkipWhitespace())) {
      scenario.add_leaders(std::string(id));
    }
  }
  if (flags.count("replicates") > 0) {
    scenario.set_replicates(flags["replicates"].as<int>());
  }
  if (flags.count("seed") > 0) {
    scenario.set_seed(flags["seed"].as<std::uint64_t>());
  }
  if (flags.count("horizon") > 0) {
    scenario.set_horizon_weeks(flags["horizon"].as<int>());
  }
  if (scenario.leaders().empty()) {
    return ReportError(
        command, absl::InvalidArgumentError(
                     "the scenario has no leaders; list them in the scenario "
                     "(leaders: \"T0001\") or with --leaders T0001,T0002"));
  }

  FreezeStats stats;
  absl::StatusOr<DistrictGraph> graph =
      FreezeDistrict(*district, FreezeOptions{}, &stats);
  if (!graph.ok()) {
    return ReportError(
        command,
        absl::Status(graph.status().code(),
                     absl::StrCat(district_path.empty() ? "embedded district"
                                                        : district_path,
                                  ": ", graph.status().message())));
  }
  if (stats.self_loops_dropped > 0) {
    std::cerr << "collabnet simulate: note: " << stats.self_loops_dropped
              << " self-loop ties (a teacher tied to themself) were dropped\n";
  }

  absl::StatusOr<RunResult> result;
  {
    ProgressBar bar("simulating");
    RunOptions run;
    run.threads = flags["threads"].as<int>();
    run.progress = [&bar](std::int64_t done, std::int64_t total) {
      bar.Update(done, total);
    };
    result = RunScenario(*graph, scenario, run);
  }
  if (!result.ok()) return ReportError(command, result.status());

  std::string output;
  if (format == "json") {
    absl::StatusOr<std::string> json = ToJson(*result);
    if (!json.ok()) return ReportError(command, json.status());
    output = *std::move(json);
  } else {
    output = FormatSummary(*result);
  }
  if (flags.count("out") > 0) {
    if (absl::Status s =
            WriteFileAtomically(flags["out"].as<std::string>(), output);
        !s.ok()) {
      return ReportError(command, s);
    }
  } else {
    std::cout << output << std::flush;
  }
  return kExitOk;
}

}  // namespace collabnet::cli
