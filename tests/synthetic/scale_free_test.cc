#include "synthetic/scale_free.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

#include "gtest/gtest.h"

namespace collabnet {
namespace {

TEST(BarabasiAlbert, TiesAreSimpleAndCountedExactly) {
  constexpr std::uint32_t n = 2000;
  constexpr std::uint32_t m = 3;
  absl::StatusOr<DistrictGraph> g = GenerateBarabasiAlbert(n, m, 7);
  ASSERT_TRUE(g.ok()) << g.status();
  // Nodes 1..m tie to all before them; the rest m times each.
  EXPECT_EQ(g->num_ties(), m * (m + 1) / 2 + m * (n - 1 - m));
  EXPECT_EQ(g->num_arcs(), 2 * g->num_ties());
  for (VertexId v = 0; v < n; ++v) {
    std::set<VertexId> targets;
    for (ArcIndex a = g->arc_begin(v); a < g->arc_end(v); ++a) {
      ASSERT_NE(g->arc_target(a), v);
      ASSERT_TRUE(targets.insert(g->arc_target(a)).second) << "parallel tie";
    }
  }
  EXPECT_EQ(g->teacher_id(1234), "1234");
}

TEST(BarabasiAlbert, DegreeTailFollowsTheClosedForm) {
  // For linear preferential attachment P(degree >= K) = m(m+1) / (K(K+1))
  // for K >= m. The count of nodes past K is binomial around n times that;
  // five standard errors, plus the share of the first nodes, bound it.
  constexpr std::uint32_t n = 20000;
  constexpr std::uint32_t m = 3;
  absl::StatusOr<DistrictGraph> g = GenerateBarabasiAlbert(n, m, 11);
  ASSERT_TRUE(g.ok()) << g.status();
  for (const std::uint32_t k : {6u, 12u, 24u}) {
    std::uint32_t count = 0;
    for (VertexId v = 0; v < n; ++v) {
      count += (g->arc_end(v) - g->arc_begin(v)) >= k ? 1 : 0;
    }
    const double p = static_cast<double>(m * (m + 1)) / (k * (k + 1.0));
    const double mean = n * p;
    const double se = std::sqrt(n * p * (1 - p));
    EXPECT_NEAR(count, mean, 5 * se + m) << "degree >= " << k;
  }
  std::uint32_t max_degree = 0;
  for (VertexId v = 0; v < n; ++v) {
    max_degree = std::max(max_degree, g->arc_end(v) - g->arc_begin(v));
  }
  // The largest hub grows like m sqrt(n): about 400 here, against a mean of
  // 2m = 6.
  EXPECT_GT(max_degree, 100u);
}

TEST(BarabasiAlbert, SameSeedSameGraphAndBadSizesRefused) {
  absl::StatusOr<DistrictGraph> a = GenerateBarabasiAlbert(500, 4, 3);
  absl::StatusOr<DistrictGraph> b = GenerateBarabasiAlbert(500, 4, 3);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(std::equal(a->targets().begin(), a->targets().end(),
                         b->targets().begin(), b->targets().end()));
  EXPECT_FALSE(GenerateBarabasiAlbert(10, 10, 1).ok());
  EXPECT_FALSE(GenerateBarabasiAlbert(10, 0, 1).ok());
}

}  // namespace
}  // namespace collabnet
