#include "report/placement_text.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "report/comparison_table.h"
#include "report/leader_reach.h"
#include "report/summary.h"
#include "text/count_text.h"

namespace collabnet {
namespace {

// The most leaders listed by their own reach.
constexpr int kLeadersListed = 40;

}  // namespace

std::string FormatPlacement(const PlacementResult& p) {
  std::string out =
      absl::StrFormat("%d new leaders by %s, for teachers %s\n",
                      p.leaders_size(), p.strategy(), p.objective());
  if (!p.leaders_in_place().empty()) {
    absl::StrAppend(&out, "adding to ", p.leaders_in_place_size(),
                    " leaders in place\n");
  }
  absl::StrAppend(&out, "constraints: ", p.constraints(), "\n");
  absl::StrAppend(&out, "guarantee: ", p.guarantee(), "\n\n");
  std::size_t id_width = 7;
  std::size_t school_width = 6;
  for (const PlacedLeader& l : p.leaders()) {
    id_width = std::max(id_width, l.teacher_id().size());
    school_width = std::max(school_width,
                            std::min<std::size_t>(l.school_name().size(), 32));
  }
  const bool costs = p.has_total_cost();
  // The equity index's gains are points of 100, not teachers.
  const bool equity = absl::StrContains(p.objective(), "equity");
  absl::StrAppend(
      &out, absl::StrFormat("  %3s  %-*s  %-*s  %-15s  %10s%s\n", "#", id_width,
                            "teacher", school_width, "school", "role", "gain",
                            costs ? "        cost" : ""));
  for (int i = 0; i < p.leaders_size(); ++i) {
    const PlacedLeader& l = p.leaders(i);
    const std::string gain = !l.has_gain() ? std::string("-")
                             : equity      ? absl::StrFormat("%+.2f", l.gain())
                                           : absl::StrFormat("%+.1f", l.gain());
    absl::StrAppend(
        &out, absl::StrFormat("  %3d  %-*s  %-*s  %-15s  %10s", i + 1, id_width,
                              l.teacher_id(), school_width,
                              l.school_name().substr(0, 32), l.role(), gain));
    if (costs) absl::StrAppend(&out, absl::StrFormat("  %10g", l.cost()));
    absl::StrAppend(&out, "\n");
  }
  const RunResult& e = p.estimate();
  absl::StrAppend(&out, "\nthe whole set (",
                  p.leaders_in_place_size() + p.leaders_size(),
                  " leaders), by ", WithCommas(e.details().replicates()),
                  " fresh Monte Carlo replicates (seed ", e.details().seed(),
                  "), leaders not counted, 95% intervals:\n");
  absl::StrAppend(&out, "  teachers reached   ", FormatInterval(e.reached()),
                  "\n");
  absl::StrAppend(&out, "  teachers adopting  ", FormatInterval(e.adopting()),
                  "\n");
  if (p.has_title_i_reached()) {
    absl::StrAppend(
        &out, absl::StrFormat("  of the %d teachers of Title I schools: %.1f "
                              "reached, %.1f adopting (means)\n",
                              p.title_i_teachers(), p.title_i_reached(),
                              p.title_i_adopting()));
  }
  absl::StrAppend(
      &out, absl::StrFormat("  school equity      %.1f reached, %.1f adopting "
                            "(0-100: the mean over schools of the square "
                            "root of each one's share, leaders counted)\n",
                            p.equity_reached(), p.equity_adopting()));
  if (costs) {
    absl::StrAppend(
        &out, absl::StrFormat("  total cost         %g\n", p.total_cost()));
  }
  AppendLeaderReach(e, kLeadersListed, out);
  if (p.has_against_current()) {
    absl::StrAppend(&out, "\nagainst the current leaders: ",
                    FormatComparison(p.against_current()));
  }
  if (p.samples() > 0) {
    absl::StrAppend(
        &out,
        absl::StrFormat(
            "\nreverse samples: %s (%.1f MB), epsilon %g; expected %s "
            "(leaders counted) at least %.1f for this set, at most %.1f for "
            "the best feasible set: certified ratio %.3f\n",
            WithCommas(static_cast<std::int64_t>(p.samples())),
            static_cast<double>(p.sample_bytes()) / 1e6, p.epsilon(),
            p.objective(), p.lower_bound(), p.upper_bound(),
            p.certified_ratio()));
  }
  if (p.replicates_per_evaluation() > 0) {
    absl::StrAppend(&out, "greedy: ", p.replicates_per_evaluation(),
                    " coupled replicates per evaluation\n");
  }
  absl::StrAppend(&out, absl::StrFormat("placed in %.2f s\n", p.seconds()));
  return out;
}

}  // namespace collabnet
