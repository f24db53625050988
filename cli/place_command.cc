#include <google/protobuf/text_format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cli/command.h"
#include "cli/flags.h"
#include "cli/leader_costs.h"
#include "cli/progress.h"
#include "cli/run_setup.h"
#include "formats/edge_list.h"
#include "io/atomic_file.h"
#include "place/placement.h"
#include "place/school_equity.h"
#include "proto/channel_names.h"
#include "records/pseudonymize.h"
#include "report/json.h"
#include "report/placement_text.h"
#include "sim/comparison.h"
#include "sim/runner.h"

namespace collabnet::cli {
namespace {

namespace po = boost::program_options;

constexpr char kHelp[] =
    "Chooses --budget N new teacher leaders for the scenario's model and\n"
    "prints each with school, role and expected gain, then what the whole\n"
    "set reaches and adopts with 95% intervals, by fresh Monte Carlo runs\n"
    "independent of the draws that chose it (the numbers `collabnet\n"
    "simulate` gives the set). --leaders-out FILE writes the set as a\n"
    "scenario that simulate runs unchanged.\n"
    "\n"
    "Strategies (--strategy) and what each guarantees:\n"
    "  auto              reverse-samples where the model allows, else greedy\n"
    "  reverse-samples   OPIM-C on reverse-reachable samples: within\n"
    "                    1 - 1/e - epsilon of the best feasible set's\n"
    "                    expected reach with probability at least 1 - 1/n;\n"
    "                    1/2 - epsilon with --max-per-school (a matroid),\n"
    "                    (1 - 1/e)/2 - epsilon with --cost-budget (a\n"
    "                    knapsack); with both, only the certified ratio,\n"
    "                    which is always reported. For every model but\n"
    "                    those below\n"
    "  greedy            lazy greedy over coupled Monte Carlo, for leader\n"
    "                    capacity, lapse with a calendar, complex contagion\n"
    "                    and given thresholds, whose reach is not\n"
    "                    submodular: a heuristic, no guarantee\n"
    "  degree, pagerank, degree-discount, random-per-school\n"
    "                    the usual baselines: no guarantee\n"
    "The scenario's own leaders are a baseline too: the set is run against\n"
    "them on coupled draws, its difference paired by replicate.\n"
    "\n"
    "Constraints: --eligible FILE (teacher ids) or --eligible-role ROLE,\n"
    "--max-per-school M (counting leaders in place), --min-readiness R,\n"
    "--costs FILE (teacher,cost) with --cost-budget C (then --budget is the\n"
    "most new leaders), and --add-to-leaders: the scenario's leaders (or\n"
    "--leaders) stay and the new ones add to them. A scenario may hold\n"
    "them too, in a block that the flags override field by field:\n"
    "  placement { budget: 36 add_to_leaders: true max_per_school: 1\n"
    "              eligible_roles: TEACHER_LEADER costs: \"costs.csv\"\n"
    "              cost_budget: 60 }\n"
    "Example:\n"
    "  collabnet place --budget 36 --add-to-leaders --max-per-school 1 \\\n"
    "                  --leaders-out plan.textproto\n"
    "The same seed gives the same leaders on any number of threads.";

const OutputFlags kOutput{
    {"text", "json"},
    "text (a readable list) or json (the PlacementResult message as "
    "canonical protobuf JSON)"};

void AddFlags(po::options_description& options) {
  AddRunFlags(options);
  kOutput.Add(options);
  AddRunResourceFlags(options);
  // clang-format off
  options.add_options()
      ("budget", po::value<int>(),
       "new leaders to choose (or the scenario's placement { budget })")
      ("strategy", po::value<std::string>()->default_value("auto"),
       "auto, reverse-samples, greedy, degree, pagerank, degree-discount or "
       "random-per-school (see above)")
      ("objective", po::value<std::string>()->default_value("reached"),
       "what to maximise: reached (teachers reached), adopting (teachers "
       "adopting), either in Title I schools only (reached-title-i, "
       "adopting-title-i), or how evenly schools are reached (equity, "
       "adopting-equity: the mean over schools of the square root of each "
       "one's share, by reverse samples, its guarantee empirical); all "
       "are reported")
      ("epsilon", DoubleValue(0.1),
       "reverse samples: the approximation's slack, above 0 and below 1")
      ("min-sample-mb", DoubleValue(8),
       "reverse samples: keep sampling until the samples hold this many MB "
       "(4 bytes a member) even once the guarantee is certified, for a "
       "better set at the same guarantee; 0: stop as OPIM-C does")
      ("add-to-leaders", po::bool_switch(),
       "keep the scenario's leaders (or --leaders) and add the new ones to "
       "them; without it they are only the scenario's starting point")
      ("eligible", po::value<std::string>(),
       "only these teachers may be chosen: a file of ids (whitespace- or "
       "comma-separated)")
      ("eligible-role", po::value<std::string>(),
       "only teachers of this role may be chosen (teacher, teacher_leader, "
       "coach, specialist, administrator)")
      ("max-per-school", po::value<int>(),
       "at most this many leaders in any school, leaders in place counted "
       "(0: no limit)")
      ("min-readiness", po::value<double>(),
       "only teachers of schools with at least this readiness")
      ("costs", po::value<std::string>(),
       "each teacher's cost as a leader: a CSV of teacher,cost")
      ("cost-column", po::value<std::string>(),
       "or the costs from this column of the district folder's "
       "teachers.csv (a stipend, release days); an empty cell: no cost, "
       "not eligible")
      ("cost-budget", po::value<double>(),
       "with --costs or --cost-column: the most the new leaders may cost "
       "together")
      ("greedy-replicates", po::value<int>()->default_value(0),
       "greedy: Monte Carlo replicates per evaluation (0: from the standard "
       "error)")
      ("leaders-out", po::value<std::string>(),
       "also write the leaders (in place and new) as a scenario file");
  // clang-format on
}

// The teachers `ids` names, each checked against the graph.
absl::StatusOr<std::vector<VertexId>> Vertices(
    const std::vector<std::string>& ids, const DistrictGraph& graph,
    absl::string_view from) {
  if (absl::Status s = CheckLeaderIds(ids, graph, from); !s.ok()) return s;
  std::vector<VertexId> out;
  out.reserve(ids.size());
  for (const std::string& id : ids) out.push_back(*graph.FindTeacher(id));
  return out;
}

// The constraints of the scenario's placement block, each replaced by its
// flag when given; the block's costs file is relative to the scenario.
absl::StatusOr<PlacementConstraints> ConstraintsFromFlags(
    const Flags& flags, const RunSetup& setup,
    const std::vector<std::string>& in_place, const std::string& key) {
  const DistrictGraph& graph = setup.graph;
  const VertexId n = graph.num_vertices();
  const PlacementRules& rules = setup.scenario.placement();
  PlacementConstraints c;
  c.budget =
      flags.count("budget") > 0 ? flags["budget"].as<int>() : rules.budget();
  if (flags.count("budget") == 0 && rules.budget() == 0) {
    return UsageError(
        "give --budget N, the new leaders to choose (or placement { budget: "
        "N } in the scenario)");
  }
  c.max_per_school = flags.count("max-per-school") > 0
                         ? flags["max-per-school"].as<int>()
                         : rules.max_per_school();
  if (c.max_per_school < 0) {
    return UsageError("--max-per-school: must be 0 (no limit) or more");
  }
  if (flags["add-to-leaders"].as<bool>() || rules.add_to_leaders()) {
    absl::StatusOr<std::vector<VertexId>> existing =
        Vertices(in_place, graph, "the leaders in place");
    if (!existing.ok()) return existing.status();
    c.existing = *std::move(existing);
  }
  auto restrict = [&](const std::vector<std::uint8_t>& allowed) {
    if (c.eligible.empty()) c.eligible.assign(n, 1);
    for (VertexId v = 0; v < n; ++v) c.eligible[v] &= allowed[v];
  };
  if (flags.count("eligible") > 0 || !rules.eligible().empty()) {
    std::string from = "the scenario's placement.eligible";
    std::vector<std::string> ids(rules.eligible().begin(),
                                 rules.eligible().end());
    if (flags.count("eligible") > 0) {
      const std::string path = flags["eligible"].as<std::string>();
      absl::StatusOr<std::vector<std::string>> read = ReadIdList(path);
      if (!read.ok()) return read.status();
      ids = *std::move(read);
      from = absl::StrCat("--eligible ", path);
    }
    if (!key.empty()) {
      for (std::string& id : ids) id = Pseudonym(key, id);
    }
    absl::StatusOr<std::vector<VertexId>> listed = Vertices(ids, graph, from);
    if (!listed.ok()) return listed.status();
    std::vector<std::uint8_t> allowed(n, 0);
    for (VertexId v : *listed) allowed[v] = 1;
    restrict(allowed);
  }
  std::vector<Role> roles;
  for (int r : rules.eligible_roles()) roles.push_back(static_cast<Role>(r));
  if (flags.count("eligible-role") > 0) {
    const std::string name = flags["eligible-role"].as<std::string>();
    const std::optional<Role> role = ParseRole(name);
    if (!role) {
      return UsageError(absl::StrCat("--eligible-role: '", name,
                                     "' is not one of ", RoleFileNames()));
    }
    roles.assign(1, *role);
  }
  if (!roles.empty()) {
    std::vector<std::uint8_t> allowed(n, 0);
    for (VertexId v = 0; v < n; ++v) {
      allowed[v] =
          std::find(roles.begin(), roles.end(), graph.role(v)) != roles.end();
    }
    restrict(allowed);
  }
  if (flags.count("min-readiness") > 0 || rules.has_min_readiness()) {
    const double r = flags.count("min-readiness") > 0
                         ? flags["min-readiness"].as<double>()
                         : rules.min_readiness();
    if (!(r >= 0 && r <= 1)) {
      return UsageError("--min-readiness: must be from 0 to 1");
    }
    std::vector<std::uint8_t> allowed(n, 0);
    for (VertexId v = 0; v < n; ++v) {
      allowed[v] = graph.school_readiness(graph.school_of(v)) >= r;
    }
    restrict(allowed);
  }
  // Costs from a file or a roster column: a flag replaces the scenario's
  // choice of either.
  std::string costs_path;
  std::string column;
  if (flags.count("costs") > 0 && flags.count("cost-column") > 0) {
    return UsageError("--costs or --cost-column: one source of costs");
  }
  if (flags.count("costs") > 0) {
    costs_path = flags["costs"].as<std::string>();
  } else if (flags.count("cost-column") > 0) {
    column = setup.roster_column.name;
  } else if (!rules.costs().empty() && !rules.cost_column().empty()) {
    return UsageError(
        "the scenario's placement gives costs and cost_column: one source "
        "of costs");
  } else if (!rules.costs().empty()) {
    costs_path =
        (std::filesystem::path(setup.scenario_dir) / rules.costs()).string();
  } else {
    column = rules.cost_column();
  }
  const bool has_budget =
      flags.count("cost-budget") > 0 || rules.has_cost_budget();
  if ((costs_path.empty() && column.empty()) != !has_budget) {
    return UsageError(
        "--costs (or --cost-column) and --cost-budget go together (in the "
        "scenario, placement.costs or cost_column, and cost_budget)");
  }
  if (!costs_path.empty() || !column.empty()) {
    absl::StatusOr<LeaderCosts> costs =
        column.empty() ? CostsFromFile(costs_path, graph, key)
                       : CostsFromRoster(setup, key, "place");
    if (!costs.ok()) return costs.status();
    c.cost = std::move(costs->cost);
    // A teacher with no cost given cannot be chosen: nothing is assumed.
    restrict(costs->given);
    c.cost_budget = flags.count("cost-budget") > 0
                        ? flags["cost-budget"].as<double>()
                        : rules.cost_budget();
  }
  return c;
}

// The scenario --leaders-out writes: the run's, its district named from
// where the file goes, its leaders those in place and the new ones.
std::string LeadersScenario(const RunSetup& setup, const std::string& out,
                            const std::vector<std::string>& leaders,
                            const PlacementResult& result) {
  Scenario s = setup.scenario;
  s.clear_leaders();
  for (const std::string& id : leaders) s.add_leaders(id);
  // Named for how it was made, as compare lists it: "degree-40". The
  // placement block is spent: its leaders are placed.
  s.set_name(absl::StrCat(result.strategy(), "-", leaders.size()));
  s.clear_placement();
  if (!setup.district_path.empty()) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::absolute(fs::path(out)).parent_path();
    s.set_district(
        fs::absolute(setup.district_path).lexically_relative(dir).string());
  }
  std::string text = absl::StrCat(
      "# Leaders placed by `collabnet place` (", result.strategy(), ", ",
      result.leaders_size(), " new",
      result.leaders_in_place().empty()
          ? std::string()
          : absl::StrCat(" added to ", result.leaders_in_place_size()),
      "; teachers ", result.objective(), "). Guarantee: ", result.guarantee(),
      ".\n");
  std::string body;
  google::protobuf::TextFormat::PrintToString(s, &body);
  return text + body;
}

// The current leaders as the baseline ("how much further than what we
// have now?"): they and the placed set on coupled draws, so the set's
// difference over them is paired, replicate by replicate. Nothing to
// compare when the scenario has no leaders of its own or they are the set.
absl::Status CompareWithCurrent(const DistrictGraph& graph,
                                const Scenario& scenario,
                                const std::vector<std::string>& current,
                                const Scenario& placed, int threads,
                                std::int64_t max_memory,
                                PlacementResult& result) {
  const absl::flat_hash_set<std::string> now(current.begin(), current.end());
  const absl::flat_hash_set<std::string> set(placed.leaders().begin(),
                                             placed.leaders().end());
  if (current.empty() || now == set) return absl::OkStatus();
  Scenario baseline = scenario;
  baseline.clear_leaders();
  for (const std::string& id : current) baseline.add_leaders(id);
  absl::StatusOr<ComparisonResult> against;
  {
    ProgressBar bar("comparing with the current leaders");
    const std::int64_t per = scenario.replicates();
    std::int64_t finished = 0;
    RunOptions run;
    run.threads = threads;
    run.max_memory_bytes = max_memory;
    run.progress = [&](std::int64_t done, std::int64_t) {
      bar.Update(finished * per + done, 2 * per);
      if (done == per) ++finished;
    };
    against = CompareScenarios(
        graph, {{"current leaders", baseline}, {"placed set", placed}}, run);
  }
  if (!against.ok()) return against.status();
  for (ComparisonRow& row : *against->mutable_rows()) row.clear_result();
  *result.mutable_against_current() = *std::move(against);
  return absl::OkStatus();
}

absl::Status Run(const Flags& flags) {
  absl::StatusOr<std::string> format = kOutput.Format(flags);
  if (!format.ok()) return format.status();
  absl::StatusOr<int> threads = ThreadsFlag(flags);
  if (!threads.ok()) return threads.status();
  absl::StatusOr<std::int64_t> max_memory = MaxMemoryFlag(flags);
  if (!max_memory.ok()) return max_memory.status();
  absl::StatusOr<PlacementStrategy> strategy =
      ParseStrategy(flags["strategy"].as<std::string>());
  if (!strategy.ok()) return UsageError(strategy.status().message());
  const std::string objective_flag = flags["objective"].as<std::string>();
  if (objective_flag != "reached" && objective_flag != "adopting" &&
      objective_flag != "reached-title-i" &&
      objective_flag != "adopting-title-i" && objective_flag != "equity" &&
      objective_flag != "adopting-equity") {
    return UsageError(
        "--objective: must be reached, adopting, reached-title-i, "
        "adopting-title-i, equity or adopting-equity");
  }
  const bool title_i_only = absl::EndsWith(objective_flag, "-title-i");
  const bool equity = absl::EndsWith(objective_flag, "equity");
  const bool adopting = absl::StartsWith(objective_flag, "adopting");
  const std::string objective_name =
      absl::StrCat(adopting ? "adopting" : "reached",
                   title_i_only ? " in Title I schools" : "",
                   equity ? ", by the school-equity index" : "");
  absl::StatusOr<std::string> key = PseudonymKeyFlag(flags);
  if (!key.ok()) return key.status();

  // The scenario's leaders are the leaders in place (with
  // --add-to-leaders) or only its starting point; a run with none still
  // validates, as placement supplies them.
  std::vector<std::string> in_place;
  absl::StatusOr<RunSetup> setup =
      PrepareRun(flags, [&](const DistrictGraph& graph, Scenario& scenario) {
        in_place.assign(scenario.leaders().begin(), scenario.leaders().end());
        if (scenario.leaders().empty() && graph.num_vertices() > 0) {
          scenario.add_leaders(graph.teacher_id(0));
        }
        return absl::OkStatus();
      });
  if (!setup.ok()) return setup.status();
  PrintNotes("place", *setup);
  const DistrictGraph& graph = setup->graph;

  PlacementRequest request;
  request.strategy = *strategy;
  request.objective =
      adopting ? PlacementObjective::kAdopting : PlacementObjective::kReached;
  request.targets =
      title_i_only ? PlacementTargets::kTitleI : PlacementTargets::kAll;
  request.school_equity = equity;
  request.epsilon = flags["epsilon"].as<double>();
  const double min_mb = flags["min-sample-mb"].as<double>();
  if (!(min_mb >= 0 && min_mb <= 1 << 20)) {
    return UsageError("--min-sample-mb: must be from 0 to 1048576");
  }
  request.min_sample_members =
      static_cast<std::uint64_t>(min_mb * (1 << 20) / sizeof(VertexId));
  request.threads = *threads;
  request.replicates = flags["greedy-replicates"].as<int>();
  absl::StatusOr<PlacementConstraints> constraints =
      ConstraintsFromFlags(flags, *setup, in_place, *key);
  if (!constraints.ok()) return constraints.status();
  request.constraints = *std::move(constraints);

  absl::StatusOr<Placement> placement;
  const auto start = std::chrono::steady_clock::now();
  {
    ProgressBar bar("placing");
    request.progress = [&bar](std::int64_t done, std::int64_t total) {
      bar.Update(done, total);
    };
    placement = PlaceLeaders(graph, setup->scenario, request);
  }
  if (!placement.ok()) return placement.status();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();

  PlacementResult result;
  result.set_strategy(std::string(StrategyName(placement->strategy)));
  result.set_objective(objective_name);
  result.set_guarantee(placement->guarantee);
  result.set_constraints(DescribeConstraints(request.constraints));
  result.set_budget(request.constraints.budget);
  result.set_epsilon(request.epsilon);
  result.set_seconds(seconds);
  std::vector<std::string> leaders;
  for (VertexId v : request.constraints.existing) {
    result.add_leaders_in_place(graph.teacher_id(v));
    leaders.push_back(graph.teacher_id(v));
  }
  double total_cost = 0;
  for (std::size_t i = 0; i < placement->chosen.size(); ++i) {
    const VertexId v = placement->chosen[i];
    PlacedLeader* l = result.add_leaders();
    l->set_teacher_id(graph.teacher_id(v));
    l->set_school_id(graph.school_id(graph.school_of(v)));
    l->set_school_name(graph.school_name(graph.school_of(v)));
    l->set_role(std::string(RoleFileName(graph.role(v))));
    if (i < placement->gains.size()) l->set_gain(placement->gains[i]);
    if (request.constraints.has_costs()) {
      l->set_cost(request.constraints.cost[v]);
      total_cost += request.constraints.cost[v];
    }
    leaders.push_back(graph.teacher_id(v));
  }
  if (request.constraints.has_costs()) result.set_total_cost(total_cost);
  if (placement->has_opim) {
    const OpimResult& o = placement->opim;
    result.set_samples(o.samples);
    result.set_sample_bytes(o.sample_bytes);
    result.set_lower_bound(o.lower);
    result.set_upper_bound(o.upper);
    result.set_certified_ratio(o.upper > 0 ? o.lower / o.upper : 0);
  }
  result.set_replicates_per_evaluation(placement->replicates);

  // The honest estimate: the scenario's own Monte Carlo, as simulate runs
  // it, whose draws are independent of those that chose (the reverse
  // samples' are another purpose of the generator; the greedy runs on a
  // seed of its own).
  Scenario estimate = setup->scenario;
  estimate.clear_leaders();
  for (const std::string& id : leaders) estimate.add_leaders(id);
  {
    ProgressBar bar("estimating");
    RunOptions run;
    run.threads = *threads;
    run.max_memory_bytes = *max_memory;
    run.draws = DrawMode::kStream;  // as simulate draws by default
    run.per_leader = true;
    run.progress = [&bar](std::int64_t done, std::int64_t total) {
      bar.Update(done, total);
    };
    absl::StatusOr<RunResult> mc = RunScenario(graph, estimate, run);
    if (!mc.ok()) return mc.status();
    *result.mutable_estimate() = *std::move(mc);
  }
  if (absl::Status s =
          CompareWithCurrent(graph, setup->scenario, in_place, estimate,
                             *threads, *max_memory, result);
      !s.ok()) {
    return s;
  }
  result.set_equity_reached(SchoolEquity(result.estimate(), false));
  result.set_equity_adopting(SchoolEquity(result.estimate(), true));
  std::int32_t title_i_teachers = 0;
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    title_i_teachers += graph.school_title_i(graph.school_of(v));
  }
  if (title_i_teachers > 0) {
    absl::flat_hash_set<std::string> title_i;
    for (std::uint32_t s = 0; s < graph.num_schools(); ++s) {
      if (graph.school_title_i(s)) title_i.insert(graph.school_id(s));
    }
    double reached = 0;
    double adopters = 0;
    for (const SchoolReach& school : result.estimate().schools()) {
      if (!title_i.contains(school.school_id())) continue;
      reached += school.reached().mean();
      adopters += school.adopting().mean();
    }
    result.set_title_i_teachers(title_i_teachers);
    result.set_title_i_reached(reached);
    result.set_title_i_adopting(adopters);
  }

  std::string output;
  if (*format == "json") {
    absl::StatusOr<std::string> json = ToJson(result);
    if (!json.ok()) return json.status();
    output = *std::move(json);
  } else {
    output = FormatPlacement(result);
  }
  std::vector<std::pair<std::string, std::string>> files;
  if (flags.count("leaders-out") > 0) {
    const std::string path = flags["leaders-out"].as<std::string>();
    files.emplace_back(path, LeadersScenario(*setup, path, leaders, result));
  }
  return EmitOutput(flags, output, std::move(files));
}

}  // namespace

Command PlaceCommand() {
  return {"place",
          "choose where the next N teacher leaders go, with guarantees under\n"
          "             a district's constraints",
          kHelp, AddFlags, Run};
}

}  // namespace collabnet::cli
