#include <iostream>
#include <string>
#include <variant>
#include <vector>

#include "absl/strings/str_join.h"
#include "cli/command.h"
#include "cli/flags.h"
#include "formats/district_io.h"
#include "synthetic/generator.h"
#include "text/count_text.h"

namespace collabnet::cli {
namespace {

namespace po = boost::program_options;

constexpr char kHelp[] =
    "Makes a synthetic district: schools with grade or subject PLCs,\n"
    "co-teaching, peer observation, advice, coaching by teacher leaders, PD\n"
    "sessions across the district and a heavy-tailed social-media layer.\n"
    "The same flags and seed always give the same district. The defaults\n"
    "match the case study (41 schools, 1,400 educators, 40 teacher leaders,\n"
    "four featured co-teaching leaders). Prints the featured leaders' ids.";

// The generator's numeric options, each a flag of its own.
struct Option {
  const char* flag;
  std::variant<int GeneratorOptions::*, double GeneratorOptions::*> field;
  const char* help;
};
const Option kOptions[] = {
    {"schools", &GeneratorOptions::schools, "number of schools"},
    {"teachers", &GeneratorOptions::teachers,
     "number of educators, at least 4 per school"},
    {"elementary-share", &GeneratorOptions::elementary_share,
     "share of schools that are elementary (K-6)"},
    {"middle-share", &GeneratorOptions::middle_share,
     "share of schools that are middle schools; the rest are high schools"},
    {"title-i-share", &GeneratorOptions::title_i_share,
     "share of schools that are Title I"},
    {"pbis-share", &GeneratorOptions::pbis_share,
     "share of schools running PBIS"},
    {"ready-share", &GeneratorOptions::ready_share,
     "share of schools ready for teacher-led learning (readiness 0.6-1; "
     "others 0.05-0.45)"},
    {"plc-min", &GeneratorOptions::plc_min,
     "smallest PLC split off a larger grade or subject group"},
    {"plc-max", &GeneratorOptions::plc_max, "largest PLC"},
    {"co-teaching-share", &GeneratorOptions::co_teaching_share,
     "share of teachers in co-teaching pairs"},
    {"observations", &GeneratorOptions::observations_per_teacher,
     "peer observations made per teacher (mean)"},
    {"advice", &GeneratorOptions::advice_per_teacher,
     "colleagues named for advice per teacher (mean)"},
    {"cross-school-advice", &GeneratorOptions::cross_school_advice_share,
     "share of advice ties to another school"},
    {"leader-share", &GeneratorOptions::leader_share,
     "share of educators in teacher-leader positions"},
    {"caseload", &GeneratorOptions::leader_caseload,
     "teachers coached per leader (mean)"},
    {"pd-sessions", &GeneratorOptions::leader_pd_sessions,
     "PD sessions facilitated per leader (mean)"},
    {"pd-size", &GeneratorOptions::pd_session_size,
     "attendees per PD session (mean)"},
    {"social-share", &GeneratorOptions::social_share,
     "share of teachers on social media"},
    {"follows", &GeneratorOptions::follows_per_member,
     "accounts each social-media member follows (mean)"},
    {"featured-leaders", &GeneratorOptions::featured_leaders,
     "co-teaching leaders as in the case study (0-4)"},
    {"featured-pd-sessions", &GeneratorOptions::featured_pd_sessions,
     "PD sessions each featured leader facilitates"},
    {"featured-session-size", &GeneratorOptions::featured_session_size,
     "attendees at each of their sessions"},
    {"featured-caseload", &GeneratorOptions::featured_caseload,
     "teachers each featured leader coaches"},
    {"featured-followers", &GeneratorOptions::featured_followers,
     "social-media followers of each featured leader"},
};

void AddFlags(po::options_description& options) {
  const GeneratorOptions defaults;
  // clang-format off
  options.add_options()
      ("out", po::value<std::string>()->required(),
       "where to write: a folder (CSV files), a .pb or a .textproto")
      ("name", po::value<std::string>()->default_value(defaults.name),
       "district name")
      ("seed", po::value<SeedFlag>()->default_value(SeedFlag{defaults.seed}),
       "random seed");
  // clang-format on
  for (const Option& o : kOptions) {
    if (const auto* i = std::get_if<int GeneratorOptions::*>(&o.field)) {
      options.add_options()(
          o.flag, po::value<int>()->default_value(defaults.*(*i)), o.help);
    } else {
      const auto d = std::get<double GeneratorOptions::*>(o.field);
      options.add_options()(o.flag, DoubleValue(defaults.*d), o.help);
    }
  }
}

absl::Status Run(const Flags& flags) {
  GeneratorOptions o;
  o.name = flags["name"].as<std::string>();
  o.seed = flags["seed"].as<SeedFlag>().value;
  for (const Option& option : kOptions) {
    if (const auto* i = std::get_if<int GeneratorOptions::*>(&option.field)) {
      o.*(*i) = flags[option.flag].as<int>();
    } else {
      o.*std::get<double GeneratorOptions::*>(option.field) =
          flags[option.flag].as<double>();
    }
  }
  // Every option is a flag: one out of range is a usage error.
  if (absl::Status s = CheckGeneratorOptions(o); !s.ok()) {
    return UsageError(s.message());
  }
  absl::StatusOr<GeneratedDistrict> generated = GenerateDistrict(o);
  if (!generated.ok()) return generated.status();
  const std::string out = flags["out"].as<std::string>();
  if (absl::Status s = WriteDistrict(generated->district, out); !s.ok()) {
    return s;
  }
  std::cerr << "collabnet generate: wrote " << out << ": "
            << Counted(generated->district.schools_size(), "school", "schools")
            << ", "
            << Counted(generated->district.teachers_size(), "teacher",
                       "teachers")
            << ", " << Counted(generated->district.ties_size(), "tie", "ties")
            << "\n";
  if (!generated->featured_leaders.empty()) {
    std::cout << "featured leaders: "
              << absl::StrJoin(generated->featured_leaders, ",") << "\n";
  }
  return absl::OkStatus();
}

}  // namespace

Command GenerateCommand() {
  return {"generate", "make a synthetic district of any size", kHelp, AddFlags,
          Run};
}

}  // namespace collabnet::cli
