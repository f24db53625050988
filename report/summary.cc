#include "report/summary.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "proto/channel_names.h"
#include "report/leader_reach.h"
#include "text/count_text.h"

namespace collabnet {

std::string FormatInterval(const Estimate& e) {
  return absl::StrFormat("%.1f [%.1f, %.1f]", e.mean(), e.ci_low(),
                         e.ci_high());
}

std::string FormatChannelMeans(
    const google::protobuf::RepeatedPtrField<ChannelReach>& channels) {
  std::vector<const ChannelReach*> positive;
  for (const ChannelReach& c : channels) {
    if (c.teachers().mean() > 0) positive.push_back(&c);
  }
  std::stable_sort(positive.begin(), positive.end(), [](auto* a, auto* b) {
    return a->teachers().mean() > b->teachers().mean();
  });
  std::vector<std::string> parts;
  parts.reserve(positive.size());
  for (const ChannelReach* c : positive) {
    parts.push_back(absl::StrFormat("%s %.1f", ChannelLabel(c->channel()),
                                    c->teachers().mean()));
  }
  return absl::StrJoin(parts, ", ");
}

namespace {

// The most leaders the summary lists by their own reach.
constexpr int kLeadersListed = 20;

std::string Interval(const Estimate& e) { return FormatInterval(e); }

std::string Difference(double simulated, double observed) {
  if (observed == 0) return "";
  return absl::StrFormat("%+.1f%%", 100.0 * (simulated - observed) / observed);
}

// A count of teachers: whole where it is whole, else to a tenth.
std::string Count(double v) {
  if (v > 0 && v < 0.05) return "<0.1";
  if (v == std::floor(v) && std::abs(v) < 1e15) {
    return WithCommas(static_cast<std::int64_t>(v));
  }
  return absl::StrFormat("%.1f", v);
}

std::string Quantiles(const Estimate& e) {
  std::vector<std::string> parts;
  for (const Quantile& q : e.quantiles()) {
    parts.push_back(absl::StrCat(absl::StrFormat("%g", 100 * q.probability()),
                                 "%: ", Count(q.value())));
  }
  return absl::StrJoin(parts, ", ");
}

void AppendDirectReach(const RunResult& r, std::string& out) {
  absl::StrAppend(&out,
                  "Direct reach of the leaders (teachers they influenced "
                  "first-hand), mean [95% CI]\n");
  if (r.observed_comparison_size() > 0 || r.observed_direct_reach() > 0) {
    absl::StrAppend(&out, absl::StrFormat("  %-26s %-26s %9s %8s\n", "",
                                          "simulated", "observed", "diff"));
    for (const CategoryComparison& c : r.observed_comparison()) {
      absl::StrAppend(
          &out,
          absl::StrFormat("  %-26s %-26s %9.0f %8s\n", c.name(),
                          Interval(c.simulated()), c.observed(),
                          Difference(c.simulated().mean(), c.observed())));
    }
    absl::StrAppend(
        &out,
        absl::StrFormat(
            "  %-26s %-26s %9.0f %8s\n", "total", Interval(r.direct_reach()),
            r.observed_direct_reach(),
            Difference(r.direct_reach().mean(), r.observed_direct_reach())));
    if (!r.observed_source().empty()) {
      absl::StrAppend(&out, "  observed: ", r.observed_source(), "\n");
    }
  } else {
    absl::StrAppend(&out, "  total ", Interval(r.direct_reach()), "\n");
  }
  const std::string by_channel =
      FormatChannelMeans(r.direct_reach_by_channel());
  if (!by_channel.empty()) {
    absl::StrAppend(&out, "  by channel: ", by_channel, "\n");
  }
}

// ", p = 0.05, tie weights" and the like: what the plain model ran with.
std::string PlainModelSettings(const Scenario& s) {
  std::vector<std::string> parts;
  bool weights = false;
  if (s.has_independent_cascade()) {
    const IndependentCascadeParams& ic = s.independent_cascade();
    if (ic.probabilities() == IndependentCascadeParams::CHANNELS) {
      parts.push_back("each channel's probability");
    } else if (ic.probabilities() == IndependentCascadeParams::UNIFORM) {
      parts.push_back(absl::StrFormat("p = %g", ic.probability()));
    }
    weights = ic.use_tie_weights();
  } else if (s.has_linear_threshold()) {
    const LinearThresholdParams& lt = s.linear_threshold();
    parts.push_back(lt.thresholds().empty()
                        ? "thresholds drawn"
                        : absl::StrFormat("%d thresholds given, the rest drawn",
                                          lt.thresholds_size()));
    weights = lt.use_tie_weights();
  } else if (s.has_complex_contagion()) {
    const ComplexContagionParams& cc = s.complex_contagion();
    parts.push_back(cc.rule_case() == ComplexContagionParams::kThreshold
                        ? absl::StrFormat("k = %d", cc.threshold())
                        : absl::StrFormat("fraction = %g", cc.fraction()));
    parts.push_back(absl::StrFormat(
        "p = %g", cc.has_probability() ? cc.probability() : 1.0));
  }
  if (weights) parts.push_back("tie weights");
  return parts.empty() ? "" : ", " + absl::StrJoin(parts, ", ");
}

}  // namespace

std::string FormatSummary(const RunResult& r, int schools_listed) {
  const RunDetails& d = r.details();
  std::string out;
  absl::StrAppend(&out, "Scenario ",
                  d.scenario().empty() ? "(unnamed)" : d.scenario(), " on ",
                  d.district().empty() ? "(unnamed)" : d.district(), ": ",
                  Counted(d.teachers(), "teacher", "teachers"), ", ",
                  Counted(d.ties(), "tie", "ties"), "\n");
  absl::StrAppend(&out, r.leaders_size(),
                  r.leaders_size() == 1 ? " leader: " : " leaders: ",
                  absl::StrJoin(r.leaders(), ", "), "\n");
  // The tie context in effect, which every model applies.
  const Scenario& run = d.parameters();
  std::vector<std::string> context;
  for (const auto& [what, set, factor] :
       {std::tuple<const char*, bool, double>{"leaders and coaches",
                                              run.has_leader_credibility(),
                                              run.leader_credibility()},
        // (only where someone has such a role: the factor acts on no one
        // otherwise)
        {"same school", run.has_same_school_multiplier(),
         run.same_school_multiplier()},
        {"same grade", run.has_same_grade_multiplier(),
         run.same_grade_multiplier()},
        {"same subject", run.has_same_subject_multiplier(),
         run.same_subject_multiplier()}}) {
    const bool acts = what[0] != 'l' || d.leaders_and_coaches() > 0;
    if (set && factor != 1 && acts) {
      context.push_back(absl::StrFormat("%s x%g", what, factor));
    }
  }
  if (!context.empty()) {
    absl::StrAppend(
        &out, "Ties weighed by context: ", absl::StrJoin(context, ", "), "\n");
  }
  absl::StrAppend(&out, "\n");

  const bool plain = d.model() != "multi_channel_cascade";
  const std::string unit = d.time_unit().empty() ? "week" : d.time_unit();
  if (plain) {
    absl::StrAppend(&out, "Model: ", d.model(), PlainModelSettings(run), "\n");
  }
  if (!plain || r.observed_comparison_size() > 0) AppendDirectReach(r, out);
  // Shares are of every teacher, the leaders counted among those reached
  // (they practise from the start), as each school's are.
  const double all = std::max<double>(1, d.teachers());
  const double leaders = r.leaders_size();
  auto share = [&](double beyond) { return 100.0 * (beyond + leaders) / all; };
  absl::StrAppend(&out, "\nSpread beyond the leaders by ",
                  d.horizon() > 0 ? absl::StrCat(unit, " ", d.horizon())
                                  : std::string("the end of the cascade"),
                  ", mean [95% CI]; shares of all ",
                  WithCommas(static_cast<std::int64_t>(all)),
                  " teachers, the leaders included\n");
  absl::StrAppend(
      &out, absl::StrFormat("  teachers reached   %-26s %5.1f%%\n",
                            Interval(r.reached()), share(r.reached().mean())));
  if (!r.reached().quantiles().empty()) {
    absl::StrAppend(&out, "  reached quantiles  ", Quantiles(r.reached()),
                    "\n");
  }
  if (!plain) {
    absl::StrAppend(
        &out,
        absl::StrFormat("  teachers adopting  %-26s %5.1f%%\n",
                        Interval(r.adopting()), share(r.adopting().mean())));
    if (r.reached_by_broadcast().mean() > 0) {
      absl::StrAppend(
          &out, absl::StrFormat("  by the broadcast   %-26s %5.1f%% (reached "
                                "first by it, not by a colleague)\n",
                                Interval(r.reached_by_broadcast()),
                                100.0 * r.reached_by_broadcast().mean() / all));
    }
    if (r.sustained().mean() < r.adopting().mean()) {
      absl::StrAppend(
          &out, absl::StrFormat("  still practising   %-26s %5.1f%% (the rest "
                                "lapsed)\n",
                                Interval(r.sustained()),
                                share(r.sustained().mean())));
    }
    if (r.deferred_by_capacity().mean() > 0) {
      absl::StrAppend(
          &out, absl::StrFormat("  leader capacity    %-26s contacts that "
                                "waited for a later term\n",
                                Interval(r.deferred_by_capacity())));
    }
  }
  // Every hop the JSON has, so the table adds up to the total.
  std::vector<std::string> hops;
  for (const HopReach& h : r.reached_by_hop()) {
    if (h.teachers().mean() > 0) {
      hops.push_back(absl::StrCat(h.hop(), ": ", Count(h.teachers().mean())));
    }
  }
  if (!hops.empty()) {
    absl::StrAppend(&out, "  reached by hop     ", absl::StrJoin(hops, ", "),
                    "\n");
  }
  if (r.weekly_size() > 1) {
    std::vector<std::string> weeks, bands;
    const int last = r.weekly_size() - 1;
    const int step = std::max(1, (last + 5) / 6);
    const std::string step_name = unit == "week" ? "wk" : unit;
    auto add_week = [&](const WeekPoint& w) {
      weeks.push_back(absl::StrFormat("%s %d: %.0f", step_name, w.week(),
                                      w.reached_mean()));
      const Estimate& e = w.reached();
      if (e.quantiles_size() == 5) {
        bands.push_back(absl::StrFormat("%s %d: %.0f-%.0f", step_name, w.week(),
                                        e.quantiles(0).value(),
                                        e.quantiles(4).value()));
      }
    };
    for (int w = step; w <= last; w += step) add_week(r.weekly(w));
    if (last % step != 0) add_week(r.weekly(last));
    absl::StrAppend(&out, "  reached over time  ", absl::StrJoin(weeks, ", "),
                    "\n");
    if (!bands.empty()) {
      absl::StrAppend(&out,
                      plain ? "  5%-95% of runs    " : "  5%-95% of years   ",
                      absl::StrJoin(bands, ", "), "\n");
    }
  }

  AppendLeaderReach(r, kLeadersListed, out);

  std::vector<const SchoolReach*> schools;
  for (const SchoolReach& s : r.schools()) {
    if (s.teachers() > 0) schools.push_back(&s);
  }
  auto school_share = [](const SchoolReach* s) {
    return (s->reached().mean() + s->leaders()) / s->teachers();
  };
  std::stable_sort(schools.begin(), schools.end(), [&](auto* a, auto* b) {
    return school_share(a) > school_share(b);
  });
  const int listed =
      std::min<int>(schools_listed, static_cast<int>(schools.size()) / 2);
  auto list = [&](const char* title, auto begin, auto end) {
    absl::StrAppend(&out, "\n", title, "\n");
    for (auto it = begin; it != end; ++it) {
      const SchoolReach* s = *it;
      absl::StrAppend(
          &out,
          absl::StrFormat(
              "  %-28s %5.1f%% reached, %5.1f%% adopting (%s%s)\n",
              s->name().empty()
                  ? s->school_id()
                  : absl::StrCat(s->name(), " (", s->school_id(), ")"),
              100.0 * school_share(s),
              100.0 * (s->adopting().mean() + s->leaders()) / s->teachers(),
              Counted(s->teachers(), "teacher", "teachers"),
              s->leaders() > 0
                  ? absl::StrCat(", ",
                                 Counted(s->leaders(), "leader", "leaders"))
                  : ""));
    }
  };
  if (listed > 0) {
    list("Schools reached most", schools.begin(), schools.begin() + listed);
    list("Schools reached least", schools.end() - listed, schools.end());
  }

  if (d.target_half_width() > 0) {
    const double half = r.reached().ci_high() - r.reached().mean();
    absl::StrAppend(
        &out,
        absl::StrFormat(
            "\nPrecision: teachers reached within +/-%.2f (95%%), target "
            "+/-%g: %s\n",
            half, d.target_half_width(),
            d.target_met()
                ? absl::StrCat("met with ", Counted(d.replicates(), "replicate",
                                                    "replicates"))
                : absl::StrCat(
                      "NOT met at the cap of ",
                      Counted(d.replicates(), "replicate", "replicates"),
                      "; raise --max-replicates")));
  }
  absl::StrAppend(
      &out, absl::StrFormat("\nRun: %s, seed %d, %d thread%s, "
                            "%.2f s (collabnet %s, %s)\n",
                            Counted(d.replicates(), "replicate", "replicates"),
                            d.seed(), d.threads(), d.threads() == 1 ? "" : "s",
                            d.wall_seconds(), d.version(), d.model()));
  return out;
}

}  // namespace collabnet
