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

}  // namespace collabnet
