#include "ingest/csv_reader.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace collabnet {

CsvReader::CsvReader(std::istream& in, std::string file_name)
    : in_(in), file_name_(std::move(file_name)), buf_(1 << 16) {}

bool CsvReader::Fill() {
  if (!in_) return false;
  in_.read(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  len_ = static_cast<std::size_t>(in_.gcount());
  pos_ = 0;
  return len_ > 0;
}

int CsvReader::Peek() {
  if (pos_ == len_ && !Fill()) return -1;
  return static_cast<unsigned char>(buf_[pos_]);
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
  std::string field;
  for (;;) {
    int c = Get();
    if (c == '"' && field.empty()) {
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
            field.push_back('"');
            continue;
          }
          break;
        }
        if (c == '\n') ++line_;
        if (c == '\r') {
          if (Peek() != '\n') ++line_;
        }
        field.push_back(static_cast<char>(c));
      }
      c = Get();
      if (c != ',' && c != '\n' && c != '\r' && c >= 0) {
        status_ = absl::InvalidArgumentError(absl::StrCat(
            file_name_, ":", line_, ": field ", record.fields.size() + 1,
            ": unexpected character after a closing quote; expected ',' or "
            "the end of the line"));
        return false;
      }
    }
    if (c == ',') {
      record.fields.push_back(std::move(field));
      field.clear();
      continue;
    }
    if (c < 0 || c == '\n' || c == '\r') {
      if (c == '\r' && Peek() == '\n') ++pos_;
      if (c >= 0) ++line_;
      record.fields.push_back(std::move(field));
      return true;
    }
    field.push_back(static_cast<char>(c));
  }
}

}  // namespace collabnet
