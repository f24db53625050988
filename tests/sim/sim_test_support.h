// What the simulation tests share: the draw modes to run each check in, and
// a frozen graph that fails the test, not the program, when freezing fails.
#ifndef COLLABNET_TESTS_SIM_SIM_TEST_SUPPORT_H_
#define COLLABNET_TESTS_SIM_SIM_TEST_SUPPORT_H_

#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "graph/district_graph.h"
#include "gtest/gtest.h"
#include "proto/district.pb.h"
#include "sim/model.h"

namespace collabnet::testing {

inline constexpr DrawMode kDrawModes[] = {DrawMode::kCoupled,
                                          DrawMode::kStream};

inline std::string DrawModeName(DrawMode mode) {
  return mode == DrawMode::kCoupled ? "coupled" : "stream";
}

inline DistrictGraph FreezeOrFail(const District& d, bool reverse = false) {
  absl::StatusOr<DistrictGraph> g =
      FreezeDistrict(d, FreezeOptions{.build_reverse = reverse});
  EXPECT_TRUE(g.ok()) << g.status();
  return g.ok() ? *std::move(g) : DistrictGraph();
}

}  // namespace collabnet::testing

#endif  // COLLABNET_TESTS_SIM_SIM_TEST_SUPPORT_H_
