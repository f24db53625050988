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
// skipped. Memory use is one record, whatever the file's size.
//
// Thread-compatible: one reader per thread.
#ifndef COLLABNET_INGEST_CSV_READER_H_
#define COLLABNET_INGEST_CSV_READER_H_

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace collabnet {

struct CsvRecord {
  std::vector<std::string> fields;
  std::int64_t line = 0;  // 1-based line on which the record starts
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
  bool Fill();  // refills buf_; false at end of input
  int Peek();
  int Get();

  std::istream& in_;
  std::string file_name_;
  std::vector<char> buf_;
  std::size_t pos_ = 0;
  std::size_t len_ = 0;
  std::int64_t line_ = 1;
  bool started_ = false;
  absl::Status status_;
};

}  // namespace collabnet

#endif  // COLLABNET_INGEST_CSV_READER_H_
