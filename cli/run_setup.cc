#include "cli/run_setup.h"

#include <filesystem>
#include <iostream>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "cli/flags.h"
#include "data/embedded_default.h"
#include "formats/district_io.h"
#include "formats/edge_list.h"
#include "google/protobuf/util/message_differencer.h"
#include "io/input_file.h"
#include "io/text_proto.h"
#include "records/pseudonymize.h"
#include "scenario/scenario_file.h"
#include "scenario/teacher_numbers_csv.h"
#include "sim/validate_scenario.h"
#include "text/number_text.h"

namespace collabnet::cli {
namespace {

namespace po = boost::program_options;

// Models by their flag names.
struct ModelName {
  const char* flag;
  Scenario::ModelCase model;
  IndependentCascadeParams::Probabilities probabilities;
};
constexpr ModelName kModels[] = {
    {"multi_channel", Scenario::kMultiChannel, {}},
    {"ic", Scenario::kIndependentCascade, IndependentCascadeParams::UNIFORM},
    {"wc", Scenario::kIndependentCascade,
     IndependentCascadeParams::WEIGHTED_CASCADE},
    {"lt", Scenario::kLinearThreshold, {}},
    {"cc", Scenario::kComplexContagion, {}},
};

// Empties the scenario's model block and starts one for `model`.
void SwitchModel(Scenario& s, Scenario::ModelCase model) {
  switch (model) {
    case Scenario::kMultiChannel:
      s.mutable_multi_channel();
      break;
    case Scenario::kIndependentCascade:
      s.mutable_independent_cascade();
      break;
    case Scenario::kLinearThreshold:
      s.mutable_linear_threshold();
      break;
    case Scenario::kComplexContagion:
      s.mutable_complex_contagion();
      break;
    default:
      break;
  }
}

absl::Status ParseWeeks(const std::string& flag, absl::string_view spec,
                        absl::string_view example,
                        google::protobuf::RepeatedField<std::int32_t>& out) {
  out.Clear();
  for (absl::string_view w : absl::StrSplit(spec, ',')) {
    int week = 0;
    if (!absl::SimpleAtoi(w, &week)) {
      return UsageError(absl::StrCat("--", flag, " '", spec,
                                     "': expected weeks, e.g. ", example));
    }
    out.Add(week);
  }
  return absl::OkStatus();
}

// A flag that sets a parameter of one or more models. `set` runs only when
// the flag was given and the scenario runs one of `models`.
struct ModelFlag {
  const char* flag;
  std::initializer_list<Scenario::ModelCase> models;
  const char* models_text;  // for the message when it does not apply
  absl::Status (*set)(const Flags& flags, Scenario& s);
};

template <typename T>
const T& Value(const Flags& flags, const char* flag) {
  return flags[flag].as<T>();
}

const ModelFlag kModelFlags[] = {
    {"p",
     {Scenario::kIndependentCascade, Scenario::kComplexContagion},
     "the independent cascade (--model ic) and complex contagion (cc)",
     [](const Flags& f, Scenario& s) {
       if (s.has_complex_contagion()) {
         s.mutable_complex_contagion()->set_probability(Value<double>(f, "p"));
       } else if (s.independent_cascade().probabilities() !=
                  IndependentCascadeParams::UNIFORM) {
         return UsageError(
             "--p is the one probability of every tie; the weighted cascade "
             "(--model wc) and --channel-probabilities set theirs otherwise");
       } else {
         s.mutable_independent_cascade()->set_probability(
             Value<double>(f, "p"));
       }
       return absl::OkStatus();
     }},
    {"k",
     {Scenario::kComplexContagion},
     "complex contagion (--model cc)",
     [](const Flags& f, Scenario& s) {
       s.mutable_complex_contagion()->set_threshold(Value<int>(f, "k"));
       return absl::OkStatus();
     }},
    {"fraction",
     {Scenario::kComplexContagion},
     "complex contagion (--model cc)",
     [](const Flags& f, Scenario& s) {
       s.mutable_complex_contagion()->set_fraction(
           Value<double>(f, "fraction"));
       return absl::OkStatus();
     }},
    {"use-weights",
     {Scenario::kIndependentCascade, Scenario::kLinearThreshold},
     "the independent cascade (--model ic) and the linear threshold (lt)",
     [](const Flags&, Scenario& s) {
       if (s.has_linear_threshold()) {
         s.mutable_linear_threshold()->set_use_tie_weights(true);
       } else {
         s.mutable_independent_cascade()->set_use_tie_weights(true);
       }
       return absl::OkStatus();
     }},
    {"channel-probabilities",
     {Scenario::kIndependentCascade},
     "the independent cascade (--model ic)",
     [](const Flags&, Scenario& s) {
       if (s.independent_cascade().probabilities() ==
           IndependentCascadeParams::WEIGHTED_CASCADE) {
         return UsageError(
             "--channel-probabilities sets each tie's probability from its "
             "channel; the weighted cascade (--model wc) sets it to 1 / "
             "in-degree: give one or the other");
       }
       s.mutable_independent_cascade()->set_probabilities(
           IndependentCascadeParams::CHANNELS);
       return absl::OkStatus();
     }},
    {"lapse",
     {Scenario::kMultiChannel},
     "the multi-channel model",
     [](const Flags& f, Scenario& s) {
       s.mutable_multi_channel()->set_lapse_probability(
           Value<double>(f, "lapse"));
       return absl::OkStatus();
     }},
    {"leader-capacity",
     {Scenario::kMultiChannel},
     "the multi-channel model",
     [](const Flags& f, Scenario& s) {
       s.mutable_multi_channel()
           ->mutable_leader_capacity()
           ->set_teachers_per_term(Value<int>(f, "leader-capacity"));
       return absl::OkStatus();
     }},
    {"teaching-weeks",
     {Scenario::kMultiChannel},
     "the multi-channel model",
     [](const Flags& f, Scenario& s) {
       s.mutable_multi_channel()->mutable_calendar()->set_teaching_weeks(
           Value<int>(f, "teaching-weeks"));
       return absl::OkStatus();
     }},
    {"term-weeks",
     {Scenario::kMultiChannel},
     "the multi-channel model",
     [](const Flags& f, Scenario& s) {
       s.mutable_multi_channel()->mutable_calendar()->set_term_weeks(
           Value<int>(f, "term-weeks"));
       return absl::OkStatus();
     }},
    {"plc-every",
     {Scenario::kMultiChannel},
     "the multi-channel model",
     [](const Flags& f, Scenario& s) {
       s.mutable_multi_channel()->mutable_calendar()->set_plc_every_weeks(
           Value<int>(f, "plc-every"));
       return absl::OkStatus();
     }},
    {"pd-weeks",
     {Scenario::kMultiChannel},
     "the multi-channel model",
     [](const Flags& f, Scenario& s) {
       return ParseWeeks(
           "pd-weeks", Value<std::string>(f, "pd-weeks"), "1,8,15,22,29,36",
           *s.mutable_multi_channel()->mutable_calendar()->mutable_pd_weeks());
     }},
    {"broadcast",
     {Scenario::kMultiChannel},
     "the multi-channel model",
     [](const Flags& f, Scenario& s) {
       // WEEKS:P, e.g. 6,12,18:0.05
       const std::string spec = Value<std::string>(f, "broadcast");
       const std::vector<std::string> parts = absl::StrSplit(spec, ':');
       Broadcast broadcast;
       double q = 0;
       if (parts.size() != 2 || !ParseNumber(parts[1], &q) ||
           !ParseWeeks("broadcast", parts[0], "6,12,18:0.05",
                       *broadcast.mutable_weeks())
                .ok()) {
         return UsageError(absl::StrCat(
             "--broadcast '", spec, "': expected WEEKS:P, e.g. 6,12,18:0.05"));
       }
       broadcast.set_probability(q);
       *s.mutable_multi_channel()->mutable_broadcast() = broadcast;
       return absl::OkStatus();
     }},
};

bool Given(const Flags& flags, const char* flag) {
  if (flags.count(flag) == 0) return false;
  // Switches are present with false when not given.
  const boost::any& v = flags[flag].value();
  if (const bool* b = boost::any_cast<bool>(&v)) return *b;
  return true;
}

// Calls set with the value of `flag` when it was given.
template <typename T, typename Set>
void IfGiven(const Flags& flags, const char* flag, Set set) {
  if (flags.count(flag) > 0) set(flags[flag].as<T>());
}

// The scenario to run, before flags override it, and the folder its
// relative district path is relative to.
absl::StatusOr<Scenario> LoadScenario(const Flags& flags,
                                      std::string& scenario_dir) {
  if (flags.count("scenario") > 0) {
    const std::string path = flags["scenario"].as<std::string>();
    scenario_dir = std::filesystem::path(path).parent_path().string();
    return ReadScenario(path);
  }
  if (flags.count("graph") > 0) {
    // A plain network runs the textbook model: an independent cascade whose
    // probability the flags give.
    Scenario plain;
    plain.set_name("plain");
    plain.mutable_independent_cascade();
    plain.set_replicates(10000);
    plain.set_seed(1);
    return plain;
  }
  return EmbeddedScenario();
}

// Applies the flags that choose the model and set its parameters.
// `from_flags` says whether the model block was made here rather than read.
absl::Status ApplyModelFlags(const Flags& flags, Scenario& s,
                             std::vector<std::string>& notes,
                             bool& from_flags) {
  from_flags = flags.count("scenario") == 0 && flags.count("graph") > 0;
  if (flags.count("model") > 0) {
    const std::string name = flags["model"].as<std::string>();
    const ModelName* model = nullptr;
    for (const ModelName& m : kModels) {
      if (name == m.flag) model = &m;
    }
    if (model == nullptr) {
      return UsageError(absl::StrCat(
          "--model must be multi_channel, ic, wc, lt or cc, got '", name, "'"));
    }
    const bool same_block = s.model_case() == model->model;
    const bool same =
        same_block && (model->model != Scenario::kIndependentCascade ||
                       (s.independent_cascade().probabilities() ==
                        IndependentCascadeParams::WEIGHTED_CASCADE) ==
                           (model->probabilities ==
                            IndependentCascadeParams::WEIGHTED_CASCADE));
    if (!same) {
      if (s.model_case() != Scenario::MODEL_NOT_SET && !from_flags) {
        notes.push_back(absl::StrCat("--model ", name, ": the scenario's ",
                                     ScenarioModelName(s),
                                     " parameters do not apply and are left "
                                     "out"));
      }
      s.clear_model();
      SwitchModel(s, model->model);
      if (model->model == Scenario::kIndependentCascade) {
        s.mutable_independent_cascade()->set_probabilities(
            model->probabilities);
      }
      from_flags = true;
    }
  }
  for (const ModelFlag& f : kModelFlags) {
    if (!Given(flags, f.flag)) continue;
    bool applies = false;
    for (Scenario::ModelCase m : f.models) applies |= s.model_case() == m;
    if (!applies) {
      return UsageError(
          absl::StrCat("--", f.flag, " applies to ", f.models_text,
                       " only; this scenario runs ", ScenarioModelName(s)));
    }
    if (absl::Status st = f.set(flags, s); !st.ok()) return st;
  }
  if (from_flags && !s.channels().empty() && !ScenarioUsesChannels(s)) {
    notes.push_back(absl::StrCat("--model: ", ScenarioModelName(s),
                                 " does not use the scenario's channel "
                                 "parameters; they are left out"));
    s.clear_channels();
  }
  if (from_flags && !s.has_multi_channel()) {
    bool delays = false;
    for (ChannelParams& c : *s.mutable_channels()) {
      delays |= c.has_mean_delay_weeks();
      c.clear_mean_delay_weeks();
    }
    if (delays) {
      notes.push_back(absl::StrCat("--model: ", ScenarioModelName(s),
                                   " has no clock; the channels' mean delays "
                                   "are left out"));
    }
  }
  return absl::OkStatus();
}

// A model made from flags needs the flags (or the sweep) that give its
// parameters.
absl::Status CheckModelGiven(const Scenario& s, bool from_flags) {
  if (from_flags && s.has_independent_cascade() &&
      s.independent_cascade().probabilities() ==
          IndependentCascadeParams::UNIFORM &&
      !s.independent_cascade().has_probability()) {
    return UsageError(
        "the independent cascade needs --p, the probability per tie, or "
        "--channel-probabilities (or --model wc for 1 / in-degree)");
  }
  if (from_flags && s.has_complex_contagion() &&
      s.complex_contagion().rule_case() ==
          ComplexContagionParams::RULE_NOT_SET) {
    return UsageError("complex contagion needs --k (colleagues) or --fraction");
  }
  return absl::OkStatus();
}

// Applies the flags that replace shared scenario fields.
absl::Status ApplySharedFlags(const Flags& flags, Scenario& s) {
  if (flags.count("leaders") > 0 && flags.count("seeds") > 0) {
    return UsageError("give --leaders or --seeds, not both");
  }
  if (flags.count("leaders") > 0) {
    s.clear_leaders();
    for (absl::string_view id : absl::StrSplit(
             flags["leaders"].as<std::string>(), ',', absl::SkipWhitespace())) {
      s.add_leaders(std::string(absl::StripAsciiWhitespace(id)));
    }
  }
  if (flags.count("seeds") > 0) {
    absl::StatusOr<std::vector<std::string>> ids =
        ReadIdList(flags["seeds"].as<std::string>());
    if (!ids.ok()) return ids.status();
    s.clear_leaders();
    for (const std::string& id : *ids) s.add_leaders(id);
  }
  IfGiven<int>(flags, "replicates", [&](int v) { s.set_replicates(v); });
  IfGiven<SeedFlag>(flags, "seed",
                    [&](const SeedFlag& v) { s.set_seed(v.value); });
  IfGiven<int>(flags, "horizon", [&](int v) { s.set_horizon(v); });
  IfGiven<double>(flags, "credibility",
                  [&](double v) { s.set_leader_credibility(v); });
  IfGiven<double>(flags, "same-school",
                  [&](double v) { s.set_same_school_multiplier(v); });
  IfGiven<double>(flags, "same-grade",
                  [&](double v) { s.set_same_grade_multiplier(v); });
  IfGiven<double>(flags, "same-subject",
                  [&](double v) { s.set_same_subject_multiplier(v); });
  return absl::OkStatus();
}

// The district file or folder the flags and scenario name: --district, or
// the scenario's, relative to the scenario file; "" for the embedded one.
std::string DistrictPath(const Flags& flags, const Scenario& scenario,
                         const std::string& scenario_dir) {
  if (flags.count("district") > 0) return flags["district"].as<std::string>();
  if (scenario.district().empty()) return "";
  return (std::filesystem::path(scenario_dir) / scenario.district()).string();
}

// The graph to run on: a plain network, the scenario's district, or the
// embedded one.
// `require_channels`: a district's ties must name their channels (the
// multi-channel model needs them; the measures do not).
absl::StatusOr<DistrictGraph> LoadGraph(const Flags& flags,
                                        const Scenario& scenario,
                                        const std::string& scenario_dir,
                                        std::vector<std::string>& notes,
                                        RosterColumn& extra,
                                        bool require_channels = true) {
  absl::StatusOr<DuplicateTies> duplicates = DuplicatesFlag(flags);
  if (!duplicates.ok()) return duplicates.status();
  auto note_repeats = [&](std::int64_t repeated) {
    if (std::string n = RepeatedTiesNote(repeated, *duplicates); !n.empty()) {
      notes.push_back(std::move(n));
    }
  };
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
      } else {
        options.nodes_path = FindNodesSibling(graph_path);
        if (!options.nodes_path.empty()) {
          notes.push_back("nodes and schools from " + options.nodes_path);
        }
      }
      EdgeListReport report;
      FreezeOptions freeze;
      freeze.duplicates = *duplicates;
      absl::StatusOr<DistrictGraph> graph =
          ReadEdgeListGraph(graph_path, options, freeze, &report);
      if (graph.ok()) note_repeats(report.repeated_ties);
      if (graph.ok() && report.self_loops_dropped > 0) {
        notes.push_back(
            absl::StrCat(report.self_loops_dropped, " self-loops dropped"));
      }
      if (graph.ok() && report.node_columns_not_used > 0) {
        notes.push_back(
            "the nodes file's columns after 'node school' were not used");
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
    notes.insert(notes.end(), report.notes.begin(), report.notes.end());
    FreezeOptions freeze;
    freeze.require_channels = false;
    freeze.duplicates = *duplicates;
    FreezeStats stats;
    absl::StatusOr<DistrictGraph> graph =
        FreezeDistrict(*network, freeze, &stats);
    if (!graph.ok()) {
      return absl::Status(
          graph.status().code(),
          absl::StrCat(graph_path, ": ", graph.status().message()));
    }
    note_repeats(stats.repeated_ties);
    if (stats.self_loops_dropped > 0) {
      notes.push_back(
          absl::StrCat(stats.self_loops_dropped, " self-loops dropped"));
    }
    return graph;
  }
  const std::string path = DistrictPath(flags, scenario, scenario_dir);
  FreezeStats stats;
  FreezeOptions freeze;
  freeze.duplicates = *duplicates;
  freeze.require_channels = require_channels;
  absl::StatusOr<DistrictGraph> graph;
  if (absl::StatusOr<DistrictFormat> format = DistrictFormatOf(path);
      !path.empty() && format.ok() && *format == DistrictFormat::kCsvDir) {
    // A CSV folder streams straight into the graph: no District message.
    // The roster column asked for is read with teachers.csv (elsewhere
    // there is none, and extra.file stays empty).
    CsvReadReport report;
    report.extra_teacher_column = extra.name;
    graph = ReadDistrictCsvGraph(path, freeze, &stats, &report);
    if (!graph.ok()) return graph.status();
    extra.file = (std::filesystem::path(path) / "teachers.csv").string();
    extra.cells = std::move(report.extra_cells);
  } else {
    NetworkReadReport report;
    absl::StatusOr<District> district =
        path.empty() ? EmbeddedDistrict()
                     : ReadDistrict(path, nullptr, {}, &report);
    if (!district.ok()) return district.status();
    notes.insert(notes.end(), report.notes.begin(), report.notes.end());
    graph = FreezeDistrict(*district, freeze, &stats);
  }
  if (!graph.ok()) {
    return absl::Status(graph.status().code(),
                        absl::StrCat(path.empty() ? "embedded district" : path,
                                     ": ", graph.status().message()));
  }
  note_repeats(stats.repeated_ties);
  if (stats.self_loops_dropped > 0) {
    notes.push_back(absl::StrCat(stats.self_loops_dropped,
                                 " self-loop ties (a teacher tied to "
                                 "themself) were dropped"));
  }
  return graph;
}

}  // namespace

