// The embedded default: the sample district in data/district/ and the
// default scenario data/default.textproto, compiled into the program so that
// `collabnet simulate` runs with no files at all.
#ifndef COLLABNET_DATA_EMBEDDED_DEFAULT_H_
#define COLLABNET_DATA_EMBEDDED_DEFAULT_H_

#include "absl/status/statusor.h"
#include "proto/district.pb.h"
#include "proto/scenario.pb.h"

namespace collabnet {

// The sample district, named "sample-district". Fails only if the embedded
// files are broken, which the tests rule out.
absl::StatusOr<District> EmbeddedDistrict();

// The default scenario; its `district` field is empty, meaning the embedded
// district.
absl::StatusOr<Scenario> EmbeddedScenario();

}  // namespace collabnet

#endif  // COLLABNET_DATA_EMBEDDED_DEFAULT_H_
