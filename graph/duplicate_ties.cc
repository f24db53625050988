#include "graph/duplicate_ties.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "graph/id_index.h"
#include "graph/tie_key.h"
#include "proto/channel_names.h"
#include "text/count_text.h"

namespace collabnet {

std::optional<DuplicateTies> ParseDuplicateTies(absl::string_view text) {
  if (text == "merge") return DuplicateTies::kMerge;
  if (text == "keep") return DuplicateTies::kKeep;
  if (text == "refuse") return DuplicateTies::kRefuse;
  return std::nullopt;
}

absl::Status RepeatedTieError(absl::string_view where, absl::string_view source,
                              absl::string_view target, Channel channel) {
  return absl::InvalidArgumentError(absl::StrCat(
      where, ": the tie ", source, " - ", target, " over ",
      channel == CHANNEL_UNSPECIFIED ? "no channel" : ChannelFileName(channel),
      " is given twice; --duplicates merge sums repeated ties into one, "
      "--duplicates keep keeps them apart"));
}

absl::StatusOr<std::int64_t> ApplyDuplicateTies(
    District& district, DuplicateTies rule, absl::string_view file,
    absl::Span<const std::int64_t> tie_lines) {
  // Ids become numbers once (teachers first, then any other id a tie
  // names): a table of millions of ties keyed by strings measured slower
  // than reading the file.
  std::vector<std::string> ids;
  ids.reserve(static_cast<std::size_t>(district.teachers_size()));
  IdIndex index;
  auto number = [&](const std::string& id) {
    if (const std::optional<std::uint32_t> v = index.Find(id, ids)) return *v;
    const auto v = static_cast<std::uint32_t>(ids.size());
    index.Insert(id, v, ids);
    ids.push_back(id);
    return v;
  };
  for (const Teacher& t : district.teachers()) number(t.id());
  auto* ties = district.mutable_ties();
  // The keys first, so that each one's slot in the table can be
  // prefetched a few ties before it is probed.
  std::vector<TieKey> keys;
  keys.reserve(static_cast<std::size_t>(ties->size()));
  for (const Tie& t : *ties) {
    keys.push_back(TieKey::Of(number(t.source()), number(t.target()),
                              t.channel(), t.directed()));
  }
  absl::flat_hash_map<TieKey, int> first;  // key -> index in the kept ties
  first.reserve(keys.size());
  constexpr std::size_t kAhead = 8;
  std::int64_t repeats = 0;
  int kept = 0;
  for (int i = 0; i < ties->size(); ++i) {
    const auto at = static_cast<std::size_t>(i);
    if (at + kAhead < keys.size()) first.prefetch(keys[at + kAhead]);
    Tie& t = ties->at(i);
    const auto [it, fresh] = first.emplace(keys[at], kept);
    if (!fresh) {
      ++repeats;
      if (rule == DuplicateTies::kRefuse) {
        const std::string where =
            tie_lines.size() == static_cast<std::size_t>(ties->size())
                ? absl::StrCat(file, ":",
                               tie_lines[static_cast<std::size_t>(i)])
                : absl::StrCat(file, ": tie ", WithCommas(i + 1));
        return RepeatedTieError(where, t.source(), t.target(), t.channel());
      }
      if (rule == DuplicateTies::kMerge) {
        Tie& into = ties->at(it->second);
        const double w = (into.has_weight() ? into.weight() : 1.0) +
                         (t.has_weight() ? t.weight() : 1.0);
        into.set_weight(w);
        if (!t.first_seen().empty() &&
            (into.first_seen().empty() || t.first_seen() < into.first_seen())) {
          into.set_first_seen(t.first_seen());
        }
        if (t.last_seen() > into.last_seen()) into.set_last_seen(t.last_seen());
        continue;
      }
    }
    if (kept != i) ties->SwapElements(kept, i);
    ++kept;
  }
  ties->DeleteSubrange(kept, ties->size() - kept);
  return repeats;
}

}  // namespace collabnet