void AddNetworkFlags(po::options_description& options) {
  // clang-format off
  options.add_options()
      ("scenario", po::value<std::string>(),
       "scenario file (text protobuf); default: the embedded default scenario")
      ("district", po::value<std::string>(),
       "district: a folder of CSV files, .pb, .textproto, or a network file "
       "whose ties name their channels (.graphml, .gexf, .net, .dl); "
       "default: the scenario's district, or the embedded sample district")
      ("graph", po::value<std::string>(),
       "a plain network instead of a district (to simulate, with --model ic, "
       "wc, lt or cc): "
       "an edge list ('u v [weight]' per line; .gz allowed), .graphml, "
       ".gexf, .net, .dl or .contacts")
      ("nodes", po::value<std::string>(),
       "with --graph: for an edge list, a 'node school' file giving node "
       "order and schools; for Pajek, the .clu partition")
      ("directed", po::bool_switch(),
       "with --graph: edge and contact list ties point from the first node "
       "to the second")
      ("leaders", po::value<std::string>(),
       "comma-separated teacher ids of the leaders (active from the start "
       "of a run), replacing the scenario's")
      ("seeds", po::value<std::string>(),
       "file of seed teacher ids (whitespace- or comma-separated), replacing "
       "the scenario's leaders");
  // clang-format on
  AddDuplicatesFlag(options);
  AddPseudonymizeFlag(
      options,
      "the district was pseudonymised with this key (KEY, or @FILE): the "
      "leaders, seeds and thresholds given are the ids before it, and are "
      "mapped through the same keyed hash");
}

