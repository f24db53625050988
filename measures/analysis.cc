#include "measures/analysis.h"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "measures/brokerage.h"
#include "measures/centrality.h"
#include "measures/cohesion.h"
#include "measures/communities.h"
#include "measures/igraph_network.h"
#include "measures/measure_network.h"
#include "measures/school_groups.h"
#include "measures/shortest_paths.h"

namespace collabnet {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Each teacher's degree and strength in each channel with a tie, counting
// a colleague once however many ties of the channel join them.
void AddChannelDegrees(const DistrictGraph& graph,
                       const std::vector<Channel>& channels,
                       AnalysisResult& result) {
  std::array<bool, kNumChannels> chosen{};
  chosen.fill(channels.empty());
  for (Channel c : channels) chosen[static_cast<int>(c)] = true;
  chosen[CHANNEL_UNSPECIFIED] = false;
  const VertexId n = graph.num_vertices();
  struct Counts {
    std::int32_t in = 0, out = 0;
    double in_strength = 0, out_strength = 0;
  };
  std::vector<std::array<Counts, kNumChannels>> counts(n);
  std::array<bool, kNumChannels> present{};
  for (VertexId v = 0; v < n; ++v) {
    // Arcs are sorted by (channel, target): a repeat follows its first.
    for (ArcIndex a = graph.arc_begin(v); a < graph.arc_end(v); ++a) {
      const int c = static_cast<int>(graph.arc_channel(a));
      if (!chosen[c]) continue;
      present[c] = true;
      const VertexId t = graph.arc_target(a);
      const double w = graph.arc_weight(a);
      const bool repeat = a > graph.arc_begin(v) &&
                          graph.arc_target(a - 1) == t &&
                          static_cast<int>(graph.arc_channel(a - 1)) == c;
      counts[v][c].out += repeat ? 0 : 1;
      counts[t][c].in += repeat ? 0 : 1;
      counts[v][c].out_strength += w;
      counts[t][c].in_strength += w;
    }
  }
  for (VertexId v = 0; v < n; ++v) {
    TeacherMeasures& t = *result.mutable_teachers(static_cast<int>(v));
    for (int c = 0; c < kNumChannels; ++c) {
      if (!present[c]) continue;
      ChannelDegree& d = *t.add_by_channel();
      d.set_channel(static_cast<Channel>(c));
      d.set_in_degree(counts[v][c].in);
      d.set_out_degree(counts[v][c].out);
      d.set_in_strength(counts[v][c].in_strength);
      d.set_out_strength(counts[v][c].out_strength);
    }
  }
}

}  // namespace

