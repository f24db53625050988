#include "synthetic/generator.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "random/philox_stream.h"

namespace collabnet {
namespace {

enum class Level { kElementary, kMiddle, kHigh };

struct SchoolPlan {
  Level level;
  int first = 0;  // first teacher index
  int size = 0;
};

struct TeacherPlan {
  int school = 0;
  int key = 0;  // PLC key: the grade (elementary) or the subject (secondary)
  Role role = TEACHER;
  std::vector<int> grades;
  std::string subject;
};

// Sub-stream ids inside the generator's purpose, one per layer, so changing
// one layer's options leaves the others' draws unchanged.
enum Layer : std::uint64_t {
  kLayerSchools = 1,
  kLayerTeachers,
  kLayerLeaders,
  kLayerPlc,
  kLayerCoTeaching,
  kLayerObservation,
  kLayerAdvice,
  kLayerCoaching,
  kLayerPd,
  kLayerSocial,
};

constexpr const char* kSecondarySubjects[] = {
    "ela", "math", "science",         "history",
    "pe",  "arts", "world_languages", "cte"};
constexpr double kSecondaryWeights[] = {5, 5, 4, 4, 2, 2, 1.5, 1.5};

// Ties keyed by (source, target, channel); repeats add to the weight.
class TieSet {
 public:
  void Add(int source, int target, Channel channel, bool directed,
           double weight = 1) {
    if (source == target) return;
    if (!directed && source > target) std::swap(source, target);
    auto [it, fresh] =
        index_.emplace(std::make_tuple(source, target, channel), ties_.size());
    if (fresh) {
      ties_.push_back({source, target, channel, directed, weight});
    } else {
      ties_[it->second].weight += weight;
    }
  }
  bool Contains(int source, int target, Channel channel) const {
    return index_.contains(std::make_tuple(source, target, channel));
  }
  struct Entry {
    int source;
    int target;
    Channel channel;
    bool directed;
    double weight;
  };
  const std::vector<Entry>& ties() const { return ties_; }

