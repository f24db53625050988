// Arena blocks whose pages a second core has already faulted in.
//
// A district of millions of ties is gigabytes of arena, and the kernel
// zeroes each fresh page the first time it is written. On a virtual
// machine that zeroing measured a third of a large read's time. While an
// arena that wants it is alive, a background thread keeps a few blocks of
// kFaultedBlockBytes mapped and written ahead of use, so the reader on the
// first core finds its next block ready.
//
//   google::protobuf::ArenaOptions options;
//   options.max_block_size = kFaultedBlockBytes;
//   options.block_alloc = AllocateArenaBlock;
//   options.block_dealloc = FreeArenaBlock;
//   FaultAhead ahead;  // lives as long as the arena
//
// Blocks of other sizes (an arena's first, smaller ones, or one for a
// single large object) come from the heap. The thread runs only on a
// machine with two or more cores, starts work only once an arena asks for
// a block of kFaultedBlockBytes (small districts never do), and gives its
// blocks back once no FaultAhead is alive. Thread-safe.
#ifndef COLLABNET_PROTO_FAULTED_BLOCKS_H_
#define COLLABNET_PROTO_FAULTED_BLOCKS_H_

#include <cstddef>

namespace collabnet {

inline constexpr std::size_t kFaultedBlockBytes = std::size_t{4} << 20;

// The signatures of ArenaOptions::block_alloc and block_dealloc. An
// allocation that fails throws std::bad_alloc, as the default's does.
void* AllocateArenaBlock(std::size_t bytes);
void FreeArenaBlock(void* block, std::size_t bytes);

// While one is alive, the background thread faults blocks in ahead.
class FaultAhead {
 public:
  FaultAhead();
  ~FaultAhead();
  FaultAhead(FaultAhead&& other) noexcept : active_(other.active_) {
    other.active_ = false;
  }
  FaultAhead& operator=(FaultAhead&& other) noexcept;
  FaultAhead(const FaultAhead&) = delete;
  FaultAhead& operator=(const FaultAhead&) = delete;

 private:
  bool active_ = false;
};

}  // namespace collabnet

#endif  // COLLABNET_PROTO_FAULTED_BLOCKS_H_
