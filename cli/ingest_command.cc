#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "graph/district_graph.h"
#include "ingest/csv_table.h"
#include "ingest/district_io.h"
#include "ingest/pseudonymize.h"
#include "ingest/source_ingest.h"

namespace collabnet::cli {
namespace {

namespace po = boost::program_options;

constexpr char kSummary[] =
    "Merges the collaboration records a district keeps into one district:\n"
    "a roster (required), and any of PLC rosters, peer observations,\n"
    "co-teaching, coaching logs, PD attendance, social media and advice\n"
    "surveys, each a CSV file in its documented layout (docs/data-formats.md;\n"
    "examples in data/examples/). Each flag may be repeated. Repeated\n"
    "contacts merge into weighted ties; duplicates, self-ties and records\n"
    "outside the time window are dropped and counted. Nothing is written\n"
    "unless every file reads cleanly.";

absl::StatusOr<absl::CivilDay> ParseDayFlag(const std::string& name,
                                            const std::string& text) {
  absl::CivilDay day;
  if (!IsIsoDate(text) || !absl::ParseCivilTime(text, &day)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--", name, ": found '", text, "'; expected a date YYYY-MM-DD"));
  }
  return day;
}

}  // namespace

int RunIngest(const std::vector<std::string>& args) {
  const std::string command = "ingest";
  IngestOptions o;
  std::string off_roster = "error";
  std::string coaching_weight = "sessions";
  po::options_description options("Flags");
  // clang-format off
  options.add_options()
      ("roster", po::value<std::string>(&o.roster_path)->required(),
       "teachers: id,school[,grades,subjects,role,name]")
      ("schools", po::value<std::string>(&o.schools_path),
       "schools: id[,name,title_i,pbis,readiness]; without it, schools come "
       "from the roster with no attributes")
      ("plc", po::value<std::vector<std::string>>()->composing(),
       "PLC rosters: group,member[,term]")
      ("observations", po::value<std::vector<std::string>>()->composing(),
       "peer observations and learning walks: observer,observed[,date]")
      ("co-teaching", po::value<std::vector<std::string>>()->composing(),
       "co-teaching assignments: teacher_a,teacher_b[,year]")
      ("coaching", po::value<std::vector<std::string>>()->composing(),
       "coaching logs: coach,teacher[,date,minutes]")
      ("pd", po::value<std::vector<std::string>>()->composing(),
       "PD attendance: session,facilitator,attendee[,date]")
      ("social", po::value<std::vector<std::string>>()->composing(),
       "social media: follower,followed[,date] or author,action,target[,time]")
      ("advice", po::value<std::vector<std::string>>()->composing(),
       "advice surveys: respondent,named[,question,date]")
      ("since", po::value<std::string>(),
       "keep records on or after this date (YYYY-MM-DD)")
      ("until", po::value<std::string>(),
       "keep records on or before this date (YYYY-MM-DD)")
      ("half-life", po::value<double>(&o.half_life_days),
       "recency half-life in days: a record this old counts half")
      ("off-roster", po::value<std::string>(&off_roster)->default_value(off_roster),
       "a record naming someone not on the roster: error, drop or keep (as "
       "a teacher of school off_roster)")
      ("fold-case", po::bool_switch(&o.fold_case),
       "match ids ignoring case (the roster's spelling is kept)")
      ("coaching-weight",
       po::value<std::string>(&coaching_weight)->default_value(coaching_weight),
       "a coaching record counts one session, or its hours (needs minutes)")
      ("pseudonymize", po::value<std::string>(),
       "replace teacher ids by keyed hashes and drop names; KEY, or @FILE "
       "to read the key from a file")
      ("name", po::value<std::string>(&o.name), "the district's name")
      ("out", po::value<std::string>()->required(),
       "district to write: a folder (CSV), .pb, .textproto, .graphml, .gexf, "
       ".net or .dl");
  // clang-format on
  po::variables_map flags;
  if (auto code = ParseFlags(command, kSummary, options, args, flags)) {
    return *code;
  }
  const std::pair<const char*, SourceKind> sources[] = {
      {"plc", SourceKind::kPlc},
      {"observations", SourceKind::kObservations},
      {"co-teaching", SourceKind::kCoTeaching},
      {"coaching", SourceKind::kCoaching},
      {"pd", SourceKind::kPd},
      {"social", SourceKind::kSocial},
      {"advice", SourceKind::kAdvice},
  };
  for (const auto& [flag, kind] : sources) {
    if (flags.count(flag) == 0) continue;
    for (const std::string& path : flags[flag].as<std::vector<std::string>>()) {
      o.sources.push_back({kind, path});
    }
  }
  auto usage = [&](const std::string& what) {
    std::cerr << "collabnet " << command << ": " << what << "\n";
    return kExitUsage;
  };
  for (const char* name : {"since", "until"}) {
    if (flags.count(name) == 0) continue;
    absl::StatusOr<absl::CivilDay> day =
        ParseDayFlag(name, flags[name].as<std::string>());
    if (!day.ok()) return usage(std::string(day.status().message()));
    (name[0] == 's' ? o.since : o.until) = *day;
  }
  if (flags.count("half-life") > 0 && !(o.half_life_days > 0)) {
    return usage("--half-life: expected a positive number of days");
  }
  if (off_roster == "error") {
    o.off_roster = OffRosterPolicy::kError;
  } else if (off_roster == "drop") {
    o.off_roster = OffRosterPolicy::kDrop;
  } else if (off_roster == "keep") {
    o.off_roster = OffRosterPolicy::kKeep;
  } else {
    return usage("--off-roster: found '" + off_roster +
                 "'; expected error, drop or keep");
  }
  if (coaching_weight == "sessions") {
    o.coaching_weight = CoachingWeight::kSessions;
  } else if (coaching_weight == "hours") {
    o.coaching_weight = CoachingWeight::kHours;
  } else {
    return usage("--coaching-weight: found '" + coaching_weight +
                 "'; expected sessions or hours");
  }
  absl::StatusOr<std::string> key_flag = PseudonymKeyFlag(flags);
  if (!key_flag.ok()) return ReportError(command, key_flag.status());
  const std::string key = *key_flag;
  const std::string out = flags["out"].as<std::string>();
  if (absl::StatusOr<DistrictFormat> f = DistrictFormatOf(out); !f.ok()) {
    return usage(std::string(f.status().message()));
  }

  IngestReport report;
  absl::StatusOr<District> district = IngestSources(o, &report);
  if (!district.ok()) return ReportError(command, district.status());
  FreezeStats stats;
  if (absl::StatusOr<DistrictGraph> g = FreezeDistrict(*district, {}, &stats);
      !g.ok()) {
    return ReportError(command, g.status());
  }
  if (!key.empty()) {
    if (absl::Status s = PseudonymizeDistrict(key, *district); !s.ok()) {
      return ReportError(command, s);
    }
  }
  if (absl::Status s = WriteDistrict(*district, out); !s.ok()) {
    return ReportError(command, s);
  }
  std::cerr << "collabnet ingest: " << FormatIngestReport(report);
  if (!key.empty()) {
    std::cerr << "  teacher ids pseudonymised, names dropped\n";
  }
  std::cerr << "  written to " << out << "\n";
  return kExitOk;
}

}  // namespace collabnet::cli
