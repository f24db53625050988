#include "report/measures_text.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "proto/channel_names.h"
#include "text/count_text.h"

namespace collabnet {
namespace {

// A measure to three decimals, "n/a" where it is undefined.
std::string Figure(double v) {
  return std::isnan(v) ? std::string("n/a") : absl::StrFormat("%.3f", v);
}

// What an E-I index says, in words.
absl::string_view EiWords(double ei) {
  if (std::isnan(ei)) return "";
  if (ei < -0.2) return " (ties mostly within schools)";
  if (ei > 0.2) return " (ties mostly across schools)";
  return " (ties within and across schools alike)";
}

// The `listed` teachers with the highest `value`, ties to the earlier.
// `whole`: the measure is a count, shown without decimals.
void AppendTop(const AnalysisResult& r, absl::string_view title,
               const std::function<double(const TeacherMeasures&)>& value,
               bool whole, int listed, std::string& out) {
  std::vector<int> order(static_cast<std::size_t>(r.teachers_size()));
  for (int i = 0; i < r.teachers_size(); ++i) {
    order[static_cast<std::size_t>(i)] = i;
  }
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return value(r.teachers(a)) > value(r.teachers(b));
  });
  if (order.size() > static_cast<std::size_t>(listed)) {
    order.resize(static_cast<std::size_t>(listed));
  }
  absl::StrAppend(&out, "\n", title, "\n");
  for (int i : order) {
    const TeacherMeasures& t = r.teachers(i);
    absl::StrAppend(
        &out,
        absl::StrFormat("  %-12s %-10s %10s\n", t.teacher_id(), t.school_id(),
                        whole ? absl::StrCat(value(t)) : Figure(value(t))));
  }
}

}  // namespace

std::string FormatAnalysisSummary(const AnalysisResult& r,
                                  int teachers_listed) {
  const NetworkMeasures& n = r.network();
  std::vector<std::string> channels;
  for (int c : r.channels()) {
    channels.emplace_back(ChannelFileName(static_cast<Channel>(c)));
  }
  std::string out = absl::StrCat(
      "Network", r.district().empty() ? "" : " of " + r.district(), ": ",
      Counted(n.teachers(), "teacher", "teachers"), ", ",
      Counted(n.ties(), "tie", "ties"), n.directed() ? " (directed)" : "", "; ",
      channels.empty() ? "every channel"
                       : "channels " + absl::StrJoin(channels, ", "),
      "\n");
  absl::StrAppend(&out, "  density ", Figure(n.density()), ", reciprocity ",
                  Figure(n.reciprocity()), ", transitivity ",
                  Figure(n.transitivity()), "\n");
  absl::StrAppend(&out, "  components: ", WithCommas(n.weak_components()),
                  " weak (the largest ",
                  Counted(n.largest_component(), "teacher", "teachers"), "), ",
                  WithCommas(n.strong_components()), " strong; ",
                  Counted(n.isolates(), "isolate", "isolates"), "\n");
  if (n.directed()) {
    absl::StrAppend(&out, "  degree centralisation: in ",
                    Figure(n.in_degree_centralization()), ", out ",
                    Figure(n.out_degree_centralization()), "\n");
  } else {
    absl::StrAppend(&out, "  degree centralisation ",
                    Figure(n.degree_centralization()), "\n");
  }
  absl::StrAppend(&out, "  assortativity by school ",
                  Figure(n.assortativity_school()), ", grade ",
                  Figure(n.assortativity_grade()), ", subject ",
                  Figure(n.assortativity_subject()), "; E-I index ",
                  Figure(n.ei_index()), EiWords(n.ei_index()), "\n");
  for (const CommunityMeasures& c : n.communities()) {
    absl::StrAppend(&out, "  communities (", c.method(),
                    "): ", WithCommas(c.communities()), ", modularity ",
                    Figure(c.modularity()), ", against schools NMI ",
                    Figure(c.school_nmi()), ", ",
                    absl::StrFormat("%.1f", c.schools_per_community()),
                    " schools a community\n");
  }

  // Betweenness is NaN for every teacher when its searches were left out
  // (AnalysisResult.skipped says so below).
  if (r.teachers_size() > 0 &&
      !std::isnan(r.teachers(0).betweenness_normalized())) {
    AppendTop(
        r, "Brokers: betweenness, normalised",
        [](const TeacherMeasures& t) { return t.betweenness_normalized(); },
        /*whole=*/false, teachers_listed, out);
  }
  AppendTop(
      r, "Bridges between schools: open two-paths brokered across schools",
      [](const TeacherMeasures& t) {
        return static_cast<double>(t.brokerage().total() -
                                   t.brokerage().coordinator());
      },
      /*whole=*/true, teachers_listed, out);
  AppendTop(
      r, n.directed() ? "Most sought: in-degree" : "Most tied: degree",
      [](const TeacherMeasures& t) {
        return static_cast<double>(t.in_degree());
      },
      /*whole=*/true, teachers_listed, out);

  absl::StrAppend(&out, "\n",
                  absl::StrFormat("%-10s %8s %9s %9s %8s %7s %8s %11s\n",
                                  "school", "teachers", "internal", "external",
                                  "density", "E-I", "isolates", "near leader"));
  for (const SchoolMeasures& s : r.schools()) {
    absl::StrAppend(
        &out,
        absl::StrFormat(
            "%-10s %8d %9d %9d %8s %7s %8d %11s\n", s.school_id(), s.teachers(),
            s.internal_ties(), s.external_ties(), Figure(s.density()),
            Figure(s.ei_index()), s.isolates(),
            std::isnan(s.near_leader_share())
                ? std::string("n/a")
                : absl::StrFormat("%.0f%%", 100 * s.near_leader_share())));
  }
  if (!r.leaders().empty()) {
    absl::StrAppend(&out, "near leader: the share within two ties of ",
                    Counted(r.leaders_size(), "leader", "leaders"), " (",
                    absl::StrJoin(r.leaders(), ", "), ")\n");
  }
  for (const std::string& s : r.skipped()) {
    absl::StrAppend(&out, "left out: ", s, "\n");
  }
  return out;
}

}  // namespace collabnet
