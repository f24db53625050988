// Reads the input as CSV whole, then cut into chunks (io/csv_chunks.h) of
// a size the input's first byte picks: the two must find the same
// records, lines and error, or the target aborts.
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/fuzz_input.h"
#include "io/csv_chunks.h"
#include "io/csv_reader.h"

namespace {

struct Found {
  std::vector<std::vector<std::string>> fields;
  std::vector<std::int64_t> lines;
  std::string error;
};

void ReadAll(collabnet::CsvReader& reader, Found& found) {
  collabnet::CsvRecord record;
  while (reader.Next(record)) {
    found.fields.emplace_back(record.fields.begin(), record.fields.end());
    found.lines.push_back(record.line);
  }
  found.error = std::string(reader.status().message());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string text = collabnet::fuzz::Text(data, size);
  Found whole;
  {
    std::istringstream in(text);
    collabnet::CsvReader reader(in, "fuzz.csv");
    ReadAll(reader, whole);
  }
  const std::size_t chunk_bytes = size == 0 ? 1 : 1 + data[0] % 64;
  std::istringstream in(text);
  collabnet::CsvChunker chunker(in, chunk_bytes);
  collabnet::CsvChunk chunk;
  Found chunked;
  while (chunker.Next(chunk)) {
    collabnet::CsvReader reader(chunk.text, "fuzz.csv", chunk.first_line,
                                /*at_file_start=*/chunk.index == 0);
    ReadAll(reader, chunked);
    // The chunker ends after the chunk whose reader stops.
    if (!chunked.error.empty() && chunker.Next(chunk)) std::abort();
    if (!chunked.error.empty()) break;
  }
  if (chunked.fields != whole.fields || chunked.lines != whole.lines ||
      chunked.error != whole.error) {
    std::abort();
  }
  return 0;
}
