// Given thresholds (--thresholds FILE): teacher,threshold rows.
#include "fuzz/fuzz_input.h"
#include "scenario/threshold_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  (void)collabnet::ReadThresholdCsv(collabnet::fuzz::AsFile(data, size, ".csv"));
  return 0;
}