void AddRunFlags(po::options_description& options) {
  AddNetworkFlags(options);
  // clang-format off
  options.add_options()
      ("observed", po::value<std::string>(),
       "what the district observed, to compare the run with: an Observed "
       "message (text protobuf: source, direct_reach, categories); a "
       "scenario's own observed figures are compared only on its own "
       "district")
      ("model", po::value<std::string>(),
       "multi_channel (districts only), ic (independent cascade, --p), wc "
       "(weighted cascade, 1/in-degree), lt (linear threshold) or cc "
       "(complex contagion, --k or --fraction); default: the scenario's, or "
       "ic with --graph. A model other than the scenario's leaves out the "
       "scenario's parameters of its own model")
      ("p", po::value<double>(),
       "ic: probability per tie; cc: probability an exposure lands "
       "(default 1)")
      ("k", po::value<int>(),
       "cc: distinct exposing colleagues needed to adopt")
      ("fraction", po::value<double>(),
       "cc: share of a teacher's colleagues needed, instead of --k")
      ("channel-probabilities", po::bool_switch(),
       "ic: each tie's probability is its channel's, from the scenario's "
       "channels (a district's typed ties), instead of --p")
      ("use-weights", po::bool_switch(),
       "ic: multiply p by the tie weight (capped at 1); lt: weigh in-ties by "
       "their weight")
      ("thresholds", po::value<std::string>(),
       "lt: CSV of given thresholds (teacher,threshold in [0, 1]); teachers "
       "not listed draw theirs at random")
      ("replicates", po::value<int>(),
       "Monte Carlo replicates, replacing the scenario's")
      ("seed", po::value<SeedFlag>(),
       "random seed, replacing the scenario's")
      ("horizon", po::value<int>(),
       "weeks (multi_channel) or rounds (the others) to simulate; 0: until "
       "nothing changes; replacing the scenario's")
      ("credibility", po::value<double>(),
       "every model: multiplies the ties of teacher leaders and coaches "
       "(1: none), replacing the scenario's")
      ("same-school", po::value<double>(),
       "every model: multiplies ties within a school (1: none)")
      ("same-grade", po::value<double>(),
       "every model: multiplies ties between teachers sharing a grade")
      ("same-subject", po::value<double>(),
       "every model: multiplies ties between teachers sharing a subject")
      ("lapse", po::value<double>(),
       "multi_channel: weekly probability that an adopter abandons the "
       "practice, replacing the scenario's")
      ("broadcast", po::value<std::string>(),
       "multi_channel: WEEKS:P, a district-wide PD broadcast on those weeks "
       "reaching each teacher not yet reached with probability P (e.g. "
       "6,12,18:0.05), replacing the scenario's")
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
       "third of the year)");
  // clang-format on
}

