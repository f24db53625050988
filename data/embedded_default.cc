#include "data/embedded_default.h"

#include <sstream>
#include <string>

#include "absl/strings/string_view.h"
#include "formats/district_csv.h"
#include "scenario/scenario_file.h"

namespace collabnet {
namespace embedded {
absl::string_view schools_csv();
absl::string_view teachers_csv();
absl::string_view ties_csv();
absl::string_view default_textproto();
}  // namespace embedded

absl::StatusOr<District> EmbeddedDistrict() {
  std::istringstream schools{std::string(embedded::schools_csv())};
  std::istringstream teachers{std::string(embedded::teachers_csv())};
  std::istringstream ties{std::string(embedded::ties_csv())};
  DistrictCsvStreams streams{&schools,
                             &teachers,
                             &ties,
                             "(embedded) data/district/schools.csv",
                             "(embedded) data/district/teachers.csv",
                             "(embedded) data/district/ties.csv"};
  absl::StatusOr<District> district = ReadDistrictCsv(streams);
  if (district.ok()) district->set_name("sample-district");
  return district;
}

absl::StatusOr<Scenario> EmbeddedScenario() {
  absl::StatusOr<Scenario> scenario = ParseScenario(
      embedded::default_textproto(), "(embedded) data/default.textproto");
  if (!scenario.ok()) return scenario;
  // The file names data/district for use from the source tree; embedded,
  // the district is the embedded one.
  scenario->clear_district();
  return scenario;
}

}  // namespace collabnet
