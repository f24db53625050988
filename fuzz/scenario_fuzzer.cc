// Scenario files as a user writes them, old flat form included (which must
// fail with its migration message, never crash). The checks of what a
// parsed scenario may hold are ValidateScenario's, tested in
// tests/sim/validate_scenario_test.cc and the regression corpus.
#include "fuzz/fuzz_input.h"
#include "scenario/scenario_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  (void)collabnet::ParseScenario(collabnet::fuzz::Text(data, size), "fuzz");
  return 0;
}
