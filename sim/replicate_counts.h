// What one replicate of any model produced: a record per teacher reached
// (in the order they were reached) and the few counters that are not about
// one teacher. Models write these; the runner's Tally (sim/tally.h) turns
// them into every breakdown of a RunResult, the same way for every model.
//
// Leaders are not reached: they are active from the start and have no
// record. A record's source is a leader or a teacher whose record comes
// earlier in the same replicate, so the records are the replicate's
// transmission tree in order, and the leader a chain starts from is found
// in one pass (sim/tally.h).
#ifndef COLLABNET_SIM_REPLICATE_COUNTS_H_
#define COLLABNET_SIM_REPLICATE_COUNTS_H_

#include <cstdint>
#include <span>
#include <vector>

#include "graph/district_graph.h"

namespace collabnet {

inline constexpr int kMaxHop = 255;  // hops beyond are counted as 255
// ReachRecord::lapse_time of an adopter still practising at the end.
inline constexpr std::int32_t kStillPractising = -1;
// ReachRecord::source of a teacher the broadcast reached.
inline constexpr VertexId kFromBroadcast = 0xFFFFFFFFu;

struct ReachRecord {
  VertexId teacher;
  // Who reached the teacher: a leader, an earlier record's teacher, or
  // kFromBroadcast.
  VertexId source;
  std::int32_t time;  // the week (or round) the teacher was reached
  // The week an adopter stopped practising, or kStillPractising (also for
  // teachers who did not adopt).
  std::int32_t lapse_time;
  // Steps from the leaders: 1 = reached first-hand by a leader. Teachers
  // reached by the broadcast are hop 0, and their descendants count hops
  // from it.
  std::uint8_t hop;
  std::uint8_t channel;         // of the contact that reached the teacher
  std::uint8_t adopted;         // 1 if the teacher adopted
  std::uint8_t from_broadcast;  // 1 if it descends from the broadcast
};

class ReplicateCounts {
 public:
  // Forgets the last replicate. Constant time.
  void Reset() {
    reached_.clear();
    adopting_ = 0;
    deferred_by_capacity_ = 0;
    arcs_examined_ = 0;
  }

  // Records teacher v reached by `source` at `time` over `channel`, `hop`
  // steps from the leaders (or the broadcast); the record can be marked
  // adopted until the next Reach.
  ReachRecord& Reach(VertexId v, VertexId source, int time, int hop,
                     int channel, bool from_broadcast) {
    return reached_.emplace_back(
        ReachRecord{v, source, time, kStillPractising,
                    static_cast<std::uint8_t>(hop < kMaxHop ? hop : kMaxHop),
                    static_cast<std::uint8_t>(channel), 0,
                    static_cast<std::uint8_t>(from_broadcast ? 1 : 0)});
  }
  // The same for a teacher who adopts at once and for good, as every
  // teacher a plain model activates does.
  void ReachAndAdopt(VertexId v, VertexId source, int time, int hop,
                     int channel) {
    reached_.emplace_back(
        ReachRecord{v, source, time, kStillPractising,
                    static_cast<std::uint8_t>(hop < kMaxHop ? hop : kMaxHop),
                    static_cast<std::uint8_t>(channel), 1, 0});
    ++adopting_;
  }
  // Marks a record adopted, practising until `lapse_time` (or for good).
  void Adopt(ReachRecord& r, std::int32_t lapse_time = kStillPractising) {
    r.adopted = 1;
    r.lapse_time = lapse_time;
    ++adopting_;
  }
  // A leader's contact that found the term's capacity used up and waited.
  void Defer() { ++deferred_by_capacity_; }
  void Examine(std::int64_t arcs) { arcs_examined_ += arcs; }

  std::span<const ReachRecord> reached() const { return reached_; }
  std::int64_t adopting() const { return adopting_; }
  std::int64_t deferred_by_capacity() const { return deferred_by_capacity_; }
  // Out-arcs of active teachers looked at, for throughput figures.
  std::int64_t arcs_examined() const { return arcs_examined_; }

 private:
  std::vector<ReachRecord> reached_;
  std::int64_t adopting_ = 0;
  std::int64_t deferred_by_capacity_ = 0;
  std::int64_t arcs_examined_ = 0;
};

}  // namespace collabnet

#endif  // COLLABNET_SIM_REPLICATE_COUNTS_H_
