#include "formats/edge_list.h"

#include <zlib.h>

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/line_reader.h"
#include "tests/testing/scratch_dir.h"

namespace collabnet {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

using EdgeListTest = testing::ScratchDirTest;

// The arcs of g as "u>v" strings by teacher id, in CSR order.
std::vector<std::string> Arcs(const DistrictGraph& g) {
  std::vector<std::string> out;
  for (VertexId u = 0; u < g.num_vertices(); ++u) {
    for (ArcIndex a = g.arc_begin(u); a < g.arc_end(u); ++a) {
      out.push_back(g.teacher_id(u) + ">" + g.teacher_id(g.arc_target(a)));
    }
  }
  return out;
}

TEST_F(EdgeListTest, ReadsEverySeparatorCommentsHeaderAndLineEnd) {
  const std::string path = Write(
      "g.txt",
      "\xEF\xBB\xBF# a comment\r\nsource,target,weight\r\na b\r\nb\tc 2\r% "
      "another\nc,a,0.5\n\n");
  EdgeListReport report;
  absl::StatusOr<DistrictGraph> g = ReadEdgeListGraph(path, {}, {}, &report);
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_TRUE(report.header);
  EXPECT_EQ(report.ties, 3);
  EXPECT_EQ(report.comment_lines, 3);  // two comments and the blank line
  EXPECT_EQ(g->num_vertices(), 3u);
  EXPECT_EQ(g->num_arcs(), 6u);  // undirected by default
  EXPECT_THAT(Arcs(*g), ElementsAre("a>b", "a>c", "b>a", "b>c", "c>a", "c>b"));
  EXPECT_TRUE(g->has_weights());
}

TEST_F(EdgeListTest, DirectedTiesPointFromFirstToSecond) {
  const std::string path = Write("g.txt", "1 2\n2 3\n3 3\n");
  EdgeListReport report;
  absl::StatusOr<DistrictGraph> g = ReadEdgeListGraph(
      path, EdgeListOptions{.directed = true, .nodes_path = ""}, {}, &report);
  ASSERT_TRUE(g.ok());
  EXPECT_THAT(Arcs(*g), ElementsAre("1>2", "2>3"));
  EXPECT_EQ(report.self_loops_dropped, 1);
  EXPECT_EQ(report.ties, 2);
}

TEST_F(EdgeListTest, NodesFileFixesOrderAndSchools) {
  const std::string nodes =
      Write("n.txt", "z s1 9\ny s2 9\nx s1 9\nlone s2 9\n");
  const std::string edges = Write("e.txt", "x y\ny z\n");
  EdgeListReport report;
  EdgeListOptions options;
  options.nodes_path = nodes;
  absl::StatusOr<DistrictGraph> g =
      ReadEdgeListGraph(edges, options, {}, &report);
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(g->num_vertices(), 4u);
  EXPECT_EQ(g->teacher_id(0), "z");
  EXPECT_EQ(g->teacher_id(3), "lone");
  EXPECT_EQ(g->num_schools(), 2u);
  EXPECT_EQ(g->school_id(g->school_of(2)), "s1");
  EXPECT_EQ(report.node_columns_not_used, 1);
}

TEST_F(EdgeListTest, ErrorsNameFileLineAndField) {
  const std::string nodes = Write("n.txt", "a\nb\n");
  const std::string edges =
      Write("e.txt", "a b\na\na b -1\na b 1 extra\na c\n");
  EdgeListOptions options;
  options.nodes_path = nodes;
  absl::StatusOr<DistrictGraph> g = ReadEdgeListGraph(edges, options);
  ASSERT_FALSE(g.ok());
  const std::string m(g.status().message());
  EXPECT_THAT(m, HasSubstr("e.txt:2: field 'target': missing"));
  EXPECT_THAT(m, HasSubstr("e.txt:3: field 'weight': found '-1'"));
  EXPECT_THAT(m, HasSubstr("e.txt:4: field 'weight': the line has 4 fields"));
  EXPECT_THAT(m, HasSubstr("e.txt:5: field 'target': node 'c' is not in the "
                           "nodes file"));
  EXPECT_EQ(ReadEdgeListGraph((dir_ / "missing").string()).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(EdgeListTest, ReadsGzipAndPlainAlike) {
  std::string text;
  for (int i = 0; i < 5000; ++i) {
    text += std::to_string(i) + " " + std::to_string((i * 7 + 1) % 5000) + "\n";
  }
  const std::string plain = Write("g.txt", text);
  const std::string gz = (dir_ / "g.txt.gz").string();
  gzFile f = gzopen(gz.c_str(), "wb");
  gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
  gzclose(f);
  absl::StatusOr<DistrictGraph> a = ReadEdgeListGraph(plain);
  absl::StatusOr<DistrictGraph> b = ReadEdgeListGraph(gz);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(Arcs(*a), Arcs(*b));
  EXPECT_EQ(a->num_vertices(), 5000u);
}

TEST_F(EdgeListTest, LineReaderHandlesLinesLongerThanItsBuffer) {
  const std::string big(3 << 20, 'x');
  const std::string path = Write("long.txt", "a\r\n" + big + "\r\nlast");
  const InputLimits defaults = GetInputLimits();
  InputLimits raised = defaults;
  raised.max_line_bytes = 4 << 20;
  SetInputLimits(raised);
  LineReader in;
  ASSERT_TRUE(in.Open(path).ok());
  absl::string_view line;
  ASSERT_TRUE(in.Next(line));
  EXPECT_EQ(line, "a");
  ASSERT_TRUE(in.Next(line));
  EXPECT_EQ(line.size(), big.size());
  ASSERT_TRUE(in.Next(line));
  EXPECT_EQ(line, "last");
  EXPECT_EQ(in.line_number(), 3);
  EXPECT_FALSE(in.Next(line));
  EXPECT_TRUE(in.status().ok());
  SetInputLimits(defaults);

  // Past the limit, the read stops with the limit named, on the line.
  LineReader limited;
  ASSERT_TRUE(limited.Open(path).ok());
  ASSERT_TRUE(limited.Next(line));
  EXPECT_FALSE(limited.Next(line));
  EXPECT_THAT(std::string(limited.status().message()),
              HasSubstr("long.txt:2: the line is longer than 1 MiB"));
}

TEST_F(EdgeListTest, IdListsTakeAnySeparatorAndComments) {
  const std::string path = Write("s.txt", "# seeds\n28\n3, 59\t70\n");
  absl::StatusOr<std::vector<std::string>> ids = ReadIdList(path);
  ASSERT_TRUE(ids.ok());
  EXPECT_THAT(*ids, ElementsAre("28", "3", "59", "70"));
}

}  // namespace
}  // namespace collabnet
