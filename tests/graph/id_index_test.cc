#include "graph/id_index.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "random/philox_stream.h"

namespace collabnet {
namespace {

// Adds ids in order as vertices 0, 1, ...; returns how many were new.
int AddAll(IdIndex& index, std::vector<std::string>& ids,
           const std::vector<std::string>& add) {
  int added = 0;
  for (const std::string& id : add) {
    if (index.Insert(id, static_cast<std::uint32_t>(ids.size()), ids)) {
      ids.push_back(id);
      ++added;
    }
  }
  return added;
}

TEST(IdIndex, FindsDenseAndHashedIdsAlike) {
  IdIndex index;
  std::vector<std::string> ids;
  // The first id fixes the dense form T + 4 digits; the rest of these take
  // the table: another prefix, another width, a number too large, no digits.
  const std::vector<std::string> all = {"T0001",  "T0002",  "T9999", "S0001",
                                        "T01",    "T00001", "x",     "",
                                        "T0003a", "t0001"};
  EXPECT_EQ(AddAll(index, ids, all), static_cast<int>(all.size()));
  for (std::size_t v = 0; v < all.size(); ++v) {
    ASSERT_TRUE(index.Find(all[v], ids).has_value()) << all[v];
    EXPECT_EQ(*index.Find(all[v], ids), v) << all[v];
  }
  EXPECT_FALSE(index.Find("T0004", ids).has_value());
  EXPECT_FALSE(index.Find("T000", ids).has_value());
  EXPECT_FALSE(index.Find("S0002", ids).has_value());
  EXPECT_EQ(index.size(), all.size());
}

TEST(IdIndex, RefusesDuplicatesOnBothPaths) {
  IdIndex index;
  std::vector<std::string> ids;
  EXPECT_EQ(AddAll(index, ids, {"7", "12", "007", "12", "007", "a", "a"}), 4);
  // Plain numbers are dense only without leading zeros: "007" is not 7.
  EXPECT_EQ(*index.Find("7", ids), 0u);
  EXPECT_EQ(*index.Find("007", ids), 2u);
}

TEST(IdIndex, AgreesWithAReferenceMapOnManyIds) {
  IdIndex index;
  std::vector<std::string> ids;
  PhiloxStream rng(5, 0, kPurposeGenerator);
  std::vector<std::string> all;
  for (int i = 0; i < 20000; ++i) {
    const std::uint32_t n = rng.NextBelow(100000);
    switch (rng.NextBelow(4)) {
      case 0:
        // absl::StrCat, not "T" + std::string: GCC 12 misreports
        // operator+ on a temporary as an overlapping copy (-Wrestrict).
        all.push_back(absl::StrCat("T", std::to_string(1000000 + n).substr(1)));
        break;
      case 1:
        all.push_back(std::to_string(n));
        break;
      case 2:
        all.push_back(absl::StrCat("teacher-", n));
        break;
      default:
        all.push_back(absl::StrCat("T", n));  // varying width
    }
  }
  AddAll(index, ids, all);
  std::set<std::string> distinct(all.begin(), all.end());
  EXPECT_EQ(ids.size(), distinct.size());
  for (std::size_t v = 0; v < ids.size(); ++v) {
    ASSERT_EQ(index.Find(ids[v], ids), std::optional<std::uint32_t>(v));
  }
  EXPECT_FALSE(index.Find("teacher-100000", ids).has_value());
}

}  // namespace
}  // namespace collabnet
