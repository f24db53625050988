#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/command.h"
#include "cli/flags.h"
#include "cli/run_setup.h"
#include "google/protobuf/text_format.h"
#include "sim/direct_reach_fit.h"

namespace collabnet::cli {
namespace {

namespace po = boost::program_options;

constexpr char kHelp[] =
    "Fits the probabilities of the channels in each observed category so the\n"
    "leaders' simulated direct reach matches the observed figure (for the\n"
    "default: 311 via PD, 63 job-embedded, 113 social media). Multiplicative\n"
    "fixed point with common random numbers; the leader-to-peer ratio and\n"
    "every other parameter stay as given. Writes the fitted scenario as text\n"
    "protobuf. The scenario and network flags are those of 'collabnet\n"
    "simulate'; the scenario's model must use channel probabilities\n"
    "(multi_channel, or ic with --channel-probabilities).";

void AddFlags(po::options_description& options) {
  AddRunFlags(options);
  AddRunResourceFlags(options);
  // clang-format off
  options.add_options()
      ("max-iterations", po::value<int>()->default_value(30),
       "give up after this many iterations")
      ("tolerance", DoubleValue(0.002),
       "relative distance from each observed figure that counts as fitted")
      ("out", po::value<std::string>(),
       "write the fitted scenario here (atomically) instead of stdout");
  // clang-format on
}

absl::Status Run(const Flags& flags) {
  absl::StatusOr<int> threads = ThreadsFlag(flags);
  if (!threads.ok()) return threads.status();
  absl::StatusOr<std::int64_t> max_memory = MaxMemoryFlag(flags);
  if (!max_memory.ok()) return max_memory.status();
  absl::StatusOr<RunSetup> setup = PrepareRun(flags);
  if (!setup.ok()) return setup.status();
  PrintNotes("fit", *setup);
  const Scenario& scenario = setup->scenario;
  FitOptions fit_options;
  fit_options.max_iterations = flags["max-iterations"].as<int>();
  fit_options.relative_tolerance = flags["tolerance"].as<double>();
  fit_options.run.threads = *threads;
  fit_options.run.max_memory_bytes = *max_memory;
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
  absl::StatusOr<FitResult> fit =
      FitDirectReach(setup->graph, scenario, fit_options);
  if (!fit.ok()) return fit.status();
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
  // A fit that did not converge is no fit: nothing is written, so no
  // output of a failed run stands where the caller expects a fitted file.
  if (!fit->converged) {
    return absl::FailedPreconditionError(absl::StrCat(
        "did not converge in ", fit->iterations,
        " iterations, so nothing was written; raise --max-iterations or "
        "loosen --tolerance"));
  }
  return EmitOutput(flags, text);
}

}  // namespace

Command FitCommand() {
  return {"fit", "fit channel probabilities to an observed direct reach", kHelp,
          AddFlags, Run};
}

}  // namespace collabnet::cli
