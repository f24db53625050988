// LineReader: reads a text file line by line, plain or gzip-compressed,
// without loading it whole, within the limits of io/input_file.h.
//
//   LineReader in;
//   if (absl::Status s = in.Open(path); !s.ok()) return s;
//   absl::string_view line;
//   while (in.Next(line)) Parse(line, in.line_number());
//   if (!in.status().ok()) return in.status();
//
// Lines end at LF, CRLF or a lone CR; the end is not part of the line. A
// UTF-8 byte order mark at the start is skipped.
#ifndef COLLABNET_IO_LINE_READER_H_
#define COLLABNET_IO_LINE_READER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "io/input_file.h"

namespace collabnet {

class LineReader {
 public:
  LineReader() = default;
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // `what` names the file's role in messages ("the roster").
  absl::Status Open(const std::string& path, absl::string_view what = "");
  // The next line, valid until the following call; false at the end or on a
  // read error (see status()).
  bool Next(absl::string_view& line);
  std::int64_t line_number() const { return line_number_; }
  const absl::Status& status() const { return status_; }

 private:
  bool Refill();
  InputFile file_;
  bool open_ = false;
  std::vector<char> buf_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  bool skip_lf_ = false;  // the previous line ended with CR
  std::string carry_;     // a line longer than what is buffered
  std::int64_t line_number_ = 0;
  absl::Status status_;
};

}  // namespace collabnet

#endif  // COLLABNET_IO_LINE_READER_H_
