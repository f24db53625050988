// Helpers for the fuzz targets: every target reads one input, as a stream
// or, for the readers that take a path, as a file.
#ifndef COLLABNET_FUZZ_FUZZ_INPUT_H_
#define COLLABNET_FUZZ_FUZZ_INPUT_H_

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <set>
#include <string>

namespace collabnet::fuzz {

inline std::string Text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// The files AsFile wrote, removed when the process ends, so that runs
// leave nothing behind (a crash leaves its file; the input is also kept
// among the findings).
class WrittenFiles {
 public:
  static WrittenFiles& Get() {
    static WrittenFiles files;
    return files;
  }
  void Add(const std::string& path) { paths_.insert(path); }
  ~WrittenFiles() {
    for (const std::string& path : paths_) std::remove(path.c_str());
  }

 private:
  std::set<std::string> paths_;
};

// Writes the input to a file of this process with the given extension and
// returns its path (the same path for every input of a run).
inline std::string AsFile(const std::uint8_t* data, std::size_t size,
                          const std::string& extension) {
  const std::string path =
      "/tmp/collabnet_fuzz_" + std::to_string(getpid()) + extension;
  WrittenFiles::Get().Add(path);
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data),
             static_cast<std::streamsize>(size));
  return path;
}

// A small district of two schools: T1..T6, with a tie of every channel
// between some of them, for the readers and models that need one.
inline const char* kSmallDistrictText = R"pb(
  name: "fuzz"
  schools { id: "S1" readiness: 0.5 }
  schools { id: "S2" readiness: 0.2 }
  teachers { id: "T1" school_id: "S1" role: TEACHER_LEADER }
  teachers { id: "T2" school_id: "S1" role: COACH }
  teachers { id: "T3" school_id: "S1" }
  teachers { id: "T4" school_id: "S2" }
  teachers { id: "T5" school_id: "S2" }
  teachers { id: "T6" school_id: "S2" }
  ties { source: "T1" target: "T2" channel: CO_TEACHING }
  ties { source: "T1" target: "T3" channel: PLC }
  ties { source: "T2" target: "T4" channel: OBSERVATION directed: true }
  ties {
    source: "T1"
    target: "T4"
    channel: JOB_EMBEDDED_COACHING
    directed: true
  }
  ties { source: "T3" target: "T5" channel: PD_WORKSHOP directed: true }
  ties { source: "T5" target: "T6" channel: SOCIAL_MEDIA weight: 2 }
  ties { source: "T6" target: "T2" channel: ADVICE directed: true }
)pb";

}  // namespace collabnet::fuzz

#endif  // COLLABNET_FUZZ_FUZZ_INPUT_H_
