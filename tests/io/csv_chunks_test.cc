#include "io/csv_chunks.h"

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "io/csv_reader.h"

namespace collabnet {
namespace {

struct Row {
  std::vector<std::string> fields;
  std::int64_t line;
  bool operator==(const Row&) const = default;
};

// Records up to the first error, and the error.
struct Read {
  std::vector<Row> rows;
  std::string error;
};

void ReadWith(CsvReader& reader, Read& out) {
  CsvRecord r;
  while (reader.Next(r)) {
    out.rows.push_back({{r.fields.begin(), r.fields.end()}, r.line});
  }
  out.error = std::string(reader.status().message());
}

Read Whole(const std::string& text) {
  std::istringstream in(text);
  CsvReader reader(in, "f.csv");
  Read out;
  ReadWith(reader, out);
  return out;
}

// As the chunks' readers find it, stopping at the first chunk whose
// reader stops on an error.
Read Chunked(const std::string& text, std::size_t chunk_bytes,
             std::int64_t* chunks = nullptr) {
  std::istringstream in(text);
  CsvChunker chunker(in, chunk_bytes);
  CsvChunk chunk;
  Read out;
  std::int64_t n = 0;
  while (chunker.Next(chunk)) {
    EXPECT_EQ(chunk.index, n);
    ++n;
    CsvReader reader(chunk.text, "f.csv", chunk.first_line,
                     /*at_file_start=*/chunk.index == 0);
    ReadWith(reader, out);
    if (!out.error.empty()) {
      // The chunk whose reader stops is the last.
      EXPECT_FALSE(chunker.Next(chunk)) << absl::CEscape(text);
      break;
    }
  }
  if (chunks != nullptr) *chunks = n;
  return out;
}

TEST(CsvChunker, ChunksReadAsTheWholeStreamReads) {
  // Every byte that matters to where a record ends, in random order:
  // quotes opening, closing, escaped and stray, each kind of line end,
  // blank lines, a byte order mark.
  const std::string alphabet[] = {"a",     "b",   ",",    "\"",   "\"\"",
                                  "\n",    "\r",  "\r\n", "\n\n", " ",
                                  "\"a\"", "x,y", "\xEF", "\xBB"};
  std::uint64_t x = 88172645463325252u;
  auto next = [&](std::uint64_t n) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x % n;
  };
  int with_errors = 0;
  int multi_chunk = 0;
  for (int trial = 0; trial < 10000; ++trial) {
    std::string text = next(8) == 0 ? "\xEF\xBB\xBF" : "";
    const std::uint64_t length = next(60);
    for (std::uint64_t i = 0; i < length; ++i) {
      text += alphabet[next(std::size(alphabet))];
    }
    const Read whole = Whole(text);
    if (!whole.error.empty()) ++with_errors;
    for (std::size_t chunk_bytes : {1, 2, 3, 5, 16, 1000}) {
      std::int64_t chunks = 0;
      const Read chunked = Chunked(text, chunk_bytes, &chunks);
      if (chunks > 1) ++multi_chunk;
      ASSERT_EQ(chunked.rows, whole.rows)
          << "text " << absl::CEscape(text) << " chunk " << chunk_bytes;
      ASSERT_EQ(chunked.error, whole.error)
          << "text " << absl::CEscape(text) << " chunk " << chunk_bytes;
    }
  }
  // The trials cover streams that stop on an error and that cut in many.
  EXPECT_GT(with_errors, 300);
  EXPECT_GT(multi_chunk, 15000);
}

TEST(CsvChunker, ChunksAreWholeRecordsOfAboutTheSizeAsked) {
  std::string text = "h1,h2\n";
  for (int i = 0; i < 1000; ++i) absl::StrAppend(&text, "id", i, ",x\n");
  absl::StrAppend(&text, "\"a long\nquoted\nfield\",", std::string(300, 'q'),
                  "\n");
  std::istringstream in(text);
  CsvChunker chunker(in, 64);
  CsvChunk chunk;
  std::string joined;
  std::size_t longest = 0;
  while (chunker.Next(chunk)) {
    EXPECT_EQ(chunk.text.back(), '\n');
    longest = std::max(longest, chunk.text.size());
    joined += chunk.text;
  }
  EXPECT_EQ(joined, text);
  // A record longer than a chunk is one chunk, whole.
  EXPECT_GE(longest, 300u);
  EXPECT_LT(longest, 400u);
}

TEST(CsvChunker, ThreadsTakeEachChunkOnceInOrder) {
  std::string text;
  for (int i = 0; i < 20000; ++i) absl::StrAppend(&text, i, ",", i * 7, "\n");
  std::istringstream in(text);
  CsvChunker chunker(in, 100);
  std::vector<std::vector<CsvChunk>> taken(4);
  std::vector<std::thread> threads;
  for (auto& mine : taken) {
    threads.emplace_back([&chunker, &mine] {
      CsvChunk chunk;
      while (chunker.Next(chunk)) mine.push_back(chunk);
    });
  }
  for (std::thread& t : threads) t.join();
  std::vector<const CsvChunk*> all;
  for (const auto& mine : taken) {
    for (std::size_t i = 1; i < mine.size(); ++i) {
      EXPECT_LT(mine[i - 1].index, mine[i].index);
    }
    for (const CsvChunk& c : mine) all.push_back(&c);
  }
  std::sort(all.begin(), all.end(), [](const CsvChunk* a, const CsvChunk* b) {
    return a->index < b->index;
  });
  std::string joined;
  std::int64_t line = 1;
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i]->index, static_cast<std::int64_t>(i));
    EXPECT_EQ(all[i]->first_line, line);
    line += std::count(all[i]->text.begin(), all[i]->text.end(), '\n');
    joined += all[i]->text;
  }
  EXPECT_EQ(joined, text);
}

}  // namespace
}  // namespace collabnet
