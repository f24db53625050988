// Merges a district's collaboration records, one CSV file per source (see
// source_layouts.h), into one district checked against its roster.
//
//   IngestOptions options;
//   options.roster_path = "roster.csv";
//   options.sources = {{SourceKind::kPlc, "plc.csv"},
//                      {SourceKind::kPd, "pd.csv"}};
//   IngestReport report;
//   absl::StatusOr<District> d = IngestSources(options, &report);
//
// Every record becomes a contribution to the tie from `from` to `to` in its
// source's channel; contributions to the same tie merge into one weighted
// tie (its weight the sum, its first and last seen the span of the dates),
// and every such change is counted in the report. Files are read in chunks
// of whole records: memory grows with the records (48 bytes each until
// they merge) and the ties, not with the files' text, except for the
// records naming someone off the roster, which are kept (some 140 bytes
// and their ids each) until their file is read; a district's tie messages
// take several times what IngestedTies holds. Ties come in the order the
// files first made them, each tie's records merged in file order: the
// district is the same on any number of threads and any chunk size.
#ifndef COLLABNET_RECORDS_SOURCE_INGEST_H_
#define COLLABNET_RECORDS_SOURCE_INGEST_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "proto/district.pb.h"
#include "proto/tie_stream.h"
#include "records/source_layouts.h"

namespace collabnet {

// What to do with a record naming a teacher who is not on the roster.
enum class OffRosterPolicy {
  kError,  // an error naming the file, line and field (the default)
  kDrop,   // drop the record, counted
  kKeep,   // add the teacher, in a school named "off_roster", counted
};

struct SourceInput {
  SourceKind kind;
  std::string path;
};

struct IngestOptions {
  std::string roster_path;   // teachers, in the teachers.csv layout
  std::string schools_path;  // optional, in the schools.csv layout
  std::vector<SourceInput> sources;
  // Keep only records whose date or school year overlaps [since, until].
  // Records with no date are kept and counted.
  std::optional<absl::CivilDay> since;
  std::optional<absl::CivilDay> until;
  // When positive, a record dated `age` days before the reference day (until,
  // or else the latest date in the records) counts 0.5^(age / half_life).
  double half_life_days = 0;
  OffRosterPolicy off_roster = OffRosterPolicy::kError;
  // Match ids case-insensitively; the roster's spelling is kept.
  bool fold_case = false;
  CoachingWeight coaching_weight = CoachingWeight::kSessions;
  std::string name;  // the district's name
  // A PLC group's members are tied each to each; a group that would make
  // more ties than this is an error (0: no limit), so that a staff list
  // given as one group cannot expand past memory.
  std::int64_t max_group_ties = 100000;
  // Threads (0: one per core). Each reads chunks of a file and handles
  // their records, and all merge them once every file is read (plc files
  // are read on one). The district, the report and the errors are the same
  // whatever the count.
  int threads = 0;
  // The text a thread reads at a time, at most 1 GiB; it changes nothing
  // but speed.
  std::size_t chunk_bytes = std::size_t{1} << 20;
};

// One source file's rows and what became of them.
struct SourceReport {
  SourceKind kind = SourceKind::kPlc;
  std::string path;
  std::int64_t records = 0;  // rows read without error
  // The records the rows make: one a row, but one per facilitator in a pd
  // row; the counts below are of these.
  std::int64_t pairs = 0;
  std::int64_t duplicate_rows = 0;  // identical to an earlier one; dropped
  std::int64_t outside_window = 0;  // dropped by since/until
  std::int64_t undated = 0;         // no date; kept
  std::int64_t off_roster_dropped = 0;
  std::int64_t self_loops = 0;     // a teacher with themself; dropped
  std::int64_t contributions = 0;  // what reached ties (plc: member pairs)
};

struct IngestReport {
  std::int64_t schools = 0;
  std::int64_t teachers = 0;
  bool schools_from_roster = false;  // no schools file was given
  std::int64_t ids_trimmed = 0;
  std::int64_t ids_case_folded = 0;
  std::int64_t off_roster_teachers = 0;  // added under OffRosterPolicy::kKeep
  std::vector<SourceReport> sources;
  std::int64_t ties = 0;
  std::int64_t ties_by_channel[8] = {};
  // Ties whose records are all more than 1,000 half-lives old: their weight
  // is held at 2^-1000 rather than rounded to 0.
  std::int64_t ties_at_weight_floor = 0;
  std::optional<absl::CivilDay> reference_day;  // when a half-life applied
};

// InvalidArgument when the options cannot be right whatever the files
// hold: no roster, a time window that ends before it starts, a bad
// half-life, a file given twice (its records would count twice), more than
// 65,535 sources, chunks over 1 GiB.
absl::Status CheckIngestOptions(const IngestOptions& options);

// The ties an ingest made, in their order, 32 bytes each where a message
// takes several times that: how a state's records reach a file
// (WriteDistrict in formats/district_io.h takes them as a TieStream, and
// FieldCheckedTies in graph/district_graph.h checks them on the way). Their
// ends are the teachers of the district they were ingested into, by index,
// read as they are visited: that district must stay where it is (not moved
// from, its teachers neither removed nor reordered) while they are used, and
// pseudonymising it (PseudonymizeDistrict) renames their ends too.
class IngestedTies final : public TieStream {
 public:
  std::int64_t size() const override {
    return static_cast<std::int64_t>(size_);
  }
  absl::Status ForEachIn(std::int64_t begin, std::int64_t end,
                         TieVisitor visit) const override;
  // Adds them to the district's ties as messages (on its arena if it has
  // one).
  void AppendTo(District& district) const;

  // How a tie is held.
  struct Held {
    double weight;         // 1 is written as no weight
    std::uint32_t source;  // teacher indices
    std::uint32_t target;
    std::int32_t first_seen;  // days since 1970-01-01; INT32_MIN: none
    std::int32_t last_seen;
    std::uint8_t channel;
    bool directed;
  };

 private:
  friend absl::Status IngestSources(const IngestOptions& options, District& out,
                                    IngestedTies& ties, IngestReport* report);
  const District* district_ = nullptr;
  std::unique_ptr<Held[]> ties_;
  std::size_t size_ = 0;
};

// Reads the roster and every source, after CheckIngestOptions. InvalidArgument
// lists every error of every file (up to 20 a file); NotFound names a file that
// cannot be opened.
absl::StatusOr<District> IngestSources(const IngestOptions& options,
                                       IngestReport* report = nullptr);
// The same into `out`, which may live on an arena (proto/arena_district.h)
// for millions of tie messages. On failure `out` holds what was read so far
// and is for discarding.
absl::Status IngestSources(const IngestOptions& options, District& out,
                           IngestReport* report = nullptr);
// The same with the ties held compactly in `ties` rather than added to
// `out`, which gets the name, schools and teachers: how `collabnet ingest`
// reads a state's records in a fraction of the memory. OutOfRange past
// 2^31 - 1 ties, which no District message can hold.
absl::Status IngestSources(const IngestOptions& options, District& out,
                           IngestedTies& ties, IngestReport* report = nullptr);

// A few lines for a person: per source, what was read, dropped and merged.
std::string FormatIngestReport(const IngestReport& report);

}  // namespace collabnet

#endif  // COLLABNET_RECORDS_SOURCE_INGEST_H_
