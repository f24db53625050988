#include "sim/result_parts.h"

#include <omp.h>

#ifndef COLLABNET_VERSION
#define COLLABNET_VERSION "unknown"
#endif

namespace collabnet {

RunDetails MakeRunDetails(const DistrictGraph& graph, const Scenario& scenario,
                          int threads, absl::string_view model) {
  RunDetails d;
  d.set_scenario(scenario.name());
  d.set_district(graph.district_name());
  d.set_seed(scenario.seed());
  d.set_replicates(scenario.replicates());
  d.set_threads(threads > 0 ? threads : omp_get_num_procs());
  d.set_horizon(scenario.horizon());
  d.set_teachers(static_cast<std::int32_t>(graph.num_vertices()));
  d.set_ties(graph.num_ties());
  d.set_arcs(graph.num_arcs());
  std::int32_t credible = 0;
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    credible += graph.role(v) == TEACHER_LEADER || graph.role(v) == COACH;
  }
  d.set_leaders_and_coaches(credible);
  d.set_model(std::string(model));
  d.set_version(COLLABNET_VERSION);
  *d.mutable_parameters() = scenario;
  return d;
}

void AddTeacherReach(const DistrictGraph& graph,
                     const std::vector<std::int64_t>& reached,
                     const std::vector<std::int64_t>& adopting,
                     std::span<const VertexId> leaders, std::int64_t replicates,
                     RunResult& result) {
  std::vector<bool> is_leader(graph.num_vertices(), false);
  for (VertexId v : leaders) is_leader[v] = true;
  const double n = static_cast<double>(replicates);
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    if (is_leader[v]) continue;
    TeacherReach* t = result.add_teachers();
    t->set_teacher_id(graph.teacher_id(v));
    t->set_school_id(graph.school_id(graph.school_of(v)));
    t->set_reached_probability(static_cast<double>(reached[v]) / n);
    t->set_adopting_probability(static_cast<double>(adopting[v]) / n);
  }
}

void AddSchoolReach(const DistrictGraph& graph,
                    const std::vector<Moments>& reached,
                    const std::vector<Moments>& adopting,
                    std::span<const VertexId> leaders, std::int64_t replicates,
                    RunResult& result) {
  std::vector<std::int32_t> school_size(graph.num_schools(), 0);
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    ++school_size[graph.school_of(v)];
  }
  std::vector<std::int32_t> school_leaders(graph.num_schools(), 0);
  for (VertexId v : leaders) ++school_leaders[graph.school_of(v)];
  for (std::uint32_t s = 0; s < graph.num_schools(); ++s) {
    SchoolReach* school = result.add_schools();
    school->set_school_id(graph.school_id(s));
    school->set_name(graph.school_name(s));
    school->set_teachers(school_size[s]);
    if (school_leaders[s] > 0) school->set_leaders(school_leaders[s]);
    *school->mutable_reached() = MakeEstimate(reached[s], replicates);
    *school->mutable_adopting() = MakeEstimate(adopting[s], replicates);
  }
}

void AddTransmissions(const DistrictGraph& graph,
                      std::span<const VertexId> leaders,
                      std::uint32_t replicate,
                      std::span<const ReachRecord> records, RunResult& result) {
  const auto r = static_cast<std::int32_t>(replicate);
  for (VertexId leader : leaders) {
    Transmission* t = result.add_transmissions();
    t->set_replicate(r);
    t->set_target(graph.teacher_id(leader));
    t->set_adopted(true);
  }
  for (const ReachRecord& rec : records) {
    Transmission* t = result.add_transmissions();
    t->set_replicate(r);
    const bool broadcast = rec.source == kFromBroadcast;
    if (!broadcast) t->set_source(graph.teacher_id(rec.source));
    t->set_target(graph.teacher_id(rec.teacher));
    t->set_time(rec.time);
    t->set_channel(broadcast ? CHANNEL_UNSPECIFIED
                             : static_cast<Channel>(rec.channel));
    t->set_from_broadcast(broadcast);
    t->set_hop(rec.hop);
    t->set_adopted(rec.adopted != 0);
  }
}

}  // namespace collabnet