// Edit distance, for suggesting the ids nearest to one that is not there.
std::size_t EditDistance(absl::string_view a, absl::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// "; the nearest ids are T0014, T0041" (or nothing when none is near).
std::string NearestIds(const DistrictGraph& graph, absl::string_view id) {
  std::vector<std::pair<std::size_t, VertexId>> near;
  const std::size_t within = std::max<std::size_t>(2, id.size() / 3);
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    const std::size_t d = EditDistance(id, graph.teacher_id(v));
    if (d <= within) near.emplace_back(d, v);
  }
  if (near.empty()) return "";
  std::sort(near.begin(), near.end());
  if (near.size() > 3) near.resize(3);
  std::vector<std::string> ids;
  ids.reserve(near.size());
  for (const auto& [d, v] : near) ids.push_back(graph.teacher_id(v));
  return absl::StrCat("; the nearest ", ids.size() == 1 ? "id is " : "ids are ",
                      absl::StrJoin(ids, ", "));
}

absl::Status CheckLeaderIds(const std::vector<std::string>& ids,
                            const DistrictGraph& graph,
                            absl::string_view from) {
  for (const std::string& id : ids) {
    if (graph.FindTeacher(id)) continue;
    return absl::InvalidArgumentError(absl::StrCat(from, ": teacher '", id,
                                                   "' is not in the network",
                                                   NearestIds(graph, id)));
  }
  return absl::OkStatus();
}

