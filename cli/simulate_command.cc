#include <algorithm>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "cli/command.h"
#include "cli/flags.h"
#include "cli/progress.h"
#include "cli/run_setup.h"
#include "io/atomic_file.h"
#include "report/json.h"
#include "report/summary.h"
#include "report/teacher_csv.h"
#include "report/weekly_csv.h"
#include "sim/runner.h"

namespace collabnet::cli {
namespace {

namespace po = boost::program_options;

constexpr char kHelp[] =
    "Runs a diffusion scenario: Monte Carlo replicates of the scenario's\n"
    "model from its leaders, and reports their direct reach by channel\n"
    "beside the observed figure, the spread by the horizon with 95%\n"
    "confidence intervals, and the schools reached most and least.\n"
    "With no flags: the default scenario on the embedded sample district\n"
    "(the case study's four co-teaching leaders over a 36-week school year).\n"
    "\n"
    "Plain networks: --graph FILE runs a standard model (--model ic, wc, lt\n"
    "or cc) on an edge list (u v [weight] per line, optionally gzipped) or\n"
    "any readable network, from the seeds in --seeds FILE or --leaders, e.g.\n"
    "  collabnet simulate --graph net.edges --model ic --p 0.05 --seeds s.txt\n"
    "The same seed gives the same numbers on any number of threads.";

const OutputFlags kOutput{
    {"text", "json"},
    "text (a readable summary) or json (the RunResult message as canonical "
    "protobuf JSON)"};

// Replicates --precision starts from when --replicates is not given.
constexpr int kPrecisionPilot = 200;

void AddFlags(po::options_description& options) {
  AddRunFlags(options);
  kOutput.Add(options);
  AddRunResourceFlags(options);
  // clang-format off
  options.add_options()
      ("precision", po::value<double>(),
       "run until the 95% interval of teachers reached is at most this many "
       "teachers on each side, doubling the replicates from --replicates "
       "(default 200); the summary says whether the target was met")
      ("max-replicates", po::value<int>()->default_value(1000000),
       "with --precision: the most replicates to run")
      ("coupled", po::bool_switch(),
       "draw as sweeps and fits do, each draw keyed by what it is about, so "
       "the result equals theirs at the same scenario and seed; by default "
       "a single run draws from one stream a replicate, which is faster for "
       "ic and wc and equal in distribution")
      ("stable", po::bool_switch(),
       "leave out what varies from run to run (threads, times), so the same "
       "seed gives byte-identical output on any number of threads")
      ("per-teacher", po::value<std::string>(),
       "also write each teacher's probability of being reached and of "
       "adopting to this CSV file")
      ("weekly", po::value<std::string>(),
       "also write the curves over time (reached, adopting, practising; by "
       "week, or by round for the plain models) with their intervals and "
       "5%-95% bands to this CSV file");
  // clang-format on
}

absl::Status Run(const Flags& flags) {
  absl::StatusOr<std::string> format = kOutput.Format(flags);
  if (!format.ok()) return format.status();
  absl::StatusOr<int> threads = ThreadsFlag(flags);
  if (!threads.ok()) return threads.status();
  absl::StatusOr<std::int64_t> max_memory = MaxMemoryFlag(flags);
  if (!max_memory.ok()) return max_memory.status();
  absl::StatusOr<RunSetup> setup = PrepareRun(flags);
  if (!setup.ok()) return setup.status();
  PrintNotes("simulate", *setup);

  absl::StatusOr<RunResult> result;
  {
    ProgressBar bar("simulating");
    RunOptions run;
    run.threads = *threads;
    run.max_memory_bytes = *max_memory;
    run.draws =
        flags["coupled"].as<bool>() ? DrawMode::kCoupled : DrawMode::kStream;
    run.per_teacher = flags.count("per-teacher") > 0;
    run.progress = [&bar](std::int64_t done, std::int64_t total) {
      bar.Update(done, total);
    };
    if (flags.count("precision") > 0 && flags.count("replicates") == 0) {
      // The doubling finds the count the target needs; it starts from a
      // pilot, not from the scenario's count (which may already be many
      // times more than the target needs).
      setup->scenario.set_replicates(
          std::min(kPrecisionPilot, setup->scenario.replicates()));
    }
    result = flags.count("precision") > 0
                 ? RunToPrecision(setup->graph, setup->scenario,
                                  flags["precision"].as<double>(),
                                  flags["max-replicates"].as<int>(), run)
                 : RunScenario(setup->graph, setup->scenario, run);
  }
  if (!result.ok()) return result.status();

  if (flags["stable"].as<bool>()) {
    RunDetails* d = result->mutable_details();
    d->clear_threads();
    d->clear_wall_seconds();
    d->clear_prepare_seconds();
    d->clear_simulate_seconds();
  }
  std::string output;
  if (*format == "json") {
    RunResult shown = *result;
    shown.clear_teachers();  // they go to --per-teacher
    absl::StatusOr<std::string> json = ToJson(shown);
    if (!json.ok()) return json.status();
    output = *std::move(json);
  } else {
    output = FormatSummary(*result);
  }
  std::vector<std::pair<std::string, std::string>> files;
  if (flags.count("per-teacher") > 0) {
    files.emplace_back(flags["per-teacher"].as<std::string>(),
                       FormatTeacherCsv(*result));
  }
  if (flags.count("weekly") > 0) {
    files.emplace_back(flags["weekly"].as<std::string>(),
                       FormatWeeklyCsv(*result));
  }
  return EmitOutput(flags, output, std::move(files));
}

}  // namespace

Command SimulateCommand() {
  return {"simulate",
          "run a diffusion scenario (with no flags: the four co-teaching "
          "leaders\n             of the embedded sample district over one "
          "school year)",
          kHelp, AddFlags, Run};
}

}  // namespace collabnet::cli
