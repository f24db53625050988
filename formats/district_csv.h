// A district as a folder of three CSV files, the layout district data teams
// export from spreadsheets:
//
//   schools.csv   id,name,title_i,pbis,readiness
//   teachers.csv  id,school,grades,subjects,role,name
//   ties.csv      source,target,channel,directed,weight,first_seen,last_seen
//
// Columns are found by their header names, in any order; only the ids and
// the tie channel are required. Lists (grades, subjects) are separated by
// ';'; kindergarten is K. Booleans are true/false, yes/no or 1/0. Channels
// are co_teaching, plc, observation, coaching, pd_workshop, social_media or
// advice. A docs/data-formats.md section describes each column.
#ifndef COLLABNET_FORMATS_DISTRICT_CSV_H_
#define COLLABNET_FORMATS_DISTRICT_CSV_H_

#include <cstdint>
#include <istream>
#include <string>

#include "absl/status/statusor.h"
#include "graph/district_graph.h"
#include "proto/district.pb.h"
#include "proto/tie_stream.h"

namespace collabnet {

// What reading normalised, reported to the user rather than done silently.
struct CsvReadReport {
  std::int64_t schools = 0;
  std::int64_t teachers = 0;
  std::int64_t ties = 0;
  std::int64_t ids_trimmed = 0;  // ids with surrounding space removed
  // Set by the caller before reading to have each tie's line in ties.csv
  // kept in tie_lines (for messages about a tie after reading,
  // graph/duplicate_ties.h); off, it costs nothing.
  bool record_tie_lines = false;
  std::vector<std::int64_t> tie_lines;
  // Set by the caller before reading to have teachers.csv take one column
  // more than its own (a roster's stipend or release days, say, that a
  // command reads as a number): its cells, one per teacher row, go to
  // extra_cells. Unset, such a column is an unknown column, an error. The
  // cells are not part of the District: they reach no output.
  std::string extra_teacher_column;
  struct Cell {
    std::string teacher;  // the row's id, as read
    std::string text;
    std::int64_t line = 0;
  };
  std::vector<Cell> extra_cells;
};

// The three files as streams, with the names errors should use.
struct DistrictCsvStreams {
  std::istream* schools;
  std::istream* teachers;
  std::istream* ties;
  std::string schools_name = "schools.csv";
  std::string teachers_name = "teachers.csv";
  std::string ties_name = "ties.csv";
};

// Parses and cross-checks the three files. On failure the status is
// InvalidArgument and lists every error found (up to 20 per file), each as
// "file:line: field 'name': what was found; what was expected".
absl::StatusOr<District> ReadDistrictCsv(const DistrictCsvStreams& streams,
                                         CsvReadReport* report = nullptr);
// The same into `out`, which may live on an arena (proto/arena_district.h):
// how a district of millions of ties is read. On failure `out` holds what
// was read so far and is for discarding.
absl::Status ReadDistrictCsv(const DistrictCsvStreams& streams, District& out,
                             CsvReadReport* report = nullptr);

// A roster without ties: teachers in the teachers.csv layout and, when
// `schools` is set, schools in the schools.csv layout.
struct RosterStreams {
  std::istream* schools = nullptr;  // optional
  std::istream* teachers = nullptr;
  std::string schools_name = "schools.csv";
  std::string teachers_name = "teachers.csv";
};

// Reads a roster. Without a schools file every school id the teachers name
// becomes a school with no attributes (readiness 0). Errors as for
// ReadDistrictCsv.
absl::StatusOr<District> ReadRosterCsv(const RosterStreams& streams,
                                       CsvReadReport* report = nullptr);
// The same into `out` (an arena's, say), as ReadDistrictCsv's overload.
absl::Status ReadRosterCsv(const RosterStreams& streams, District& out,
                           CsvReadReport* report = nullptr);

// Reads the folder straight into a frozen graph, streaming ties.csv into the
// graph builder without a District message: how the simulator reads a
// district of millions of ties. Errors as for ReadDistrictCsv.
absl::StatusOr<DistrictGraph> ReadDistrictCsvGraph(
    const std::string& dir, const FreezeOptions& freeze = {},
    FreezeStats* stats = nullptr, CsvReadReport* report = nullptr);

// Reads schools.csv, teachers.csv and ties.csv from `dir`. The district is
// named after the folder.
absl::StatusOr<District> ReadDistrictCsvDir(const std::string& dir,
                                            CsvReadReport* report = nullptr);
// The same into `out` (an arena's, say), as ReadDistrictCsv's overload.
absl::Status ReadDistrictCsvDir(const std::string& dir, District& out,
                                CsvReadReport* report = nullptr);

// The three files' contents, canonical: reading them back gives `district`.
struct DistrictCsvText {
  std::string schools;
  std::string teachers;
  std::string ties;
};
DistrictCsvText FormatDistrictCsv(const District& district);

// Writes the three files into `dir` (created if missing), atomically.
absl::Status WriteDistrictCsvDir(const District& district,
                                 const std::string& dir);
// The same with `district`'s schools and teachers and the ties of `ties`
// (its own are not written).
absl::Status WriteDistrictCsvDir(const District& district,
                                 const TieStream& ties, const std::string& dir);

}  // namespace collabnet

#endif  // COLLABNET_FORMATS_DISTRICT_CSV_H_
