#include <algorithm>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cli/command.h"
#include "cli/flags.h"
#include "cli/progress.h"
#include "cli/run_setup.h"
#include "io/atomic_file.h"
#include "report/json.h"
#include "report/leader_reach.h"
#include "report/summary.h"
#include "report/teacher_csv.h"
#include "report/transmission_csv.h"
#include "report/weekly_csv.h"
#include "sim/runner.h"

namespace collabnet::cli {
namespace {

namespace po = boost::program_options;

constexpr char kHelp[] =
    "Runs a diffusion scenario: Monte Carlo replicates of the scenario's\n"
    "model from its leaders, and reports their direct reach by channel\n"
    "beside the observed figure, the spread by the horizon with 95%\n"
    "confidence intervals, each leader's own reach (the teachers whose\n"
    "chain of influence starts at them, by channel), and the schools\n"
    "reached most and least; --tree writes who reached whom in chosen\n"
    "replicates.\n"
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
       "5%-95% bands to this CSV file")
      ("per-leader", po::value<std::string>(),
       "also write each leader's own reach (the teachers whose chain of "
       "influence starts at them), in all and by channel, with 95% "
       "intervals, to this CSV file")
      ("tree", po::value<std::string>(),
       "also write who reached whom in the replicates --tree-replicates "
       "names (replicate, source, target, week or round, channel, hop, "
       "adopted), the transmission trees, to this CSV file")
      ("tree-replicates", po::value<std::string>()->default_value("0"),
       "with --tree: the replicates, counted from 0, as a list and ranges "
       "(e.g. 0,5,10-19; at most 1000)");
  // clang-format on
}

// The most replicates --tree-replicates may name: each holds a tree as
// large as the reach.
constexpr int kMaxTrees = 1000;

// "0,5,10-19" -> {0, 5, 10, ..., 19}, each below `replicates`.
absl::StatusOr<std::vector<std::uint32_t>> TreeReplicates(
    const std::string& spec, std::int64_t replicates) {
  std::vector<std::uint32_t> out;
  auto bad = [&](absl::string_view why) {
    return UsageError(absl::StrCat("--tree-replicates '", spec, "': ", why));
  };
  for (absl::string_view part : absl::StrSplit(spec, ',')) {
    const std::pair<absl::string_view, absl::string_view> range =
        absl::StrSplit(part, absl::MaxSplits('-', 1));
    std::int64_t first = 0, last = 0;
    if (!absl::SimpleAtoi(range.first, &first) ||
        !absl::SimpleAtoi(range.second.empty() ? range.first : range.second,
                          &last) ||
        first < 0 || last < first) {
      return bad(
          "expected replicates counted from 0 and ranges, e.g. 0,5,10-19");
    }
    if (last >= replicates) {
      return bad(absl::StrCat("replicate ", last, " is not run (the run has ",
                              replicates, ", counted from 0)"));
    }
    if (last - first + 1 + static_cast<std::int64_t>(out.size()) > kMaxTrees) {
      return bad(absl::StrCat("at most ", kMaxTrees, " replicates"));
    }
    for (std::int64_t r = first; r <= last; ++r) {
      out.push_back(static_cast<std::uint32_t>(r));
    }
  }
  return out;
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
    run.per_leader = true;
    if (flags.count("tree") > 0) {
      const std::int64_t most = flags.count("precision") > 0
                                    ? flags["max-replicates"].as<int>()
                                    : setup->scenario.replicates();
      absl::StatusOr<std::vector<std::uint32_t>> trees =
          TreeReplicates(flags["tree-replicates"].as<std::string>(), most);
      if (!trees.ok()) return trees.status();
      run.tree_replicates = *std::move(trees);
    }
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
    shown.clear_teachers();       // they go to --per-teacher
    shown.clear_transmissions();  // and these to --tree
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
  if (flags.count("per-leader") > 0) {
    files.emplace_back(flags["per-leader"].as<std::string>(),
                       FormatLeaderReachCsv(*result));
  }
  if (flags.count("tree") > 0) {
    files.emplace_back(flags["tree"].as<std::string>(),
                       FormatTransmissionCsv(*result));
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
