// What the plain models (independent cascade, linear threshold, complex
// contagion and their live-edge references) share: a visited set and an
// activation queue reused across replicates, and the spread by rounds that
// gives each activation its time and honours a horizon.
//
// Round 0 is the leaders; a teacher activated while a round-r teacher is
// processed is of round r + 1. Processing the queue in order keeps rounds
// whole, so this is the synchronous process of the textbooks (for the
// linear threshold too: a teacher crosses their threshold while round r is
// processed exactly when the active weight of rounds <= r reaches it).
// With a horizon H, teachers of round H are activated but spread no
// further: the deadline of time-critical cascades.
#ifndef COLLABNET_SIM_PLAIN_SPREAD_H_
#define COLLABNET_SIM_PLAIN_SPREAD_H_

#include <cstdint>
#include <span>
#include <vector>

#include "graph/district_graph.h"
#include "sim/replicate_counts.h"
#include "sim/visit_bits.h"

namespace collabnet {

// Scratch for one thread: the visited set and the activation queue.
struct PlainWorkspace {
  explicit PlainWorkspace(std::size_t n) : visited(n) { queue.reserve(n); }
  // Starts a replicate: nothing visited, then the leaders visited and
  // queued.
  void Start(std::span<const VertexId> leaders) {
    visited.ClearListed(queue);
    queue.clear();
    for (VertexId s : leaders) {
      if (visited.Visit(s)) queue.push_back(s);
    }
  }
  VisitBits visited;
  std::vector<VertexId> queue;  // every vertex active in this replicate
};

// Calls spread(u, round) for every active teacher u in activation order,
// `round` being the round its activations are of, until the queue is
// exhausted or the horizon (0: none) is reached.
template <typename Spread>
void SpreadByRounds(PlainWorkspace& ws, int horizon, Spread spread) {
  std::size_t head = 0;
  for (int round = 1; head < ws.queue.size(); ++round) {
    if (horizon > 0 && round > horizon) return;
    // The queue grows while a round is processed; the round ends where it
    // stood when the round began.
    for (const std::size_t end = ws.queue.size(); head < end; ++head) {
      spread(ws.queue[head], round);
    }
  }
}

// Records teacher v activated by u in `round` over arc channel `channel`:
// a plain model's activated teacher is reached and adopting at once.
inline void RecordActivation(ReplicateCounts& counts, VertexId u, VertexId v,
                             int round, int channel) {
  counts.ReachAndAdopt(v, u, round, round, channel);
}

}  // namespace collabnet

#endif  // COLLABNET_SIM_PLAIN_SPREAD_H_
