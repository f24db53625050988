// Random districts small enough to check placement against brute force
// and reverse samples against Monte Carlo.
#ifndef COLLABNET_TESTS_PLACE_PLACE_TEST_SUPPORT_H_
#define COLLABNET_TESTS_PLACE_PLACE_TEST_SUPPORT_H_

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "proto/district.pb.h"

namespace collabnet::testing {

// `n` teachers "t0".. in `schools` schools of readiness spread over [0.2,
// 1], about a tenth of them teacher leaders or coaches, and `ties` distinct
// ties over five channels, a quarter of them directed.
inline District RandomDistrict(int n, int schools, int ties,
                               std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  District d;
  d.set_name("random");
  for (int s = 0; s < schools; ++s) {
    School* school = d.add_schools();
    school->set_id(absl::StrCat("s", s));
    school->set_name(absl::StrCat("School ", s));
    school->set_readiness(
        schools == 1 ? 1.0 : std::min(1.0, 0.2 + 0.8 * s / (schools - 1)));
    school->set_title_i(s % 2 == 0);
  }
  for (int v = 0; v < n; ++v) {
    Teacher* t = d.add_teachers();
    t->set_id(absl::StrCat("t", v));
    t->set_school_id(absl::StrCat("s", v % schools));
    t->set_role(v % 10 == 3 ? TEACHER_LEADER : v % 10 == 7 ? COACH : TEACHER);
    t->add_grades(v % 3);
  }
  const Channel channels[] = {PD_WORKSHOP, PLC, CO_TEACHING, SOCIAL_MEDIA,
                              JOB_EMBEDDED_COACHING};
  std::set<std::pair<int, int>> seen;
  std::uniform_int_distribution<int> pick(0, n - 1);
  while (static_cast<int>(seen.size()) < ties) {
    int a = pick(rng);
    int b = pick(rng);
    if (a == b) continue;
    if (a > b) std::swap(a, b);
    if (!seen.insert({a, b}).second) continue;
    Tie* tie = d.add_ties();
    const bool directed = rng() % 4 == 0;
    const bool flip = directed && rng() % 2 == 0;
    tie->set_source(absl::StrCat("t", flip ? b : a));
    tie->set_target(absl::StrCat("t", flip ? a : b));
    tie->set_directed(directed);
    tie->set_channel(channels[rng() % 5]);
  }
  return d;
}

}  // namespace collabnet::testing

#endif  // COLLABNET_TESTS_PLACE_PLACE_TEST_SUPPORT_H_
