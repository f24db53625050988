// Uses the installed library: a three-teacher chain where every tie carries
// the practice, so the leader reaches both others in every replicate.
#include <cstdio>

#include "graph/district_graph.h"
#include "proto/district.pb.h"
#include "sim/runner.h"

int main() {
  collabnet::District d;
  collabnet::School* school = d.add_schools();
  school->set_id("s");
  for (const char* id : {"a", "b", "c"}) {
    collabnet::Teacher* t = d.add_teachers();
    t->set_id(id);
    t->set_school_id("s");
  }
  for (const auto& [from, to] : {std::pair{"a", "b"}, std::pair{"b", "c"}}) {
    collabnet::Tie* tie = d.add_ties();
    tie->set_source(from);
    tie->set_target(to);
    tie->set_channel(collabnet::PLC);
    tie->set_directed(true);
  }
  absl::StatusOr<collabnet::DistrictGraph> g = collabnet::FreezeDistrict(d);
  if (!g.ok()) return 1;
  collabnet::Scenario s;
  s.add_leaders("a");
  s.set_replicates(100);
  s.mutable_independent_cascade()->set_probability(1);
  absl::StatusOr<collabnet::RunResult> r = collabnet::RunScenario(*g, s);
  if (!r.ok()) return 1;
  std::printf("reached %g of 2\n", r->reached().mean());
  return 0;
}
