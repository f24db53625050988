// DistrictGraph: the frozen, immutable multiplex graph every algorithm reads.
//
// A district's ties become arcs of a compressed sparse row graph (Boost's
// compressed_sparse_row_graph), sorted by (source, channel, target). An
// undirected tie becomes two arcs; a directed tie one, from the teacher who
// influences to the one influenced. Vertices are dense uint32 ids 0..n-1 in
// roster order; the id map back to teacher ids lives with the graph.
//
//   absl::StatusOr<DistrictGraph> g = FreezeDistrict(district);
//   for (ArcIndex a = g->arc_begin(v); a < g->arc_end(v); ++a)
//     Visit(g->arc_target(a), g->arc_channel(a), g->arc_weight(a));
//
// Reverse arcs (in-arcs, for reverse-reachable sampling) are built only when
// FreezeOptions::build_reverse is set. Weights are stored only when some tie
// has a weight other than 1, so an unweighted graph costs 5 bytes per arc.
//
// Thread-safety: immutable after construction; share freely across threads.
#ifndef COLLABNET_GRAPH_DISTRICT_GRAPH_H_
#define COLLABNET_GRAPH_DISTRICT_GRAPH_H_

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/duplicate_ties.h"
#include "graph/huge_page_allocator.h"
#include "graph/id_index.h"
#include "proto/district.pb.h"
#include "proto/tie_stream.h"

namespace collabnet {

using VertexId = std::uint32_t;
using ArcIndex = std::uint32_t;

// Channels are indexed by their enum value; index 0 is never used by an arc.
inline constexpr int kNumChannels = 8;

struct FreezeOptions {
  bool build_reverse = false;  // also store in-arcs
  // A district's ties each need a channel; a plain network's (read from an
  // edge list, GraphML without a channel attribute, ...) may have none.
  bool require_channels = true;
  // What repeated ties become (graph/duplicate_ties.h).
  DuplicateTies duplicates = DuplicateTies::kMerge;
};

// What freezing changed, so callers can report it: nothing is dropped
// silently.
struct FreezeStats {
  std::int64_t ties_read = 0;
  std::int64_t self_loops_dropped = 0;
  std::int64_t repeated_ties = 0;  // merged or kept, as the options say
  std::int64_t arcs = 0;
};

class DistrictGraph {
 public:
  using Csr =
      boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                         boost::no_property, boost::no_property,
                                         VertexId, ArcIndex>;

  DistrictGraph() = default;

  VertexId num_vertices() const { return static_cast<VertexId>(ids_.size()); }
  ArcIndex num_arcs() const { return static_cast<ArcIndex>(targets().size()); }
  // Ties kept (self-loops excluded); an undirected tie counts once.
  std::int64_t num_ties() const { return num_ties_; }
  bool has_weights() const {
    return !weight_codes_.empty() || !weights_.empty();
  }
  // Whether some tie is directed. An undirected tie's two arcs are mutual,
  // so a graph with no directed tie is an undirected network; one with
  // any is a directed network in which undirected ties are mutual.
  bool directed() const { return directed_channels_ != 0; }
  // Whether some tie of `channel` is directed.
  bool channel_directed(Channel channel) const {
    return (directed_channels_ >> static_cast<int>(channel) & 1) != 0;
  }

  // Out-arcs of v are the indices [arc_begin(v), arc_end(v)).
  ArcIndex arc_begin(VertexId v) const { return offsets()[v]; }
  ArcIndex arc_end(VertexId v) const { return offsets()[v + 1]; }
  VertexId arc_target(ArcIndex a) const { return targets()[a]; }
  Channel arc_channel(ArcIndex a) const {
    return static_cast<Channel>(channels_[a]);
  }
  float arc_weight(ArcIndex a) const {
    if (!weight_codes_.empty()) return weight_table_[weight_codes_[a]];
    return weights_.empty() ? 1.0f : weights_[a];
  }
  // Raw arrays for hot loops: offsets has n + 1 entries.
  std::span<const ArcIndex> offsets() const {
    return {csr_.m_forward.m_rowstart.data(), csr_.m_forward.m_rowstart.size()};
  }
  std::span<const VertexId> targets() const {
    return {csr_.m_forward.m_column.data(), csr_.m_forward.m_column.size()};
  }
  std::span<const std::uint8_t> channels() const { return channels_; }

