// The measures on published networks equal python-igraph's (0.10): the
// golden files in tests/data/measures, made by make_golden.py beside this
// file (the suite's golden_measures_script test re-runs it).
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <google/protobuf/util/message_differencer.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "formats/edge_list.h"
#include "gtest/gtest.h"
#include "measures/analysis.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

// A golden CSV: its header and rows of cells.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

Table ReadTable(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  Table t;
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    std::vector<std::string> cells = absl::StrSplit(line, ',');
    if (first) {
      t.header = cells;
      first = false;
    } else {
      t.rows.push_back(cells);
    }
  }
  return t;
}

double Golden(const std::string& cell) {
  if (cell == "NA") return std::nan("");
  double v = 0;
  EXPECT_TRUE(absl::SimpleAtod(cell, &v)) << cell;
  return v;
}

// Equal to igraph's within rounding: NaN where igraph gives NaN.
void ExpectMeasure(double ours, double golden, const std::string& what) {
  if (std::isnan(golden)) {
    EXPECT_TRUE(std::isnan(ours)) << what << ": " << ours << ", igraph NaN";
    return;
  }
  EXPECT_NEAR(ours, golden, 1e-9 * std::max(1.0, std::fabs(golden))) << what;
}

double TeacherValue(const TeacherMeasures& t, const std::string& column) {
  if (column == "in_degree") return t.in_degree();
  if (column == "out_degree") return t.out_degree();
  if (column == "in_strength") return t.in_strength();
  if (column == "out_strength") return t.out_strength();
  if (column == "betweenness") return t.betweenness();
  if (column == "betweenness_normalized") return t.betweenness_normalized();
  if (column == "closeness") return t.closeness();
  if (column == "harmonic") return t.harmonic();
  if (column == "pagerank") return t.pagerank();
  if (column == "eigenvector") return t.eigenvector();
  if (column == "coreness") return t.coreness();
  if (column == "clustering") return t.clustering();
  if (column == "constraint") return t.constraint();
  if (column == "ei_index") return t.ei_index();
  ADD_FAILURE() << "no measure " << column;
  return 0;
}

double NetworkValue(const NetworkMeasures& n, const std::string& measure) {
  if (measure == "teachers") return n.teachers();
  if (measure == "ties") return static_cast<double>(n.ties());
  if (measure == "density") return n.density();
  if (measure == "reciprocity") return n.reciprocity();
  if (measure == "transitivity") return n.transitivity();
  if (measure == "weak_components") return n.weak_components();
  if (measure == "strong_components") return n.strong_components();
  if (measure == "isolates") return n.isolates();
  if (measure == "assortativity_school") return n.assortativity_school();
  if (measure == "ei_index") return n.ei_index();
  if (measure == "degree_centralization") return n.degree_centralization();
  if (measure == "in_degree_centralization") {
    return n.in_degree_centralization();
  }
  if (measure == "out_degree_centralization") {
    return n.out_degree_centralization();
  }
  ADD_FAILURE() << "no measure " << measure;
  return 0;
}

double SchoolValue(const SchoolMeasures& s, const std::string& column) {
  if (column == "teachers") return s.teachers();
  if (column == "internal_ties") return static_cast<double>(s.internal_ties());
  if (column == "external_ties") return static_cast<double>(s.external_ties());
  if (column == "density") return s.density();
  if (column == "reciprocity") return s.reciprocity();
  if (column == "ei_index") return s.ei_index();
  if (column == "isolates") return s.isolates();
  ADD_FAILURE() << "no measure " << column;
  return 0;
}

class GoldenMeasures : public ::testing::TestWithParam<std::string> {
 protected:
  std::string Path(const std::string& suffix) const {
    return testing::SourceDir() + "/tests/data/measures/" + GetParam() + suffix;
  }
  AnalysisResult Analyze(int threads) const {
    EdgeListOptions options;
    options.nodes_path = Path(".nodes");
    absl::StatusOr<DistrictGraph> g =
        ReadEdgeListGraph(Path(".edges"), options);
    EXPECT_TRUE(g.ok()) << g.status();
    AnalysisOptions analysis;
    analysis.threads = threads;
    absl::StatusOr<AnalysisResult> r = AnalyzeNetwork(*g, analysis);
    EXPECT_TRUE(r.ok()) << r.status();
    return *r;
  }
};

