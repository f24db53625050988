#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "cli/command.h"
#include "cli/flags.h"
#include "cli/leader_costs.h"
#include "cli/progress.h"
#include "cli/run_setup.h"
#include "records/pseudonymize.h"
#include "report/comparison_table.h"
#include "report/json.h"
#include "sim/comparison.h"

namespace collabnet::cli {
namespace {

namespace po = boost::program_options;

constexpr char kHelp[] =
    "Runs several scenarios on one district with the same seed and\n"
    "replicates, their draws coupled (replicate i is one world every\n"
    "scenario sees), and prints one table: leaders, teachers reached and\n"
    "adopting with 95% intervals, schools reached, the share of Title I\n"
    "schools' teachers reached, cost (with --costs), and each scenario's\n"
    "difference from the first, paired by replicate, with its interval and\n"
    "whether it leaves out 0. Scenarios are files, or leader sets on the\n"
    "scenario the flags give:\n"
    "  collabnet compare data/scenarios/co-teachers.textproto \\\n"
    "                    data/scenarios/placed-40.textproto\n"
    "  collabnet compare --leaders-set now=T0001,T0002 \\\n"
    "                    --leaders-set more=T0001,T0002,T0150\n"
    "The first file's seed and replicates hold for all (--seed and\n"
    "--replicates set them); every file must name the same district. The\n"
    "scenario and network flags are those of 'collabnet simulate'.";

const OutputFlags kOutput{{"text", "json", "csv"},
                          "text (a table), json (the ComparisonResult "
                          "message) or csv (one row per scenario)"};

void AddFlags(po::options_description& options) {
  AddRunFlags(options);
  kOutput.Add(options);
  AddRunResourceFlags(options);
  // clang-format off
  options.add_options()
      ("scenarios", po::value<std::vector<std::string>>()->multitoken(),
       "scenario files to compare (also given without the flag)")
      ("leaders-set", po::value<std::vector<std::string>>(),
       "NAME=ID,ID,...: the scenario with these leaders; repeat for more")
      ("costs", po::value<std::string>(),
       "each teacher's cost as a leader (a CSV of teacher,cost): each "
       "scenario's leaders' total is shown")
      ("cost-column", po::value<std::string>(),
       "or the costs from this column of the district folder's "
       "teachers.csv (a stipend, release days)");
  // clang-format on
}

// The flags with --scenario replaced by `path`.
Flags WithScenario(const Flags& flags, const std::string& path) {
  Flags copy = flags;
  copy.erase("scenario");
  copy.emplace("scenario", po::variable_value(boost::any(path), false));
  return copy;
}

std::string Canonical(const std::string& path) {
  std::error_code error;
  const std::filesystem::path c =
      std::filesystem::weakly_canonical(path, error);
  return error ? path : c.string();
}

absl::Status Run(const Flags& flags) {
  absl::StatusOr<std::string> format = kOutput.Format(flags);
  if (!format.ok()) return format.status();
  absl::StatusOr<int> threads = ThreadsFlag(flags);
  if (!threads.ok()) return threads.status();
  absl::StatusOr<std::int64_t> max_memory = MaxMemoryFlag(flags);
  if (!max_memory.ok()) return max_memory.status();
  absl::StatusOr<std::string> key = PseudonymKeyFlag(flags);
  if (!key.ok()) return key.status();
  const std::vector<std::string> files =
      flags.count("scenarios") > 0
          ? flags["scenarios"].as<std::vector<std::string>>()
          : std::vector<std::string>();
  const std::vector<std::string> sets =
      flags.count("leaders-set") > 0
          ? flags["leaders-set"].as<std::vector<std::string>>()
          : std::vector<std::string>();
  if (files.size() + sets.size() < 2) {
    return UsageError(
        "compare needs at least two scenarios: files, --leaders-set, or both");
  }
  if (!files.empty() && flags.count("scenario") > 0) {
    return UsageError(
        "give the scenarios as files or as --scenario with --leaders-set, "
        "not both");
  }

  std::vector<NamedScenario> named;
  absl::StatusOr<RunSetup> first =
      PrepareRun(files.empty() ? flags : WithScenario(flags, files.front()));
  if (!first.ok()) return first.status();
  PrintNotes("compare", *first);
  const DistrictGraph& graph = first->graph;
  for (std::size_t i = 0; i < files.size(); ++i) {
    RunSetup other;
    const RunSetup* setup = &*first;
    if (i > 0) {
      absl::StatusOr<RunSetup> read = PrepareRun(WithScenario(flags, files[i]));
      if (!read.ok()) return read.status();
      if (Canonical(read->district_path) != Canonical(first->district_path)) {
        return UsageError(
            absl::StrCat(files[i], " runs on ",
                         read->district_path.empty() ? "the embedded district"
                                                     : read->district_path,
                         " and ", files.front(), " on ",
                         first->district_path.empty() ? "the embedded district"
                                                      : first->district_path,
                         "; compare runs scenarios on one district"));
      }
      other = *std::move(read);
      setup = &other;
    }
    std::string name = setup->scenario.name();
    if (name.empty()) name = std::filesystem::path(files[i]).stem().string();
    named.push_back({name, setup->scenario});
  }
  for (const std::string& spec : sets) {
    const std::pair<std::string, std::string> parts =
        absl::StrSplit(spec, absl::MaxSplits('=', 1));
    if (parts.first.empty() || parts.second.empty()) {
      return UsageError(
          absl::StrCat("--leaders-set '", spec, "': expected NAME=ID,ID,..."));
    }
    Scenario s = first->scenario;
    s.clear_leaders();
    std::vector<std::string> ids;
    for (absl::string_view id :
         absl::StrSplit(parts.second, ',', absl::SkipWhitespace())) {
      std::string kept(absl::StripAsciiWhitespace(id));
      if (!key->empty()) kept = Pseudonym(*key, kept);
      ids.push_back(kept);
    }
    if (absl::Status c = CheckLeaderIds(
            ids, graph, absl::StrCat("--leaders-set ", parts.first));
        !c.ok()) {
      return c;
    }
    for (const std::string& id : ids) s.add_leaders(id);
    named.push_back({parts.first, std::move(s)});
  }

  absl::StatusOr<ComparisonResult> comparison;
  {
    ProgressBar bar("comparing");
    const std::int64_t per = first->scenario.replicates();
    const auto total = static_cast<std::int64_t>(named.size()) * per;
    std::int64_t finished = 0;
    RunOptions run;
    run.threads = *threads;
    run.max_memory_bytes = *max_memory;
    run.progress = [&](std::int64_t done, std::int64_t) {
      bar.Update(finished * per + done, total);
      if (done == per) ++finished;
    };
    comparison = CompareScenarios(graph, named, run);
  }
  if (!comparison.ok()) return comparison.status();

  if (flags.count("costs") > 0 && flags.count("cost-column") > 0) {
    return UsageError("--costs or --cost-column: one source of costs");
  }
  if (flags.count("costs") > 0 || flags.count("cost-column") > 0) {
    absl::StatusOr<LeaderCosts> costs =
        flags.count("costs") > 0
            ? CostsFromFile(flags["costs"].as<std::string>(), graph, *key)
            : CostsFromRoster(*first, *key, "compare");
    if (!costs.ok()) return costs.status();
    for (std::size_t i = 0; i < named.size(); ++i) {
      double total = 0;
      for (const std::string& id : named[i].scenario.leaders()) {
        const std::optional<VertexId> v = graph.FindTeacher(id);
        if (!v || costs->given[*v] == 0) {
          return absl::InvalidArgumentError(
              absl::StrCat(costs->file, ": no cost for leader '", id,
                           "' of scenario '", named[i].name, "'"));
        }
        total += costs->cost[*v];
      }
      comparison->mutable_rows(static_cast<int>(i))->set_cost(total);
    }
  }

  std::string output;
  if (*format == "json") {
    absl::StatusOr<std::string> json = ToJson(*comparison);
    if (!json.ok()) return json.status();
    output = *std::move(json);
  } else if (*format == "csv") {
    output = FormatComparisonCsv(*comparison);
  } else {
    output = FormatComparison(*comparison);
  }
  return EmitOutput(flags, output);
}

}  // namespace

Command CompareCommand() {
  return {"compare",
          "run scenarios side by side on coupled draws, with paired "
          "differences",
          kHelp,
          AddFlags,
          Run,
          "scenarios"};
}

}  // namespace collabnet::cli
