// Cutting a CSV stream into chunks of whole records, so that one file is
// parsed on several threads at once:
//
//   CsvChunker chunker(in, 1 << 20);
//   CsvChunk chunk;
//   while (chunker.Next(chunk)) {  // on any number of threads
//     CsvReader reader(chunk.text, name, chunk.first_line,
//                      /*at_file_start=*/chunk.index == 0);
//     ...
//   }
//
// A chunk ends where CsvReader would end a record (at a line end outside
// quotes), so its readers find the records, fields, line numbers and
// errors one reader of the whole stream finds. Where that reader would
// stop on an error (a broken quote or byte order mark), the chunks stop
// too: the chunk whose reader stops there is the last. A chunk holds a
// record longer than the chunk size whole.
#ifndef COLLABNET_IO_CSV_CHUNKS_H_
#define COLLABNET_IO_CSV_CHUNKS_H_

#include <cstddef>
#include <cstdint>
#include <istream>
#include <mutex>
#include <string>

namespace collabnet {

struct CsvChunk {
  std::string text;             // whole records
  std::int64_t index = 0;       // 0, 1, 2, ... in the stream's order
  std::int64_t first_line = 1;  // the line `text` starts on
};

class CsvChunker {
 public:
  // Chunks are about `chunk_bytes` long (at least 1).
  CsvChunker(std::istream& in, std::size_t chunk_bytes);

  // Fills `chunk` with the next chunk (reusing its buffer); false at the
  // end of the stream. Thread-safe: chunks are handed out in order, each
  // once.
  bool Next(CsvChunk& chunk);

 private:
  // Where the last record ending in text[0, size) ends (0 if none ends
  // there), scanning on from where the last call stopped; text[0] starts a
  // record. `final`: no more text follows.
  std::size_t FindCut(const std::string& text, bool final);

  std::mutex mutex_;
  std::istream& in_;
  const std::size_t chunk_bytes_;
  std::string carry_;  // read past the last cut: the next chunk's start
  std::int64_t next_index_ = 0;
  std::int64_t next_line_ = 1;
  // FindCut's progress through the text being cut (what was scanned past
  // the cut is scanned again as the next chunk's start).
  std::size_t scanned_ = 0;
  std::size_t cut_ = 0;
  bool quoted_ = false;  // inside a quoted field
  bool broken_ = false;  // past an error that stops a reader: quotes ignored
  std::size_t broken_at_ = 0;
  bool ended_ = false;  // a reader stops in the last chunk handed out
};

}  // namespace collabnet

#endif  // COLLABNET_IO_CSV_CHUNKS_H_
