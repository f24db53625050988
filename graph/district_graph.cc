#include "graph/district_graph.h"

#include <algorithm>
#include <boost/iterator/transform_iterator.hpp>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace collabnet {

absl::Status CheckTieFields(const Tie& tie, std::int64_t index,
                            bool require_channel) {
  if (!Channel_IsValid(tie.channel()) ||
      (require_channel && tie.channel() == CHANNEL_UNSPECIFIED)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "tie ", index, " (", tie.source(), " -> ", tie.target(),
        "): field 'channel' is unspecified; the multi-channel cascade needs "
        "every tie's channel (or run a plain model: --model ic, wc, lt or "
        "cc)"));
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

std::optional<VertexId> DistrictGraph::FindTeacher(absl::string_view id) const {
  return index_.Find(id, ids_);
}

std::size_t DistrictGraph::TieBytes() const {
  return targets().size_bytes() + channels_.size() * sizeof(channels_[0]) +
         weight_codes_.size() + weight_table_.size() * sizeof(float) +
         weights_.size() * sizeof(weights_[0]) +
         in_sources_.size() * sizeof(VertexId) +
         in_arc_ids_.size() * sizeof(ArcIndex);
}

std::size_t DistrictGraph::TeacherBytes() const {
  return offsets().size_bytes() + in_offsets_.size() * sizeof(ArcIndex) +
         roles_.size() + grade_masks_.size() * sizeof(std::uint16_t) +
         subject_masks_.size() * sizeof(std::uint64_t) +
         school_of_.size() * sizeof(std::uint32_t) + index_.MemoryBytes();
}

std::uint32_t DistrictGraphBuilder::AddSchool(std::string id, std::string name,
                                              double readiness, bool title_i) {
  g_.school_ids_.push_back(std::move(id));
  g_.school_names_.push_back(std::move(name));
  g_.readiness_.push_back(readiness);
  g_.title_i_.push_back(title_i ? 1 : 0);
  return static_cast<std::uint32_t>(g_.school_ids_.size() - 1);
}

absl::StatusOr<VertexId> DistrictGraphBuilder::AddTeacher(std::string id,
                                                          std::uint32_t school,
                                                          Role role) {
  if (g_.ids_.size() >= std::numeric_limits<VertexId>::max() - 1) {
    return absl::OutOfRangeError("too many teachers for 32-bit vertex ids");
  }
  const auto v = static_cast<VertexId>(g_.ids_.size());
  if (!g_.index_.Insert(id, v, g_.ids_)) {
    return absl::InvalidArgumentError(
        absl::StrCat("duplicate teacher id '", id, "'"));
  }
  g_.ids_.push_back(std::move(id));
  g_.roles_.push_back(static_cast<std::uint8_t>(role));
  g_.school_of_.push_back(school);
  return v;
}

void DistrictGraphBuilder::SetContext(VertexId v, std::uint16_t grades,
                                      std::uint64_t subjects) {
  if (g_.grade_masks_.size() < g_.ids_.size()) {
    g_.grade_masks_.resize(g_.ids_.size(), 0);
    g_.subject_masks_.resize(g_.ids_.size(), 0);
  }
  g_.grade_masks_[v] = grades;
  g_.subject_masks_[v] = subjects;
}

void DistrictGraphBuilder::AddTie(VertexId source, VertexId target,
                                  Channel channel, bool directed,
                                  float weight) {
  ++ties_added_;
  if (source == target) {
    ++self_loops_;
    return;
  }
  weighted_ |= (weight != 1.0f);
  const auto ch = static_cast<std::uint8_t>(channel);
  const std::uint8_t undirected = directed ? 0 : 1;
  arcs_.push_back({source, target, ch, undirected, weight});
  if (directed) g_.directed_channels_ |= static_cast<std::uint8_t>(1u << ch);
  if (!directed) arcs_.push_back({target, source, ch, undirected, weight});
  ++g_.num_ties_;
}

