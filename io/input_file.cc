#include "io/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace collabnet {
namespace {

constexpr std::size_t kBuffer = std::size_t{1} << 18;
// Text that compresses well may expand a lot at first (a header, repeated
// school names); the ratio is judged only past this much content.
constexpr std::int64_t kExpansionGrace = std::int64_t{4} << 20;

InputLimits& Limits() {
  static InputLimits limits;
  return limits;
}

struct ReadSet {
  std::mutex mu;
  // Device, inode and status-change time: the time tells a file apart from
  // a later one that reuses the inode of an input deleted meanwhile.
  std::vector<std::tuple<std::uint64_t, std::uint64_t, std::int64_t>> files;
};
ReadSet& FilesRead() {
  static ReadSet* set = new ReadSet;
  return *set;
}

void RememberRead(const PathInfo& info) {
  if (info.kind != PathKind::kFile) return;
  ReadSet& set = FilesRead();
  const std::lock_guard<std::mutex> lock(set.mu);
  const auto file = std::make_tuple(info.device, info.inode, info.changed_ns);
  // Once each: a process that reads one file again and again (a fuzzer, a
  // sweep) keeps one entry.
  if (std::find(set.files.begin(), set.files.end(), file) == set.files.end()) {
    set.files.push_back(file);
  }
}

std::string Bytes(std::int64_t n) {
  if (n >= (std::int64_t{1} << 20) && n % (std::int64_t{1} << 20) == 0) {
    return absl::StrCat(n >> 20, " MiB");
  }
  return absl::StrCat(n, " bytes");
}

std::string Named(absl::string_view what, const std::string& path) {
  return what.empty() ? path : absl::StrCat(what, " ", path);
}

}  // namespace

const InputLimits& GetInputLimits() { return Limits(); }
void SetInputLimits(const InputLimits& limits) { Limits() = limits; }

PathInfo InspectPath(const std::string& path) {
  PathInfo info;
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) info.error = std::strerror(errno);
    return info;
  }
  info.device = st.st_dev;
  info.inode = st.st_ino;
  info.changed_ns =
      std::int64_t{st.st_ctim.tv_sec} * 1000000000 + st.st_ctim.tv_nsec;
  info.mode = st.st_mode & 07777;
  if (S_ISREG(st.st_mode)) {
    info.kind = PathKind::kFile;
  } else if (S_ISDIR(st.st_mode)) {
    info.kind = PathKind::kFolder;
  } else {
    info.kind = PathKind::kOther;
  }
  return info;
}

absl::Status CheckInputPath(const std::string& path, absl::string_view what) {
  const PathInfo info = InspectPath(path);
  if (!info.error.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot open ", Named(what, path), ": ", info.error));
  }
  switch (info.kind) {
    case PathKind::kMissing:
      return absl::NotFoundError(
          absl::StrCat("cannot open ", Named(what, path), ": no such file"));
    case PathKind::kFolder:
      return absl::InvalidArgumentError(
          absl::StrCat(Named(what, path), " is a folder; expected a file"));
    case PathKind::kFile:
    case PathKind::kOther:  // a pipe or /dev/stdin reads like a file
      return absl::OkStatus();
  }
  return absl::OkStatus();
}

bool SameFile(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const PathInfo x = InspectPath(a);
  const PathInfo y = InspectPath(b);
  return x.kind != PathKind::kMissing && y.kind != PathKind::kMissing &&
         x.device == y.device && x.inode == y.inode;
}

bool WasReadThisRun(const PathInfo& info) {
  if (info.kind != PathKind::kFile) return false;
  ReadSet& set = FilesRead();
  const std::lock_guard<std::mutex> lock(set.mu);
  return std::find(set.files.begin(), set.files.end(),
                   std::make_tuple(info.device, info.inode, info.changed_ns)) !=
         set.files.end();
}

InputFile::InputFile() : stream_(this) {}

InputFile::~InputFile() {
  if (zstream_ != nullptr) {
    auto* z = static_cast<z_stream*>(zstream_);
    inflateEnd(z);
    delete z;
  }
  if (fd_ >= 0) close(fd_);
}

