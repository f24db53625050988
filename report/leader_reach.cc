#include "report/leader_reach.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "proto/channel_names.h"
#include "report/summary.h"
#include "text/csv_field.h"

namespace collabnet {

void AppendLeaderReach(const RunResult& r, int listed, std::string& out) {
  if (r.leader_reach().empty()) return;
  std::vector<const LeaderReach*> order;
  order.reserve(static_cast<std::size_t>(r.leader_reach_size()));
  for (const LeaderReach& l : r.leader_reach()) order.push_back(&l);
  std::stable_sort(order.begin(), order.end(), [](auto* a, auto* b) {
    return a->reached().mean() > b->reached().mean();
  });
  const bool plain = r.details().model() != "multi_channel_cascade";
  absl::StrAppend(&out,
                  "\nEach leader's own reach: the teachers whose chain of "
                  "influence starts at them, mean [95% CI]\n");
  absl::StrAppend(&out, absl::StrFormat("  %-12s %-10s %-24s %-24s %s\n",
                                        "leader", "school", "reached",
                                        plain ? "" : "adopting", "by channel"));
  const int shown = std::min<int>(listed, static_cast<int>(order.size()));
  for (int i = 0; i < shown; ++i) {
    const LeaderReach& l = *order[static_cast<std::size_t>(i)];
    absl::StrAppend(
        &out, absl::StrFormat("  %-12s %-10s %-24s %-24s %s\n", l.teacher_id(),
                              l.school_id(), FormatInterval(l.reached()),
                              plain ? "" : FormatInterval(l.adopting()),
                              FormatChannelMeans(l.reached_by_channel())));
  }
  if (shown < static_cast<int>(order.size())) {
    absl::StrAppend(&out, "  and ",
                    order.size() - static_cast<std::size_t>(shown),
                    " more leaders (every one in --format json)\n");
  }
}

std::string FormatLeaderReachCsv(const RunResult& r) {
  std::string out =
      "leader,school,channel,reached_mean,reached_ci_low,reached_ci_high,"
      "adopting_mean,adopting_ci_low,adopting_ci_high\n";
  auto row = [&](const LeaderReach& l, absl::string_view channel,
                 const Estimate& reached, const Estimate* adopting) {
    AppendCsvField(l.teacher_id(), out);
    out += ',';
    AppendCsvField(l.school_id(), out);
    absl::StrAppend(&out, ",", channel, ",", reached.mean(), ",",
                    reached.ci_low(), ",", reached.ci_high(), ",");
    if (adopting != nullptr) {
      absl::StrAppend(&out, adopting->mean(), ",", adopting->ci_low(), ",",
                      adopting->ci_high());
    } else {
      out += ",,";
    }
    out += '\n';
  };
  for (const LeaderReach& l : r.leader_reach()) {
    row(l, "all", l.reached(), &l.adopting());
    for (const ChannelReach& c : l.reached_by_channel()) {
      row(l, ChannelFileName(c.channel()), c.teachers(), nullptr);
    }
  }
  return out;
}

}  // namespace collabnet
