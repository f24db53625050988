// One replicate of the multi-channel cascade (cascade_model.h), with the
// attribution of every reach to the channel and hop that made it.
//
//   CascadeWorkspace ws(model);
//   RunCascadeReplicate(model, seed, replicate, ws);
//   Use(ws.counts());
//
// A replicate's draws come from PhiloxStream(seed, replicate,
// kPurposeCascade) alone, so its outcome depends only on (seed, replicate).
// Events are processed in week order (a bucket queue); within a week, in the
// order they were scheduled, so "first reached" is well defined. Draws on
// arcs into teachers already reached are skipped: their outcome cannot
// change the result.
//
// Thread-compatible: one workspace per thread; the model is shared read-only.
#ifndef COLLABNET_SIM_MULTI_CHANNEL_CASCADE_H_
#define COLLABNET_SIM_MULTI_CHANNEL_CASCADE_H_

#include <array>
#include <cstdint>
#include <vector>

#include "graph/district_graph.h"
#include "sim/cascade_model.h"

namespace collabnet {

inline constexpr int kMaxHop = 255;  // hops beyond are counted as 255

// What one replicate produced. Leaders are not counted as reached.
struct ReplicateCounts {
  std::int64_t reached = 0;
  std::int64_t adopting = 0;
  std::int64_t direct = 0;  // reached at hop 1, by a leader
  std::array<std::int64_t, kNumChannels> direct_by_channel{};
  std::array<std::int64_t, kNumChannels> reached_by_channel{};
  std::int64_t arcs_examined = 0;  // out-arcs of adopters looked at
  int max_hop = 0;
  std::array<std::int64_t, kMaxHop + 1> reached_by_hop{};
  // Per school, and the schools touched (so resets cost what was used).
  std::vector<std::int32_t> school_reached;
  std::vector<std::int32_t> school_adopting;
  std::vector<std::uint32_t> touched_schools;
  // Reached / adopting in each week (not cumulative); sized horizon + 1, or
  // grown as needed without a horizon.
  std::vector<std::int64_t> weekly_reached;
  std::vector<std::int64_t> weekly_adopting;
  std::vector<std::int64_t> weekly_lapsed;  // adopters who stop that week
  std::int64_t sustained = 0;     // adopting and not lapsed at the horizon
  std::int64_t by_broadcast = 0;  // reached first by the broadcast
  // Leaders' contacts that found the term's capacity used up and waited.
  std::int64_t deferred_by_capacity = 0;
  // Who was reached, and who of them adopted (leaders not included).
  std::vector<VertexId> reached_teachers;
  std::vector<VertexId> adopting_teachers;
};

class CascadeWorkspace {
 public:
  explicit CascadeWorkspace(const CascadeModel& model);
  const ReplicateCounts& counts() const { return counts_; }

 private:
  friend void RunCascadeReplicate(const CascadeModel&, std::uint64_t,
                                  std::uint64_t, CascadeWorkspace&);
  struct Event {
    VertexId vertex;
    std::uint8_t channel;
    std::uint8_t hop;             // from the leaders, or from the broadcast
    std::uint8_t from_broadcast;  // 1: descends from the broadcast
    std::uint32_t leader;         // index of the leader it comes from
  };
  static constexpr std::uint32_t kNoLeader = 0xFFFFFFFFu;
  // Per leader: the term its count is for, and the new teachers reached
  // over capacity channels in that term.
  struct Load {
    int term;
    int used;
  };
  std::vector<Load> leader_load_;
  std::vector<std::uint32_t> stamp_;  // == epoch_: finally reached
  std::uint32_t epoch_ = 0;
  std::vector<std::vector<Event>> buckets_;  // by week
  ReplicateCounts counts_;
};

// Runs replicate `replicate` of `model` under `seed` into ws.counts().
void RunCascadeReplicate(const CascadeModel& model, std::uint64_t seed,
                         std::uint64_t replicate, CascadeWorkspace& ws);

}  // namespace collabnet

#endif  // COLLABNET_SIM_MULTI_CHANNEL_CASCADE_H_
