// Writing a stream's ties on every core: each thread turns a block of
// ties into bytes at a time, and the blocks are written in order, so the
// file is byte for byte the one a single thread writes, however many run.
//
//   absl::Status s = WriteTieBlocks(
//       ties,
//       [&](std::int64_t begin, std::int64_t end, std::string& bytes) {
//         return ties.ForEachIn(begin, end, [&](const Tie& tie) {
//           AppendRow(tie, bytes);
//           return absl::OkStatus();
//         });
//       },
//       [&](const std::string& bytes) { return Write(bytes); });
#ifndef COLLABNET_FORMATS_TIE_BLOCKS_H_
#define COLLABNET_FORMATS_TIE_BLOCKS_H_

#include <cstdint>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "proto/tie_stream.h"

namespace collabnet {

// `make` fills `bytes` with the bytes of ties [begin, end), on any thread,
// and returns the stream's error if it refused a tie (the bytes then hold
// the ties before it). `write` takes each block's bytes in the ties'
// order, one block at a time; false stops the writing (the writer keeps
// its own reason). Returns the error of the first block that has one,
// after writing what it made, unless `write` stopped first; no block is
// made or written after either. At most one block a thread is held.
absl::Status WriteTieBlocks(
    const TieStream& ties,
    absl::FunctionRef<absl::Status(std::int64_t begin, std::int64_t end,
                                   std::string& bytes)>
        make,
    absl::FunctionRef<bool(const std::string& bytes)> write);

}  // namespace collabnet

#endif  // COLLABNET_FORMATS_TIE_BLOCKS_H_
