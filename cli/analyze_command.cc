#include <array>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "cli/command.h"
#include "cli/flags.h"
#include "cli/progress.h"
#include "cli/run_setup.h"
#include "measures/analysis.h"
#include "proto/channel_names.h"
#include "report/json.h"
#include "report/measures_csv.h"
#include "report/measures_text.h"

namespace collabnet::cli {
namespace {

namespace po = boost::program_options;

constexpr char kHelp[] =
    "Measures a district's collaboration network, or any network collabnet\n"
    "reads, as education researchers report it: per teacher (degree and\n"
    "strength, by channel too; betweenness, closeness, harmonic centrality,\n"
    "PageRank, eigenvector centrality, k-core, local clustering, Burt's\n"
    "constraint, the E-I index, community, Gould and Fernandez's brokerage\n"
    "roles between schools), per school (ties within and across, density,\n"
    "reciprocity, E-I index, isolates, the share within two ties of a\n"
    "leader) and for the whole network (density, reciprocity, transitivity,\n"
    "components, degree centralisation, assortativity by school,\n"
    "communities by Leiden and Louvain with their modularity and how they\n"
    "cut across schools). Definitions are igraph's, brokerage R sna's\n"
    "(docs/measures.md). A pair of teachers tied in several channels is one\n"
    "tie, its weight their sum; --channels keeps only some.\n"
    "  collabnet analyze\n"
    "  collabnet analyze --district d/ --channels plc,co_teaching \\\n"
    "      --teachers-out teachers.csv --schools-out schools.csv\n"
    "  collabnet analyze --graph net.edges --format json --out m.json";

const OutputFlags kOutput{{"text", "json", "csv"},
                          "text (a summary), json (the AnalysisResult "
                          "message) or csv (one row per teacher)"};

void AddFlags(po::options_description& options) {
  AddNetworkFlags(options);
  kOutput.Add(options);
  AddThreadsFlag(options);
  // clang-format off
  options.add_options()
      ("channels", po::value<std::string>(),
       "comma-separated channels whose ties are measured (co_teaching, plc, "
       "observation, coaching, pd_workshop, social_media, advice); default: "
       "every tie")
      ("teachers-out", po::value<std::string>(),
       "also write the per-teacher measures as CSV to this file")
      ("schools-out", po::value<std::string>(),
       "also write the per-school measures as CSV to this file")
      ("seed", po::value<SeedFlag>()->default_value(SeedFlag{1}),
       "random seed of the community searches")
      ("community-starts", po::value<int>()->default_value(10),
       "starts of each community search (Leiden, Louvain), the most "
       "modular partition kept: milliseconds each on a district, seconds "
       "on a state of 300,000 teachers")
      ("max-all-pairs", po::value<std::int64_t>()->default_value(50000),
       "betweenness, closeness and harmonic centrality search from every "
       "teacher: on a network of more teachers they are left out (and the "
       "output says so)");
  // clang-format on
}

absl::StatusOr<std::vector<Channel>> ChannelsFlag(const Flags& flags) {
  std::vector<Channel> channels;
  if (flags.count("channels") == 0) return channels;
  for (absl::string_view name : absl::StrSplit(
           flags["channels"].as<std::string>(), ',', absl::SkipWhitespace())) {
    name = absl::StripAsciiWhitespace(name);
    const std::optional<Channel> c = ParseChannel(name);
    if (!c || *c == CHANNEL_UNSPECIFIED) {
      return UsageError(absl::StrCat("--channels: '", name,
                                     "' is not a channel; the channels are ",
                                     ChannelFileNames()));
    }
    channels.push_back(*c);
  }
  if (channels.empty()) return UsageError("--channels names no channel");
  return channels;
}

absl::Status Run(const Flags& flags) {
  absl::StatusOr<std::string> format = kOutput.Format(flags);
  if (!format.ok()) return format.status();
  absl::StatusOr<int> threads = ThreadsFlag(flags);
  if (!threads.ok()) return threads.status();
  absl::StatusOr<std::vector<Channel>> channels = ChannelsFlag(flags);
  if (!channels.ok()) return channels.status();
  const int starts = flags["community-starts"].as<int>();
  if (starts < 1 || starts > 1000) {
    return UsageError("--community-starts must be from 1 to 1000");
  }
  const std::int64_t max_all_pairs = flags["max-all-pairs"].as<std::int64_t>();
  if (max_all_pairs < 0 || max_all_pairs > 0xffffffffLL) {
    return UsageError("--max-all-pairs must be from 0 to 4294967295");
  }

  absl::StatusOr<NetworkSetup> setup = PrepareNetwork(flags);
  if (!setup.ok()) return setup.status();
  PrintNotes("analyze", setup->notes);
  if (setup->graph.num_vertices() == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(flags.count("graph") > 0 ? flags["graph"].as<std::string>()
                                              : setup->district_path,
                     ": the network has no teachers to measure"));
  }

  if (!channels->empty()) {
    std::array<bool, kNumChannels> present{};
    for (std::uint8_t c : setup->graph.channels()) present[c] = true;
    bool any = false;
    for (int c = 1; c < kNumChannels; ++c) any |= present[c];
    if (!any) {
      return UsageError(
          "--channels: this network's ties name no channel (a plain network "
          "has none); leave --channels out to measure every tie");
    }
    for (Channel c : *channels) {
      if (!present[c]) {
        std::cerr << "collabnet analyze: note: no tie of channel "
                  << ChannelFileName(c) << "\n";
      }
    }
  }

  AnalysisOptions options;
  options.channels = *channels;
  options.leaders = setup->leaders;
  options.seed = flags["seed"].as<SeedFlag>().value;
  options.community_starts = flags["community-starts"].as<int>();
  options.threads = *threads;
  options.all_pairs_limit = static_cast<VertexId>(max_all_pairs);
  absl::StatusOr<AnalysisResult> result;
  {
    ProgressBar bar("measuring");
    options.progress = [&bar](std::int64_t done, std::int64_t total) {
      bar.Update(done, total);
    };
    result = AnalyzeNetwork(setup->graph, options);
  }
  if (!result.ok()) return result.status();

  std::string output;
  if (*format == "json") {
    absl::StatusOr<std::string> json = ToJson(*result);
    if (!json.ok()) return json.status();
    output = *std::move(json);
  } else if (*format == "csv") {
    output = FormatTeacherMeasuresCsv(*result);
  } else {
    output = FormatAnalysisSummary(*result);
  }
  std::vector<std::pair<std::string, std::string>> files;
  if (flags.count("teachers-out") > 0) {
    files.emplace_back(flags["teachers-out"].as<std::string>(),
                       FormatTeacherMeasuresCsv(*result));
  }
  if (flags.count("schools-out") > 0) {
    files.emplace_back(flags["schools-out"].as<std::string>(),
                       FormatSchoolMeasuresCsv(*result));
  }
  return EmitOutput(flags, output, std::move(files));
}

}  // namespace

Command AnalyzeCommand() {
  return {"analyze",
          "network measures per teacher, per school and for the district",
          kHelp, AddFlags, Run};
}

}  // namespace collabnet::cli
