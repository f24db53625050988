#include "report/comparison_table.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "report/summary.h"
#include "text/count_text.h"
#include "text/csv_field.h"
#include "text/number_text.h"

namespace collabnet {
namespace {

std::string Difference(const Estimate& e, bool significant) {
  return absl::StrFormat("%+.1f [%+.1f, %+.1f]%s", e.mean(), e.ci_low(),
                         e.ci_high(), significant ? " *" : "");
}

void AppendEstimate(const Estimate* e, std::vector<std::string>& row) {
  if (e == nullptr) {
    row.insert(row.end(), 4, "");
    return;
  }
  for (double x : {e->mean(), e->sd(), e->ci_low(), e->ci_high()}) {
    row.push_back(ShortestDouble(x));
  }
}

}  // namespace

std::string FormatComparison(const ComparisonResult& c) {
  std::size_t name_width = 8;
  bool costs = false;
  bool title_i = false;
  for (const ComparisonRow& r : c.rows()) {
    name_width = std::max(name_width, r.name().size());
    costs |= r.has_cost();
    title_i |= r.has_title_i_share();
  }
  std::string out = absl::StrCat(
      c.rows_size(), " scenarios on the same ", WithCommas(c.replicates()),
      " replicates (seed ", c.seed(),
      "), draws coupled; leaders not counted; 95% intervals; differences "
      "from the first are paired by replicate (* : the interval leaves out "
      "0)\n\n");
  absl::StrAppend(&out,
                  absl::StrFormat("%-*s  %7s  %-24s  %-24s  %7s", name_width,
                                  "scenario", "leaders", "teachers reached",
                                  "teachers adopting", "schools"));
  if (title_i) absl::StrAppend(&out, "  Title I");
  if (costs) absl::StrAppend(&out, absl::StrFormat("  %9s", "cost"));
  absl::StrAppend(&out, "  reached vs first           adopting vs first\n");
  for (const ComparisonRow& r : c.rows()) {
    absl::StrAppend(&out, absl::StrFormat("%-*s  %7d  %-24s  %-24s  %7.1f",
                                          name_width, r.name(), r.leaders(),
                                          FormatInterval(r.reached()),
                                          FormatInterval(r.adopting()),
                                          r.schools_reached().mean()));
    if (title_i) {
      absl::StrAppend(
          &out, absl::StrFormat("  %6.1f%%", 100 * r.title_i_share().mean()));
    }
    if (costs) absl::StrAppend(&out, absl::StrFormat("  %9g", r.cost()));
    if (r.has_reached_difference()) {
      absl::StrAppend(
          &out,
          absl::StrFormat(
              "  %-26s %s",
              Difference(r.reached_difference(), r.reached_significant()),
              Difference(r.adopting_difference(), r.adopting_significant())));
    } else {
      absl::StrAppend(&out, "  (first)");
    }
    absl::StrAppend(&out, "\n");
  }
  return out;
}

std::string FormatComparisonCsv(const ComparisonResult& c) {
  std::vector<std::string> header = {"scenario", "leaders", "cost"};
  for (const char* figure :
       {"reached", "adopting", "schools_reached", "title_i_share",
        "reached_difference", "adopting_difference"}) {
    for (const char* part : {"mean", "sd", "ci_low", "ci_high"}) {
      header.push_back(absl::StrCat(figure, "_", part));
    }
  }
  header.push_back("reached_significant");
  header.push_back("adopting_significant");
  std::string out;
  AppendCsvRow(header, out);
  for (const ComparisonRow& r : c.rows()) {
    std::vector<std::string> row = {
        r.name(), absl::StrCat(r.leaders()),
        r.has_cost() ? ShortestDouble(r.cost()) : std::string()};
    AppendEstimate(&r.reached(), row);
    AppendEstimate(&r.adopting(), row);
    AppendEstimate(&r.schools_reached(), row);
    AppendEstimate(r.has_title_i_share() ? &r.title_i_share() : nullptr, row);
    const bool paired = r.has_reached_difference();
    AppendEstimate(paired ? &r.reached_difference() : nullptr, row);
    AppendEstimate(paired ? &r.adopting_difference() : nullptr, row);
    row.push_back(paired ? (r.reached_significant() ? "true" : "false") : "");
    row.push_back(paired ? (r.adopting_significant() ? "true" : "false") : "");
    AppendCsvRow(row, out);
  }
  return out;
}

}  // namespace collabnet
