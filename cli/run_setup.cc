#include "cli/run_setup.h"

#include <filesystem>
#include <iostream>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cli/commands.h"
#include "ingest/district_io.h"
#include "ingest/edge_list.h"
#include "ingest/embedded_default.h"
#include "ingest/threshold_csv.h"

namespace collabnet::cli {
namespace {

namespace po = boost::program_options;

std::optional<Model> ParseModel(const std::string& name) {
  if (name == "multi_channel") return MULTI_CHANNEL_CASCADE;
  if (name == "ic") return INDEPENDENT_CASCADE;
  if (name == "wc") return WEIGHTED_CASCADE;
  if (name == "lt") return LINEAR_THRESHOLD;
  if (name == "cc") return COMPLEX_CONTAGION;
  return std::nullopt;
}

// The scenario to run, before flags override it, and the folder its
// relative district path is relative to.
absl::StatusOr<Scenario> LoadScenario(const po::variables_map& flags,
                                      std::string& scenario_dir) {
  if (flags.count("scenario") > 0) {
    const std::string path = flags["scenario"].as<std::string>();
    scenario_dir = std::filesystem::path(path).parent_path().string();
    return ReadScenario(path);
  }
  if (flags.count("graph") > 0) {
    Scenario plain;
    plain.set_name("plain");
    plain.set_model(INDEPENDENT_CASCADE);
    plain.set_replicates(10000);
    plain.set_seed(1);
    return plain;
  }
  return EmbeddedScenario();
}

// Calls set with the value of `flag` when it was given.
template <typename T, typename Set>
void IfGiven(const po::variables_map& flags, const char* flag, Set set) {
  if (flags.count(flag) > 0) set(flags[flag].as<T>());
}

// Applies the flags that replace scenario fields. Returns a usage message
// when the flags do not fit together.
std::optional<std::string> ApplyOverrides(const po::variables_map& flags,
                                          Scenario& scenario) {
  if (flags.count("model") > 0) {
    const std::optional<Model> model =
        ParseModel(flags["model"].as<std::string>());
    if (!model) {
      return absl::StrCat(
          "--model must be multi_channel, ic, wc, lt or cc, got '",
          flags["model"].as<std::string>(), "'");
    }
    scenario.set_model(*model);
  }
  if (flags.count("p") > 0) scenario.set_probability(flags["p"].as<double>());
  if (flags.count("k") > 0) {
    scenario.set_contagion_threshold(flags["k"].as<int>());
  }
  if (flags.count("fraction") > 0) {
    scenario.set_contagion_fraction(flags["fraction"].as<double>());
  }
  if (scenario.model() == COMPLEX_CONTAGION && flags.count("p") == 0 &&
      scenario.probability() == 0) {
    scenario.set_probability(1.0);  // Centola and Macy's deterministic form
  }
  if (scenario.model() == COMPLEX_CONTAGION &&
      scenario.contagion_threshold() == 0 &&
      scenario.contagion_fraction() == 0) {
    return "complex contagion needs --k (colleagues) or --fraction";
  }
  if (flags["use-weights"].as<bool>()) scenario.set_use_tie_weights(true);
  if (flags["channel-probabilities"].as<bool>()) {
    if (scenario.model() != INDEPENDENT_CASCADE) {
      return "--channel-probabilities is for the independent cascade "
             "(--model ic)";
    }
    scenario.set_channel_probabilities(true);
  }
  if (scenario.model() == INDEPENDENT_CASCADE && scenario.probability() == 0 &&
      flags.count("p") == 0 && !scenario.channel_probabilities()) {
    return "the independent cascade needs --p, the probability per tie, or "
           "--channel-probabilities";
  }
  if (flags.count("graph") > 0 && scenario.model() == MULTI_CHANNEL_CASCADE) {
    return "the multi-channel cascade needs a district with typed ties; with "
           "--graph use --model ic, wc, lt or cc";
  }
  if (flags.count("graph") > 0 && flags.count("district") > 0) {
    return "give --graph or --district, not both";
  }
  if (flags.count("leaders") > 0) {
    scenario.clear_leaders();
    for (absl::string_view id : absl::StrSplit(
             flags["leaders"].as<std::string>(), ',', absl::SkipWhitespace())) {
      scenario.add_leaders(std::string(id));
    }
  }
  IfGiven<int>(flags, "replicates", [&](int v) { scenario.set_replicates(v); });
  IfGiven<std::uint64_t>(flags, "seed",
                         [&](std::uint64_t v) { scenario.set_seed(v); });
  IfGiven<int>(flags, "horizon", [&](int v) { scenario.set_horizon_weeks(v); });
  IfGiven<double>(flags, "lapse",
                  [&](double v) { scenario.set_lapse_probability(v); });
  IfGiven<double>(flags, "credibility",
                  [&](double v) { scenario.set_leader_credibility(v); });
  IfGiven<double>(flags, "same-school",
                  [&](double v) { scenario.set_same_school_multiplier(v); });
  IfGiven<double>(flags, "same-grade",
                  [&](double v) { scenario.set_same_grade_multiplier(v); });
  IfGiven<double>(flags, "same-subject",
                  [&](double v) { scenario.set_same_subject_multiplier(v); });
  IfGiven<int>(flags, "leader-capacity", [&](int v) {
    scenario.mutable_leader_capacity()->set_teachers_per_term(v);
  });
  IfGiven<int>(flags, "teaching-weeks", [&](int v) {
    scenario.mutable_calendar()->set_teaching_weeks(v);
  });
  IfGiven<int>(flags, "term-weeks",
               [&](int v) { scenario.mutable_calendar()->set_term_weeks(v); });
  IfGiven<int>(flags, "plc-every", [&](int v) {
    scenario.mutable_calendar()->set_plc_every_weeks(v);
  });
  if (flags.count("pd-weeks") > 0) {
    const std::string spec = flags["pd-weeks"].as<std::string>();
    Calendar& calendar = *scenario.mutable_calendar();
    calendar.clear_pd_weeks();
    for (absl::string_view w : absl::StrSplit(spec, ',')) {
      int week = 0;
      if (!absl::SimpleAtoi(w, &week)) {
        return absl::StrCat("--pd-weeks '", spec,
                            "': expected weeks of the school year, e.g. "
                            "1,8,15,22,29,36");
      }
      calendar.add_pd_weeks(week);
    }
  }
  if (flags.count("broadcast") > 0) {
    // WEEKS:P, e.g. 6,12,18:0.05
    const std::string spec = flags["broadcast"].as<std::string>();
    const std::vector<std::string> parts = absl::StrSplit(spec, ':');
    Broadcast broadcast;
    double q = 0;
    bool ok = parts.size() == 2 && absl::SimpleAtod(parts[1], &q);
    broadcast.set_probability(q);
    for (absl::string_view w : absl::StrSplit(ok ? parts[0] : "", ',')) {
      int week = 0;
      ok = ok && absl::SimpleAtoi(w, &week);
      broadcast.add_weeks(week);
    }
    if (!ok) {
      return absl::StrCat("--broadcast '", spec,
                          "': expected WEEKS:P, e.g. 6,12,18:0.05");
    }
    *scenario.mutable_broadcast() = broadcast;
  }
  return std::nullopt;
}

// The graph to run on: a plain network, the scenario's district, or the
// embedded one. Notes about what was dropped go to stderr.
absl::StatusOr<DistrictGraph> LoadGraph(const po::variables_map& flags,
                                        const Scenario& scenario,
                                        const std::string& scenario_dir) {
  if (flags.count("graph") > 0) {
    const std::string graph_path = flags["graph"].as<std::string>();
    absl::StatusOr<DistrictFormat> format = DistrictFormatOf(graph_path);
    if (!format.ok()) return format.status();
    if (*format == DistrictFormat::kEdgeList) {
      // Straight into the frozen graph: no District in between, so a
      // network of millions of ties reads at parsing speed.
      EdgeListOptions options;
      options.directed = flags["directed"].as<bool>();
      if (flags.count("nodes") > 0) {
        options.nodes_path = flags["nodes"].as<std::string>();
      }
      EdgeListReport report;
      absl::StatusOr<DistrictGraph> graph =
          ReadEdgeListGraph(graph_path, options, {}, &report);
      if (graph.ok() && report.self_loops_dropped > 0) {
        std::cerr << "collabnet: note: " << report.self_loops_dropped
                  << " self-loops dropped\n";
      }
      if (graph.ok() && report.node_columns_not_used > 0) {
        std::cerr << "collabnet simulate: note: the nodes file's columns "
                     "after 'node school' were not used\n";
      }
      return graph;
    }
    NetworkReadOptions options;
    options.directed = flags["directed"].as<bool>();
    if (flags.count("nodes") > 0) {
      options.nodes_path = flags["nodes"].as<std::string>();
      options.partition_path = options.nodes_path;
    }
    NetworkReadReport report;
    absl::StatusOr<District> network =
        ReadDistrict(graph_path, nullptr, options, &report);
    if (!network.ok()) return network.status();
    for (const std::string& note : report.notes) {
      std::cerr << "collabnet: note: " << note << "\n";
    }
    FreezeOptions freeze;
    freeze.require_channels = false;
    FreezeStats stats;
    absl::StatusOr<DistrictGraph> graph =
        FreezeDistrict(*network, freeze, &stats);
    if (!graph.ok()) {
      return absl::Status(
          graph.status().code(),
          absl::StrCat(graph_path, ": ", graph.status().message()));
    }
    if (stats.self_loops_dropped > 0) {
      std::cerr << "collabnet: note: " << stats.self_loops_dropped
                << " self-loops dropped\n";
    }
    return graph;
  }
  std::string path;
  if (flags.count("district") > 0) {
    path = flags["district"].as<std::string>();
  } else if (!scenario.district().empty()) {
    path = (std::filesystem::path(scenario_dir) / scenario.district()).string();
  }
  FreezeStats stats;
  absl::StatusOr<DistrictGraph> graph;
  if (absl::StatusOr<DistrictFormat> format = DistrictFormatOf(path);
      !path.empty() && format.ok() && *format == DistrictFormat::kCsvDir) {
    // A CSV folder streams straight into the graph: no District message.
    graph = ReadDistrictCsvGraph(path, {}, &stats);
    if (!graph.ok()) return graph.status();
  } else {
    absl::StatusOr<District> district =
        path.empty() ? EmbeddedDistrict() : ReadDistrict(path);
    if (!district.ok()) return district.status();
    graph = FreezeDistrict(*district, {}, &stats);
  }
  if (!graph.ok()) {
    return absl::Status(graph.status().code(),
                        absl::StrCat(path.empty() ? "embedded district" : path,
                                     ": ", graph.status().message()));
  }
  if (stats.self_loops_dropped > 0) {
    std::cerr << "collabnet: note: " << stats.self_loops_dropped
              << " self-loop ties (a teacher tied to themself) were dropped\n";
  }
  return graph;
}

}  // namespace

void AddRunFlags(po::options_description& options) {
  // clang-format off
  options.add_options()
      ("scenario", po::value<std::string>(),
       "scenario file (text protobuf); default: the embedded default scenario")
      ("district", po::value<std::string>(),
       "district: a folder of CSV files, .pb, .textproto, or a network file "
       "whose ties name their channels (.graphml, .gexf, .net, .dl); "
       "default: the scenario's district, or the embedded sample district")
      ("graph", po::value<std::string>(),
       "a plain network instead of a district, for --model ic, wc, lt or cc: "
       "an edge list ('u v [weight]' per line; .gz allowed), .graphml, "
       ".gexf, .net, .dl or .contacts")
      ("nodes", po::value<std::string>(),
       "with --graph: for an edge list, a 'node school' file giving node "
       "order and schools; for Pajek, the .clu partition")
      ("directed", po::bool_switch(),
       "with --graph: edge and contact list ties point from the first node "
       "to the second")
      ("model", po::value<std::string>(),
       "multi_channel (districts only), ic (independent cascade, --p), wc "
       "(weighted cascade, 1/in-degree), lt (linear threshold) or cc "
       "(complex contagion, --k or --fraction); default: the scenario's, or "
       "ic with --graph")
      ("p", po::value<double>(),
       "ic: probability per tie; cc: probability an exposure lands "
       "(default 1)")
      ("k", po::value<int>(),
       "cc: distinct exposing colleagues needed to adopt")
      ("fraction", po::value<double>(),
       "cc: share of a teacher's colleagues needed, when --k is 0")
      ("channel-probabilities", po::bool_switch(),
       "ic: each tie's probability is its channel's, from the scenario's "
       "channels (a district's typed ties), instead of --p")
      ("use-weights", po::bool_switch(),
       "ic: multiply p by the tie weight (capped at 1); lt: weigh in-ties by "
       "their weight")
      ("leaders", po::value<std::string>(),
       "comma-separated teacher ids that adopt at week 0, replacing the "
       "scenario's")
      ("seeds", po::value<std::string>(),
       "file of seed teacher ids (whitespace- or comma-separated), replacing "
       "the scenario's leaders")
      ("replicates", po::value<int>(),
       "Monte Carlo replicates, replacing the scenario's")
      ("seed", po::value<std::uint64_t>(),
       "random seed, replacing the scenario's")
      ("broadcast", po::value<std::string>(),
       "multi_channel: WEEKS:P, a district-wide PD broadcast on those weeks "
       "reaching each teacher not yet reached with probability P (e.g. "
       "6,12,18:0.05), replacing the scenario's")
      ("credibility", po::value<double>(),
       "every model: multiplies the ties of teacher leaders and coaches "
       "(1: none), replacing the scenario's")
      ("same-school", po::value<double>(),
       "every model: multiplies ties within a school (1: none)")
      ("same-grade", po::value<double>(),
       "every model: multiplies ties between teachers sharing a grade")
      ("same-subject", po::value<double>(),
       "every model: multiplies ties between teachers sharing a subject")
      ("leader-capacity", po::value<int>(),
       "multi_channel: new teachers each leader can support a term over "
       "coaching and co-teaching; the rest wait for the next term (0: no "
       "limit)")
      ("pd-weeks", po::value<std::string>(),
       "multi_channel: weeks of the school year with a PD day (e.g. "
       "1,8,15,22,29,36); PD contacts land on them only, and a broadcast "
       "without weeks falls on them")
      ("plc-every", po::value<int>(),
       "multi_channel: PLCs meet every N weeks; PLC contacts land on meeting "
       "weeks only")
      ("teaching-weeks", po::value<int>(),
       "multi_channel: teaching weeks in a school year (default 36)")
      ("term-weeks", po::value<int>(),
       "multi_channel: weeks in a term, for --leader-capacity (default a "
       "third of the year)")
      ("thresholds", po::value<std::string>(),
       "lt: CSV of given thresholds (teacher,threshold in [0, 1]); teachers "
       "not listed draw theirs at random")
      ("lapse", po::value<double>(),
       "multi_channel: weekly probability that an adopter abandons the "
       "practice, replacing the scenario's")
      ("horizon", po::value<int>(),
       "weeks to simulate (0: until the cascade dies out), replacing the "
       "scenario's")
      ("threads", po::value<int>()->default_value(0),
       "worker threads (0: every core); results do not depend on it");
  // clang-format on
}

std::optional<int> PrepareRun(const std::string& command,
                              const po::variables_map& flags, RunSetup& setup) {
  std::string scenario_dir;
  absl::StatusOr<Scenario> scenario = LoadScenario(flags, scenario_dir);
  if (!scenario.ok()) return ReportError(command, scenario.status());
  if (std::optional<std::string> usage = ApplyOverrides(flags, *scenario)) {
    std::cerr << "collabnet " << command << ": " << *usage << "\n";
    return kExitUsage;
  }
  if (flags.count("seeds") > 0) {
    absl::StatusOr<std::vector<std::string>> ids =
        ReadIdList(flags["seeds"].as<std::string>());
    if (!ids.ok()) return ReportError(command, ids.status());
    scenario->clear_leaders();
    for (const std::string& id : *ids) scenario->add_leaders(id);
  }
  if (scenario->leaders().empty()) {
    return ReportError(
        command, absl::InvalidArgumentError(
                     "the scenario has no leaders; list them in the scenario "
                     "(leaders: \"T0001\"), with --leaders T0001,T0002 or "
                     "with --seeds FILE"));
  }
  if (flags.count("thresholds") > 0 && scenario->model() != LINEAR_THRESHOLD) {
    std::cerr << "collabnet " << command
              << ": --thresholds is for the linear threshold model (--model "
                 "lt)\n";
    return kExitUsage;
  }
  absl::StatusOr<DistrictGraph> graph =
      LoadGraph(flags, *scenario, scenario_dir);
  if (!graph.ok()) return ReportError(command, graph.status());
  if (flags.count("thresholds") > 0) {
    const std::string path = flags["thresholds"].as<std::string>();
    absl::StatusOr<std::vector<GivenThreshold>> given = ReadThresholdCsv(path);
    if (!given.ok()) return ReportError(command, given.status());
    scenario->clear_thresholds();
    for (const GivenThreshold& t : *given) {
      if (!graph->FindTeacher(t.teacher)) {
        return ReportError(
            command, absl::InvalidArgumentError(absl::StrCat(
                         path, ":", t.line, ": field 'teacher': found '",
                         t.teacher, "'; expected a teacher of the network")));
      }
      (*scenario->mutable_thresholds())[t.teacher] = t.threshold;
    }
  }
  setup.scenario = *std::move(scenario);
  setup.graph = *std::move(graph);
  return std::nullopt;
}

}  // namespace collabnet::cli