// Every leader must be a teacher of the graph; the error says which flag
// (or the scenario) named the one that is not, and the ids nearest it.
absl::Status CheckLeaders(const Flags& flags, const Scenario& scenario,
                          const DistrictGraph& graph) {
  const std::string from =
      flags.count("leaders") > 0 ? "--leaders"
      : flags.count("seeds") > 0
          ? absl::StrCat("--seeds ", flags["seeds"].as<std::string>())
          : "the scenario's leaders";
  return CheckLeaderIds({scenario.leaders().begin(), scenario.leaders().end()},
                        graph, from);
}

// With --pseudonymize, the leaders the planner names (by --leaders,
// --seeds or the scenario) are mapped through the keyed hash that
// pseudonymised the district, so it runs with the ids the planner knows.
absl::Status PseudonymizeLeaders(const std::string& key, Scenario& scenario) {
  if (key.empty()) return absl::OkStatus();
  for (std::string& id : *scenario.mutable_leaders()) id = Pseudonym(key, id);
  return absl::OkStatus();
}

// The figures a run is compared with. A scenario's `observed` is of the
// district it names; a run on another (--district, --graph) leaves them
// out, unless --observed FILE gives the other district's own.
absl::Status ApplyObserved(const Flags& flags, Scenario& scenario,
                           std::vector<std::string>& notes) {
  if (flags.count("observed") > 0) {
    const std::string path = flags["observed"].as<std::string>();
    absl::StatusOr<std::string> text =
        ReadInputToString(path, std::int64_t{1} << 20,
                          InputFile::Content::kText, "the observed figures");
    if (!text.ok()) return text.status();
    Observed observed;
    if (absl::Status s = ParseTextProto(*text, path, observed); !s.ok()) {
      return s;
    }
    *scenario.mutable_observed() = std::move(observed);
    return absl::OkStatus();
  }
  const bool other_network =
      flags.count("district") > 0 || flags.count("graph") > 0;
  if (other_network && scenario.has_observed()) {
    notes.push_back(absl::StrCat(
        "the scenario's observed figures",
        scenario.observed().source().empty()
            ? std::string()
            : absl::StrCat(" (", scenario.observed().source(), ")"),
        " are of its own district, not of the one given, so they are not "
        "compared; --observed FILE gives this district's"));
    scenario.clear_observed();
  }
  return absl::OkStatus();
}

