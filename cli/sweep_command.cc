#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/progress.h"
#include "cli/run_setup.h"
#include "ingest/atomic_file.h"
#include "report/json.h"
#include "report/sweep_csv.h"
#include "sim/sweep.h"

namespace collabnet::cli {
namespace {

namespace po = boost::program_options;

constexpr char kSummary[] =
    "Runs a scenario at every point of a grid of parameter values and writes\n"
    "one row per point (CSV, or JSON with --format json). Every point uses\n"
    "the same seed: replicate i draws the same random stream at every point\n"
    "(common random numbers), so differences between points are not noise in\n"
    "what they share. Example:\n"
    "  collabnet sweep --param leader_credibility=1,2,3 \\\n"
    "                  --param channel.pd_workshop.probability=0.2,0.3\n"
    "Parameters: any number field of the scenario (probability,\n"
    "leader_credibility, adoption_at_zero_readiness,\n"
    "adoption_at_full_readiness, lapse_probability, horizon_weeks,\n"
    "contagion_threshold, ...) and channel.NAME.probability or\n"
    "channel.NAME.mean_delay_weeks. The scenario and network flags are those\n"
    "of 'collabnet simulate'.";

}  // namespace

int RunSweepCommand(const std::vector<std::string>& args) {
  const std::string command = "sweep";
  po::options_description options("Flags");
  AddRunFlags(options);
  // clang-format off
  options.add_options()
      ("param", po::value<std::vector<std::string>>()->required(),
       "NAME=V1,V2,...: a parameter and its values; repeat for a grid")
      ("format", po::value<std::string>()->default_value("csv"),
       "csv (one row per point) or json (a SweepResult message)")
      ("out", po::value<std::string>(),
       "write to this file (atomically) instead of stdout");
  // clang-format on
  po::variables_map flags;
  if (auto code = ParseFlags(command, kSummary, options, args, flags)) {
    return *code;
  }
  const std::string format = flags["format"].as<std::string>();
  if (format != "csv" && format != "json") {
    std::cerr << "collabnet sweep: --format must be csv or json\n";
    return kExitUsage;
  }
  std::vector<SweepAxis> axes;
  for (const std::string& spec :
       flags["param"].as<std::vector<std::string>>()) {
    const std::vector<std::string> parts = absl::StrSplit(spec, '=');
    if (parts.size() != 2 || parts[0].empty() || parts[1].empty()) {
      std::cerr << "collabnet sweep: --param '" << spec
                << "': expected NAME=V1,V2,...\n";
      return kExitUsage;
    }
    axes.push_back(
        {parts[0], absl::StrSplit(parts[1], ',', absl::SkipEmpty())});
  }
  RunSetup setup;
  if (std::optional<int> code = PrepareRun(command, flags, setup)) return *code;

  RunOptions run;
  run.threads = flags["threads"].as<int>();
  absl::StatusOr<std::vector<SweepPoint>> points;
  {
    ProgressBar bar("sweeping");
    std::size_t total = 1;
    for (const SweepAxis& a : axes) total *= a.values.size();
    const auto per_point =
        static_cast<std::int64_t>(setup.scenario.replicates());
    std::int64_t finished_points = 0;
    run.progress = [&](std::int64_t done, std::int64_t) {
      bar.Update(finished_points * per_point + done,
                 static_cast<std::int64_t>(total) * per_point);
      if (done == per_point) ++finished_points;
    };
    points = RunSweep(setup.graph, setup.scenario, axes, run);
  }
  if (!points.ok()) return ReportError(command, points.status());

  SweepResult sweep;
  for (const SweepAxis& a : axes) sweep.add_parameters(a.parameter);
  for (SweepPoint& p : *points) {
    SweepRow* row = sweep.add_rows();
    for (std::string& v : p.values) row->add_values(std::move(v));
    *row->mutable_result() = std::move(p.result);
  }
  std::string output;
  if (format == "json") {
    absl::StatusOr<std::string> json = ToJson(sweep);
    if (!json.ok()) return ReportError(command, json.status());
    output = *std::move(json);
  } else {
    output = FormatSweepCsv(sweep);
  }
  if (absl::Status s = EmitOutput(flags, output); !s.ok()) {
    return ReportError(command, s);
  }
  return kExitOk;
}

}  // namespace collabnet::cli
