#include "io/csv_chunks.h"

#include <algorithm>
#include <cstring>

namespace collabnet {
namespace {

// The lines `text` ends, as CsvReader counts them: LF, CR LF and a lone
// CR each end one, inside quotes or not. A chunk never ends between the CR
// and LF of one line end.
std::int64_t LineEnds(const std::string& text) {
  std::int64_t ends = std::count(text.begin(), text.end(), '\n');
  if (text.find('\r') == std::string::npos) return ends;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) {
      ++ends;
    }
  }
  return ends;
}

}  // namespace

CsvChunker::CsvChunker(std::istream& in, std::size_t chunk_bytes)
    : in_(in), chunk_bytes_(std::max<std::size_t>(1, chunk_bytes)) {}

std::size_t CsvChunker::FindCut(const std::string& text, bool final) {
  const char* d = text.data();
  const std::size_t n = text.size();
  // Just past the last line end in the unquoted [from, to), or 0. A CR
  // ends a line with the LF after it, if one follows: a CR that ends the
  // text so far waits for the next byte.
  auto last_end = [&](std::size_t from, std::size_t to) -> std::size_t {
    for (std::size_t i = to; i > from; --i) {
      const char c = d[i - 1];
      if (c == '\n') return i;
      if (c == '\r' && (i < n || final)) return i;
    }
    return 0;
  };
  // CsvReader opens a quoted field only at a field's start; a quote
  // elsewhere is a character of the field. A byte order mark opening the
  // stream is skipped by the reader, so a quote after it starts a field.
  auto at_field_start = [&](std::size_t q) {
    if (q == 0) return true;
    const char c = d[q - 1];
    if (c == ',' || c == '\n' || c == '\r') return true;
    return next_index_ == 0 && q == 3 && std::memcmp(d, "\xEF\xBB\xBF", 3) == 0;
  };
  std::size_t pos = scanned_;
  while (pos < n) {
    if (broken_ || !quoted_) {
      const void* found =
          broken_ ? nullptr : std::memchr(d + pos, '"', n - pos);
      const std::size_t q =
          found == nullptr ? n : static_cast<const char*>(found) - d;
      if (const std::size_t end = last_end(pos, q); end > cut_) cut_ = end;
      if (q == n) {
        // A CR at the end is looked at again once the next byte is read.
        pos = !final && n > 0 && d[n - 1] == '\r' ? n - 1 : n;
        break;
      }
      if (at_field_start(q)) quoted_ = true;
      pos = q + 1;
      continue;
    }
    const void* found = std::memchr(d + pos, '"', n - pos);
    if (found == nullptr) {
      pos = n;
      break;
    }
    const std::size_t q = static_cast<const char*>(found) - d;
    if (q + 1 == n) {
      // An escaped quote or the closing one: the next byte tells.
      if (!final) {
        pos = q;
        break;
      }
      quoted_ = false;
      pos = n;
      break;
    }
    if (d[q + 1] == '"') {
      pos = q + 2;
      continue;
    }
    quoted_ = false;
    const char after = d[q + 1];
    // Anything but a field's or a line's end after a closing quote stops
    // a reader there: where the rest is cut no longer matters.
    if (after != ',' && after != '\n' && after != '\r') {
      broken_ = true;
      broken_at_ = q + 1;
    }
    pos = q + 1;
  }
  scanned_ = pos;
  return cut_;
}

bool CsvChunker::Next(CsvChunk& chunk) {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (ended_) return false;
  chunk.text.swap(carry_);
  carry_.clear();
  scanned_ = 0;
  cut_ = 0;
  quoted_ = false;
  broken_ = false;
  std::size_t target = chunk_bytes_;
  bool final = false;
  for (;;) {
    while (!final && chunk.text.size() < target) {
      const std::size_t had = chunk.text.size();
      chunk.text.resize(target);
      in_.read(chunk.text.data() + had,
               static_cast<std::streamsize>(target - had));
      const auto got = static_cast<std::size_t>(in_.gcount());
      chunk.text.resize(had + got);
      if (got == 0) final = true;
    }
    if (final) break;  // the rest is the last chunk
    if (const std::size_t cut = FindCut(chunk.text, final); cut > 0) {
      carry_.assign(chunk.text, cut);
      chunk.text.resize(cut);
      // A reader stops in this chunk: no chunk comes after it.
      if (broken_ && broken_at_ < cut) ended_ = true;
      break;
    }
    target += chunk_bytes_;  // no record ends yet: read on
  }
  if (chunk.text.empty()) return false;
  // So does a reader of a first chunk that starts a byte order mark and
  // breaks it off.
  if (next_index_ == 0 && static_cast<unsigned char>(chunk.text[0]) == 0xEF &&
      chunk.text.compare(0, 3, "\xEF\xBB\xBF") != 0) {
    ended_ = true;
  }
  chunk.index = next_index_++;
  chunk.first_line = next_line_;
  next_line_ += LineEnds(chunk.text);
  return true;
}

}  // namespace collabnet
