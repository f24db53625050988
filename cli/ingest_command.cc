#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "cli/command.h"
#include "cli/flags.h"
#include "formats/district_io.h"
#include "graph/district_graph.h"
#include "io/csv_table.h"
#include "records/pseudonymize.h"
#include "records/source_ingest.h"

namespace collabnet::cli {
namespace {

namespace po = boost::program_options;

constexpr char kHelp[] =
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

// The flag of each source layout.
constexpr std::pair<const char*, SourceKind> kSources[] = {
    {"plc", SourceKind::kPlc},
    {"observations", SourceKind::kObservations},
    {"co-teaching", SourceKind::kCoTeaching},
    {"coaching", SourceKind::kCoaching},
    {"pd", SourceKind::kPd},
    {"social", SourceKind::kSocial},
    {"advice", SourceKind::kAdvice},
};

void AddFlags(po::options_description& options) {
  // clang-format off
  options.add_options()
      ("roster", po::value<std::string>()->required(),
       "teachers: id,school[,grades,subjects,role,name]")
      ("schools", po::value<std::string>(),
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
      ("half-life", po::value<double>(),
       "recency half-life in days: a record this old counts half")
      ("off-roster", po::value<std::string>()->default_value("error"),
       "a record naming someone not on the roster: error, drop or keep (as "
       "a teacher of school off_roster)")
      ("fold-case", po::bool_switch(),
       "match ids ignoring case (the roster's spelling is kept)")
      ("coaching-weight", po::value<std::string>()->default_value("sessions"),
       "a coaching record counts one session, or its hours (needs minutes)")
      ("name", po::value<std::string>(), "the district's name")
      ("max-group-ties",
       po::value<std::int64_t>()->default_value(IngestOptions().max_group_ties),
       "refuse a PLC group whose members would make more ties than this, "
       "each with each (0: no limit)")
      ("out", po::value<std::string>()->required(),
       "district to write: a folder (CSV), .pb, .textproto, .graphml, .gexf, "
       ".net or .dl");
  // clang-format on
  AddPseudonymizeFlag(options);
  AddThreadsFlag(options);
}

absl::Status Run(const Flags& flags) {
  IngestOptions o;
  o.roster_path = flags["roster"].as<std::string>();
  if (flags.count("schools") > 0) {
    o.schools_path = flags["schools"].as<std::string>();
  }
  if (flags.count("name") > 0) o.name = flags["name"].as<std::string>();
  o.fold_case = flags["fold-case"].as<bool>();
  o.max_group_ties = flags["max-group-ties"].as<std::int64_t>();
  if (o.max_group_ties < 0) {
    return UsageError("--max-group-ties: expected a count of ties, or 0");
  }
  for (const auto& [flag, kind] : kSources) {
    if (flags.count(flag) == 0) continue;
    for (const std::string& path : flags[flag].as<std::vector<std::string>>()) {
      o.sources.push_back({kind, path});
    }
  }
  for (const char* name : {"since", "until"}) {
    if (flags.count(name) == 0) continue;
    absl::StatusOr<absl::CivilDay> day =
        ParseDayFlag(name, flags[name].as<std::string>());
    if (!day.ok()) return UsageError(day.status().message());
    (name[0] == 's' ? o.since : o.until) = *day;
  }
  if (flags.count("half-life") > 0) {
    o.half_life_days = flags["half-life"].as<double>();
    if (!(o.half_life_days > 0)) {
      return UsageError("--half-life: expected a positive number of days");
    }
  }
  const std::string off_roster = flags["off-roster"].as<std::string>();
  if (off_roster == "error") {
    o.off_roster = OffRosterPolicy::kError;
  } else if (off_roster == "drop") {
    o.off_roster = OffRosterPolicy::kDrop;
  } else if (off_roster == "keep") {
    o.off_roster = OffRosterPolicy::kKeep;
  } else {
    return UsageError("--off-roster: found '" + off_roster +
                      "'; expected error, drop or keep");
  }
  const std::string coaching_weight =
      flags["coaching-weight"].as<std::string>();
  if (coaching_weight == "sessions") {
    o.coaching_weight = CoachingWeight::kSessions;
  } else if (coaching_weight == "hours") {
    o.coaching_weight = CoachingWeight::kHours;
  } else {
    return UsageError("--coaching-weight: found '" + coaching_weight +
                      "'; expected sessions or hours");
  }
  absl::StatusOr<int> threads = ThreadsFlag(flags);
  if (!threads.ok()) return threads.status();
  o.threads = *threads;
  absl::StatusOr<std::string> key_flag = PseudonymKeyFlag(flags);
  if (!key_flag.ok()) return key_flag.status();
  const std::string key = *key_flag;
  const std::string out = flags["out"].as<std::string>();
  if (absl::StatusOr<DistrictFormat> f = DistrictFormatOf(out); !f.ok()) {
    return UsageError(f.status().message());
  }
  // The options are all flags: what cannot fit is a usage error.
  if (absl::Status s = CheckIngestOptions(o); !s.ok()) {
    return UsageError(s.message());
  }

  IngestReport report;
  // The ties are held compactly and made messages one at a time as they
  // are checked and written: a state's records make millions of them.
  District district;
  IngestedTies ties;
  if (absl::Status s = IngestSources(o, district, ties, &report); !s.ok()) {
    return s;
  }
  // Nothing is written that simulate would refuse: the roster is checked
  // here, and each tie (whose ends are the roster's) as it is written, so
  // under --pseudonymize a refused tie is named by its number and
  // pseudonyms.
  if (absl::Status s = CheckDistrict(district); !s.ok()) return s;
  if (!key.empty()) {
    if (absl::Status s = PseudonymizeDistrict(key, district); !s.ok()) {
      return s;
    }
  }
  if (absl::Status s = WriteDistrict(district, FieldCheckedTies(ties), out);
      !s.ok()) {
    return s;
  }
  std::cerr << "collabnet ingest: " << FormatIngestReport(report);
  if (!key.empty()) {
    std::cerr << "  teacher ids pseudonymised, names dropped\n";
  }
  std::cerr << "  written to " << out << "\n";
  return absl::OkStatus();
}

}  // namespace

Command IngestCommand() {
  return {"ingest",
          "merge a district's records (roster, PLCs, observations,\n"
          "             co-teaching, coaching, PD, social media, advice) into "
          "one district",
          kHelp, AddFlags, Run};
}

}  // namespace collabnet::cli
