// Opening what a user names as input, so that no input, however hostile,
// can crash a reader or grow its memory without end.
//
//   InputFile in;
//   if (absl::Status s = in.Open(path); !s.ok()) return s;
//   absl::Status parsed = ParseSomething(in.stream(), path);
//   return in.Finish(std::move(parsed));
//
// A file that starts with gzip's magic bytes is inflated with zlib, member
// after member, so a gzip-compressed input reads as its content, whatever
// its name. The limits, one set for the whole process
// (the command line sets them once, with --max-line-bytes and
// --max-expansion):
//   - a text line longer than max_line_bytes ends the read with an error,
//     so a file without line ends (/dev/zero, say) cannot fill memory;
//   - a gzip stream that expands more than max_expansion times its
//     compressed size, past the first 4 MiB, is refused as implausible for
//     a network (a decompression bomb);
//   - a gzip stream that stops short (truncated) or fails its check is an
//     error, never a shorter network, and so are bytes after its last
//     member that begin no other member;
//   - an empty file is an error (no format holds anything in no bytes), as
//     are NUL bytes, UTF-16 and anything else that is not UTF-8 in text.
// When a limit stops the read, the stream reports end of input, so a
// reader stops too; Finish() then returns the limit's error in place of
// whatever the reader made of the cut-short input.
//
// Thread-compatible: one InputFile per thread. The limits are set before
// any reader runs (SetInputLimits is not synchronised with readers).
#ifndef COLLABNET_IO_INPUT_FILE_H_
#define COLLABNET_IO_INPUT_FILE_H_

#include <cstdint>
#include <istream>
#include <streambuf>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace collabnet {

struct InputLimits {
  std::int64_t max_line_bytes = std::int64_t{1} << 20;  // 1 MiB
  std::int64_t max_expansion = 100;  // decompressed / compressed bytes
};
const InputLimits& GetInputLimits();
void SetInputLimits(const InputLimits& limits);

// What a path names, found without following a symlink loop forever and
// without throwing.
enum class PathKind { kMissing, kFile, kFolder, kOther };
struct PathInfo {
  PathKind kind = PathKind::kMissing;
  std::uint64_t device = 0;  // with inode, identifies the file
  std::uint64_t inode = 0;
  std::int64_t changed_ns = 0;  // status-change time, in nanoseconds
  unsigned mode = 0;            // permission bits of an existing file
  std::string error;            // why the path cannot be examined (a loop, say)
};
PathInfo InspectPath(const std::string& path);

// Whether two paths name one file: the same text, or, both existing, the
// same device and inode (a link, another spelling of the path).
bool SameFile(const std::string& a, const std::string& b);

// An error unless `path` names something to read as a file: it exists and
// is not a folder, and its symlinks resolve. `what` says what it is for
// ("the roster", "the scenario").
absl::Status CheckInputPath(const std::string& path, absl::string_view what);

// The files this process has opened for reading, so that no output can
// replace one of them (see io/output_file.h).
bool WasReadThisRun(const PathInfo& info);

class InputFile final : public std::streambuf {
 public:
  // kBinary inputs (protobuf) have no lines, so the line limit is not
  // applied to them.
  enum class Content { kText, kBinary };

  InputFile();
  ~InputFile() override;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  absl::Status Open(const std::string& path, Content content = Content::kText,
                    absl::string_view what = "");

  // Reads up to `size` bytes of content; 0 at the end or on an error (see
  // status()).
  std::size_t Read(char* data, std::size_t size);

  std::istream& stream() { return stream_; }
  const std::string& path() const { return path_; }
  // OK unless reading failed or a limit stopped it.
  const absl::Status& status() const { return status_; }
  // The input's own error when it has one (it explains the reader's),
  // else `parsed`.
  absl::Status Finish(absl::Status parsed) const;
  template <typename T>
  absl::StatusOr<T> Finish(absl::StatusOr<T> parsed) const {
    if (!status_.ok()) return status_;
    return parsed;
  }

 protected:
  int_type underflow() override;

 private:
  // The content's next bytes: the file's own, or inflated from its gzip
  // members. 0 at the end or on an error (in status_).
  std::size_t ReadRaw(char* data, std::size_t size);
  std::size_t Inflate(char* data, std::size_t size);
  // Reads more of the file into in_ after what is still unused; false at
  // its end or on an error.
  bool Refill();
  void Check(const char* data, std::size_t got);
  // The first byte in [data, end) that breaks UTF-8, continuing a sequence
  // begun in an earlier chunk; nullptr if none.
  const char* Utf8Check(const char* data, const char* end);

  int fd_ = -1;
  // The file's bytes read but not yet used: [in_next_, in_end_) of in_.
  std::vector<unsigned char> in_;
  std::size_t in_next_ = 0;
  std::size_t in_end_ = 0;
  bool file_ended_ = false;
  std::int64_t file_bytes_ = 0;  // read from the file so far
  // A gzip file (it starts with the gzip magic bytes) is inflated member by
  // member; anything after the last member that is no member is an error.
  void* zstream_ = nullptr;  // z_stream
  bool in_member_ = false;
  std::string path_;
  Content content_ = Content::kText;
  std::vector<char> buf_;
  std::istream stream_;
  std::int64_t line_run_ = 0;  // bytes since the last line end
  std::int64_t line_ = 1;      // line the run is on
  std::int64_t total_ = 0;     // content bytes read
  int utf8_need_ = 0;          // continuation bytes still due
  unsigned char utf8_lo_ = 0x80, utf8_hi_ = 0xBF;  // the next one's range
  unsigned char utf8_lead_ = 0;  // the lead byte of the character begun
  unsigned utf8_bad_ = 0;        // the byte a message names
  bool eof_ = false;
  absl::Status status_;
};

// Reads a whole file through an InputFile, refusing one longer than
// `max_bytes` (the message names the limit).
absl::StatusOr<std::string> ReadInputToString(
    const std::string& path, std::int64_t max_bytes,
    InputFile::Content content = InputFile::Content::kText,
    absl::string_view what = "");

}  // namespace collabnet

#endif  // COLLABNET_IO_INPUT_FILE_H_