absl::StatusOr<DistrictGraph> DistrictGraphBuilder::Freeze(
    const FreezeOptions& options, FreezeStats* stats) && {
  if (arcs_.size() >= std::numeric_limits<ArcIndex>::max()) {
    return absl::OutOfRangeError(
        absl::StrCat(arcs_.size(), " arcs exceed the 32-bit arc index"));
  }
  DistrictGraph& g = g_;
  const VertexId n = g.num_vertices();
  {
    const std::size_t m = arcs_.size();
    // A stable counting sort by source (linear, and parallel ties keep the
    // order they were added in, so freezing is a pure function of what was
    // added), then each vertex's few arcs by (channel, target, undirected).
    std::vector<ArcIndex> start(static_cast<std::size_t>(n) + 1, 0);
    for (const Arc& a : arcs_) ++start[a.source + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<Arc, HugePageAllocator<Arc>> sorted(m);
    {
      std::vector<ArcIndex> cursor(start.begin(), start.end() - 1);
      for (const Arc& a : arcs_) sorted[cursor[a.source]++] = a;
    }
    auto by_channel_target = [](const Arc& a, const Arc& b) {
      return std::tie(a.channel, a.target, a.undirected) <
             std::tie(b.channel, b.target, b.undirected);
    };
    for (VertexId v = 0; v < n; ++v) {
      const auto first = sorted.begin() + start[v];
      const auto last = sorted.begin() + start[v + 1];
      if (last - first <= 1 || std::is_sorted(first, last, by_channel_target)) {
        continue;
      }
      if (last - first <= 64) {
        // Insertion sort: stable, and without stable_sort's buffer.
        for (auto i = first + 1; i != last; ++i) {
          const Arc arc = *i;
          auto j = i;
          for (; j != first && by_channel_target(arc, *(j - 1)); --j) {
            *j = *(j - 1);
          }
          *j = arc;
        }
      } else {
        std::stable_sort(first, last, by_channel_target);
      }
    }
    // Repeated ties are now next to each other in their source's arcs.
    std::int64_t directed_repeats = 0;
    std::int64_t undirected_repeat_arcs = 0;  // two for each repeated tie
    std::size_t kept = 0;
    for (VertexId v = 0; v < n; ++v) {
      const std::size_t first = kept;
      for (ArcIndex i = start[v]; i < start[v + 1]; ++i) {
        const Arc& a = sorted[i];
        const bool repeat = kept > first &&
                            sorted[kept - 1].channel == a.channel &&
                            sorted[kept - 1].target == a.target &&
                            sorted[kept - 1].undirected == a.undirected;
        if (repeat) {
          (a.undirected ? undirected_repeat_arcs : directed_repeats) += 1;
          if (options.duplicates == DuplicateTies::kRefuse) {
            return RepeatedTieError("a repeated tie", g.ids_[a.source],
                                    g.ids_[a.target],
                                    static_cast<Channel>(a.channel));
          }
          if (options.duplicates == DuplicateTies::kMerge) {
            sorted[kept - 1].weight += a.weight;
            weighted_ = true;
            continue;
          }
        }
        sorted[kept++] = a;
      }
    }
    repeated_ties_ = directed_repeats + undirected_repeat_arcs / 2;
    if (options.duplicates == DuplicateTies::kMerge) {
      g.num_ties_ -= repeated_ties_;
      sorted.resize(kept);
    }
    arcs_ = std::move(sorted);
  }
  const std::size_t m = arcs_.size();
  if (!g.grade_masks_.empty()) {  // teachers added after the last SetContext
    g.grade_masks_.resize(n, 0);
    g.subject_masks_.resize(n, 0);
  }
  {
    // The sorted arcs feed Boost's constructor as (source, target) pairs
    // directly, without a copy of them all.
    auto endpoints = [](const Arc& a) {
      return std::pair<VertexId, VertexId>(a.source, a.target);
    };
    g.csr_ = DistrictGraph::Csr(
        boost::edges_are_sorted,
        boost::make_transform_iterator(arcs_.cbegin(), endpoints),
        boost::make_transform_iterator(arcs_.cend(), endpoints), n);
  }
  g.channels_.reserve(m);
  for (const Arc& a : arcs_) g.channels_.push_back(a.channel);
  if (weighted_) {
    // One-byte codes while the distinct weights fit in 256, in order of
    // first appearance; floats once they do not.
    absl::flat_hash_map<std::uint32_t, std::uint8_t> code_of;
    g.weight_codes_.reserve(m);
    for (const Arc& a : arcs_) {
      std::uint32_t bits;
      std::memcpy(&bits, &a.weight, sizeof bits);
      auto it = code_of.find(bits);
      if (it == code_of.end()) {
        if (g.weight_table_.size() == 256) break;
        it = code_of
                 .emplace(bits,
                          static_cast<std::uint8_t>(g.weight_table_.size()))
                 .first;
        g.weight_table_.push_back(a.weight);
      }
      g.weight_codes_.push_back(it->second);
    }
    if (g.weight_codes_.size() != m) {
      g.weight_codes_ = {};
      g.weight_table_ = {};
      g.weights_.reserve(m);
      for (const Arc& a : arcs_) g.weights_.push_back(a.weight);
    }
  }
  if (options.build_reverse) {
    g.in_offsets_.assign(static_cast<std::size_t>(n) + 1, 0);
    for (const Arc& a : arcs_) ++g.in_offsets_[a.target + 1];
    std::partial_sum(g.in_offsets_.begin(), g.in_offsets_.end(),
                     g.in_offsets_.begin());
    g.in_sources_.resize(m);
    g.in_arc_ids_.resize(m);
    std::vector<ArcIndex> cursor(g.in_offsets_.begin(),
                                 g.in_offsets_.end() - 1);
    // Forward arcs are visited in order, so each vertex's in-arcs come out
    // sorted by source.
    for (std::size_t i = 0; i < m; ++i) {
      const ArcIndex slot = cursor[arcs_[i].target]++;
      g.in_sources_[slot] = arcs_[i].source;
      g.in_arc_ids_[slot] = static_cast<ArcIndex>(i);
    }
  }
  if (stats != nullptr) {
    stats->ties_read = ties_added_;
    stats->self_loops_dropped = self_loops_;
    stats->repeated_ties = repeated_ties_;
    stats->arcs = static_cast<std::int64_t>(m);
  }
  arcs_.clear();
  arcs_.shrink_to_fit();
  return std::move(g_);
}

absl::Status AddRoster(const District& district, DistrictGraphBuilder& b) {
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
    b.AddSchool(school.id(), school.name(), school.readiness(),
                school.title_i());
  }
  absl::flat_hash_map<std::string, int> subject_bit;
  for (int v = 0; v < district.teachers_size(); ++v) {
    const Teacher& t = district.teachers(v);
    if (t.id().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("teacher ", v, ": field 'id' is empty"));
    }
    auto school = school_index.find(t.school_id());
    if (school == school_index.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("teacher '", t.id(), "': school '", t.school_id(),
                       "' is not in the district's schools"));
    }
    absl::StatusOr<VertexId> added =
        b.AddTeacher(t.id(), school->second, t.role());
    if (!added.ok()) {
      return absl::Status(
          added.status().code(),
          absl::StrCat("teacher ", v, ": ", added.status().message()));
    }
    std::uint16_t grades = 0;
    for (int grade : t.grades()) {
      if (grade >= 0 && grade <= 12) {
        grades = static_cast<std::uint16_t>(grades | (1u << grade));
      }
    }
    std::uint64_t subjects = 0;
    for (const std::string& subject : t.subjects()) {
      auto [it, fresh] =
          subject_bit.emplace(subject, static_cast<int>(subject_bit.size()));
      subjects |= std::uint64_t{1} << std::min(it->second, 63);
    }
    b.SetContext(*added, grades, subjects);
  }
  return absl::OkStatus();
}

