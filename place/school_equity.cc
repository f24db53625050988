#include "place/school_equity.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "place/lazy_heap.h"
#include "place/sample_index.h"

namespace collabnet {
namespace {

// Teachers per school, and the schools that have any.
std::vector<double> SchoolSizes(const DistrictGraph& graph, int& schools) {
  std::vector<double> size(graph.num_schools(), 0);
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    ++size[graph.school_of(v)];
  }
  schools = static_cast<int>(
      std::count_if(size.begin(), size.end(), [](double t) { return t > 0; }));
  return size;
}

}  // namespace

int SchoolsWithTeachers(const DistrictGraph& graph) {
  int schools = 0;
  SchoolSizes(graph, schools);
  return schools;
}

double SchoolEquity(const RunResult& result, bool adopting) {
  double sum = 0;
  int schools = 0;
  for (const SchoolReach& s : result.schools()) {
    if (s.teachers() <= 0) continue;
    ++schools;
    const double count =
        (adopting ? s.adopting().mean() : s.reached().mean()) + s.leaders();
    sum += std::sqrt(std::clamp(count / s.teachers(), 0.0, 1.0));
  }
  return schools > 0 ? 100 * sum / schools : 0;
}

std::uint64_t EquitySamples(const DistrictGraph& graph, double epsilon) {
  int schools = 0;
  const std::vector<double> size = SchoolSizes(graph, schools);
  double smallest = std::numeric_limits<double>::infinity();
  for (double t : size) {
    if (t > 0) smallest = std::min(smallest, t);
  }
  if (schools == 0) return 0;
  return static_cast<std::uint64_t>(
      std::ceil(static_cast<double>(graph.num_vertices()) /
                (smallest * epsilon * epsilon)));
}

EquityChoice GreedyEquity(const DistrictGraph& graph,
                          const ReverseSamples& samples,
                          const PlacementConstraints& c, int threads) {
  const VertexId n = graph.num_vertices();
  const std::span<const std::uint64_t> offsets = samples.offsets();
  const std::span<const VertexId> members = samples.members();
  const std::size_t stored = samples.stored();
  const SampleIndex by_teacher = IndexSamples(samples, n, threads);

  // School s's share is its covered samples times scale[s] (each sample
  // stands for n / size() teachers, of the school's size[s]); the index
  // is 100 / m times the sum of their square roots.
  int schools = 0;
  const std::vector<double> size = SchoolSizes(graph, schools);
  const double per_sample =
      samples.size() > 0
          ? static_cast<double>(n) / static_cast<double>(samples.size())
          : 0;
  std::vector<double> scale(size.size(), 0);
  for (std::size_t s = 0; s < size.size(); ++s) {
    if (size[s] > 0) scale[s] = per_sample / size[s];
  }
  const double points = schools > 0 ? 100.0 / schools : 0;
  auto term = [&](std::uint32_t s, double covered) {
    return std::sqrt(std::min(1.0, covered * scale[s]));
  };
  std::vector<std::uint32_t> school_of_sample(stored);
  for (std::size_t s = 0; s < stored; ++s) {
    school_of_sample[s] = graph.school_of(members[offsets[s]]);
  }
  std::vector<double> covered(size.size(), 0);
  for (VertexId t : samples.anyway_targets()) ++covered[graph.school_of(t)];
  std::vector<std::uint8_t> done(stored, 0);

  // A teacher's gain: the samples they would cover, by school.
  std::vector<double> delta(size.size(), 0);
  std::vector<std::uint32_t> touched;
  auto gain = [&](VertexId v) {
    touched.clear();
    for (std::uint64_t k = by_teacher.at[v]; k < by_teacher.at[v + 1]; ++k) {
      const std::uint32_t s = by_teacher.samples[k];
      if (done[s] != 0) continue;
      const std::uint32_t school = school_of_sample[s];
      if (delta[school] == 0) touched.push_back(school);
      ++delta[school];
    }
    // Summed in school order, so the same state gives the same bits.
    std::sort(touched.begin(), touched.end());
    double sum = 0;
    for (std::uint32_t school : touched) {
      sum += term(school, covered[school] + delta[school]) -
             term(school, covered[school]);
      delta[school] = 0;
    }
    return points * sum;
  };
  auto cover = [&](VertexId v) {
    for (std::uint64_t k = by_teacher.at[v]; k < by_teacher.at[v + 1]; ++k) {
      const std::uint32_t s = by_teacher.samples[k];
      if (done[s] != 0) continue;
      done[s] = 1;
      ++covered[school_of_sample[s]];
    }
  };
  auto index = [&]() {
    double sum = 0;
    for (std::uint32_t s = 0; s < size.size(); ++s) {
      if (size[s] > 0) sum += term(s, covered[s]);
    }
    return points * sum;
  };

  const Candidates candidates(graph, c);
  for (VertexId e : c.existing) cover(e);
  EquityChoice choice;
  choice.in_place = index();
  auto score_from = [&](VertexId v, double g) {
    if (!c.has_costs()) return g;
    if (c.cost[v] == 0) {
      return g > 0 ? std::numeric_limits<double>::infinity() : 0.0;
    }
    return g / c.cost[v];
  };
  auto score_of = [&](VertexId v) { return score_from(v, gain(v)); };
  // The best single leader, for the fallback with costs: each candidate's
  // gain over the leaders in place, before any is taken.
  VertexId single = n;
  double single_gain = 0;
  LazyHeap choose;
  for (VertexId v = 0; v < n; ++v) {
    if (!candidates(v)) continue;
    const double g = gain(v);
    if (g <= 0) continue;
    choose.Push(score_from(v, g), v);
    const bool fits_alone =
        !c.has_costs() ||
        (c.cost[v] <= c.cost_budget &&
         (c.max_per_school == 0 ||
          candidates.in_place(graph.school_of(v)) < c.max_per_school));
    if (fits_alone && (single == n || g > single_gain)) {
      single = v;
      single_gain = g;
    }
  }

  FeasibleSet set(graph, c);
  double before = choice.in_place;
  for (int step = 0; step < c.budget; ++step) {
    const VertexId best =
        PopBestFitting(choose, score_of, set, c.has_costs(), n);
    if (best == n) break;
    set.Take(best);
    cover(best);
    const double now = index();
    choice.gains.push_back(now - before);
    before = now;
  }
  choice.chosen = set.taken();
  choice.equity = before;
  if (c.has_costs() && single != n &&
      choice.in_place + single_gain > choice.equity) {
    choice.chosen.assign(1, single);
    choice.gains.assign(1, single_gain);
    choice.equity = choice.in_place + single_gain;
  }
  return choice;
}

}  // namespace collabnet