  // In-arcs, present only if built with FreezeOptions::build_reverse. In-arc
  // i of v comes from in_sources()[i] and is forward arc in_arc_ids()[i].
  bool has_reverse() const { return !in_offsets_.empty(); }
  std::span<const ArcIndex> in_offsets() const { return in_offsets_; }
  std::span<const VertexId> in_sources() const { return in_sources_; }
  std::span<const ArcIndex> in_arc_ids() const { return in_arc_ids_; }

  // Identity, kept with the graph so every output maps back.
  const std::string& teacher_id(VertexId v) const { return ids_[v]; }
  std::optional<VertexId> FindTeacher(absl::string_view id) const;
  Role role(VertexId v) const { return static_cast<Role>(roles_[v]); }
  // Grades K-12 as bits 0-12; empty for plain networks.
  std::uint16_t grade_mask(VertexId v) const {
    return grade_masks_.empty() ? 0 : grade_masks_[v];
  }
  // Subjects as bits of the district's subject list (the first 64 distinct
  // subjects; later ones share bit 63). Empty for plain networks.
  std::uint64_t subject_mask(VertexId v) const {
    return subject_masks_.empty() ? 0 : subject_masks_[v];
  }
  std::uint32_t school_of(VertexId v) const { return school_of_[v]; }

  std::uint32_t num_schools() const {
    return static_cast<std::uint32_t>(school_ids_.size());
  }
  const std::string& school_id(std::uint32_t s) const { return school_ids_[s]; }
  const std::string& school_name(std::uint32_t s) const {
    return school_names_[s];
  }
  double school_readiness(std::uint32_t s) const { return readiness_[s]; }
  // Whether the school receives Title I funds (a high share of low-income
  // students): equity figures are reported for them.
  bool school_title_i(std::uint32_t s) const { return title_i_[s] != 0; }
  const std::string& district_name() const { return district_name_; }

  const Csr& csr() const { return csr_; }

  // Bytes held by the graph's arrays (not counting string contents): those
  // sized by the arcs, those sized by the teachers and schools, and both.
  std::size_t TieBytes() const;
  std::size_t TeacherBytes() const;
  std::size_t MemoryBytes() const { return TieBytes() + TeacherBytes(); }

 private:
  friend class DistrictGraphBuilder;
  Csr csr_;
  std::vector<std::uint8_t> channels_;
  // Weights: all empty when every tie weighs 1. With at most 256 distinct
  // weights (counts of contacts, hours: the usual case) each arc holds a
  // one-byte code into weight_table_, a quarter of a float's memory;
  // otherwise weights_ holds a float per arc.
  std::vector<std::uint8_t> weight_codes_;
  std::vector<float> weight_table_;
  std::vector<float> weights_;
  std::vector<ArcIndex> in_offsets_;
  std::vector<VertexId> in_sources_;
  std::vector<ArcIndex> in_arc_ids_;
  std::int64_t num_ties_ = 0;
  std::uint8_t directed_channels_ = 0;  // bit c: a tie of channel c is directed

  std::vector<std::string> ids_;
  IdIndex index_;
  std::vector<std::uint8_t> roles_;
  std::vector<std::uint16_t> grade_masks_;
  std::vector<std::uint64_t> subject_masks_;
  std::vector<std::uint32_t> school_of_;
  std::vector<std::string> school_ids_;
  std::vector<std::string> school_names_;
  std::vector<double> readiness_;
  std::vector<std::uint8_t> title_i_;
  std::string district_name_;
};

// Collects schools, teachers and ties, then freezes them into a graph once.
// FreezeDistrict uses it for districts; readers of plain networks (edge
// lists) use it directly, without building a District message first.
//
//   DistrictGraphBuilder b;
//   std::uint32_t s = b.AddSchool("S1", "Armstrong", 0.8);
//   VertexId a = *b.AddTeacher("T1", s, TEACHER_LEADER);
//   ...
//   b.AddTie(a, c, PLC, /*directed=*/false, 1.0f);
//   absl::StatusOr<DistrictGraph> g = std::move(b).Freeze();
//
// Ties may carry CHANNEL_UNSPECIFIED: a plain network's ties have no channel.
class DistrictGraphBuilder {
 public:
  DistrictGraphBuilder() = default;

  void set_name(std::string name) { g_.district_name_ = std::move(name); }
  std::uint32_t num_schools() const { return g_.num_schools(); }
  VertexId num_teachers() const { return g_.num_vertices(); }
  // Room for `ties` ties (two arcs each unless all are directed).
  void ReserveTies(std::size_t ties, bool directed = false) {
    arcs_.reserve(directed ? ties : 2 * ties);
  }

