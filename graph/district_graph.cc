#include "graph/district_graph.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <tuple>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace collabnet {
namespace {

struct Arc {
  VertexId source;
  VertexId target;
  std::uint8_t channel;
  float weight;
};

absl::Status CheckTie(const Tie& tie, int index) {
  if (tie.channel() == CHANNEL_UNSPECIFIED || !Channel_IsValid(tie.channel())) {
    return absl::InvalidArgumentError(
        absl::StrCat("tie ", index, " (", tie.source(), " -> ", tie.target(),
                     "): field 'channel' is unspecified"));
  }
  if (tie.has_weight() &&
      !(std::isfinite(tie.weight()) && tie.weight() > 0 &&
        tie.weight() <= std::numeric_limits<float>::max())) {
    return absl::InvalidArgumentError(
        absl::StrCat("tie ", index, " (", tie.source(), " -> ", tie.target(),
                     "): field 'weight' must be a positive finite number, got ",
                     tie.weight()));
  }
  return absl::OkStatus();
}

}  // namespace

std::optional<VertexId> DistrictGraph::FindTeacher(absl::string_view id) const {
  auto it = index_.find(id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::size_t DistrictGraph::MemoryBytes() const {
  return offsets().size_bytes() + targets().size_bytes() +
         channels_.size() * sizeof(channels_[0]) +
         weights_.size() * sizeof(weights_[0]) +
         in_offsets_.size() * sizeof(ArcIndex) +
         in_sources_.size() * sizeof(VertexId) +
         in_arc_ids_.size() * sizeof(ArcIndex) + roles_.size() +
         school_of_.size() * sizeof(std::uint32_t);
}

absl::StatusOr<DistrictGraph> FreezeDistrict(const District& district,
                                             const FreezeOptions& options,
                                             FreezeStats* stats) {
  DistrictGraph g;
  g.district_name_ = district.name();

  absl::flat_hash_map<std::string, std::uint32_t> school_index;
  school_index.reserve(district.schools_size());
  for (int s = 0; s < district.schools_size(); ++s) {
    const School& school = district.schools(s);
    if (school.id().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("school ", s, ": field 'id' is empty"));
    }
    if (!school_index.emplace(school.id(), s).second) {
      return absl::InvalidArgumentError(absl::StrCat(
          "school ", s, ": duplicate school id '", school.id(), "'"));
    }
    if (!(school.readiness() >= 0 && school.readiness() <= 1)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "school '", school.id(),
          "': field 'readiness' must be in [0, 1], got ", school.readiness()));
    }
    g.school_ids_.push_back(school.id());
    g.school_names_.push_back(school.name());
    g.readiness_.push_back(school.readiness());
  }

  const int n = district.teachers_size();
  if (static_cast<std::uint64_t>(n) >= std::numeric_limits<VertexId>::max()) {
    return absl::OutOfRangeError("too many teachers for 32-bit vertex ids");
  }
  g.ids_.reserve(n);
  g.index_.reserve(n);
  g.roles_.reserve(n);
  g.school_of_.reserve(n);
  for (int v = 0; v < n; ++v) {
    const Teacher& t = district.teachers(v);
    if (t.id().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("teacher ", v, ": field 'id' is empty"));
    }
    if (!g.index_.emplace(t.id(), static_cast<VertexId>(v)).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("teacher ", v, ": duplicate teacher id '", t.id(), "'"));
    }
    auto school = school_index.find(t.school_id());
    if (school == school_index.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("teacher '", t.id(), "': school '", t.school_id(),
                       "' is not in the district's schools"));
    }
    g.ids_.push_back(t.id());
    g.roles_.push_back(static_cast<std::uint8_t>(t.role()));
    g.school_of_.push_back(school->second);
  }

  std::vector<Arc> arcs;
  arcs.reserve(static_cast<std::size_t>(district.ties_size()) * 2);
  std::int64_t self_loops = 0;
  bool weighted = false;
  for (int i = 0; i < district.ties_size(); ++i) {
    const Tie& tie = district.ties(i);
    if (absl::Status s = CheckTie(tie, i); !s.ok()) return s;
    auto src = g.index_.find(tie.source());
    auto dst = g.index_.find(tie.target());
    if (src == g.index_.end() || dst == g.index_.end()) {
      const std::string& missing =
          src == g.index_.end() ? tie.source() : tie.target();
      return absl::InvalidArgumentError(absl::StrCat(
          "tie ", i, ": field '", src == g.index_.end() ? "source" : "target",
          "': teacher '", missing, "' is not on the roster"));
    }
    if (src->second == dst->second) {
      ++self_loops;
      continue;
    }
    const float w = tie.has_weight() ? static_cast<float>(tie.weight()) : 1.0f;
    weighted |= (w != 1.0f);
    const auto ch = static_cast<std::uint8_t>(tie.channel());
    arcs.push_back({src->second, dst->second, ch, w});
    if (!tie.directed()) arcs.push_back({dst->second, src->second, ch, w});
    ++g.num_ties_;
  }
  if (arcs.size() >= std::numeric_limits<ArcIndex>::max()) {
    return absl::OutOfRangeError(
        absl::StrCat(arcs.size(), " arcs exceed the 32-bit arc index"));
  }
  // stable_sort keeps parallel ties in input order, so freezing is a pure
  // function of the district.
  std::stable_sort(arcs.begin(), arcs.end(), [](const Arc& a, const Arc& b) {
    return std::tie(a.source, a.channel, a.target) <
           std::tie(b.source, b.channel, b.target);
  });

  std::vector<std::pair<VertexId, VertexId>> pairs;
  pairs.reserve(arcs.size());
  g.channels_.reserve(arcs.size());
  if (weighted) g.weights_.reserve(arcs.size());
  for (const Arc& a : arcs) {
    pairs.emplace_back(a.source, a.target);
    g.channels_.push_back(a.channel);
    if (weighted) g.weights_.push_back(a.weight);
  }
  g.csr_ = DistrictGraph::Csr(boost::edges_are_sorted, pairs.begin(),
                              pairs.end(), static_cast<VertexId>(n));

  if (options.build_reverse) {
    const std::size_t m = arcs.size();
    g.in_offsets_.assign(static_cast<std::size_t>(n) + 1, 0);
    for (const Arc& a : arcs) ++g.in_offsets_[a.target + 1];
    std::partial_sum(g.in_offsets_.begin(), g.in_offsets_.end(),
                     g.in_offsets_.begin());
    g.in_sources_.resize(m);
    g.in_arc_ids_.resize(m);
    std::vector<ArcIndex> cursor(g.in_offsets_.begin(),
                                 g.in_offsets_.end() - 1);
    // Forward arcs are visited in order, so each vertex's in-arcs come out
    // sorted by source.
    for (std::size_t i = 0; i < m; ++i) {
      const ArcIndex slot = cursor[arcs[i].target]++;
      g.in_sources_[slot] = arcs[i].source;
      g.in_arc_ids_[slot] = static_cast<ArcIndex>(i);
    }
  }

  if (stats != nullptr) {
    stats->ties_read = district.ties_size();
    stats->self_loops_dropped = self_loops;
    stats->arcs = static_cast<std::int64_t>(arcs.size());
  }
  return g;
}

}  // namespace collabnet
