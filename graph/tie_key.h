// TieKey: what makes a tie itself, in numbers: its ends as vertex (or
// roster) numbers, an undirected tie's in ascending order, its channel and
// its direction. Two ties with one key repeat each other, the rule of
// graph/duplicate_ties.h, for code that has numbered the ends already.
#ifndef COLLABNET_GRAPH_TIE_KEY_H_
#define COLLABNET_GRAPH_TIE_KEY_H_

#include <cstdint>
#include <utility>

#include "proto/district.pb.h"

namespace collabnet {

struct TieKey {
  std::uint32_t from;
  std::uint32_t to;
  std::uint32_t channel_and_direction;

  static TieKey Of(std::uint32_t from, std::uint32_t to, Channel channel,
                   bool directed) {
    if (!directed && to < from) std::swap(from, to);
    return {from, to, static_cast<std::uint32_t>(channel) << 1 | directed};
  }

  bool operator==(const TieKey&) const = default;
  template <typename H>
  friend H AbslHashValue(H h, const TieKey& k) {
    return H::combine(std::move(h), k.from, k.to, k.channel_and_direction);
  }
};

}  // namespace collabnet

#endif  // COLLABNET_GRAPH_TIE_KEY_H_
