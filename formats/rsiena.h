// Panel data for RSiena (stochastic actor-oriented models of network and
// behaviour co-evolution): the district's ties observed at a few waves and
// each teacher's adoption of the practice at those waves.
//
// A folder holds
//   actors.csv          row number, teacher id and school of each actor
//   network_wN.txt      wave N's adjacency matrix, 0/1, blank-separated; a
//                       tie is present if its first-last seen span overlaps
//                       the wave's period (after the previous wave, up to
//                       this one); undated ties are present in every wave
//   behaviour.txt       actors by waves: 1 if the teacher adopted on or
//                       before the wave's date (only with adoption records)
//   school.txt          each actor's school as a number, a constant
//                       covariate
//   load.R              reads the files into RSiena objects
#ifndef COLLABNET_FORMATS_RSIENA_H_
#define COLLABNET_FORMATS_RSIENA_H_

#include <istream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "proto/district.pb.h"

namespace collabnet {

struct Adoption {
  std::string teacher;
  absl::CivilDay day;
};

// Reads adoption records "teacher,date" (a header, then one row per
// teacher; a teacher listed twice keeps the earliest date). Each teacher
// must be in `district`.
absl::StatusOr<std::vector<Adoption>> ReadAdoptions(std::istream& in,
                                                    const std::string& name,
                                                    const District& district);

// The folder's files as (name, content). `waves` must be increasing and at
// least two.
absl::StatusOr<std::vector<std::pair<std::string, std::string>>> FormatRsiena(
    const District& district, const std::vector<absl::CivilDay>& waves,
    const std::vector<Adoption>* adoptions);

}  // namespace collabnet

#endif  // COLLABNET_FORMATS_RSIENA_H_