TEST_P(GoldenMeasures, TeachersEqualIgraphs) {
  const AnalysisResult r = Analyze(2);
  const Table golden = ReadTable(Path(".teachers.csv"));
  ASSERT_EQ(static_cast<std::size_t>(r.teachers_size()), golden.rows.size());
  for (std::size_t i = 0; i < golden.rows.size(); ++i) {
    const TeacherMeasures& t = r.teachers(static_cast<int>(i));
    ASSERT_EQ(t.teacher_id(), golden.rows[i][0]);
    for (std::size_t c = 1; c < golden.header.size(); ++c) {
      ExpectMeasure(TeacherValue(t, golden.header[c]),
                    Golden(golden.rows[i][c]),
                    t.teacher_id() + " " + golden.header[c]);
    }
  }
}

TEST_P(GoldenMeasures, NetworkEqualsIgraphsAndCommunitiesAreAsModular) {
  const AnalysisResult r = Analyze(1);
  const Table golden = ReadTable(Path(".network.csv"));
  std::map<std::string, double> modularity;
  for (const auto& row : golden.rows) {
    if (row[0].rfind("modularity_", 0) == 0) {
      modularity[row[0].substr(11)] = Golden(row[1]);
      continue;
    }
    ExpectMeasure(NetworkValue(r.network(), row[0]), Golden(row[1]), row[0]);
  }
  // Both searches are random: a partition at least as modular as igraph's
  // own run found, within a little, is what is asked.
  ASSERT_EQ(r.network().communities_size(), 2);
  for (const CommunityMeasures& c : r.network().communities()) {
    ASSERT_TRUE(modularity.count(c.method())) << c.method();
    EXPECT_GE(c.modularity(), modularity[c.method()] - 0.01) << c.method();
    EXPECT_LE(c.modularity(), 1.0);
    EXPECT_GE(c.communities(), 1);
  }
}

TEST_P(GoldenMeasures, SchoolsEqualTheirDefinitions) {
  const AnalysisResult r = Analyze(1);
  const Table golden = ReadTable(Path(".schools.csv"));
  ASSERT_EQ(static_cast<std::size_t>(r.schools_size()), golden.rows.size());
  for (const auto& row : golden.rows) {
    const SchoolMeasures* found = nullptr;
    for (const SchoolMeasures& s : r.schools()) {
      if (s.school_id() == row[0]) found = &s;
    }
    ASSERT_NE(found, nullptr) << row[0];
    for (std::size_t c = 1; c < golden.header.size(); ++c) {
      ExpectMeasure(SchoolValue(*found, golden.header[c]), Golden(row[c]),
                    row[0] + " " + golden.header[c]);
    }
  }
}

// Gould and Fernandez's roles equal R's sna::brokerage (brokerage_golden.R).
TEST_P(GoldenMeasures, BrokerageRolesEqualSnas) {
  const AnalysisResult r = Analyze(2);
  const Table golden = ReadTable(Path(".brokerage.csv"));
  ASSERT_EQ(static_cast<std::size_t>(r.teachers_size()), golden.rows.size());
  std::int64_t all = 0;
  for (std::size_t i = 0; i < golden.rows.size(); ++i) {
    const TeacherMeasures& t = r.teachers(static_cast<int>(i));
    ASSERT_EQ(t.teacher_id(), golden.rows[i][0]);
    const Brokerage& b = t.brokerage();
    const std::int64_t ours[] = {b.coordinator(),    b.itinerant(),
                                 b.representative(), b.gatekeeper(),
                                 b.liaison(),        b.total()};
    for (std::size_t c = 1; c < golden.header.size(); ++c) {
      EXPECT_EQ(static_cast<double>(ours[c - 1]), Golden(golden.rows[i][c]))
          << t.teacher_id() << " " << golden.header[c];
    }
    all += b.total();
  }
  EXPECT_GT(all, 0);  // the networks have brokers to count
}

TEST_P(GoldenMeasures, AreTheSameBytesOnOneTwoAndThreeThreads) {
  const AnalysisResult one = Analyze(1);
  for (int threads : {2, 3}) {
    const AnalysisResult many = Analyze(threads);
    if (many.SerializeAsString() == one.SerializeAsString()) continue;
    std::string differences;
    google::protobuf::util::MessageDifferencer d;
    d.ReportDifferencesToString(&differences);
    d.Compare(one, many);
    ADD_FAILURE() << threads << " threads differ from one:\n"
                  << differences.substr(0, 2000);
  }
}

INSTANTIATE_TEST_SUITE_P(PublishedNetworks, GoldenMeasures,
                         ::testing::Values("karate", "florentine", "davis",
                                           "directed"));

}  // namespace
}  // namespace collabnet
