#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "google/protobuf/text_format.h"
#include "graph/district_graph.h"
#include "ingest/atomic_file.h"
#include "ingest/district_io.h"
#include "ingest/embedded_default.h"
#include "sim/direct_reach_fit.h"

namespace collabnet::cli {
namespace {

namespace po = boost::program_options;

constexpr char kSummary[] =
    "Fits the probabilities of the channels in each observed category so the\n"
    "leaders' simulated direct reach matches the observed figure (for the\n"
    "default: 311 via PD, 63 job-embedded, 113 social media). Multiplicative\n"
    "fixed point with common random numbers; the leader-to-peer ratio and\n"
    "every other parameter stay as given. Writes the fitted scenario as text\n"
    "protobuf.";

}  // namespace

int RunFit(const std::vector<std::string>& args) {
  const std::string command = "fit";
  po::options_description options("Flags");
  // clang-format off
  options.add_options()
      ("scenario", po::value<std::string>(),
       "scenario to fit (text protobuf); default: the embedded default")
      ("district", po::value<std::string>(),
       "district, replacing the scenario's")
      ("replicates", po::value<int>(),
       "replicates per iteration, replacing the scenario's")
      ("threads", po::value<int>()->default_value(0),
       "worker threads (0: every core)")
      ("max-iterations", po::value<int>()->default_value(30),
       "give up after this many iterations")
      ("tolerance", po::value<double>()->default_value(0.002),
       "relative distance from each observed figure that counts as fitted")
      ("out", po::value<std::string>(),
       "write the fitted scenario here (atomically) instead of stdout");
  // clang-format on
  po::variables_map flags;
  if (auto code = ParseFlags(command, kSummary, options, args, flags)) {
    return *code;
  }
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
  if (flags.count("replicates") > 0) {
    scenario.set_replicates(flags["replicates"].as<int>());
  }
  absl::StatusOr<DistrictGraph> graph = FreezeDistrict(*district);
  if (!graph.ok()) return ReportError(command, graph.status());

  FitOptions fit_options;
  fit_options.max_iterations = flags["max-iterations"].as<int>();
  fit_options.relative_tolerance = flags["tolerance"].as<double>();
  fit_options.run.threads = flags["threads"].as<int>();
  fit_options.on_iteration = [&scenario](int iteration,
                                         const std::vector<double>& simulated) {
    std::string line =
        absl::StrFormat("collabnet fit: iteration %d:", iteration);
    for (int k = 0; k < static_cast<int>(simulated.size()); ++k) {
      absl::StrAppendFormat(&line, " %s %.1f (observed %.0f);",
                            scenario.observed().categories(k).name(),
                            simulated[k],
                            scenario.observed().categories(k).direct_reach());
    }
    std::cerr << line << "\n";
  };
  absl::StatusOr<FitResult> fit = FitDirectReach(*graph, scenario, fit_options);
  if (!fit.ok()) return ReportError(command, fit.status());
  if (!fit->converged) {
    std::cerr << "collabnet fit: did not converge in " << fit->iterations
              << " iterations; the scenario written is the last iterate\n";
  }
  // The fitted file says how it was made, so it can be made again.
  std::string text = absl::StrCat(
      "# Fitted by `collabnet fit` in ", fit->iterations, " iterations of ",
      fit->scenario.replicates(), " replicates (seed ", fit->scenario.seed(),
      ")",
      flags.count("scenario") > 0
          ? absl::StrCat(" from ", flags["scenario"].as<std::string>())
          : std::string(" from the embedded default"),
      ".\n# Simulated direct reach at the fit:");
  for (int k = 0; k < static_cast<int>(fit->simulated.size()); ++k) {
    absl::StrAppendFormat(
        &text, " %s %.1f (observed %.0f)%s",
        scenario.observed().categories(k).name(), fit->simulated[k],
        scenario.observed().categories(k).direct_reach(),
        k + 1 < static_cast<int>(fit->simulated.size()) ? ";" : ".");
  }
  text += "\n";
  std::string body;
  google::protobuf::TextFormat::PrintToString(fit->scenario, &body);
  text += body;
  if (absl::Status s = EmitOutput(flags, text); !s.ok()) {
    return ReportError(command, s);
  }
  return fit->converged ? kExitOk : kExitFailure;
}

}  // namespace collabnet::cli
