// The CSV layouts of the collaboration records districts keep, one per
// source, each read into records that say who can influence whom, through
// which channel and when. docs/data-formats.md documents every layout.
//
//   source        columns (required in capitals)        tie
//   plc           GROUP, MEMBER, term                   member -- member
//   observations  OBSERVER, OBSERVED, date              observed -> observer
//   co_teaching   TEACHER_A, TEACHER_B, year            a -- b
//   coaching      COACH, TEACHER, date, minutes         coach -> teacher
//   pd            SESSION, FACILITATOR, ATTENDEE, date  facilitator -> attendee
//   social        FOLLOWER, FOLLOWED, date              followed -> follower
//     or          AUTHOR, ACTION, TARGET, time          by action, see below
//   advice        RESPONDENT, NAMED, question, date     named -> respondent
//
// PD facilitators may be several, separated by ';'. Social actions:
// mentioned and replied point author -> target (the author's words reach
// the target); reposted, quoted and liked point target -> author.
#ifndef COLLABNET_RECORDS_SOURCE_LAYOUTS_H_
#define COLLABNET_RECORDS_SOURCE_LAYOUTS_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "io/csv_reader.h"
#include "io/csv_table.h"
#include "proto/district.pb.h"

namespace collabnet {

enum class SourceKind {
  kPlc,
  kObservations,
  kCoTeaching,
  kCoaching,
  kPd,
  kSocial,
  kAdvice,
};

// The name used on the command line and in reports: plc, observations,
// co_teaching, coaching, pd, social, advice.
absl::string_view SourceKindName(SourceKind kind);
std::optional<SourceKind> ParseSourceKind(absl::string_view name);
// The channel a source's ties carry.
Channel SourceChannel(SourceKind kind);

// How much one coaching record counts.
enum class CoachingWeight { kSessions, kHours };

// One row's contribution: `from` can influence `to`. For plc, a row is a
// membership: `group` names the group and term, `from` the member, and `to`
// is empty; ties among members are made once the file is read.
// One record, valid during the callback that receives it: its ids are
// views into the row being read.
struct SourceRecord {
  absl::string_view from;
  absl::string_view to;
  absl::string_view from_field;  // column names, for errors
  absl::string_view to_field;
  std::string group;
  bool directed = true;
  double amount = 1;  // sessions, or hours for coaching by hours
  // When it happened; nullopt for an empty time cell or a plc term that is
  // a label rather than a date or school year. A follow lasts from its date
  // on: its last day is absl::CivilDay::max().
  std::optional<DayRange> when;
  // A 128-bit fingerprint of what makes the row itself: equal fingerprints
  // are duplicate rows.
  std::pair<std::uint64_t, std::uint64_t> key;
  std::int64_t line = 0;
};

struct SourceOptions {
  CoachingWeight coaching_weight = CoachingWeight::kSessions;
};

// A source's layout bound to one file's header: reads that file's rows
// into records, on any number of threads at once (a file cut into chunks
// by io/csv_chunks.h), each thread with its own errors.
class SourceRows {
 public:
  using Emit = std::function<void(SourceRecord&)>;
  using RowFn = std::function<void(const CsvHeader&, const CsvRecord&,
                                   FileErrors&, const Emit&)>;

  // Reads and checks the header `reader` starts with; nullopt, with the
  // errors added, for an empty file or a wrong header (its rows would only
  // repeat the fault).
  static std::optional<SourceRows> Bind(SourceKind kind,
                                        const SourceOptions& options,
                                        CsvReader& reader, FileErrors& errors);

  // Streams the rows `reader` has (the rest of the file, or a chunk of it)
  // through `emit`. Malformed rows are added to `errors` (file, line,
  // field, what was found and expected) and skipped.
  void ReadRows(CsvReader& reader, FileErrors& errors, const Emit& emit) const;

 private:
  SourceRows(CsvHeader header, RowFn row);

  CsvHeader header_;
  RowFn row_;
};

// Streams the table in `in` through `record`: Bind, then ReadRows.
void ReadSourceRecords(SourceKind kind, std::istream& in,
                       const SourceOptions& options, FileErrors& errors,
                       const std::function<void(SourceRecord&)>& record);

}  // namespace collabnet

#endif  // COLLABNET_RECORDS_SOURCE_LAYOUTS_H_
