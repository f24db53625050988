#include "report/weekly_csv.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "text/csv_field.h"

namespace collabnet {
namespace {

constexpr const char* kCurves[] = {"reached", "adopting", "practising"};
constexpr const char* kStats[] = {"mean", "ci_low", "ci_high", "p05",
                                  "p25",  "p50",    "p75",     "p95"};

void AppendBand(const Estimate& e, std::vector<std::string>& row) {
  row.push_back(absl::StrCat(e.mean()));
  row.push_back(absl::StrCat(e.ci_low()));
  row.push_back(absl::StrCat(e.ci_high()));
  for (int q = 0; q < 5; ++q) {
    row.push_back(q < e.quantiles_size() ? absl::StrCat(e.quantiles(q).value())
                                         : std::string());
  }
}

}  // namespace

std::string FormatWeeklyCsv(const RunResult& result) {
  // The first column names the clock: "week", or "round" for the plain
  // models.
  const std::string& unit = result.details().time_unit();
  std::vector<std::string> header = {unit.empty() ? "week" : unit};
  for (const char* curve : kCurves) {
    for (const char* stat : kStats) {
      header.push_back(absl::StrCat(curve, "_", stat));
    }
  }
  std::string out;
  AppendCsvRow(header, out);
  for (const WeekPoint& w : result.weekly()) {
    std::vector<std::string> row = {absl::StrCat(w.week())};
    AppendBand(w.reached(), row);
    AppendBand(w.adopting(), row);
    AppendBand(w.practising(), row);
    AppendCsvRow(row, out);
  }
  return out;
}

}  // namespace collabnet