absl::Status InputFile::Open(const std::string& path, Content content,
                             absl::string_view what) {
  path_ = path;
  content_ = content;
  if (absl::Status s = CheckInputPath(path, what); !s.ok()) {
    status_ = s;
    return s;
  }
  fd_ = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    status_ = absl::NotFoundError(absl::StrCat(
        "cannot open ", Named(what, path), ": ", std::strerror(errno)));
    return status_;
  }
  RememberRead(InspectPath(path));
  in_.resize(kBuffer);
  buf_.resize(kBuffer);
  // The gzip magic bytes decide how the file is read.
  while (in_end_ < 2 && Refill()) {
  }
  if (!status_.ok()) return status_;
  if (in_end_ >= 2 && in_[0] == 0x1F && in_[1] == 0x8B) {
    auto* z = new z_stream{};
    // 16 + MAX_WBITS: a gzip wrapper, one member at a time.
    if (inflateInit2(z, 16 + MAX_WBITS) != Z_OK) {
      delete z;
      status_ = absl::ResourceExhaustedError(
          absl::StrCat(path_, ": cannot start decompressing"));
      return status_;
    }
    zstream_ = z;
    in_member_ = true;
  }
  return absl::OkStatus();
}

bool InputFile::Refill() {
  if (file_ended_ || !status_.ok()) return false;
  if (in_next_ == 0 && in_end_ == in_.size()) return true;  // already full
  if (in_next_ > 0) {
    std::memmove(in_.data(), in_.data() + in_next_, in_end_ - in_next_);
    in_end_ -= in_next_;
    in_next_ = 0;
  }
  while (true) {
    const ssize_t got = read(fd_, in_.data() + in_end_, in_.size() - in_end_);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      status_ = absl::DataLossError(
          absl::StrCat(path_, ": cannot read: ", std::strerror(errno)));
      return false;
    }
    if (got == 0) {
      file_ended_ = true;
      return false;
    }
    in_end_ += static_cast<std::size_t>(got);
    file_bytes_ += got;
    return true;
  }
}

std::size_t InputFile::ReadRaw(char* data, std::size_t size) {
  if (in_next_ == in_end_ && !Refill()) return 0;
  const std::size_t n = std::min(size, in_end_ - in_next_);
  std::memcpy(data, in_.data() + in_next_, n);
  in_next_ += n;
  return n;
}

std::size_t InputFile::Inflate(char* data, std::size_t size) {
  if (size == 0) return 0;
  auto* z = static_cast<z_stream*>(zstream_);
  z->next_out = reinterpret_cast<Bytef*>(data);
  z->avail_out = static_cast<uInt>(std::min<std::size_t>(size, 1 << 30));
  const uInt want = z->avail_out;
  while (z->avail_out == want) {
    if (!in_member_) {
      // Between members: the end, or the next member's magic bytes.
      while (in_end_ - in_next_ < 2 && Refill()) {
      }
      if (!status_.ok()) return 0;
      const std::size_t left = in_end_ - in_next_;
      if (left == 0) return 0;
      if (left < 2 || in_[in_next_] != 0x1F || in_[in_next_ + 1] != 0x8B) {
        status_ = absl::DataLossError(absl::StrCat(
            path_,
            ": holds bytes after the end of its gzip stream (from byte "
            "offset ",
            file_bytes_ - static_cast<std::int64_t>(left),
            ") that begin no gzip member: a damaged file, or another file "
            "joined to it?"));
        return 0;
      }
      inflateReset(z);
      in_member_ = true;
    }
    if (in_next_ == in_end_ && !Refill()) {
      if (status_.ok()) {
        status_ = absl::DataLossError(
            absl::StrCat(path_,
                         ": the gzip stream ends early (a truncated or partly "
                         "copied file?)"));
      }
      return 0;
    }
    z->next_in = in_.data() + in_next_;
    z->avail_in = static_cast<uInt>(in_end_ - in_next_);
    const int code = inflate(z, Z_NO_FLUSH);
    in_next_ = in_end_ - z->avail_in;
    if (code == Z_STREAM_END) {
      in_member_ = false;
    } else if (code != Z_OK && code != Z_BUF_ERROR) {
      status_ = absl::DataLossError(
          absl::StrCat(path_, ": cannot read: the gzip stream is corrupt: ",
                       z->msg != nullptr ? z->msg : "inflate failed"));
      return 0;
    }
  }
  return want - z->avail_out;
}