// The names of the fields whose values differ between two scenarios.
absl::flat_hash_set<std::string> ChangedFields(const Scenario& a,
                                               const Scenario& b) {
  class Names : public google::protobuf::util::MessageDifferencer::Reporter {
   public:
    explicit Names(absl::flat_hash_set<std::string>& out) : out_(out) {}
    using Path =
        std::vector<google::protobuf::util::MessageDifferencer::SpecificField>;
    void ReportAdded(const google::protobuf::Message&,
                     const google::protobuf::Message&,
                     const Path& path) override {
      Add(path);
    }
    void ReportDeleted(const google::protobuf::Message&,
                       const google::protobuf::Message&,
                       const Path& path) override {
      Add(path);
    }
    void ReportModified(const google::protobuf::Message&,
                        const google::protobuf::Message&,
                        const Path& path) override {
      Add(path);
    }

   private:
    void Add(const Path& path) {
      for (const auto& f : path) {
        if (f.field != nullptr) out_.insert(f.field->name());
      }
    }
    absl::flat_hash_set<std::string>& out_;
  };
  absl::flat_hash_set<std::string> out;
  Names names(out);
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesTo(&names);
  differencer.Compare(a, b);
  return out;
}

// Whether `error`, of the scenario run, is the scenario file's own: the
// field it names (ValidateScenario's "field 'NAME'") holds what the file
// gave; for an error naming no field, the file as read (`as_read`, its
// leaders mapped as the run's are) fails the same way.
bool IsTheFiles(const absl::Status& error, const Scenario& as_read,
                const Scenario& run, const DistrictGraph& graph) {
  const absl::string_view message = error.message();
  const std::size_t at = message.find("field '");
  if (at != absl::string_view::npos) {
    const std::size_t start = at + 7;
    const std::size_t end = message.find('\'', start);
    if (end != absl::string_view::npos) {
      return !ChangedFields(as_read, run)
                  .contains(message.substr(start, end - start));
    }
  }
  return ValidateScenario(graph, as_read).message() == message;
}

