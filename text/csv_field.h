// Writing CSV fields the way the CSV reader (ingest/csv_reader.h) reads them,
// shared by every writer of CSV: district files, per-teacher and sweep
// results.
#ifndef COLLABNET_TEXT_CSV_FIELD_H_
#define COLLABNET_TEXT_CSV_FIELD_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace collabnet {

// Appends one CSV field, quoting it only when it holds a comma, a quote, a
// line break or surrounding space; quotes inside are doubled.
void AppendCsvField(absl::string_view field, std::string& out);

// Appends fields as one CSV line, each as AppendCsvField writes it.
void AppendCsvRow(const std::vector<std::string>& fields, std::string& out);

}  // namespace collabnet

#endif  // COLLABNET_TEXT_CSV_FIELD_H_
