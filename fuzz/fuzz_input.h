// Helpers for the fuzz targets: every target reads one input, as a stream
// or, for the readers that take a path, as a file.
#ifndef COLLABNET_FUZZ_FUZZ_INPUT_H_
#define COLLABNET_FUZZ_FUZZ_INPUT_H_

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

namespace collabnet::fuzz {

inline std::string Text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Writes the input to a file of this process with the given extension and
// returns its path (the same path for every input of a run).
inline std::string AsFile(const std::uint8_t* data, std::size_t size,
                          const std::string& extension) {
  const std::string path =
      "/tmp/collabnet_fuzz_" + std::to_string(getpid()) + extension;
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data),
             static_cast<std::streamsize>(size));
  return path;
}

}  // namespace collabnet::fuzz

#endif  // COLLABNET_FUZZ_FUZZ_INPUT_H_
