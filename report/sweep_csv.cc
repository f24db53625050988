#include "report/sweep_csv.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "text/csv_field.h"

namespace collabnet {
namespace {

// "job-embedded support" -> "job_embedded_support", a safe column name.
std::string ColumnName(const std::string& name) {
  std::string out;
  for (char c : absl::AsciiStrToLower(name)) {
    out += absl::ascii_isalnum(static_cast<unsigned char>(c)) ? c : '_';
  }
  return out;
}

void AppendEstimate(const Estimate& e, std::vector<std::string>& row) {
  row.push_back(absl::StrCat(e.mean()));
  row.push_back(absl::StrCat(e.sd()));
  row.push_back(absl::StrCat(e.ci_low()));
  row.push_back(absl::StrCat(e.ci_high()));
}

}  // namespace

std::string FormatSweepCsv(const SweepResult& sweep) {
  std::vector<std::string> header(sweep.parameters().begin(),
                                  sweep.parameters().end());
  header.push_back("replicates");
  // Sustained adopters and waits for capacity are the multi-channel model's
  // own figures: the columns are there when the results have them.
  const bool district =
      !sweep.rows().empty() && sweep.rows(0).result().has_sustained();
  for (const char* figure :
       {"reached", "adopting", "sustained", "direct", "deferred_by_capacity"}) {
    const absl::string_view name = figure;
    if (!district && (name == "sustained" || name == "deferred_by_capacity")) {
      continue;
    }
    for (const char* stat : {"mean", "sd", "ci_low", "ci_high"}) {
      header.push_back(absl::StrCat(figure, "_", stat));
    }
  }
  if (!sweep.rows().empty()) {
    for (const CategoryComparison& c :
         sweep.rows(0).result().observed_comparison()) {
      header.push_back(absl::StrCat("direct_", ColumnName(c.name()), "_mean"));
    }
  }
  std::string out;
  AppendCsvRow(header, out);
  for (const SweepRow& row : sweep.rows()) {
    std::vector<std::string> fields(row.values().begin(), row.values().end());
    const RunResult& r = row.result();
    fields.push_back(absl::StrCat(r.details().replicates()));
    AppendEstimate(r.reached(), fields);
    AppendEstimate(r.adopting(), fields);
    if (district) AppendEstimate(r.sustained(), fields);
    AppendEstimate(r.direct_reach(), fields);
    if (district) AppendEstimate(r.deferred_by_capacity(), fields);
    for (const CategoryComparison& c : r.observed_comparison()) {
      fields.push_back(absl::StrCat(c.simulated().mean()));
    }
    AppendCsvRow(fields, out);
  }
  return out;
}

}  // namespace collabnet
