// A synthetic district generator: seeded, parameterised, from 100 teachers to
// a whole state, with the collaboration layers of a real district.
//
// Each school gets grade-level (elementary) or subject (secondary) PLCs of
// 4-8 teachers, co-teaching pairs, peer observations and advice ties inside
// the school; teacher leaders coach colleagues and facilitate PD sessions
// that teachers from across the district attend; a social-media layer grows
// by preferential attachment, so its degrees are heavy-tailed. Attendance,
// observations, advice and coaching prefer a similar context (same school
// level, grade or subject), as the case study reports.
//
// "Featured" leaders model the case study's four co-teaching teachers: two
// co-teach at school 0, and one co-teaches at each of schools 1 and 2; they
// lead more PD, coach more colleagues and have more followers.
//
// The same options and seed always give the same district.
#ifndef COLLABNET_SYNTHETIC_GENERATOR_H_
#define COLLABNET_SYNTHETIC_GENERATOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "proto/district.pb.h"

namespace collabnet {

struct GeneratorOptions {
  std::uint64_t seed = 1;
  std::string name = "generated";
  int schools = 41;
  int teachers = 1400;
  double elementary_share = 0.66;  // the rest split between middle and high
  double middle_share = 0.15;
  double title_i_share = 0.75;
  double pbis_share = 27.0 / 41.0;
  double ready_share = 0.30;
  int plc_min = 4;
  int plc_max = 8;
  double co_teaching_share = 0.04;  // of teachers, in pairs
  double observations_per_teacher = 1.5;
  double advice_per_teacher = 1.5;
  double cross_school_advice_share = 0.15;
  double leader_share = 40.0 / 1400;  // teacher-leader positions
  double leader_caseload = 8;         // teachers coached per leader (mean)
  double leader_pd_sessions = 1.5;    // sessions facilitated per leader
  double pd_session_size = 25;        // attendees per session (mean)
  double social_share = 0.45;         // teachers active on social media
  double follows_per_member = 6;      // accounts each member follows (mean)
  // The case study's co-teaching leaders; 0 for none.
  int featured_leaders = 4;
  int featured_pd_sessions = 6;  // one per PD day
  int featured_session_size = 30;
  int featured_caseload = 24;
  int featured_followers = 45;
};

struct GeneratedDistrict {
  District district;
  std::vector<std::string> featured_leaders;  // teacher ids
};

// InvalidArgument when an option is out of range (for example, fewer
// teachers than 4 per school, or shares outside [0, 1]).
absl::Status CheckGeneratorOptions(const GeneratorOptions& options);

// Fails with CheckGeneratorOptions's error, or InvalidArgument when the
// options fit together but the district cannot be made (schools too small
// for the featured co-teachers).
absl::StatusOr<GeneratedDistrict> GenerateDistrict(
    const GeneratorOptions& options);

}  // namespace collabnet

#endif  // COLLABNET_SYNTHETIC_GENERATOR_H_