std::size_t InputFile::Read(char* data, std::size_t size) {
  if (fd_ < 0 || eof_ || !status_.ok()) return 0;
  const std::size_t got =
      zstream_ != nullptr ? Inflate(data, size) : ReadRaw(data, size);
  if (!status_.ok()) {
    eof_ = true;
    return 0;
  }
  if (got == 0) {
    eof_ = true;
    if (total_ == 0) {
      // No format holds a network, a scenario or a list in no bytes; an
      // empty file is a failed export, not an empty district.
      status_ = absl::InvalidArgumentError(
          absl::StrCat(path_, ":1: the file is empty"));
    } else if (content_ == Content::kText && utf8_need_ > 0) {
      status_ = absl::InvalidArgumentError(absl::StrCat(
          path_, ":", line_,
          ": is not UTF-8 text (it ends inside a character); save the file "
          "as UTF-8"));
    }
    return 0;
  }
  Check(data, got);
  if (!status_.ok()) {
    eof_ = true;
    return 0;
  }
  return got;
}

void InputFile::Check(const char* data, std::size_t got) {
  const std::int64_t before = total_;
  total_ += static_cast<std::int64_t>(got);
  const InputLimits& limits = GetInputLimits();
  if (total_ > kExpansionGrace && zstream_ != nullptr) {
    const std::int64_t compressed =
        file_bytes_ - static_cast<std::int64_t>(in_end_ - in_next_);
    if (total_ / std::max<std::int64_t>(compressed, 1) > limits.max_expansion) {
      status_ = absl::ResourceExhaustedError(absl::StrCat(
          path_, ": expands to more than ", limits.max_expansion,
          " times its compressed size, which no network file does (a "
          "decompression bomb?); if it is genuine, raise --max-expansion"));
      return;
    }
  }
  if (content_ == Content::kBinary) return;
  if (before == 0 && got >= 2 &&
      ((data[0] == '\xFF' && data[1] == '\xFE') ||
       (data[0] == '\xFE' && data[1] == '\xFF'))) {
    status_ = absl::InvalidArgumentError(
        absl::StrCat(path_,
                     " is UTF-16 text; save it as UTF-8 (in a spreadsheet: CSV "
                     "UTF-8)"));
    return;
  }
  const char* const end = data + got;
  if (const void* nul = std::memchr(data, '\0', got); nul != nullptr) {
    const char* at = static_cast<const char*>(nul);
    status_ = absl::InvalidArgumentError(
        absl::StrCat(path_, ":", line_ + std::count(data, at, '\n'),
                     ": holds a NUL byte; text inputs are UTF-8 text"));
    return;
  }
  if (const char* bad = Utf8Check(data, end); bad != nullptr) {
    status_ = absl::InvalidArgumentError(absl::StrFormat(
        "%s:%d: is not UTF-8 text (byte 0x%02X%s); save the file as UTF-8 "
        "(in a spreadsheet: CSV UTF-8)",
        path_, line_ + std::count(data, bad, '\n'), utf8_bad_,
        utf8_bad_ >= 0xA0 ? ": Latin-1 or Windows-1252?" : ""));
    return;
  }
  // Line lengths: the line running on from the last chunk ends at this
  // chunk's first line end; lines wholly inside the chunk are measured only
  // when the limit is below the chunk's size (else none can pass it); the
  // chunk's last line runs on into the next.
  auto is_end = [](char c) { return c == '\n' || c == '\r'; };
  const char* first = std::find_if(data, end, is_end);
  auto too_long = [&](std::int64_t length, const char* at) {
    if (length <= limits.max_line_bytes) return false;
    status_ = absl::ResourceExhaustedError(absl::StrCat(
        path_, ":", line_ + std::count(data, at, '\n'),
        ": the line is longer than ", Bytes(limits.max_line_bytes),
        ", the longest a text input may have (is it the right file?); if "
        "it is genuine, raise --max-line-bytes"));
    return true;
  };
  if (first == end) {
    line_run_ += static_cast<std::int64_t>(got);
    too_long(line_run_, end);
    return;
  }
  if (too_long(line_run_ + (first - data), first)) return;
  const char* last = end;
  while (!is_end(last[-1])) --last;
  if (limits.max_line_bytes < static_cast<std::int64_t>(got)) {
    for (const char* p = first + 1; p < last;) {
      const char* next = std::find_if(p, last, is_end);
      if (too_long(next - p, next)) return;
      p = next + 1;
    }
  }
  line_run_ = end - last;
  if (too_long(line_run_, end)) return;
  line_ += std::count(data, end, '\n');
}

