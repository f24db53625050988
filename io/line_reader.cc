#include "io/line_reader.h"

#include <cstring>

#include "absl/strings/str_cat.h"

namespace collabnet {

namespace {
constexpr std::size_t kBuffer = 1 << 20;
}  // namespace

LineReader::~LineReader() = default;

absl::Status LineReader::Open(const std::string& path, absl::string_view what) {
  if (absl::Status s = file_.Open(path, InputFile::Content::kText, what);
      !s.ok()) {
    return s;
  }
  open_ = true;
  buf_.resize(kBuffer);
  if (!Refill()) return status_;
  if (end_ - begin_ >= 3 && std::memcmp(buf_.data(), "\xEF\xBB\xBF", 3) == 0) {
    begin_ = 3;
  }
  return absl::OkStatus();
}

bool LineReader::Refill() {
  // Keep the unread tail at the front, then fill behind it.
  const std::size_t tail = end_ - begin_;
  if (tail > 0 && begin_ > 0)
    std::memmove(buf_.data(), buf_.data() + begin_, tail);
  begin_ = 0;
  end_ = tail;
  if (eof_) return false;
  const std::size_t got = file_.Read(buf_.data() + end_, buf_.size() - end_);
  if (got == 0) {
    eof_ = true;
    status_ = file_.status();
  }
  end_ += got;
  return got > 0;
}

bool LineReader::Next(absl::string_view& line) {
  if (!status_.ok() || !open_) return false;
  carry_.clear();
  bool carried = false;  // part of the line is in carry_
  for (;;) {
    if (begin_ == end_ && !Refill()) {
      if (!status_.ok() || !carried) return false;
      ++line_number_;  // the last line, without a line end
      line = carry_;
      return true;
    }
    if (skip_lf_) {  // the previous line ended with CR; CRLF is one end
      skip_lf_ = false;
      if (buf_[begin_] == '\n') {
        ++begin_;
        continue;
      }
    }
    const char* start = buf_.data() + begin_;
    const std::size_t avail = end_ - begin_;
    const char* stop = start;
    const char* const limit = start + avail;
    while (stop < limit && *stop != '\n' && *stop != '\r') ++stop;
    if (stop == limit) {
      carry_.append(start, avail);
      carried = true;
      begin_ = end_;
      continue;
    }
    const auto len = static_cast<std::size_t>(stop - start);
    skip_lf_ = (*stop == '\r');
    begin_ += len + 1;
    ++line_number_;
    if (carried) {
      carry_.append(start, len);
      line = carry_;
    } else {
      line = absl::string_view(start, len);
    }
    return true;
  }
}

}  // namespace collabnet
