#include "io/csv_reader.h"

#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"

namespace collabnet {

CsvReader::CsvReader(std::istream& in, std::string file_name)
    : in_(&in), file_name_(std::move(file_name)), buf_(1 << 16) {
  data_ = buf_.data();
}

CsvReader::CsvReader(absl::string_view text, std::string file_name,
                     std::int64_t first_line, bool at_file_start)
    : in_(nullptr),
      file_name_(std::move(file_name)),
      data_(text.data()),
      len_(text.size()),
      line_(first_line),
      started_(!at_file_start) {}

bool CsvReader::Fill() {
  if (in_ == nullptr || !*in_) return false;
  if (pos_ > 0) {
    std::memmove(buf_.data(), buf_.data() + pos_, len_ - pos_);
    len_ -= pos_;
    pos_ = 0;
  }
  if (len_ == buf_.size()) {
    buf_.resize(2 * buf_.size());
    data_ = buf_.data();
  }
  in_->read(buf_.data() + len_,
            static_cast<std::streamsize>(buf_.size() - len_));
  const auto got = static_cast<std::size_t>(in_->gcount());
  len_ += got;
  return got > 0;
}

int CsvReader::Peek() {
  if (pos_ == len_ && !Fill()) return -1;
  return static_cast<unsigned char>(data_[pos_]);
}

int CsvReader::Get() {
  const int c = Peek();
  if (c >= 0) ++pos_;
  return c;
}

bool CsvReader::Next(CsvRecord& record) {
  if (!status_.ok()) return false;
  if (!started_) {
    started_ = true;
    // A UTF-8 byte order mark is not part of the first field.
    if (Peek() == 0xEF) {
      ++pos_;
      if (Get() != 0xBB || Get() != 0xBF) {
        status_ = absl::InvalidArgumentError(absl::StrCat(
            file_name_, ":1: the file starts with a broken byte order mark"));
        return false;
      }
    }
  }
  if (pending_cr_) {
    pending_cr_ = false;
    if (Peek() == '\n') ++pos_;  // the LF of the last line's CR LF
  }
  // Skip blank lines.
  for (;;) {
    const int c = Peek();
    if (c == '\n') {
      ++pos_;
      ++line_;
    } else if (c == '\r') {
      ++pos_;
      if (Peek() == '\n') ++pos_;
      ++line_;
    } else {
      break;
    }
  }
  if (Peek() < 0) return false;

  record.line = line_;
  record.fields.clear();
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (NextPlain(record)) return true;
    // The line may run past the buffer: read on (once) and look again.
    if (attempt == 0 && !Fill()) break;
  }
  return NextQuoted(record);
}

bool CsvReader::NextPlain(CsvRecord& record) {
  const char* begin = data_ + pos_;
  const char* end = data_ + len_;
  const char* p = begin;
  while (p < end && *p != '\n' && *p != '\r' && *p != '"') ++p;
  if (p < end && *p == '"') return false;
  if (p == end && in_ != nullptr && *in_) return false;  // not all there yet
  // [begin, p) is the whole line.
  const char* field = begin;
  for (const char* q = begin; q < p; ++q) {
    if (*q == ',') {
      record.fields.emplace_back(field, static_cast<std::size_t>(q - field));
      field = q + 1;
    }
  }
  record.fields.emplace_back(field, static_cast<std::size_t>(p - field));
  pos_ = static_cast<std::size_t>(p - data_);
  if (pos_ < len_) {
    // Consume the line end. Reading on here would move the buffer under the
    // fields, so a CR at the buffer's end leaves its LF to the next call.
    const char c = data_[pos_++];
    if (c == '\r') {
      if (pos_ < len_) {
        if (data_[pos_] == '\n') ++pos_;
      } else {
        pending_cr_ = true;
      }
    }
    ++line_;
  }
  return true;
}

bool CsvReader::NextQuoted(CsvRecord& record) {
  // Fields go into record.storage; their ends are kept as offsets until the
  // record is complete, since storage may move as it grows.
  record.fields.clear();
  record.storage.clear();
  std::vector<std::size_t> ends;
  std::size_t start = 0;
  auto finish = [&] {
    ends.push_back(record.storage.size());
    std::size_t from = 0;
    for (std::size_t end : ends) {
      record.fields.emplace_back(record.storage.data() + from, end - from);
      from = end;
    }
  };
  for (;;) {
    int c = Get();
    if (c == '"' && record.storage.size() == start) {
      // Quoted field: runs to the matching quote; "" is a literal quote.
      const std::int64_t quote_line = line_;
      for (;;) {
        c = Get();
        if (c < 0) {
          status_ = absl::InvalidArgumentError(
              absl::StrCat(file_name_, ":", quote_line,
                           ": a quoted field is never closed; expected a "
                           "closing '\"'"));
          return false;
        }
        if (c == '"') {
          if (Peek() == '"') {
            ++pos_;
            record.storage.push_back('"');
            continue;
          }
          break;
        }
        if (c == '\n') ++line_;
        if (c == '\r') {
          if (Peek() != '\n') ++line_;
        }
        record.storage.push_back(static_cast<char>(c));
      }
      c = Get();
      if (c != ',' && c != '\n' && c != '\r' && c >= 0) {
        status_ = absl::InvalidArgumentError(absl::StrCat(
            file_name_, ":", line_, ": field ", ends.size() + 1,
            ": unexpected character after a closing quote; expected ',' or "
            "the end of the line"));
        return false;
      }
    }
    if (c == ',') {
      ends.push_back(record.storage.size());
      start = record.storage.size();
      continue;
    }
    if (c < 0 || c == '\n' || c == '\r') {
      if (c == '\r' && Peek() == '\n') ++pos_;
      if (c >= 0) ++line_;
      finish();
      return true;
    }
    record.storage.push_back(static_cast<char>(c));
  }
}

}  // namespace collabnet
