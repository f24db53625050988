// Writing files so that a reader never sees a partial one.
#ifndef COLLABNET_IO_ATOMIC_FILE_H_
#define COLLABNET_IO_ATOMIC_FILE_H_

#include <sys/types.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace collabnet {

// Where an output goes and the mode it gets. An output is refused (with
// the reason) when it is a folder, a device or a pipe, a symlink that leads
// nowhere, or a file this run has read (an output never replaces an
// input). A symlink's target is written, and the link kept; an existing
// file keeps its permissions.
struct OutputTarget {
  std::string path;
  mode_t mode = 0;
};
absl::StatusOr<OutputTarget> ResolveOutput(const std::string& path);

// Writes `content` to a temporary file beside `path`, then renames it over
// `path`. On any failure `path` is untouched and the temporary is removed.
absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view content);

// Writes a file's content to the open descriptor it is given (which it
// must not close); an error's message names the file.
using FileFill = std::function<absl::Status(int fd)>;
// The same, the content written by `fill` straight into the temporary: an
// output of gigabytes is never held whole in memory first.
absl::Status WriteFileAtomicallyWith(const std::string& path,
                                     const FileFill& fill);
// Writes all of `content` to `fd`, for a fill that writes in chunks; an
// error names `path`.
absl::Status WriteAll(int fd, absl::string_view content,
                      const std::string& path);

// Writes several files: all temporaries first, then all renames, so a failed
// write leaves every target as it was. Each pair is (path, content); two
// pairs naming one file are refused before anything is written.
absl::Status WriteFilesAtomically(
    const std::vector<std::pair<std::string, std::string>>& files);

// Writes a folder of files, each pair (file name, content), whole or not at
// all: the files go into a new folder beside `dir`, which is then swapped
// with the old one in one step (or renamed into place when there is none).
// Regular files of the old folder that are not written are kept, linked
// into the new one; anything else there (a subfolder, a symlink) is
// refused before anything is written.
absl::Status WriteFolderAtomically(
    const std::string& dir,
    const std::vector<std::pair<std::string, std::string>>& files);

// The same, each file (name, fill) filled straight into the new folder.
absl::Status WriteFolderAtomicallyWith(
    const std::string& dir,
    const std::vector<std::pair<std::string, FileFill>>& files);

// `content` as a gzip stream (what gzip and zlib's readers read).
std::string GzipCompress(absl::string_view content);

}  // namespace collabnet

#endif  // COLLABNET_IO_ATOMIC_FILE_H_