  // Adds a school; ids are not checked here (FreezeDistrict checks them).
  std::uint32_t AddSchool(std::string id, std::string name, double readiness,
                          bool title_i = false);
  // Adds a teacher, or fails with InvalidArgument on a duplicate id.
  absl::StatusOr<VertexId> AddTeacher(std::string id, std::uint32_t school,
                                      Role role);
  std::optional<VertexId> FindTeacher(absl::string_view id) const {
    return g_.FindTeacher(id);
  }
  // Records teacher v's grades and subjects as masks (see grade_mask).
  void SetContext(VertexId v, std::uint16_t grades, std::uint64_t subjects);
  // Adds a tie between existing teachers; a self-loop is counted and
  // dropped. An undirected tie becomes two arcs.
  void AddTie(VertexId source, VertexId target, Channel channel, bool directed,
              float weight);

  // Sorts the arcs by (source, channel, target), directed arcs before an
  // undirected tie's, keeping parallel ties in the order added; applies the
  // rule for repeated ties (options.duplicates); builds the CSR. OutOfRange
  // past 2^32 - 1 arcs; InvalidArgument for a repeat under kRefuse.
  absl::StatusOr<DistrictGraph> Freeze(const FreezeOptions& options = {},
                                       FreezeStats* stats = nullptr) &&;

 private:
  struct Arc {
    VertexId source;
    VertexId target;
    std::uint8_t channel;
    std::uint8_t undirected;  // one of an undirected tie's two arcs
    float weight;
  };
  DistrictGraph g_;
  std::vector<Arc, HugePageAllocator<Arc>> arcs_;
  std::int64_t ties_added_ = 0;
  std::int64_t self_loops_ = 0;
  std::int64_t repeated_ties_ = 0;
  bool weighted_ = false;
};

// Adds the district's schools and teachers (not its ties) to `b`, checking
// ids, school references and readiness as FreezeDistrict does.
absl::Status AddRoster(const District& district, DistrictGraphBuilder& b);

// Freezes a district into a graph. Fails with InvalidArgument, naming the
// record, on a duplicate teacher or school id, a teacher whose school is not
// listed, a tie whose endpoint is not on the roster, an unspecified channel,
// or a weight that is not a positive finite number. Self-loops are dropped
// and counted in *stats. More than 2^32 - 1 arcs is OutOfRange.
absl::StatusOr<DistrictGraph> FreezeDistrict(const District& district,
                                             const FreezeOptions& options = {},
                                             FreezeStats* stats = nullptr);

// FreezeDistrict's checks of the roster and the ties (options'
// require_channels), without building the graph, for a writer that must
// not write what a reader would refuse: OK means the district freezes
// (below 2^32 arcs, and with repeated ties, which ApplyDuplicateTies in
// graph/duplicate_ties.h finds, merged or kept). *self_loops gets the ties
// freezing would drop.
absl::Status CheckDistrict(const District& district,
                           const FreezeOptions& options = {},
                           std::int64_t* self_loops = nullptr);

// FreezeDistrict's check of a tie's own fields (its channel, with
// `require_channel`, and its weight); `index` names it in the error.
absl::Status CheckTieFields(const Tie& tie, std::int64_t index,
                            bool require_channel);

// `ties`, each checked by CheckTieFields (with the options'
// require_channels) as it passes: the first that fails
// ends the visit with its error. For ties whose ends are roster teachers by
// construction (IngestedTies, records/source_ingest.h): CheckDistrict of
// the roster, then a writer given these, writes only what freezes, in one
// pass over the ties. `ties` must outlive it.
class FieldCheckedTies final : public TieStream {
 public:
  explicit FieldCheckedTies(const TieStream& ties ABSL_ATTRIBUTE_LIFETIME_BOUND,
                            const FreezeOptions& options = {})
      : ties_(ties), require_channels_(options.require_channels) {}
  std::int64_t size() const override { return ties_.size(); }
  absl::Status ForEachIn(std::int64_t begin, std::int64_t end,
                         TieVisitor visit) const override;

 private:
  const TieStream& ties_;
  bool require_channels_;
};

}  // namespace collabnet

#endif  // COLLABNET_GRAPH_DISTRICT_GRAPH_H_
