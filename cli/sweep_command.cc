#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "cli/command.h"
#include "cli/flags.h"
#include "cli/progress.h"
#include "cli/run_setup.h"
#include "records/pseudonymize.h"
#include "report/json.h"
#include "report/sweep_csv.h"
#include "sim/sweep.h"
#include "sim/validate_scenario.h"

namespace collabnet::cli {
namespace {

namespace po = boost::program_options;

constexpr char kHelp[] =
    "Runs a scenario at every point of a grid of parameter values and writes\n"
    "one row per point (CSV, or JSON with --format json). Every point uses\n"
    "the same seed and the draws are coupled: replicate i sees the same\n"
    "world at every point wherever the points agree (common random\n"
    "numbers), so differences between points are not noise. Example:\n"
    "  collabnet sweep --param leader_credibility=1,2,3 \\\n"
    "                  --param channel.pd_workshop.probability=0.2,0.3\n"
    "Parameters: any number field of the scenario (replicates, horizon,\n"
    "leader_credibility, ...) or of its model's block, by its path from\n"
    "either (lapse_probability, calendar.plc_every_weeks,\n"
    "leader_capacity.teachers_per_term, probability, threshold, ...), and\n"
    "channel.NAME.probability or channel.NAME.mean_delay_weeks; p and k\n"
    "stand for a plain model's probability and threshold, as in simulate.\n"
    "leaders sweeps leader sets, their ids joined by '+':\n"
    "  collabnet sweep --graph g.edges --model ic --p 0.05 \\\n"
    "                  --param leaders=T0001+T0005,T0002+T0008 --param "
    "p=0.05,0.1\n"
    "The scenario and network flags are those of 'collabnet simulate'.";

const OutputFlags kOutput{
    {"csv", "json"}, "csv (one row per point) or json (a SweepResult message)"};

void AddFlags(po::options_description& options) {
  AddRunFlags(options);
  kOutput.Add(options);
  AddRunResourceFlags(options);
  options.add_options()(
      "param", po::value<std::vector<std::string>>()->required(),
      "NAME=V1,V2,...: a parameter and its values; repeat for a grid");
}

absl::Status Run(const Flags& flags) {
  absl::StatusOr<std::string> format = kOutput.Format(flags);
  if (!format.ok()) return format.status();
  absl::StatusOr<int> threads = ThreadsFlag(flags);
  if (!threads.ok()) return threads.status();
  absl::StatusOr<std::int64_t> max_memory = MaxMemoryFlag(flags);
  if (!max_memory.ok()) return max_memory.status();
  std::vector<SweepAxis> axes;
  for (const std::string& spec :
       flags["param"].as<std::vector<std::string>>()) {
    absl::StatusOr<SweepAxis> axis = ParseSweepAxis(spec);
    if (!axis.ok())
      return UsageError(absl::StrCat("--param ", axis.status().message()));
    axes.push_back(*std::move(axis));
  }
  absl::StatusOr<std::string> key = PseudonymKeyFlag(flags);
  if (!key.ok()) return key.status();
  // Rows keep leader sets as typed; with --pseudonymize the runs use the
  // ids the district holds.
  std::vector<std::vector<std::string>> typed(axes.size());
  // Checked before any point runs, and the grid's first point applied, so
  // that a parameter only the grid gives (--param p=...) counts as given.
  auto check_grid = [&](const DistrictGraph& graph,
                        Scenario& scenario) -> absl::Status {
    if (absl::Status s = CheckSweepAxes(scenario, axes); !s.ok()) {
      return UsageError(absl::StrCat("--param ", s.message()));
    }
    for (std::size_t a = 0; a < axes.size(); ++a) {
      if (axes[a].parameter != "leaders") continue;
      typed[a] = axes[a].values;
      for (std::string& value : axes[a].values) {
        std::vector<std::string> ids = LeaderSet(value);
        if (!key->empty()) {
          for (std::string& id : ids) id = Pseudonym(*key, id);
        }
        if (absl::Status s = CheckLeaderIds(
                ids, graph, absl::StrCat("--param leaders=", value));
            !s.ok()) {
          return s;
        }
        value = absl::StrJoin(ids, std::string(1, kLeaderSetSeparator));
      }
    }
    for (const SweepAxis& a : axes) {
      if (absl::Status s =
              SetScenarioParameter(scenario, a.parameter, a.values.front());
          !s.ok()) {
        return UsageError(absl::StrCat("--param ", s.message()));
      }
    }
    // A first point that fails is PrepareRun's to report: it tells the
    // file's mistakes from the flags'. Once it passes, each value on its
    // own, so that a bad one late in the grid is refused before the points
    // ahead of it run.
    if (!ValidateScenario(graph, scenario).ok()) return absl::OkStatus();
    for (const SweepAxis& a : axes) {
      for (const std::string& value : a.values) {
        Scenario point = scenario;
        absl::Status s = SetScenarioParameter(point, a.parameter, value);
        if (s.ok()) s = ValidateScenario(graph, point);
        if (!s.ok()) {
          return UsageError(absl::StrCat("--param ", a.parameter, "=", value,
                                         ": ", s.message()));
        }
      }
    }
    return absl::OkStatus();
  };
  absl::StatusOr<RunSetup> setup = PrepareRun(flags, check_grid);
  if (!setup.ok()) return setup.status();
  PrintNotes("sweep", *setup);

  RunOptions run;
  run.threads = *threads;
  run.max_memory_bytes = *max_memory;
  absl::StatusOr<std::vector<SweepPoint>> points;
  {
    ProgressBar bar("sweeping");
    std::size_t total = 1;
    for (const SweepAxis& a : axes) total *= a.values.size();
    const auto per_point =
        static_cast<std::int64_t>(setup->scenario.replicates());
    std::int64_t finished_points = 0;
    run.progress = [&](std::int64_t done, std::int64_t) {
      bar.Update(finished_points * per_point + done,
                 static_cast<std::int64_t>(total) * per_point);
      if (done == per_point) ++finished_points;
    };
    points = RunSweep(setup->graph, setup->scenario, axes, run);
  }
  if (!points.ok()) return points.status();

  SweepResult sweep;
  for (const SweepAxis& a : axes) sweep.add_parameters(a.parameter);
  for (SweepPoint& p : *points) {
    SweepRow* row = sweep.add_rows();
    for (std::size_t a = 0; a < p.values.size(); ++a) {
      if (!typed[a].empty()) {
        const auto at = std::find(axes[a].values.begin(), axes[a].values.end(),
                                  p.values[a]);
        p.values[a] =
            typed[a][static_cast<std::size_t>(at - axes[a].values.begin())];
      }
      row->add_values(std::move(p.values[a]));
    }
    *row->mutable_result() = std::move(p.result);
  }
  std::string output;
  if (*format == "json") {
    absl::StatusOr<std::string> json = ToJson(sweep);
    if (!json.ok()) return json.status();
    output = *std::move(json);
  } else {
    output = FormatSweepCsv(sweep);
  }
  return EmitOutput(flags, output);
}

}  // namespace

Command SweepCommand() {
  return {"sweep", "run a scenario over a grid of parameter values", kHelp,
          AddFlags, Run};
}

}  // namespace collabnet::cli