absl::StatusOr<RunSetup> PrepareRun(const Flags& flags,
                                    const ScenarioEdit& edit) {
  if (flags.count("graph") > 0 && flags.count("district") > 0) {
    return UsageError("give --graph or --district, not both");
  }
  RunSetup setup;
  std::string scenario_dir;
  absl::StatusOr<Scenario> scenario = LoadScenario(flags, scenario_dir);
  if (!scenario.ok()) return scenario.status();
  // What the file said, to tell its mistakes from the flags'.
  Scenario as_read = *scenario;
  bool from_flags = false;
  if (absl::Status s =
          ApplyModelFlags(flags, *scenario, setup.notes, from_flags);
      !s.ok()) {
    return s;
  }
  if (flags.count("graph") > 0 && scenario->has_multi_channel()) {
    return UsageError(
        "the multi-channel cascade needs a district with typed ties; with "
        "--graph use --model ic, wc, lt or cc");
  }
  if (Given(flags, "thresholds") && !scenario->has_linear_threshold()) {
    return UsageError(absl::StrCat(
        "--thresholds applies to the linear threshold (--model lt) only; this "
        "scenario runs ",
        ScenarioModelName(*scenario)));
  }
  if (absl::Status s = ApplySharedFlags(flags, *scenario); !s.ok()) return s;
  if (absl::Status s = ApplyObserved(flags, *scenario, setup.notes); !s.ok()) {
    return s;
  }
  setup.roster_column.name = Given(flags, "cost-column")
                                 ? flags["cost-column"].as<std::string>()
                                 : scenario->placement().cost_column();
  absl::StatusOr<DistrictGraph> graph = LoadGraph(
      flags, *scenario, scenario_dir, setup.notes, setup.roster_column);
  if (!graph.ok()) return graph.status();
  absl::StatusOr<std::string> key = PseudonymKeyFlag(flags);
  if (!key.ok()) return key.status();
  if (flags.count("thresholds") > 0) {
    const std::string path = flags["thresholds"].as<std::string>();
    absl::StatusOr<std::vector<TeacherNumber>> given =
        ReadTeacherNumberCsv(path, kThresholdColumn);
    if (!given.ok()) return given.status();
    auto& thresholds =
        *scenario->mutable_linear_threshold()->mutable_thresholds();
    thresholds.clear();
    for (const TeacherNumber& t : *given) {
      const std::string id =
          key->empty() ? t.teacher : Pseudonym(*key, t.teacher);
      if (!graph->FindTeacher(id)) {
        return absl::InvalidArgumentError(
            absl::StrCat(path, ":", t.line, ": field 'teacher': found '",
                         t.teacher, "'; expected a teacher of the network",
                         key->empty() ? NearestIds(*graph, t.teacher) : ""));
      }
      thresholds[id] = t.value;
    }
  }
  if (absl::Status s = PseudonymizeLeaders(*key, *scenario); !s.ok()) {
    return s;
  }
  if (absl::Status s = CheckLeaders(flags, *scenario, *graph); !s.ok()) {
    return s;
  }
  if (edit) {
    if (absl::Status s = edit(*graph, *scenario); !s.ok()) return s;
  }
  if (absl::Status s = CheckModelGiven(*scenario, from_flags); !s.ok()) {
    return s;
  }
  if (absl::Status s = ValidateScenario(*graph, *scenario); !s.ok()) {
    if (scenario->leaders().empty()) {
      return absl::Status(
          s.code(), absl::StrCat(s.message(),
                                 ", or give --leaders T0001,T0002 or --seeds "
                                 "FILE"));
    }
    // The scenario file's own mistake names the file; one the flags (or
    // the sweep) made is a usage error.
    (void)PseudonymizeLeaders(*key, as_read);
    if (flags.count("scenario") > 0 &&
        IsTheFiles(s, as_read, *scenario, *graph)) {
      return absl::Status(
          s.code(),
          absl::StrCat(flags["scenario"].as<std::string>(), ": ", s.message()));
    }
    return UsageError(absl::StrCat(s.message(), " (as the flags set it)"));
  }
  if (flags.count("graph") == 0) {
    setup.district_path = DistrictPath(flags, *scenario, scenario_dir);
  }
  setup.scenario_dir = scenario_dir;
  setup.scenario = *std::move(scenario);
  setup.graph = *std::move(graph);
  return setup;
}

