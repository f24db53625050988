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
// A reader over text in memory reads records out of it without copying:
// the fields of a record without quotes are views into that text, valid as
// long as it is. It is how a file cut into chunks at record boundaries
// (io/csv_chunks.h) is read on several threads at once.
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
  // Reads `text`, which must outlive the reader, as a file's lines from
  // `first_line` on; a byte order mark is looked for only at line 1 of a
  // file (`at_file_start`).
  CsvReader(absl::string_view text, std::string file_name,
            std::int64_t first_line, bool at_file_start);

  // Reads the next record into `record`. Returns false at the end of input
  // or on a malformed record; status() tells which.
  bool Next(CsvRecord& record);
  const absl::Status& status() const { return status_; }
  // Whether `field` is a view of the text in memory this reader reads, and
  // so outlives the record it came in (a field of a record without
  // quotes).
  bool Holds(absl::string_view field) const {
    return in_ == nullptr && field.data() >= data_ &&
           field.data() + field.size() <= data_ + len_;
  }
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

  std::istream* in_;  // nullptr: reading text in memory
  std::string file_name_;
  std::vector<char> buf_;
  // The bytes read from: buf_'s, or the text in memory.
  const char* data_ = nullptr;
  std::size_t pos_ = 0;
  std::size_t len_ = 0;
  std::int64_t line_ = 1;
  bool started_ = false;
  bool pending_cr_ = false;  // the last line ended in CR at the buffer's end
  absl::Status status_;
};

}  // namespace collabnet

#endif  // COLLABNET_IO_CSV_READER_H_
