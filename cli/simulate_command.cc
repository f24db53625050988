#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/progress.h"
#include "cli/run_setup.h"
#include "graph/district_graph.h"
#include "ingest/atomic_file.h"
#include "ingest/district_io.h"
#include "ingest/edge_list.h"
#include "ingest/embedded_default.h"
#include "report/json.h"
#include "report/summary.h"
#include "report/teacher_csv.h"
#include "report/weekly_csv.h"
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
    "\n"
    "Plain networks: --graph FILE runs a standard model (--model ic, wc, lt\n"
    "or cc) on an edge list (u v [weight] per line, optionally gzipped)\n"
    "from the seeds in --seeds FILE or --leaders, e.g.\n"
    "  collabnet simulate --graph net.edges --model ic --p 0.05 --seeds s.txt\n"
    "The same seed gives the same numbers on any number of threads.";

}  // namespace

int RunSimulate(const std::vector<std::string>& args) {
  const std::string command = "simulate";
  po::options_description options("Flags");
  AddRunFlags(options);
  // clang-format off
  options.add_options()
      ("format", po::value<std::string>()->default_value("text"),
       "output format: text (a readable summary) or json (the RunResult "
       "message as canonical protobuf JSON)")
      ("out", po::value<std::string>(),
       "write the output to this file (atomically) instead of stdout")
      ("precision", po::value<double>(),
       "run until the 95% interval of teachers reached is at most this many "
       "teachers on each side (starting from --replicates, doubling)")
      ("max-replicates", po::value<int>()->default_value(1000000),
       "with --precision: the most replicates to run")
      ("stable", po::bool_switch(),
       "leave out what varies from run to run (threads, times), so the same "
       "seed gives byte-identical output on any number of threads")
      ("per-teacher", po::value<std::string>(),
       "also write each teacher's probability of being reached and of "
       "adopting to this CSV file")
      ("weekly", po::value<std::string>(),
       "multi_channel: also write the weekly curves (reached, adopting, "
       "practising) with their intervals and 5%-95% bands to this CSV "
       "file");
  // clang-format on
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

  RunSetup setup;
  if (std::optional<int> code = PrepareRun(command, flags, setup)) return *code;
  if (flags.count("weekly") > 0 &&
      setup.scenario.model() != MULTI_CHANNEL_CASCADE) {
    std::cerr << "collabnet simulate: --weekly needs the multi-channel "
                 "cascade; the plain models have no weeks\n";
    return kExitUsage;
  }

  absl::StatusOr<RunResult> result;
  {
    ProgressBar bar("simulating");
    RunOptions run;
    run.threads = flags["threads"].as<int>();
    run.per_teacher = flags.count("per-teacher") > 0;
    run.progress = [&bar](std::int64_t done, std::int64_t total) {
      bar.Update(done, total);
    };
    result = flags.count("precision") > 0
                 ? RunToPrecision(setup.graph, setup.scenario,
                                  flags["precision"].as<double>(),
                                  flags["max-replicates"].as<int>(), run)
                 : RunScenario(setup.graph, setup.scenario, run);
  }
  if (!result.ok()) return ReportError(command, result.status());

  if (flags["stable"].as<bool>()) {
    RunDetails* d = result->mutable_details();
    d->clear_threads();
    d->clear_wall_seconds();
    d->clear_prepare_seconds();
    d->clear_simulate_seconds();
  }
  std::string output;
  if (format == "json") {
    RunResult shown = *result;
    shown.clear_teachers();  // they go to --per-teacher
    absl::StatusOr<std::string> json = ToJson(shown);
    if (!json.ok()) return ReportError(command, json.status());
    output = *std::move(json);
  } else {
    output = FormatSummary(*result);
  }
  // Every output is complete before any is written, and the files are
  // written together: a failed write leaves every one as it was.
  std::vector<std::pair<std::string, std::string>> files;
  if (flags.count("per-teacher") > 0) {
    files.emplace_back(flags["per-teacher"].as<std::string>(),
                       FormatTeacherCsv(*result));
  }
  if (flags.count("weekly") > 0) {
    files.emplace_back(flags["weekly"].as<std::string>(),
                       FormatWeeklyCsv(*result));
  }
  if (flags.count("out") > 0) {
    files.emplace_back(flags["out"].as<std::string>(), output);
  }
  if (absl::Status s = WriteFilesAtomically(files); !s.ok()) {
    return ReportError(command, s);
  }
  if (flags.count("out") == 0) std::cout << output << std::flush;
  return kExitOk;
}

}  // namespace collabnet::cli
