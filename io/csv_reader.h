// CsvReader: a streaming reader of RFC 4180 CSV that remembers where each
// record starts, so every error can name its line.
//
//   CsvReader reader(stream, "ties.csv");
//   CsvRecord record;
//   while (reader.Next(record)) Use(record.fields, record.line);
//   if (!reader.status().ok()) return reader.status();
//
// Accepts a UTF-8 byte order mark, CRLF, LF or lone CR line ends, quoted
// fields holding commas, doubled quotes and line breaks. Blank lines are
// skipped. Memory use is one record, whatever the file's size. A line
// without quotes is split in place, without copying its fields.
//
// Thread-compatible: one reader per thread.
#ifndef COLLABNET_IO_CSV_READER_H_
#define COLLABNET_IO_CSV_READER_H_

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace collabnet {

// A record's fields are views, valid until the reader's next Next(): into
// the reader's buffer for plain fields, into `storage` for quoted ones.
struct CsvRecord {
  std::vector<absl::string_view> fields;
  std::int64_t line = 0;  // 1-based line on which the record starts
  std::string storage;    // unquoted text of a record with quotes
};

class CsvReader {
 public:
  CsvReader(std::istream& in, std::string file_name);

  // Reads the next record into `record`. Returns false at the end of input
  // or on a malformed record; status() tells which.
  bool Next(CsvRecord& record);
  const absl::Status& status() const { return status_; }
  const std::string& file_name() const { return file_name_; }

 private:
  // Keeps the unread bytes, moved to the front, and reads more after them
  // (growing the buffer if it is full); false if nothing more came.
  bool Fill();
  int Peek();
  int Get();
  // Splits a whole line without quotes that is already in the buffer;
  // false (reading nothing) if the line has a quote or is not all there.
  bool NextPlain(CsvRecord& record);
  bool NextQuoted(CsvRecord& record);

  std::istream& in_;
  std::string file_name_;
  std::vector<char> buf_;
  std::size_t pos_ = 0;
  std::size_t len_ = 0;
  std::int64_t line_ = 1;
  bool started_ = false;
  bool pending_cr_ = false;  // the last line ended in CR at the buffer's end
  absl::Status status_;
};

}  // namespace collabnet

#endif  // COLLABNET_IO_CSV_READER_H_