namespace {

// The tie checks of FreezeDistrict, in one place for it and CheckDistrict:
// each tie is checked, its ends found among the roster `b` holds, and
// passed to `use`.
template <typename Use>
absl::Status ForEachCheckedTie(const District& district,
                               const DistrictGraphBuilder& b,
                               bool require_channels, Use use) {
  for (int i = 0; i < district.ties_size(); ++i) {
    const Tie& tie = district.ties(i);
    if (absl::Status s = CheckTieFields(tie, i, require_channels); !s.ok()) {
      return s;
    }
    const std::optional<VertexId> src = b.FindTeacher(tie.source());
    const std::optional<VertexId> dst = b.FindTeacher(tie.target());
    if (!src || !dst) {
      return absl::InvalidArgumentError(absl::StrCat(
          "tie ", i, ": field '", !src ? "source" : "target", "': teacher '",
          !src ? tie.source() : tie.target(), "' is not on the roster"));
    }
    use(tie, *src, *dst);
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<DistrictGraph> FreezeDistrict(const District& district,
                                             const FreezeOptions& options,
                                             FreezeStats* stats) {
  DistrictGraphBuilder b;
  b.set_name(district.name());
  if (absl::Status s = AddRoster(district, b); !s.ok()) return s;
  b.ReserveTies(static_cast<std::size_t>(district.ties_size()));
  if (absl::Status s = ForEachCheckedTie(
          district, b, options.require_channels,
          [&](const Tie& tie, VertexId src, VertexId dst) {
            b.AddTie(
                src, dst, tie.channel(), tie.directed(),
                tie.has_weight() ? static_cast<float>(tie.weight()) : 1.0f);
          });
      !s.ok()) {
    return s;
  }
  return std::move(b).Freeze(options, stats);
}

absl::Status CheckDistrict(const District& district,
                           const FreezeOptions& options,
                           std::int64_t* self_loops) {
  DistrictGraphBuilder b;
  if (absl::Status s = AddRoster(district, b); !s.ok()) return s;
  std::int64_t loops = 0;
  if (absl::Status s =
          ForEachCheckedTie(district, b, options.require_channels,
                            [&](const Tie&, VertexId src, VertexId dst) {
                              loops += src == dst ? 1 : 0;
                            });
      !s.ok()) {
    return s;
  }
  if (self_loops != nullptr) *self_loops = loops;
  return absl::OkStatus();
}

absl::Status FieldCheckedTies::ForEachIn(std::int64_t begin, std::int64_t end,
                                         TieVisitor visit) const {
  std::int64_t i = begin;
  return ties_.ForEachIn(begin, end, [&](const Tie& tie) -> absl::Status {
    if (absl::Status s = CheckTieFields(tie, i++, require_channels_); !s.ok()) {
      return s;
    }
    return visit(tie);
  });
}

}  // namespace collabnet
