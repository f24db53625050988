#include "place/opim.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "place/max_coverage.h"
#include "place/reverse_samples.h"

namespace collabnet {
namespace {

constexpr double kGrowth = 1.4142135623730951;  // the square root of 2

}  // namespace

absl::StatusOr<OpimResult> PlaceByReverseSamples(const DistrictGraph& graph,
                                                 const ReverseSampler& sampler,
                                                 const PlacementConstraints& c,
                                                 const OpimOptions& options) {
  if (!(options.epsilon > 0 && options.epsilon < 1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--epsilon: must be above 0 and below 1, got ", options.epsilon));
  }
  const double teachers = graph.num_vertices();
  const double delta = options.delta == 0 ? 1 / teachers : options.delta;
  // Expected objectives are the targets' count times the share covered.
  const double n = sampler.num_targets();
  if (!(delta > 0 && delta < 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("delta: must be above 0 and below 1, got ", delta));
  }
  if (absl::Status s = CheckConstraints(graph, c); !s.ok()) return s;

  const double proven = GreedyRatio(c);
  // With no proven ratio, stop where the costs' ratio would.
  const double ratio = proven > 0 ? proven : (1 - 0.36787944117144233) / 2;
  const double eps = options.epsilon;
  const Candidates candidates(graph, c);
  double pool = 0;
  for (VertexId v = 0; v < graph.num_vertices(); ++v) pool += candidates(v);
  const double k = std::min<double>(c.budget, pool);
  // Every leader reaches themselves: the best set reaches at least this.
  const double least =
      (c.has_costs() ? 1.0 : k) + static_cast<double>(c.existing.size());
  const double log_choose =
      std::lgamma(pool + 1) - std::lgamma(k + 1) - std::lgamma(pool - k + 1);
  const double l6 = std::log(6 / delta);
  const double root =
      ratio * std::sqrt(l6) + std::sqrt(ratio * (log_choose + l6));
  const double theta_max = 2 * n * root * root / (eps * eps * least);
  const double theta_0 = std::max(1.0, theta_max * eps * eps * least / n);
  // Collections grow by kGrowth a round, not OPIM-C's doubling: the
  // analysis holds for any schedule fixed beforehand (the union bound is
  // over its rounds, in `a`), and a finer one stops nearer the size the
  // check needs, for a slightly larger a.
  const int rounds =
      std::max(1, static_cast<int>(std::ceil(std::log(theta_max / theta_0) /
                                             std::log(kGrowth))) +
                      1);
  const double a = std::log(3 * rounds / delta);

  ReverseSamples choose(0);
  ReverseSamples check(1);
  OpimResult result;
  result.target_ratio = proven > 0 ? proven - eps : 0;
  auto theta = static_cast<std::uint64_t>(std::ceil(theta_0));
  const auto most = static_cast<std::uint64_t>(std::ceil(theta_max));
  CoverageChoice choice;
  double checked = 0;
  for (int round = 1; round <= rounds; ++round) {
    if (round == rounds) theta = std::max(theta, most);
    if (options.progress) options.progress(2 * choose.size(), 2 * most);
    choose.GrowTo(sampler, theta, options.threads);
    check.GrowTo(sampler, theta, options.threads);
    choice = GreedyCoverage(graph, choose, c, options.threads);
    std::vector<VertexId> set = c.existing;
    set.insert(set.end(), choice.chosen.begin(), choice.chosen.end());
    checked = static_cast<double>(
        check.Covered(set, graph.num_vertices(), options.threads));
    const double scale = n / static_cast<double>(theta);
    const double low_root = std::sqrt(checked + 2 * a / 9) - std::sqrt(a / 2);
    const double lower = std::max(0.0, (low_root * low_root - a / 18) * scale);
    const double high_root =
        std::sqrt(choice.upper_bound + a / 2) + std::sqrt(a / 2);
    const double upper = high_root * high_root * scale;
    result.lower = lower;
    result.upper = std::min(upper, n);
    result.rounds = round;
    result.certified = lower >= (ratio - eps) * result.upper;
    if (result.certified && choose.members().size() >= options.min_members) {
      break;
    }
    if (theta >= most) break;
    theta = static_cast<std::uint64_t>(
        std::ceil(static_cast<double>(theta) * kGrowth));
  }
  if (options.progress) options.progress(2 * check.size(), 2 * most);
  const double scale = n / static_cast<double>(check.size());
  result.chosen = choice.chosen;
  result.estimate = checked * scale;
  const std::vector<std::uint64_t> gains =
      MarginalCoverage(check, graph.num_vertices(), c.existing, choice.chosen);
  result.gain_in_place = static_cast<double>(gains[0]) * scale;
  for (std::size_t i = 1; i < gains.size(); ++i) {
    result.gains.push_back(static_cast<double>(gains[i]) * scale);
  }
  result.samples = choose.size() + check.size();
  result.sample_bytes = choose.MemoryBytes() + check.MemoryBytes();
  result.sample_members = choose.members().size() + check.members().size();
  return result;
}

}  // namespace collabnet
