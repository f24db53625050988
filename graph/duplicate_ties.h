// Repeated ties, one rule for every reader and both ways of building a
// graph (a District message, or a reader straight into the builder).
//
// A tie repeats another when both name the same two teachers, the same
// direction (a directed tie from the same source; an undirected tie on the
// same pair, in either order) and the same channel. Ties on different
// channels, or one directed and one undirected, are distinct ties.
//
//   kMerge (the default): the repeats become one tie whose weight is the
//     sum of theirs (as ingest sums its records and UCINET DL its cells)
//     and whose first_seen and last_seen span theirs;
//   kKeep: the repeats stay as parallel ties, each a chance of its own in
//     a cascade;
//   kRefuse: the first repeat is an error that names it.
// Either way, how many ties repeated is counted and reported.
#ifndef COLLABNET_GRAPH_DUPLICATE_TIES_H_
#define COLLABNET_GRAPH_DUPLICATE_TIES_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "proto/district.pb.h"

namespace collabnet {

enum class DuplicateTies { kMerge, kKeep, kRefuse };

// "merge", "keep" or "refuse".
std::optional<DuplicateTies> ParseDuplicateTies(absl::string_view text);

// The error for a repeated tie under kRefuse; `where` says where the
// repeat is (a file and line, or a record number).
absl::Status RepeatedTieError(absl::string_view where, absl::string_view source,
                              absl::string_view target, Channel channel);

// Applies the rule to the district's ties, in place (merged ties keep the
// place of the first). Returns how many ties repeated an earlier one.
// Under kRefuse the error names `file` and the repeat's line from
// `tie_lines` (each tie's line, as the readers keep it on request), or,
// without lines, its place among the ties.
absl::StatusOr<std::int64_t> ApplyDuplicateTies(
    District& district, DuplicateTies rule, absl::string_view file,
    absl::Span<const std::int64_t> tie_lines = {});

}  // namespace collabnet

#endif  // COLLABNET_GRAPH_DUPLICATE_TIES_H_