absl::StatusOr<NetworkSetup> PrepareNetwork(const Flags& flags) {
  if (flags.count("graph") > 0 && flags.count("district") > 0) {
    return UsageError("give --graph or --district, not both");
  }
  NetworkSetup setup;
  std::string scenario_dir;
  absl::StatusOr<Scenario> scenario = LoadScenario(flags, scenario_dir);
  if (!scenario.ok()) return scenario.status();
  // The embedded scenario's leaders are the embedded district's: on
  // another network only a scenario file's or the flags' are meant.
  const bool own_leaders =
      flags.count("scenario") > 0 ||
      (flags.count("graph") == 0 && flags.count("district") == 0);
  if (!own_leaders) scenario->clear_leaders();
  if (absl::Status s = ApplySharedFlags(flags, *scenario); !s.ok()) return s;
  RosterColumn none;
  absl::StatusOr<DistrictGraph> graph =
      LoadGraph(flags, *scenario, scenario_dir, setup.notes, none,
                /*require_channels=*/false);
  if (!graph.ok()) return graph.status();
  absl::StatusOr<std::string> key = PseudonymKeyFlag(flags);
  if (!key.ok()) return key.status();
  if (absl::Status s = PseudonymizeLeaders(*key, *scenario); !s.ok()) {
    return s;
  }
  if (absl::Status s = CheckLeaders(flags, *scenario, *graph); !s.ok()) {
    return s;
  }
  for (const std::string& id : scenario->leaders()) {
    setup.leaders.push_back(*graph->FindTeacher(id));
  }
  if (flags.count("graph") == 0) {
    setup.district_path = DistrictPath(flags, *scenario, scenario_dir);
  }
  setup.graph = *std::move(graph);
  return setup;
}

void PrintNotes(absl::string_view command,
                const std::vector<std::string>& notes) {
  for (const std::string& note : notes) {
    std::cerr << "collabnet " << command << ": note: " << note << "\n";
  }
}

void PrintNotes(absl::string_view command, const RunSetup& setup) {
  PrintNotes(command, setup.notes);
}

}  // namespace collabnet::cli
