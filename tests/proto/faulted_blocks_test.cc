#include "proto/faulted_blocks.h"

#include <cstring>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "proto/arena_district.h"

namespace collabnet {
namespace {

TEST(FaultedBlocks, BlocksOfEitherKindHoldWhatIsWritten) {
  const FaultAhead ahead;
  for (const std::size_t bytes : {std::size_t{64} << 10, kFaultedBlockBytes}) {
    // Enough of them that some come from the background thread's stock.
    for (int round = 0; round < 20; ++round) {
      auto* block = static_cast<unsigned char*>(AllocateArenaBlock(bytes));
      ASSERT_NE(block, nullptr);
      std::memset(block, round, bytes);
      EXPECT_EQ(block[0], round);
      EXPECT_EQ(block[bytes - 1], round);
      FreeArenaBlock(block, bytes);
    }
  }
}

TEST(FaultedBlocks, ALargeArenaDistrictIsTheHeapOne) {
  District heap;
  heap.set_name("big");
  // Past a few blocks of kFaultedBlockBytes.
  for (int i = 0; i < 200000; ++i) {
    Tie& t = *heap.add_ties();
    t.set_source(absl::StrCat("T", i));
    t.set_target(absl::StrCat("a teacher id longer than sixteen bytes ", i));
    t.set_first_seen("2019-01-01");
  }
  std::string heap_bytes = heap.SerializeAsString();
  {
    ArenaDistrict d;
    *d = heap;
    ArenaDistrict moved = std::move(d);
    EXPECT_EQ(moved->SerializeAsString(), heap_bytes);
  }
  // Another after the first is gone: the stock is made again as needed.
  ArenaDistrict again;
  *again = heap;
  EXPECT_EQ(again->SerializeAsString(), heap_bytes);
}

}  // namespace
}  // namespace collabnet
