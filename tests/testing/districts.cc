#include "tests/testing/districts.h"

#include <cstdlib>

#include "absl/strings/str_cat.h"

namespace collabnet::testing {

District MakeDistrict(int n, const std::vector<TieSpec>& ties,
                      double readiness) {
  District d;
  d.set_name("test");
  School* s = d.add_schools();
  s->set_id("s");
  s->set_name("Test School");
  s->set_readiness(readiness);
  for (int v = 0; v < n; ++v) {
    Teacher* t = d.add_teachers();
    t->set_id(absl::StrCat("t", v));
    t->set_school_id("s");
    t->set_role(TEACHER);
  }
  for (const TieSpec& spec : ties) {
    Tie* tie = d.add_ties();
    tie->set_source(absl::StrCat("t", spec.source));
    tie->set_target(absl::StrCat("t", spec.target));
    tie->set_channel(spec.channel);
    tie->set_directed(spec.directed);
    if (spec.weight != 1) tie->set_weight(spec.weight);
  }
  return d;
}

District Star(int leaves, Channel channel) {
  std::vector<TieSpec> ties;
  ties.reserve(leaves);
  for (int v = 1; v <= leaves; ++v) ties.push_back({0, v, channel});
  return MakeDistrict(leaves + 1, ties);
}

District Path(int length, Channel channel) {
  std::vector<TieSpec> ties;
  ties.reserve(length);
  for (int v = 0; v < length; ++v) ties.push_back({v, v + 1, channel});
  return MakeDistrict(length + 1, ties);
}

Scenario SimpleScenario(const std::vector<int>& leaders, double p,
                        int replicates, std::uint64_t seed) {
  Scenario s;
  s.set_name("test");
  for (int v : leaders) s.add_leaders(absl::StrCat("t", v));
  for (int ch = 1; ch <= 7; ++ch) {
    ChannelParams* c = s.add_channels();
    c->set_channel(static_cast<Channel>(ch));
    c->set_probability(p);
    c->set_mean_delay_weeks(1);
  }
  s.mutable_multi_channel()->set_adoption_at_zero_readiness(1);
  s.mutable_multi_channel()->set_adoption_at_full_readiness(1);
  s.set_horizon(0);
  s.set_replicates(replicates);
  s.set_seed(seed);
  return s;
}

Scenario LeadersScenario(const std::vector<int>& leaders, int replicates,
                         std::uint64_t seed) {
  Scenario s;
  s.set_name("test");
  for (int v : leaders) s.add_leaders(absl::StrCat("t", v));
  s.set_replicates(replicates);
  s.set_seed(seed);
  return s;
}

Scenario IcScenario(const std::vector<int>& leaders, double p, int replicates,
                    std::uint64_t seed) {
  Scenario s = LeadersScenario(leaders, replicates, seed);
  s.mutable_independent_cascade()->set_probability(p);
  return s;
}

std::string SourceDir() {
  const char* dir = std::getenv("COLLABNET_SOURCE_DIR");
  return dir != nullptr ? dir : COLLABNET_TEST_SOURCE_DIR;
}

std::string BinaryDir() {
  const char* dir = std::getenv("COLLABNET_BINARY_DIR");
  return dir != nullptr ? dir : COLLABNET_TEST_BINARY_DIR;
}

}  // namespace collabnet::testing
