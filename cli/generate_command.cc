#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "ingest/district_io.h"
#include "ingest/generator.h"

namespace collabnet::cli {
namespace {

namespace po = boost::program_options;

constexpr char kSummary[] =
    "Makes a synthetic district: schools with grade or subject PLCs,\n"
    "co-teaching, peer observation, advice, coaching by teacher leaders, PD\n"
    "sessions across the district and a heavy-tailed social-media layer.\n"
    "The same flags and seed always give the same district. The defaults\n"
    "match the case study (41 schools, 1,400 educators, 40 teacher leaders,\n"
    "four featured co-teaching leaders). Prints the featured leaders' ids.";

}  // namespace

int RunGenerate(const std::vector<std::string>& args) {
  const std::string command = "generate";
  GeneratorOptions o;
  po::options_description options("Flags");
  // clang-format off
  options.add_options()
      ("out", po::value<std::string>()->required(),
       "where to write: a folder (CSV files), a .pb or a .textproto")
      ("name", po::value<std::string>(&o.name)->default_value(o.name),
       "district name")
      ("seed", po::value<std::uint64_t>(&o.seed)->default_value(o.seed),
       "random seed")
      ("schools", po::value<int>(&o.schools)->default_value(o.schools),
       "number of schools")
      ("teachers", po::value<int>(&o.teachers)->default_value(o.teachers),
       "number of educators, at least 4 per school")
      ("elementary-share",
       po::value<double>(&o.elementary_share)->default_value(o.elementary_share),
       "share of schools that are elementary (K-6)")
      ("middle-share",
       po::value<double>(&o.middle_share)->default_value(o.middle_share),
       "share of schools that are middle schools; the rest are high schools")
      ("title-i-share",
       po::value<double>(&o.title_i_share)->default_value(o.title_i_share),
       "share of schools that are Title I")
      ("pbis-share", po::value<double>(&o.pbis_share)->default_value(o.pbis_share),
       "share of schools running PBIS")
      ("ready-share",
       po::value<double>(&o.ready_share)->default_value(o.ready_share),
       "share of schools ready for teacher-led learning (readiness 0.6-1; "
       "others 0.05-0.45)")
      ("plc-min", po::value<int>(&o.plc_min)->default_value(o.plc_min),
       "smallest PLC split off a larger grade or subject group")
      ("plc-max", po::value<int>(&o.plc_max)->default_value(o.plc_max),
       "largest PLC")
      ("co-teaching-share",
       po::value<double>(&o.co_teaching_share)->default_value(o.co_teaching_share),
       "share of teachers in co-teaching pairs")
      ("observations",
       po::value<double>(&o.observations_per_teacher)
           ->default_value(o.observations_per_teacher),
       "peer observations made per teacher (mean)")
      ("advice",
       po::value<double>(&o.advice_per_teacher)
           ->default_value(o.advice_per_teacher),
       "colleagues named for advice per teacher (mean)")
      ("cross-school-advice",
       po::value<double>(&o.cross_school_advice_share)
           ->default_value(o.cross_school_advice_share),
       "share of advice ties to another school")
      ("leader-share",
       po::value<double>(&o.leader_share)->default_value(o.leader_share),
       "share of educators in teacher-leader positions")
      ("caseload",
       po::value<double>(&o.leader_caseload)->default_value(o.leader_caseload),
       "teachers coached per leader (mean)")
      ("pd-sessions",
       po::value<double>(&o.leader_pd_sessions)
           ->default_value(o.leader_pd_sessions),
       "PD sessions facilitated per leader (mean)")
      ("pd-size",
       po::value<double>(&o.pd_session_size)->default_value(o.pd_session_size),
       "attendees per PD session (mean)")
      ("social-share",
       po::value<double>(&o.social_share)->default_value(o.social_share),
       "share of teachers on social media")
      ("follows",
       po::value<double>(&o.follows_per_member)
           ->default_value(o.follows_per_member),
       "accounts each social-media member follows (mean)")
      ("featured-leaders",
       po::value<int>(&o.featured_leaders)->default_value(o.featured_leaders),
       "co-teaching leaders as in the case study (0-4)")
      ("featured-pd-sessions",
       po::value<int>(&o.featured_pd_sessions)
           ->default_value(o.featured_pd_sessions),
       "PD sessions each featured leader facilitates")
      ("featured-session-size",
       po::value<int>(&o.featured_session_size)
           ->default_value(o.featured_session_size),
       "attendees at each of their sessions")
      ("featured-caseload",
       po::value<int>(&o.featured_caseload)->default_value(o.featured_caseload),
       "teachers each featured leader coaches")
      ("featured-followers",
       po::value<int>(&o.featured_followers)
           ->default_value(o.featured_followers),
       "social-media followers of each featured leader");
  // clang-format on
  po::variables_map flags;
  if (auto code = ParseFlags(command, kSummary, options, args, flags)) {
    return *code;
  }
  absl::StatusOr<GeneratedDistrict> generated = GenerateDistrict(o);
  if (!generated.ok()) return ReportError(command, generated.status());
  const std::string out = flags["out"].as<std::string>();
  if (absl::Status s = WriteDistrict(generated->district, out); !s.ok()) {
    return ReportError(command, s);
  }
  std::cerr << "collabnet generate: wrote " << out << ": "
            << generated->district.schools_size() << " schools, "
            << generated->district.teachers_size() << " teachers, "
            << generated->district.ties_size() << " ties\n";
  if (!generated->featured_leaders.empty()) {
    std::cout << "featured leaders: "
              << absl::StrJoin(generated->featured_leaders, ",") << "\n";
  }
  return kExitOk;
}

}  // namespace collabnet::cli
