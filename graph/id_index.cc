#include "graph/id_index.h"

#include "absl/hash/hash.h"

namespace collabnet {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::uint64_t IdIndex::Hash(absl::string_view id) {
  // absl's hash is seeded per process; the table's layout may differ between
  // runs, but no result depends on it.
  return absl::HashOf(id);
}

std::optional<std::uint32_t> IdIndex::DenseNumber(absl::string_view id) const {
  if (!pattern_set_) return std::nullopt;
  if (prefix_.empty()) {
    if (id.empty() || id.size() > 9 || (id.size() > 1 && id[0] == '0')) {
      return std::nullopt;
    }
  } else {
    if (id.size() != prefix_.size() + static_cast<std::size_t>(digits_)) {
      return std::nullopt;
    }
    // Prefixes are a few bytes: a loop beats a call to memcmp.
    for (std::size_t i = 0; i < prefix_.size(); ++i) {
      if (id[i] != prefix_[i]) return std::nullopt;
    }
  }
  std::uint32_t n = 0;
  for (char c : id.substr(prefix_.size())) {
    if (!IsDigit(c)) return std::nullopt;
    n = n * 10 + static_cast<std::uint32_t>(c - '0');
  }
  if (n >= kDenseLimit) return std::nullopt;
  return n;
}

std::optional<std::uint32_t> IdIndex::Find(
    absl::string_view id, const std::vector<std::string>& ids) const {
  if (const std::optional<std::uint32_t> n = DenseNumber(id)) {
    if (*n < dense_.size() && dense_[*n] != kNone) return dense_[*n];
    return std::nullopt;
  }
  if (table_size_ == 0) return std::nullopt;
  const std::uint64_t h = Hash(id);
  const auto tag = static_cast<std::uint32_t>(h >> 32) | 1u;
  const std::size_t mask = table_size_ - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.tag == 0) return std::nullopt;
    if (s.tag == tag && ids[s.vertex] == id) return s.vertex;
  }
}

void IdIndex::Prefetch(absl::string_view id) const {
  if (const std::optional<std::uint32_t> n = DenseNumber(id)) {
    if (*n < dense_.size()) __builtin_prefetch(&dense_[*n]);
    return;
  }
  if (table_size_ == 0) return;
  __builtin_prefetch(&slots_[Hash(id) & (table_size_ - 1)]);
}

void IdIndex::Grow(const std::vector<std::string>& ids) {
  const std::size_t size = table_size_ == 0 ? 1024 : 2 * table_size_;
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(size, Slot{});
  table_size_ = size;
  const std::size_t mask = size - 1;
  for (const Slot& s : old) {
    if (s.tag == 0) continue;
    std::size_t i = Hash(ids[s.vertex]) & mask;
    while (slots_[i].tag != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

bool IdIndex::Insert(absl::string_view id, std::uint32_t v,
                     const std::vector<std::string>& ids) {
  if (!pattern_set_) {
    // The first id fixes the dense form: its trailing digits and prefix.
    std::size_t d = id.size();
    while (d > 0 && IsDigit(id[d - 1])) --d;
    const std::size_t digits = id.size() - d;
    if (digits >= 1 && digits <= 9 && d <= 16) {
      prefix_ = std::string(id.substr(0, d));
      digits_ = static_cast<int>(digits);
      pattern_set_ = true;
    }
  }
  if (const std::optional<std::uint32_t> n = DenseNumber(id)) {
    if (*n >= dense_.size()) {
      std::size_t size = dense_.empty() ? 1024 : dense_.size();
      while (size <= *n) size *= 2;
      dense_.resize(std::min<std::size_t>(size, kDenseLimit), kNone);
    }
    if (dense_[*n] != kNone) return false;
    dense_[*n] = v;
    ++size_;
    return true;
  }
  if (Find(id, ids)) return false;
  if (2 * (size_ + 1) > table_size_) Grow(ids);
  const std::uint64_t h = Hash(id);
  const std::size_t mask = table_size_ - 1;
  std::size_t i = h & mask;
  while (slots_[i].tag != 0) i = (i + 1) & mask;
  slots_[i] = {static_cast<std::uint32_t>(h >> 32) | 1u, v};
  ++size_;
  return true;
}

}  // namespace collabnet