 private:
  absl::flat_hash_map<std::tuple<int, int, Channel>, std::size_t> index_;
  std::vector<Entry> ties_;
};

}  // namespace

absl::Status CheckGeneratorOptions(const GeneratorOptions& o) {
  auto share = [](double v) { return v >= 0 && v <= 1; };
  if (o.schools < 1) return absl::InvalidArgumentError("schools must be >= 1");
  if (o.teachers < 4 * o.schools) {
    return absl::InvalidArgumentError(
        absl::StrCat("teachers (", o.teachers,
                     ") must be at least 4 per school (", 4 * o.schools, ")"));
  }
  if (o.teachers > 50'000'000) {
    return absl::InvalidArgumentError("teachers must be at most 50,000,000");
  }
  for (double v :
       {o.elementary_share, o.middle_share, o.title_i_share, o.pbis_share,
        o.ready_share, o.co_teaching_share, o.cross_school_advice_share,
        o.leader_share, o.social_share}) {
    if (!share(v)) {
      return absl::InvalidArgumentError(
          absl::StrCat("every share must be in [0, 1], got ", v));
    }
  }
  if (o.elementary_share + o.middle_share > 1) {
    return absl::InvalidArgumentError(
        "elementary_share + middle_share must be at most 1");
  }
  if (o.plc_min < 2 || o.plc_max < o.plc_min) {
    return absl::InvalidArgumentError("need 2 <= plc_min <= plc_max");
  }
  for (double v :
       {o.observations_per_teacher, o.advice_per_teacher, o.leader_caseload,
        o.leader_pd_sessions, o.pd_session_size, o.follows_per_member}) {
    if (!(v >= 0 && v <= 1000)) {
      return absl::InvalidArgumentError(
          absl::StrCat("every mean must be in [0, 1000], got ", v));
    }
  }
  if (o.featured_leaders < 0 || o.featured_leaders > 4) {
    return absl::InvalidArgumentError("featured_leaders must be 0 to 4");
  }
  if (o.featured_pd_sessions < 0 || o.featured_session_size < 0 ||
      o.featured_caseload < 0 || o.featured_followers < 0) {
    return absl::InvalidArgumentError("featured counts must be >= 0");
  }
  return absl::OkStatus();
}

namespace {

// Picks exactly round(share * n) of n items at random.
std::vector<bool> PickShare(int n, double share, PhiloxStream& rng) {
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  for (int i = n - 1; i > 0; --i) {
    std::swap(order[i],
              order[rng.NextBelow(static_cast<std::uint32_t>(i + 1))]);
  }
  std::vector<bool> picked(n, false);
  const int k = static_cast<int>(std::lround(share * n));
  for (int i = 0; i < k; ++i) picked[order[i]] = true;
  return picked;
}

int WeightedPick(const double* weights, int n, PhiloxStream& rng) {
  double total = 0;
  for (int i = 0; i < n; ++i) total += weights[i];
  double x = rng.NextDouble() * total;
  for (int i = 0; i < n; ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return n - 1;
}

}  // namespace

absl::StatusOr<GeneratedDistrict> GenerateDistrict(const GeneratorOptions& o) {
  if (absl::Status s = CheckGeneratorOptions(o); !s.ok()) return s;
  const int num_schools = o.schools;
  const int n = o.teachers;

  // Schools: levels, sizes, attributes. The first three schools are
  // elementary, where the featured co-teachers work.
  PhiloxStream school_rng(o.seed, kLayerSchools, kPurposeGenerator);
  std::vector<SchoolPlan> schools(num_schools);
  const int num_elem =
      std::max(std::min(num_schools, 3),
               static_cast<int>(std::lround(o.elementary_share * num_schools)));
  const int num_middle =
      std::min(num_schools - num_elem,
               static_cast<int>(std::lround(o.middle_share * num_schools)));
  for (int s = 0; s < num_schools; ++s) {
    schools[s].level = s < num_elem                ? Level::kElementary
                       : s < num_elem + num_middle ? Level::kMiddle
                                                   : Level::kHigh;
  }
  std::vector<double> size_weight(num_schools);
  for (int s = 0; s < num_schools; ++s) {
    const double base = schools[s].level == Level::kElementary ? 1.0
                        : schools[s].level == Level::kMiddle   ? 1.4
                                                               : 2.0;
    size_weight[s] = base * std::exp(0.25 * school_rng.Normal());
  }
  const double weight_sum =
      std::accumulate(size_weight.begin(), size_weight.end(), 0.0);
  // Every school gets 4 teachers, the rest by weight, largest remainder.
  int assigned = 0;
  std::vector<std::pair<double, int>> remainders;
  for (int s = 0; s < num_schools; ++s) {
    const double share = (n - 4.0 * num_schools) * size_weight[s] / weight_sum;
    schools[s].size = 4 + static_cast<int>(share);
    assigned += schools[s].size;
    remainders.emplace_back(share - std::floor(share), s);
  }
  std::sort(remainders.begin(), remainders.end(), std::greater<>());
  for (int i = 0; assigned < n; ++i, ++assigned) {
    ++schools[remainders[i % num_schools].second].size;
  }
  for (int s = 1; s < num_schools; ++s) {
    schools[s].first = schools[s - 1].first + schools[s - 1].size;
  }

  GeneratedDistrict out;
  District& d = out.district;
  d.set_name(o.name);
  const std::vector<bool> title_i =
      PickShare(num_schools, o.title_i_share, school_rng);
  std::vector<bool> pbis = PickShare(num_schools, o.pbis_share, school_rng);
  std::vector<bool> ready = PickShare(num_schools, o.ready_share, school_rng);
  // School 0 stands for the case study's Armstrong Elementary: a PBIS Gold
  // school with a supportive principal. Keep the counts exact by swapping.
  auto force_first = [&](std::vector<bool>& flags) {
    if (flags[0] || num_schools == 1) {
      flags[0] = true;
      return;
    }
    for (int s = num_schools - 1; s > 0; --s) {
      if (flags[s]) {
        flags[s] = false;
        flags[0] = true;
        return;
      }
    }
  };
  force_first(pbis);
  force_first(ready);
  const int school_digits =
      static_cast<int>(std::to_string(num_schools).size());
  for (int s = 0; s < num_schools; ++s) {
    School* school = d.add_schools();
    school->set_id(absl::StrFormat("S%0*d", school_digits, s + 1));
    const char* level = schools[s].level == Level::kElementary ? "Elementary"
                        : schools[s].level == Level::kMiddle   ? "Middle"
                                                               : "High";
    school->set_name(s == 0 && o.featured_leaders > 0
                         ? std::string("Armstrong Elementary")
                         : absl::StrCat(level, " School ", s + 1));
    school->set_title_i(title_i[s]);
    school->set_pbis(pbis[s]);
    // Readiness is stored to two decimals, as a rubric score would be.
    const double r = ready[s] ? 0.6 + 0.4 * school_rng.NextDouble()
                              : 0.05 + 0.4 * school_rng.NextDouble();
    school->set_readiness(std::round(r * 100) / 100);
  }

  // Teachers.
  PhiloxStream teacher_rng(o.seed, kLayerTeachers, kPurposeGenerator);
  std::vector<TeacherPlan> teachers(n);
  for (int s = 0; s < num_schools; ++s) {
    const SchoolPlan& sp = schools[s];
    for (int i = 0; i < sp.size; ++i) {
      TeacherPlan& t = teachers[sp.first + i];
      t.school = s;
      if (sp.level == Level::kElementary) {
        if (teacher_rng.Bernoulli(0.1) && i >= 7) {
          t.role = SPECIALIST;
          t.subject = teacher_rng.Bernoulli(0.6) ? "special_education" : "eld";
          t.key = 100 + (t.subject == "eld");
          for (int g = 0; g <= 6; ++g) t.grades.push_back(g);
        } else {
          t.key = i % 7;  // grades K-6 spread evenly
          t.grades.push_back(t.key);
          t.subject = "multiple_subjects";
        }
      } else {
        const int lo = sp.level == Level::kMiddle ? 6 : 9;
        const int span = sp.level == Level::kMiddle ? 3 : 4;
        if (teacher_rng.Bernoulli(0.1)) {
          t.role = SPECIALIST;
          t.subject = "special_education";
          t.key = 100;
        } else {
          const int count = sp.level == Level::kMiddle ? 7 : 8;
          t.key = WeightedPick(kSecondaryWeights, count, teacher_rng);
          t.subject = kSecondarySubjects[t.key];
        }
        const int first = lo + static_cast<int>(teacher_rng.NextBelow(span));
        t.grades.push_back(first);
        if (first + 1 < lo + span && teacher_rng.Bernoulli(0.5)) {
          t.grades.push_back(first + 1);
        }
      }
    }
  }

  // Leaders: the featured co-teachers first (grade-6 classrooms), then the
  // remaining positions at random.
  PhiloxStream leader_rng(o.seed, kLayerLeaders, kPurposeGenerator);
  std::vector<int> featured;
  TieSet ties;
  {
    const int featured_school[4] = {0, 0, 1, 2};
    for (int f = 0; f < o.featured_leaders; ++f) {
      const int s = featured_school[f] < num_schools ? featured_school[f] : 0;
      // The grade-6 teachers of school s, in order; pick the first free one.
      for (int i = 0; i < schools[s].size; ++i) {
        const int v = schools[s].first + i;
        if (teachers[v].key == 6 && teachers[v].role == TEACHER) {
          teachers[v].role = TEACHER_LEADER;
          featured.push_back(v);
          break;
        }
      }
    }
    if (static_cast<int>(featured.size()) != o.featured_leaders) {
      return absl::InvalidArgumentError(
          "schools 1-3 are too small for the featured co-teachers; give more "
          "teachers per school");
    }
    const int total_leaders = std::max(
        o.featured_leaders, static_cast<int>(std::lround(o.leader_share * n)));
    int guard = 0;
    for (int placed = o.featured_leaders;
         placed < total_leaders && guard < 100 * n; ++guard) {
      const int v = static_cast<int>(leader_rng.NextBelow(n));
      if (teachers[v].role == TEACHER) {
        teachers[v].role = TEACHER_LEADER;
        ++placed;
      }
    }
  }
  std::vector<int> leaders;
  for (int v = 0; v < n; ++v) {
    if (teachers[v].role == TEACHER_LEADER) leaders.push_back(v);
  }

  // PLCs: teachers of a school grouped by key, split into groups of
  // plc_min..plc_max; a group shares 1 or 2 terms.
  PhiloxStream plc_rng(o.seed, kLayerPlc, kPurposeGenerator);
  for (int s = 0; s < num_schools; ++s) {
    absl::flat_hash_map<int, std::vector<int>> by_key;
    for (int i = 0; i < schools[s].size; ++i) {
      const int v = schools[s].first + i;
      by_key[teachers[v].key].push_back(v);
    }
    std::vector<int> keys;
    for (const auto& [k, members] : by_key) keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    for (int k : keys) {
      const std::vector<int>& members = by_key[k];
      const int m = static_cast<int>(members.size());
      if (m < 2) continue;  // a lone subject teacher has no PLC here
      const int groups = (m + o.plc_max - 1) / o.plc_max;
      for (int gi = 0; gi < groups; ++gi) {
        const int begin = gi * m / groups;
        const int end = (gi + 1) * m / groups;
        const double terms = plc_rng.Bernoulli(0.5) ? 2 : 1;
        for (int a = begin; a < end; ++a) {
          for (int b = a + 1; b < end; ++b) {
            ties.Add(members[a], members[b], PLC, false, terms);
          }
        }
      }
    }
  }

  // Co-teaching: the featured pairs, then pairs of same-key colleagues.
  PhiloxStream co_rng(o.seed, kLayerCoTeaching, kPurposeGenerator);
  std::vector<bool> co_teaching(n, false);
  if (featured.size() >= 2) {
    ties.Add(featured[0], featured[1], CO_TEACHING, false);
    co_teaching[featured[0]] = co_teaching[featured[1]] = true;
  }
  for (std::size_t f = 2; f < featured.size(); ++f) {
    const int v = featured[f];
    const SchoolPlan& sp = schools[teachers[v].school];
    for (int i = 0; i < sp.size; ++i) {
      const int u = sp.first + i;
      if (u != v && teachers[u].key == teachers[v].key && !co_teaching[u]) {
        ties.Add(v, u, CO_TEACHING, false);
        co_teaching[u] = co_teaching[v] = true;
        break;
      }
    }
  }
  for (int s = 0; s < num_schools; ++s) {
    const SchoolPlan& sp = schools[s];
    const int pairs =
        static_cast<int>(std::lround(o.co_teaching_share * sp.size / 2));
    for (int p = 0, tries = 0; p < pairs && tries < 20 * sp.size; ++tries) {
      const int a = sp.first + static_cast<int>(co_rng.NextBelow(sp.size));
      const int b = sp.first + static_cast<int>(co_rng.NextBelow(sp.size));
      if (a == b || co_teaching[a] || co_teaching[b] ||
          teachers[a].key != teachers[b].key) {
        continue;
      }
      ties.Add(a, b, CO_TEACHING, false);
      co_teaching[a] = co_teaching[b] = true;
      ++p;
    }
  }

  // A colleague in the same school, preferring the same key.
  auto colleague = [&](int v, PhiloxStream& rng, double same_key) {
    const SchoolPlan& sp = schools[teachers[v].school];
    for (int tries = 0; tries < 8; ++tries) {
      const int u = sp.first + static_cast<int>(rng.NextBelow(sp.size));
      if (u == v) continue;
      if (teachers[u].key == teachers[v].key || !rng.Bernoulli(same_key)) {
        return u;
      }
    }
    int u = sp.first + static_cast<int>(rng.NextBelow(sp.size));
    return u == v ? sp.first + (u - sp.first + 1) % sp.size : u;
  };
  // A teacher anywhere in a school of the same level as v's.
  auto same_level_teacher = [&](int v, PhiloxStream& rng) {
    const Level level = schools[teachers[v].school].level;
    for (int tries = 0; tries < 16; ++tries) {
      const int u = static_cast<int>(rng.NextBelow(n));
      if (schools[teachers[u].school].level == level) return u;
    }
    return static_cast<int>(rng.NextBelow(n));
  };

  // Peer observations: the observed teacher influences the observer.
  PhiloxStream obs_rng(o.seed, kLayerObservation, kPurposeGenerator);
  for (int v = 0; v < n; ++v) {
    const int k = obs_rng.Poisson(o.observations_per_teacher);
    for (int i = 0; i < k; ++i) {
      ties.Add(colleague(v, obs_rng, 0.6), v, OBSERVATION, true);
    }
  }

  // Advice: the named colleague influences the respondent; leaders are named
  // more often (credibility).
  PhiloxStream advice_rng(o.seed, kLayerAdvice, kPurposeGenerator);
  for (int v = 0; v < n; ++v) {
    const int k = advice_rng.Poisson(o.advice_per_teacher);
    for (int i = 0; i < k; ++i) {
      int u;
      if (advice_rng.Bernoulli(o.cross_school_advice_share)) {
        u = same_level_teacher(v, advice_rng);
      } else {
        u = colleague(v, advice_rng, 0.5);
        if (advice_rng.Bernoulli(0.2)) {
          // Ask the school's leader if it has one.
          const SchoolPlan& sp = schools[teachers[v].school];
          for (int j = 0; j < sp.size; ++j) {
            if (teachers[sp.first + j].role == TEACHER_LEADER) {
              u = sp.first + j;
              break;
            }
          }
        }
      }
      ties.Add(u, v, ADVICE, true);
    }
  }

  auto is_featured = [&](int v) {
    return std::find(featured.begin(), featured.end(), v) != featured.end();
  };

  // Coaching and job-embedded support: mostly at the leader's own school.
  PhiloxStream coach_rng(o.seed, kLayerCoaching, kPurposeGenerator);
  for (int leader : leaders) {
    const int k = is_featured(leader) ? o.featured_caseload
                                      : coach_rng.Poisson(o.leader_caseload);
    for (int i = 0, tries = 0; i < k && tries < 20 * (k + 1); ++tries) {
      const int u = coach_rng.Bernoulli(0.7)
                        ? colleague(leader, coach_rng, 0.3)
                        : same_level_teacher(leader, coach_rng);
      if (u == leader || ties.Contains(leader, u, JOB_EMBEDDED_COACHING)) {
        continue;
      }
      ties.Add(leader, u, JOB_EMBEDDED_COACHING, true,
               coach_rng.Bernoulli(0.3) ? 2 : 1);
      ++i;
    }
  }

  // PD sessions: the facilitator influences each attendee; most attendees
  // teach at the same school level.
  PhiloxStream pd_rng(o.seed, kLayerPd, kPurposeGenerator);
  for (int leader : leaders) {
    const bool feat = is_featured(leader);
    const int sessions =
        feat ? o.featured_pd_sessions : pd_rng.Poisson(o.leader_pd_sessions);
    for (int s = 0; s < sessions; ++s) {
      const int size =
          feat ? o.featured_session_size : pd_rng.Poisson(o.pd_session_size);
      for (int a = 0; a < size; ++a) {
        const int u = pd_rng.Bernoulli(0.75)
                          ? same_level_teacher(leader, pd_rng)
                          : static_cast<int>(pd_rng.NextBelow(n));
        ties.Add(leader, u, PD_WORKSHOP, true);
      }
    }
  }

  // Social media: members follow accounts by preferential attachment (the
  // urn holds each member once plus once per follower), 30% within their own
  // school; the followed account influences the follower.
  PhiloxStream social_rng(o.seed, kLayerSocial, kPurposeGenerator);
  std::vector<bool> member = PickShare(n, o.social_share, social_rng);
  for (int leader : leaders) {
    if (is_featured(leader) || social_rng.Bernoulli(0.5)) member[leader] = true;
  }
  std::vector<int> members;
  for (int v = 0; v < n; ++v) {
    if (member[v]) members.push_back(v);
  }
  if (members.size() >= 2) {
    std::vector<int> order = members;
    for (std::size_t i = order.size() - 1; i > 0; --i) {
      std::swap(order[i],
                order[social_rng.NextBelow(static_cast<std::uint32_t>(i + 1))]);
    }
    std::vector<int> urn = members;
    std::vector<int> followers(n, 0);
    auto follow = [&](int follower, int followed) {
      if (follower == followed ||
          ties.Contains(followed, follower, SOCIAL_MEDIA)) {
        return false;
      }
      ties.Add(followed, follower, SOCIAL_MEDIA, true);
      ++followers[followed];
      urn.push_back(followed);
      return true;
    };
    for (int v : order) {
      const int k =
          1 + social_rng.Poisson(std::max(0.0, o.follows_per_member - 1));
      for (int i = 0; i < k; ++i) {
        int u;
        if (social_rng.Bernoulli(0.3)) {
          u = colleague(v, social_rng, 0.0);
          if (!member[u]) continue;
        } else {
          u = urn[social_rng.NextBelow(static_cast<std::uint32_t>(urn.size()))];
        }
        follow(v, u);
      }
    }
    for (int f : featured) {
      for (int tries = 0; followers[f] < o.featured_followers && tries < 50 * n;
           ++tries) {
        follow(members[social_rng.NextBelow(
                   static_cast<std::uint32_t>(members.size()))],
               f);
      }
    }
  }

  // Emit.
  const int teacher_digits =
      std::max(4, static_cast<int>(std::to_string(n).size()));
  std::vector<std::string> ids(n);
  for (int v = 0; v < n; ++v) {
    ids[v] = absl::StrFormat("T%0*d", teacher_digits, v + 1);
  }
  d.mutable_teachers()->Reserve(n);
  for (int v = 0; v < n; ++v) {
    Teacher* t = d.add_teachers();
    t->set_id(ids[v]);
    t->set_school_id(d.schools(teachers[v].school).id());
    for (int g : teachers[v].grades) t->add_grades(g);
    t->add_subjects(teachers[v].subject);
    t->set_role(teachers[v].role);
  }
  d.mutable_ties()->Reserve(static_cast<int>(ties.ties().size()));
  for (const TieSet::Entry& e : ties.ties()) {
    Tie* tie = d.add_ties();
    tie->set_source(ids[e.source]);
    tie->set_target(ids[e.target]);
    tie->set_channel(e.channel);
    tie->set_directed(e.directed);
    if (e.weight != 1) tie->set_weight(e.weight);
  }
  for (int f : featured) out.featured_leaders.push_back(ids[f]);
  return out;
}

}  // namespace collabnet
