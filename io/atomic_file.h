// Writing files so that a reader never sees a partial one.
#ifndef COLLABNET_IO_ATOMIC_FILE_H_
#define COLLABNET_IO_ATOMIC_FILE_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace collabnet {

// Writes `content` to a temporary file beside `path`, then renames it over
// `path`. On any failure `path` is untouched and the temporary is removed.
absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view content);

// Writes several files: all temporaries first, then all renames, so a failed
// write leaves every target as it was. Each pair is (path, content).
absl::Status WriteFilesAtomically(
    const std::vector<std::pair<std::string, std::string>>& files);

// `content` as a gzip stream (what gzip and zlib's readers read).
std::string GzipCompress(absl::string_view content);

// Reads a whole file; NotFound names the path.
absl::StatusOr<std::string> ReadFileToString(const std::string& path);

}  // namespace collabnet

#endif  // COLLABNET_IO_ATOMIC_FILE_H_
