#include "proto/arena_district.h"

#include "proto/faulted_blocks.h"

namespace collabnet {
namespace {

google::protobuf::ArenaOptions Options() {
  google::protobuf::ArenaOptions options;
  // Blocks grow to 4 MiB: a district of millions of ties takes a few
  // hundred of them rather than the default's hundreds of thousands. (On
  // huge pages they measured slower: the kernel compacts memory for them
  // as they fault in.) Those of 4 MiB come faulted in by a second core.
  options.start_block_size = 64 << 10;
  options.max_block_size = kFaultedBlockBytes;
  options.block_alloc = AllocateArenaBlock;
  options.block_dealloc = FreeArenaBlock;
  return options;
}

}  // namespace

ArenaDistrict::ArenaDistrict()
    : arena_(std::make_unique<google::protobuf::Arena>(Options())),
      district_(
          google::protobuf::Arena::CreateMessage<District>(arena_.get())) {}

}  // namespace collabnet