absl::StatusOr<AnalysisResult> AnalyzeNetwork(const DistrictGraph& graph,
                                              const AnalysisOptions& options) {
  const MeasureNetwork net = BuildMeasureNetwork(graph, options.channels);
  const VertexId n = net.num_vertices();
  std::vector<std::uint32_t> school_of(n);
  for (VertexId v = 0; v < n; ++v) school_of[v] = graph.school_of(v);

  absl::StatusOr<IgraphNetwork> g = IgraphNetwork::Make(net);
  if (!g.ok()) return g.status();
  const Degrees degrees = ComputeDegrees(net);
  absl::StatusOr<Centrality> centrality =
      ComputeCentrality(net, *g, options.threads);
  if (!centrality.ok()) return centrality.status();
  // Grades and subjects as categories: a teacher's set of them, where
  // any teacher has one.
  std::vector<std::uint64_t> grades(n), subjects(n);
  bool any_grade = false, any_subject = false;
  for (VertexId v = 0; v < n; ++v) {
    grades[v] = graph.grade_mask(v);
    subjects[v] = graph.subject_mask(v);
    any_grade |= grades[v] != 0;
    any_subject |= subjects[v] != 0;
  }
  if (!any_grade) grades.clear();
  if (!any_subject) subjects.clear();
  absl::StatusOr<Cohesion> cohesion =
      ComputeCohesion(net, *g, degrees, school_of, grades, subjects);
  if (!cohesion.ok()) return cohesion.status();
  const SchoolGroups groups =
      ComputeSchoolGroups(net, school_of, graph.num_schools(), options.leaders);
  const std::vector<BrokerageCounts> brokerage =
      ComputeBrokerage(net, school_of, options.threads);

  AnalysisResult result;
  result.set_district(graph.district_name());
  for (Channel c : options.channels) result.add_channels(c);
  for (VertexId l : options.leaders) result.add_leaders(graph.teacher_id(l));
  result.set_seed(options.seed);
  result.set_version(COLLABNET_VERSION);

  // Progress counts the searches from every teacher (when made), then the
  // community searches' starts.
  const bool all_pairs = n <= options.all_pairs_limit;
  const std::int64_t searches = all_pairs ? n : 0;
  const int starts = std::max(options.community_starts, 1);
  const std::int64_t work = searches + 2 * starts;
  PathMeasures paths;
  if (all_pairs) {
    paths = ComputePathMeasures(net, options.threads,
                                [&](std::int64_t done, std::int64_t) {
                                  if (options.progress)
                                    options.progress(done, work);
                                });
  } else {
    result.add_skipped(absl::StrCat(
        "betweenness, closeness and harmonic centrality: a search from each "
        "of ",
        n, " teachers is over the limit of ", options.all_pairs_limit));
  }
  absl::StatusOr<IgraphNetwork> pairs = IgraphNetwork::Make(net, true);
  if (!pairs.ok()) return pairs.status();
  std::array<Communities, 2> communities;
  std::int64_t done = searches;
  for (CommunityMethod m :
       {CommunityMethod::kLeiden, CommunityMethod::kLouvain}) {
    absl::StatusOr<Communities> c =
        FindCommunities(*pairs, school_of, m, options.seed, starts, [&] {
          if (options.progress) options.progress(++done, work);
        });
    if (!c.ok()) return c.status();
    communities[static_cast<std::size_t>(m)] = *std::move(c);
  }
  const Communities& leiden =
      communities[static_cast<std::size_t>(CommunityMethod::kLeiden)];

  NetworkMeasures& nm = *result.mutable_network();
  nm.set_teachers(static_cast<std::int32_t>(n));
  nm.set_ties(net.num_ties());
  nm.set_directed(net.directed());
  nm.set_density(cohesion->density);
  nm.set_reciprocity(cohesion->reciprocity);
  nm.set_transitivity(cohesion->transitivity);
  nm.set_weak_components(cohesion->weak_components);
  nm.set_strong_components(cohesion->strong_components);
  nm.set_largest_component(cohesion->largest_component);
  nm.set_isolates(cohesion->isolates);
  nm.set_degree_centralization(cohesion->degree_centralization);
  nm.set_in_degree_centralization(cohesion->in_degree_centralization);
  nm.set_out_degree_centralization(cohesion->out_degree_centralization);
  nm.set_assortativity_school(cohesion->assortativity_school);
  nm.set_assortativity_grade(cohesion->assortativity_grade);
  nm.set_assortativity_subject(cohesion->assortativity_subject);
  nm.set_ei_index(groups.network_ei);
  for (const Communities& c : communities) {
    CommunityMeasures& cm = *nm.add_communities();
    cm.set_method(std::string(CommunityMethodName(c.method)));
    cm.set_communities(c.count);
    cm.set_modularity(c.modularity);
    cm.set_school_nmi(c.school_nmi);
    cm.set_schools_per_community(c.schools_per_community);
  }

  std::vector<absl::flat_hash_set<std::int32_t>> school_communities(
      graph.num_schools());
  for (VertexId v = 0; v < n; ++v) {
    school_communities[school_of[v]].insert(leiden.membership[v]);
  }
  for (std::uint32_t s = 0; s < graph.num_schools(); ++s) {
    const SchoolGroup& group = groups.schools[s];
    SchoolMeasures& sm = *result.add_schools();
    sm.set_school_id(graph.school_id(s));
    sm.set_school_name(graph.school_name(s));
    sm.set_teachers(group.teachers);
    sm.set_internal_ties(group.internal_ties);
    sm.set_external_ties(group.external_ties);
    sm.set_density(group.density);
    sm.set_reciprocity(group.reciprocity);
    sm.set_ei_index(group.ei_index);
    sm.set_isolates(group.isolates);
    sm.set_near_leader_share(group.near_leader_share);
    sm.set_communities(static_cast<std::int32_t>(school_communities[s].size()));
  }

  result.mutable_teachers()->Reserve(static_cast<int>(n));
  for (VertexId v = 0; v < n; ++v) {
    TeacherMeasures& t = *result.add_teachers();
    t.set_teacher_id(graph.teacher_id(v));
    t.set_school_id(graph.school_id(school_of[v]));
    t.set_in_degree(degrees.in[v]);
    t.set_out_degree(degrees.out[v]);
    t.set_in_strength(degrees.in_strength[v]);
    t.set_out_strength(degrees.out_strength[v]);
    t.set_betweenness(all_pairs ? paths.betweenness[v] : kNaN);
    t.set_betweenness_normalized(all_pairs ? paths.betweenness_normalized[v]
                                           : kNaN);
    t.set_closeness(all_pairs ? paths.closeness[v] : kNaN);
    t.set_harmonic(all_pairs ? paths.harmonic[v] : kNaN);
    t.set_pagerank(centrality->pagerank[v]);
    t.set_eigenvector(centrality->eigenvector[v]);
    t.set_coreness(centrality->coreness[v]);
    t.set_clustering(centrality->clustering[v]);
    t.set_constraint(centrality->constraint[v]);
    t.set_ei_index(groups.teacher_ei[v]);
    t.set_community(leiden.membership[v]);
    Brokerage& b = *t.mutable_brokerage();
    const BrokerageCounts& c = brokerage[v];
    b.set_coordinator(c[kCoordinator]);
    b.set_itinerant(c[kItinerant]);
    b.set_representative(c[kRepresentative]);
    b.set_gatekeeper(c[kGatekeeper]);
    b.set_liaison(c[kLiaison]);
    b.set_total(c[kCoordinator] + c[kItinerant] + c[kRepresentative] +
                c[kGatekeeper] + c[kLiaison]);
  }
  AddChannelDegrees(graph, options.channels, result);
  return result;
}

}  // namespace collabnet
