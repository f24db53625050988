#include <sstream>

#include "fuzz/fuzz_input.h"
#include "io/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::istringstream in(collabnet::fuzz::Text(data, size));
  collabnet::CsvReader reader(in, "fuzz.csv");
  collabnet::CsvRecord record;
  while (reader.Next(record)) {
  }
  return 0;
}