const char* InputFile::Utf8Check(const char* data, const char* end) {
  for (const char* p = data; p < end; ++p) {
    if (utf8_need_ == 0) {
      // ASCII, eight bytes at a time: most of every input.
      while (end - p >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, sizeof word);
        if ((word & 0x8080808080808080ULL) != 0) break;
        p += 8;
      }
      if (p == end) break;
    }
    const auto b = static_cast<unsigned char>(*p);
    if (utf8_need_ == 0) {
      if (b < 0x80) continue;
      // The lead byte says how many continuation bytes follow and what the
      // first of them may be (no overlong forms, no surrogates, nothing
      // past U+10FFFF).
      utf8_lo_ = 0x80;
      utf8_hi_ = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        utf8_need_ = 1;
      } else if (b == 0xE0) {
        utf8_need_ = 2;
        utf8_lo_ = 0xA0;
      } else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
        utf8_need_ = 2;
      } else if (b == 0xED) {
        utf8_need_ = 2;
        utf8_hi_ = 0x9F;
      } else if (b == 0xF0) {
        utf8_need_ = 3;
        utf8_lo_ = 0x90;
      } else if (b >= 0xF1 && b <= 0xF3) {
        utf8_need_ = 3;
      } else if (b == 0xF4) {
        utf8_need_ = 3;
        utf8_hi_ = 0x8F;
      } else {
        utf8_bad_ = b;
        return p;
      }
      utf8_lead_ = b;
      continue;
    }
    if (b < utf8_lo_ || b > utf8_hi_) {
      utf8_bad_ = utf8_lead_;  // the character it began is what is wrong
      return p;
    }
    --utf8_need_;
    utf8_lo_ = 0x80;
    utf8_hi_ = 0xBF;
  }
  return nullptr;
}

std::streambuf::int_type InputFile::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  const std::size_t got = Read(buf_.data(), buf_.size());
  if (got == 0) return traits_type::eof();
  setg(buf_.data(), buf_.data(), buf_.data() + got);
  return traits_type::to_int_type(*gptr());
}

absl::Status InputFile::Finish(absl::Status parsed) const {
  if (!status_.ok()) return status_;
  return parsed;
}

absl::StatusOr<std::string> ReadInputToString(const std::string& path,
                                              std::int64_t max_bytes,
                                              InputFile::Content content,
                                              absl::string_view what) {
  InputFile in;
  if (absl::Status s = in.Open(path, content, what); !s.ok()) return s;
  std::string out;
  std::vector<char> chunk(kBuffer);
  for (;;) {
    const std::size_t got = in.Read(chunk.data(), chunk.size());
    if (got == 0) break;
    if (static_cast<std::int64_t>(out.size() + got) > max_bytes) {
      return absl::ResourceExhaustedError(absl::StrCat(
          Named(what, path), " is larger than ", Bytes(max_bytes),
          ", the most such a file may hold (is it the right file?)"));
    }
    out.append(chunk.data(), got);
  }
  if (!in.status().ok()) return in.status();
  return out;
}

}  // namespace collabnet
