// Given thresholds (--thresholds FILE): teacher,threshold rows.
#include "fuzz/fuzz_input.h"
#include "scenario/teacher_numbers_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  (void)collabnet::ReadTeacherNumberCsv(
      collabnet::fuzz::AsFile(data, size, ".csv"), collabnet::kThresholdColumn);
  return 0;
}
