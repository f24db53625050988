#include "records/source_ingest.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "absl/types/span.h"
#include "formats/district_csv.h"
#include "graph/id_index.h"
#include "graph/tie_key.h"
#include "io/csv_chunks.h"
#include "io/csv_reader.h"
#include "io/csv_table.h"
#include "io/input_file.h"
#include "proto/channel_names.h"
#include "text/count_text.h"

namespace collabnet {
namespace {

constexpr absl::string_view kOffRosterSchool = "off_roster";
// Contributions name their source in 16 bits.
constexpr std::size_t kMaxSources = 65535;
// A chunk's records are numbered in 32 bits (SeqSpace), and a record takes
// two bytes at the least.
constexpr std::size_t kMaxChunkBytes = std::size_t{1} << 30;

// A day as a count of days, in 4 bytes where an optional CivilDay takes 16:
// a district's records make millions of these.
using DayNumber = std::int32_t;
constexpr DayNumber kNoDay = std::numeric_limits<DayNumber>::min();
DayNumber ToDayNumber(absl::CivilDay day) {
  return static_cast<DayNumber>(day - absl::CivilDay(1970, 1, 1));
}
absl::CivilDay FromDayNumber(DayNumber day) {
  return absl::CivilDay(1970, 1, 1) + day;
}

// The weight a tie accumulates. Dated contributions are kept relative to the
// latest of them so that decay never overflows: the decayed weight is
// undated + scaled * 0.5^((reference - latest) / half_life).
struct TieAccumulator {
  std::uint64_t first_seq = 0;  // of its first contribution: the ties' order
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  Channel channel = CHANNEL_UNSPECIFIED;
  bool directed = false;
  DayNumber latest = kNoDay;  // of the decayable contributions
  DayNumber first_seen = kNoDay;
  DayNumber last_seen = kNoDay;
  double undated = 0;
  double scaled = 0;
};

// What a record gives its tie, held in the tie's partition until every file
// is read. Rows are told apart by half their fingerprint together with the
// tie: identical rows make one tie, and two different rows of one tie
// sharing 64 bits of fingerprint is a 2^-64 chance.
struct Contribution {
  std::uint64_t seq;  // the order of contributions over every file: SeqSpace
  double amount;
  std::uint64_t row;  // for kRow
  TieKey key;
  DayNumber first;  // kNoDay: undated
  DayNumber last;   // kNoDay: undated, or open-ended (a follow)
  std::uint16_t source;
  std::uint8_t flags;
};
enum ContributionFlags : std::uint8_t {
  kRow = 1,  // a row of a file, to be checked for repeats; else a PLC pair
  kFromFolded = 2,  // its end matched the roster only ignoring case
  kToFolded = 4,
  kOutside = 8,   // outside the time window: a row that keeps its repeats out
  kCounted = 16,  // undated and folded ends counted already
};

// A row among the rows of its partition.
struct RowKey {
  std::uint64_t row;
  TieKey key;
  std::uint16_t source;
  bool operator==(const RowKey&) const = default;
  template <typename H>
  friend H AbslHashValue(H h, const RowKey& k) {
    return H::combine(std::move(h), k.row, k.source);
  }
};

// Per source, what the merge of one partition found.
struct SourceCounts {
  std::int64_t duplicate_rows = 0;
  std::int64_t outside_window = 0;
  std::int64_t undated = 0;
  std::int64_t self_loops = 0;
  std::int64_t contributions = 0;
};

// Where each contribution comes in the files' order. Threads handling
// chunks of one file number their records without waiting on each other:
// a seq is a block (a chunk, or a run of records handled in turn) and a
// place in it, and blocks are numbered in the files' order. Once every
// block is counted, Dense numbers the seqs 0, 1, 2, ...
class SeqSpace {
 public:
  static constexpr int kPlaceBits = 32;
  static constexpr std::uint64_t kPlaces = std::uint64_t{1} << kPlaceBits;

  static std::uint64_t Seq(std::uint64_t block, std::uint64_t place) {
    return block << kPlaceBits | place;
  }
  // The next block's number, then the block itself: blocks are added in
  // the files' order and counted once their records are.
  std::uint64_t blocks() const { return counts_.size(); }
  std::uint64_t AddBlock() {
    counts_.push_back(0);
    return counts_.size() - 1;
  }
  void Count(std::uint64_t block, std::uint64_t records) {
    counts_[block] = records;
  }
  // Once every block is added.
  void Freeze() {
    base_.resize(counts_.size());
    std::uint64_t total = 0;
    for (std::size_t b = 0; b < counts_.size(); ++b) {
      base_[b] = total;
      total += counts_[b];
    }
    total_ = total;
  }
  std::uint64_t Dense(std::uint64_t seq) const {
    return base_[seq >> kPlaceBits] + (seq & (kPlaces - 1));
  }
  std::uint64_t total() const { return total_; }

 private:
  std::vector<std::uint64_t> counts_;
  std::vector<std::uint64_t> base_;
  std::uint64_t total_ = 0;
};

// Seqs for records handled in turn, a block at a time.
class SeqsInTurn {
 public:
  explicit SeqsInTurn(SeqSpace& space) : space_(space) {}
  ~SeqsInTurn() { Close(); }
  std::uint64_t Next() {
    if (!open_ || place_ == SeqSpace::kPlaces) {
      Close();
      block_ = space_.AddBlock();
      open_ = true;
      place_ = 0;
    }
    return SeqSpace::Seq(block_, place_++);
  }
  // Counts the block; a seq after this starts another.
  void Close() {
    if (open_) space_.Count(block_, place_);
    open_ = false;
  }

 private:
  SeqSpace& space_;
  std::uint64_t block_ = 0;
  std::uint64_t place_ = 0;
  bool open_ = false;
};

// One partition's ties, once its contributions merged.
struct Partition {
  std::vector<TieAccumulator> ties;
  std::vector<SourceCounts> counts;
  std::int64_t case_folded = 0;
  DayNumber latest = kNoDay;
};

// Ties are partitioned by their key's hash, so that each partition's tables
// fit a core's cache and partitions merge on every core at once: one table
// of millions of ties waited for memory on nearly every probe.
constexpr int kPartitionBits = 8;
constexpr std::size_t kPartitions = std::size_t{1} << kPartitionBits;
std::size_t PartitionOf(const TieKey& key) {
  return absl::Hash<TieKey>()(key) >> (64 - kPartitionBits);
}

// Runs work(0..n-1) on up to `threads` threads, items taken in turn.
// Results must not depend on which thread took an item.
void ParallelFor(std::size_t n, int threads,
                 const std::function<void(std::size_t)>& work) {
  std::atomic<std::size_t> next{0};
  auto run = [&] {
    for (std::size_t i = next++; i < n; i = next++) work(i);
  };
  std::vector<std::thread> helpers;
  for (int t = 1; t < threads && static_cast<std::size_t>(t) < n; ++t) {
    // Items are taken, not dealt: a thread the system will not start
    // leaves its share to the others.
    try {
      helpers.emplace_back(run);
    } catch (const std::system_error&) {
      break;
    }
  }
  run();
  for (std::thread& h : helpers) h.join();
}

int ThreadCount(int asked) {
  if (asked > 0) return asked;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

// Adds a contribution to its tie, as the decay rule above keeps it.
void Accumulate(const Contribution& c, double half_life_days, TieAccumulator& a,
                DayNumber& latest_day) {
  if (c.first != kNoDay) {
    a.first_seen =
        a.first_seen == kNoDay ? c.first : std::min(a.first_seen, c.first);
  }
  const DayNumber last = c.last;
  if (last != kNoDay) {
    a.last_seen = a.last_seen == kNoDay ? last : std::max(a.last_seen, last);
    latest_day = latest_day == kNoDay ? last : std::max(latest_day, last);
  }
  if (half_life_days <= 0 || last == kNoDay) {
    a.undated += c.amount;
    return;
  }
  // Keep `scaled` relative to the latest decayable day.
  if (a.latest == kNoDay || last > a.latest) {
    if (a.latest != kNoDay) {
      a.scaled *=
          std::exp2(-static_cast<double>(last - a.latest) / half_life_days);
    }
    a.latest = last;
    a.scaled += c.amount;
  } else {
    a.scaled += c.amount * std::exp2(-static_cast<double>(a.latest - last) /
                                     half_life_days);
  }
}

// Calls use(c) for each contribution of `lists`, each list in seq order,
// in seq order, and frees them. Lists are long runs of one another (a
// thread's chunks), so each step takes a run.
template <typename Use>
void ForEachInSeqOrder(const std::vector<std::vector<Contribution>*>& lists,
                       Use use) {
  std::vector<std::size_t> at(lists.size(), 0);
  constexpr std::uint64_t kNone = std::numeric_limits<std::uint64_t>::max();
  for (;;) {
    std::size_t first = lists.size();
    std::uint64_t first_seq = kNone;
    std::uint64_t second_seq = kNone;
    for (std::size_t l = 0; l < lists.size(); ++l) {
      if (at[l] == lists[l]->size()) continue;
      const std::uint64_t seq = (*lists[l])[at[l]].seq;
      if (seq < first_seq) {
        second_seq = first_seq;
        first_seq = seq;
        first = l;
      } else if (seq < second_seq) {
        second_seq = seq;
      }
    }
    if (first == lists.size()) break;
    const std::vector<Contribution>& list = *lists[first];
    std::size_t& i = at[first];
    while (i < list.size() && list[i].seq < second_seq) use(list[i++]);
  }
  for (std::vector<Contribution>* list : lists) {
    std::vector<Contribution>().swap(*list);
  }
}

// Merges one bucket of a partition's contributions, in their order, into
// the partition's ties.
void MergeBucket(const std::vector<Contribution>& bucket, Partition& p,
                 double half_life_days) {
  absl::flat_hash_set<RowKey> rows;
  absl::flat_hash_map<TieKey, std::uint32_t> index;
  rows.reserve(bucket.size());
  index.reserve(bucket.size());
  for (const Contribution& c : bucket) {
    if (c.flags & kRow) {
      SourceCounts& counts = p.counts[c.source];
      if (!rows.insert({c.row, c.key, c.source}).second) {
        ++counts.duplicate_rows;
        continue;
      }
      if (c.flags & kOutside) {
        ++counts.outside_window;
        continue;
      }
      if (!(c.flags & kCounted)) {
        if (c.first == kNoDay) ++counts.undated;
        p.case_folded += ((c.flags & kFromFolded) != 0 ? 1 : 0) +
                         ((c.flags & kToFolded) != 0 ? 1 : 0);
      }
      if (c.key.from == c.key.to) {
        ++counts.self_loops;
        continue;
      }
      ++counts.contributions;
    }
    auto [it, fresh] =
        index.emplace(c.key, static_cast<std::uint32_t>(p.ties.size()));
    if (fresh) {
      TieAccumulator tie;
      tie.first_seq = c.seq;
      tie.from = c.key.from;
      tie.to = c.key.to;
      tie.channel = static_cast<Channel>(c.key.channel_and_direction >> 1);
      tie.directed = (c.key.channel_and_direction & 1) != 0;
      p.ties.push_back(tie);
    }
    Accumulate(c, half_life_days, p.ties[it->second], p.latest);
  }
}

// Merges one partition's contributions, in their order, into its ties,
// and frees them. They are first split again by their tie's hash, into
// buckets whose tables fit a core's cache: more partitions would do that
// too, but then adding each record to its partition waited for memory.
void MergePartition(const std::vector<std::vector<Contribution>*>& lists,
                    Partition& p, std::size_t sources, double half_life_days) {
  p.counts.assign(sources, SourceCounts{});
  std::size_t contributions = 0;
  for (const std::vector<Contribution>* list : lists) {
    contributions += list->size();
  }
  constexpr int kBucketBits = 4;
  constexpr std::size_t kBuckets = std::size_t{1} << kBucketBits;
  std::vector<std::vector<Contribution>> buckets(kBuckets);
  for (std::vector<Contribution>& bucket : buckets) {
    bucket.reserve(contributions / kBuckets + contributions / kBuckets / 4);
  }
  ForEachInSeqOrder(lists, [&](const Contribution& c) {
    const std::size_t hash = absl::Hash<TieKey>()(c.key);
    buckets[(hash >> (64 - kPartitionBits - kBucketBits)) & (kBuckets - 1)]
        .push_back(c);
  });
  for (std::vector<Contribution>& bucket : buckets) {
    MergeBucket(bucket, p, half_life_days);
    std::vector<Contribution>().swap(bucket);
  }
}

using HeldTie = IngestedTies::Held;
static_assert(sizeof(HeldTie) == 32);

// A tie made, and where the files first made it.
struct MadeTie {
  std::uint64_t first_seq;
  HeldTie tie;
};

// Each tie's place among all ties, by its first contribution: a tie is
// where the files first made it, whichever partition holds it.
class TieOrder {
 public:
  // Partitions mark their ties on up to `threads` threads.
  static_assert(std::atomic_ref<std::uint64_t>::required_alignment ==
                alignof(std::uint64_t));
  TieOrder(const std::vector<std::vector<MadeTie>>& made, std::uint64_t seqs,
           int threads)
      : bits_((seqs + 63) / 64), before_(bits_.size()) {
    ParallelFor(made.size(), threads, [&](std::size_t i) {
      for (const MadeTie& m : made[i]) {
        std::atomic_ref<std::uint64_t>(bits_[m.first_seq / 64])
            .fetch_or(std::uint64_t{1} << (m.first_seq % 64),
                      std::memory_order_relaxed);
      }
    });
    std::uint64_t count = 0;
    for (std::size_t w = 0; w < bits_.size(); ++w) {
      before_[w] = count;
      count += static_cast<std::uint64_t>(std::popcount(bits_[w]));
    }
  }
  std::uint64_t Rank(std::uint64_t seq) const {
    const std::uint64_t below = (std::uint64_t{1} << (seq % 64)) - 1;
    return before_[seq / 64] +
           static_cast<std::uint64_t>(std::popcount(bits_[seq / 64] & below));
  }

 private:
  std::vector<std::uint64_t> bits_;
  std::vector<std::uint64_t> before_;
};

// The fingerprint of a row is a hash already: the set uses its first half.
struct FingerprintHash {
  std::size_t operator()(
      const std::pair<std::uint64_t, std::uint64_t>& k) const {
    return static_cast<std::size_t>(k.first);
  }
};
using RowSet = absl::flat_hash_set<std::pair<std::uint64_t, std::uint64_t>,
                                   FingerprintHash>;

// A group's key is its name and term joined by unit separators
// (source_layouts.cc); shown as "name, term".
std::string GroupName(absl::string_view key) {
  std::string name(absl::StripSuffix(key, "\x1f"));
  absl::StrReplaceAll({{"\x1f", ", "}}, &name);
  if (absl::EndsWith(name, ", ")) name.resize(name.size() - 2);
  return name;
}

// A record as it is handled: its days as day numbers, its place in the
// files' order, and its text where it was read or where a batch keeps it.
struct HandledRecord {
  absl::string_view from;
  absl::string_view to;
  absl::string_view group;  // plc: the group and term; else empty
  absl::string_view from_field;
  absl::string_view to_field;
  std::pair<std::uint64_t, std::uint64_t> key;
  std::int64_t line = 0;
  std::uint64_t seq = 0;
  double amount = 1;
  DayNumber first = kNoDay;  // kNoDay: undated
  DayNumber last = kNoDay;   // kNoDay: undated, or open-ended (a follow)
  bool directed = true;
};

HandledRecord Handled(const SourceRecord& r, std::uint64_t seq) {
  HandledRecord h;
  h.from = r.from;
  h.to = r.to;
  h.group = r.group;
  h.from_field = r.from_field;
  h.to_field = r.to_field;
  h.key = r.key;
  h.line = r.line;
  h.seq = seq;
  h.amount = r.amount;
  if (r.when) {
    h.first = ToDayNumber(r.when->first);
    if (r.when->last != absl::CivilDay::max()) {
      h.last = ToDayNumber(r.when->last);
    }
  }
  h.directed = r.directed;
  return h;
}

// Records kept past the text they were read from: a chunk's records that
// wait to be handled in turn. Their ids and group are copied into `text`,
// each record's after the one before; the views in `records` keep only
// their sizes until ForEach points them there.
struct RecordBatch {
  void Add(const HandledRecord& r) {
    records.push_back(r);
    text.append(r.from.data(), r.from.size());
    text.append(r.to.data(), r.to.size());
    text.append(r.group.data(), r.group.size());
  }

  // Hands each record to `handle`, in order.
  template <typename Handle>
  void ForEach(Handle handle) const {
    const absl::string_view all = text;
    std::size_t at = 0;
    auto take = [&](absl::string_view& view) {
      view = all.substr(at, view.size());
      at += view.size();
    };
    for (HandledRecord r : records) {
      take(r.from);
      take(r.to);
      take(r.group);
      handle(r);
    }
  }

  std::vector<HandledRecord> records;
  std::string text;
};

// What reading one chunk of a file found, kept until the chunks before it
// are done with.
struct ChunkResult {
  explicit ChunkResult(std::string file) : errors(std::move(file)) {}
  FileErrors errors;     // the rows' own
  RecordBatch deferred;  // records to handle in turn: an end not on the roster
  std::uint64_t seqs = 0;
  std::int64_t rows = 0;  // lines with records
  std::int64_t records = 0;
};

// Reads every source into contributions partitioned by tie, then merges
// each partition on its own (all cores at once) and builds the ties. A
// tie's contributions merge in the files' order and ties come in the order
// the files first made them, whatever the thread count.
class Ingester {
 public:
  Ingester(const IngestOptions& options, District& district,
           IngestReport& report)
      : options_(options),
        district_(district),
        report_(report),
        partitions_(kPartitions),
        // List 0 takes what is handled in turn; each thread reading chunks
        // has its own.
        lists_(static_cast<std::size_t>(ThreadCount(options.threads)) + 1,
               std::vector<std::vector<Contribution>>(kPartitions)) {
    const absl::CivilDay epoch = FromDayNumber(0);
    if (options.since) since_ = *options.since - epoch;
    if (options.until) until_ = *options.until - epoch;
  }

  // InvalidArgument when, under fold_case, two roster ids are one ignoring
  // case: no record could say which of the two teachers it means.
  absl::Status IndexRoster() {
    keys_.reserve(static_cast<std::size_t>(district_.teachers_size()));
    for (const Teacher& t : district_.teachers()) {
      ++roster_size_;
      if (AddKey(t.id())) continue;
      const std::optional<std::uint32_t> first = Find(t.id(), lowered_);
      return absl::InvalidArgumentError(absl::StrCat(
          options_.roster_path, ": teachers ",
          Quoted(district_.teachers(static_cast<int>(*first)).id()), " and ",
          Quoted(t.id()),
          " are one id ignoring case, so --fold-case cannot tell which a "
          "record means; rename one, or ingest without --fold-case"));
    }
    return absl::OkStatus();
  }

  // Reads one source file, the `source_index`th, adding its errors to
  // `errors`. Its duplicate rows, undated rows, self-loops and
  // contributions are counted once the partitions merge.
  void Read(SourceKind kind, std::istream& in, FileErrors& errors,
            std::uint16_t source_index, SourceReport& source,
            std::optional<std::uint64_t> bytes) {
    File file(kind, source_index, source, errors);
    SourceOptions layout_options;
    layout_options.coaching_weight = options_.coaching_weight;
    // The rows' own errors are the reader's; merged with those found in
    // handling them, they keep the file's order.
    FileErrors read_errors(errors.file());
    CsvChunker chunker(in, options_.chunk_bytes);
    CsvChunk first;  // an empty file is one empty chunk, with no header
    chunker.Next(first);
    CsvReader head(first.text, errors.file(), first.first_line,
                   /*at_file_start=*/true);
    if (const std::optional<SourceRows> rows =
            SourceRows::Bind(kind, layout_options, head, read_errors)) {
      // PLC memberships make groups in the order they are first named,
      // and are few: they are read in turn. Every other layout's rows are
      // read on every core, in chunks.
      if (kind == SourceKind::kPlc) {
        if (bytes) Reserve(*bytes, 0, 1);
        ReadInTurn(*rows, chunker, head, read_errors, file);
      } else {
        // No more threads than the file has chunks.
        std::size_t workers = lists_.size() - 1;
        if (bytes) {
          workers = std::min<std::size_t>(
              workers,
              *bytes / std::max<std::size_t>(1, options_.chunk_bytes) + 1);
          Reserve(*bytes, 1, workers);
        }
        ReadOnEveryCore(*rows, chunker, head, read_errors, file, workers);
      }
    }
    read_errors.MergeFrom(errors);
    errors = std::move(read_errors);
    MakeGroupTies(file);
  }

  // Merges the partitions, adds their counts to `sources` and returns the
  // Merges the partitions, adds their counts to `sources` and returns the
  // ties, in their order, and their count.
  std::pair<std::unique_ptr<HeldTie[]>, std::size_t> Finish(
      std::vector<SourceReport>& sources) {
    const int threads = ThreadCount(options_.threads);
    seqs_.Freeze();
    std::optional<absl::CivilDay> reference = options_.until;
    std::vector<std::vector<MadeTie>> made(partitions_.size());
    std::vector<std::array<std::int64_t, 8>> by_channel(partitions_.size());
    std::vector<std::int64_t> at_floor(partitions_.size());
    auto build = [&](std::size_t i) {
      BuildPartition(partitions_[i], reference, made[i], by_channel[i],
                     at_floor[i]);
    };
    auto merge = [&](std::size_t i) {
      std::vector<std::vector<Contribution>*> lists;
      lists.reserve(lists_.size());
      for (auto& list : lists_) lists.push_back(&list[i]);
      MergePartition(lists, partitions_[i], sources.size(),
                     options_.half_life_days);
    };
    // Decay counts age from a reference day. Without --until it is the
    // latest record's, known once every partition has merged; otherwise
    // each partition's ties are made as soon as it has merged, while its
    // tables are in cache, and its accumulators never all live at once.
    if (options_.half_life_days > 0 && !reference) {
      ParallelFor(partitions_.size(), threads, merge);
      DayNumber latest_day = kNoDay;
      for (const Partition& p : partitions_) {
        if (p.latest != kNoDay) latest_day = std::max(latest_day, p.latest);
      }
      if (latest_day != kNoDay) reference = FromDayNumber(latest_day);
      ParallelFor(partitions_.size(), threads, build);
    } else {
      ParallelFor(partitions_.size(), threads, [&](std::size_t i) {
        merge(i);
        build(i);
      });
    }
    if (options_.half_life_days > 0 && reference) {
      report_.reference_day = reference;
    }
    std::uint64_t ties = 0;
    for (std::size_t i = 0; i < partitions_.size(); ++i) {
      const Partition& p = partitions_[i];
      for (std::size_t s = 0; s < sources.size(); ++s) {
        sources[s].duplicate_rows += p.counts[s].duplicate_rows;
        sources[s].outside_window += p.counts[s].outside_window;
        sources[s].undated += p.counts[s].undated;
        sources[s].self_loops += p.counts[s].self_loops;
        sources[s].contributions += p.counts[s].contributions;
      }
      report_.ids_case_folded += p.case_folded;
      for (int c = 0; c < 8; ++c) {
        report_.ties_by_channel[c] += by_channel[i][c];
      }
      report_.ties_at_weight_floor += at_floor[i];
      ties += made[i].size();
    }
    const TieOrder order(made, seqs_.total(), threads);
    // Left unwritten until placed: each tie has its own place, so
    // partitions are placed on every core at once, and no one core first
    // zeroes every page of hundreds of megabytes.
    auto out = std::make_unique_for_overwrite<HeldTie[]>(ties);
    ParallelFor(made.size(), threads, [&](std::size_t i) {
      for (const MadeTie& m : made[i]) out[order.Rank(m.first_seq)] = m.tie;
      std::vector<MadeTie>().swap(made[i]);
    });
    report_.ties = static_cast<std::int64_t>(ties);
    return {std::move(out), ties};
  }

  // Ties are rarely fewer bytes apart in a source than this: reserving
  // for that many, shared by `count` lists from `first`, keeps the
  // partitions from being copied as they grow (reserved pages that are
  // never touched take no memory).
  void Reserve(std::uint64_t source_bytes, std::size_t first,
               std::size_t count) {
    const std::uint64_t each = source_bytes / 20 / kPartitions / count;
    for (std::size_t l = first; l < first + count; ++l) {
      for (std::vector<Contribution>& list : lists_[l]) {
        list.reserve(list.size() + static_cast<std::size_t>(each + each / 4));
      }
    }
  }

  // Makes one merged partition's ties and frees its accumulators.
  void BuildPartition(Partition& p,
                      const std::optional<absl::CivilDay>& reference,
                      std::vector<MadeTie>& made,
                      std::array<std::int64_t, 8>& by_channel,
                      std::int64_t& at_floor) const {
    by_channel.fill(0);
    at_floor = 0;
    made.reserve(p.ties.size());
    for (const TieAccumulator& a : p.ties) {
      double weight = a.undated + a.scaled;
      if (options_.half_life_days > 0 && a.latest != kNoDay && reference) {
        const double age =
            static_cast<double>(*reference - FromDayNumber(a.latest));
        double halvings = std::max(0.0, age) / options_.half_life_days;
        // Past this many halvings a weight would round to 0, which no tie
        // may have; it is held there, and the ties so held are counted.
        constexpr double kMaxHalvings = 1000;
        if (halvings > kMaxHalvings) {
          halvings = kMaxHalvings;
          ++at_floor;
        }
        weight = a.undated + a.scaled * std::exp2(-halvings);
      }
      ++by_channel[a.channel];
      made.push_back({seqs_.Dense(a.first_seq),
                      {weight, a.from, a.to, a.first_seen, a.last_seen,
                       static_cast<std::uint8_t>(a.channel), a.directed}});
    }
    std::vector<TieAccumulator>().swap(p.ties);
  }

 private:
  // What reading one file keeps: what handling its records in turn
  // needs, and its plc groups.
  struct File {
    File(SourceKind of, std::uint16_t index, SourceReport& report,
         FileErrors& handling_errors)
        : kind(of),
          channel(SourceChannel(of)),
          source_index(index),
          source(report),
          errors(handling_errors) {}

    SourceKind kind;
    Channel channel;
    std::uint16_t source_index;
    SourceReport& source;
    FileErrors& errors;  // found handling records
    // Rows naming a teacher not on the roster when read, told apart here
    // (the rest in their partitions); and plc memberships.
    RowSet dropped_rows;
    RowSet group_rows;
    // plc: members of each group and term, in order of first mention.
    std::vector<std::pair<std::string, std::vector<std::uint32_t>>> groups;
    absl::flat_hash_map<std::string, std::size_t> group_index;
    std::vector<std::pair<DayNumber, DayNumber>> group_when;
    std::vector<std::int64_t> group_line;  // where each group first appears
    // Seqs of what is handled in turn as it is read: plc rows, then their
    // groups' ties.
    std::unique_ptr<SeqsInTurn> in_turn;
  };

  // Reads the rows of every chunk on this thread, handling each in turn.
  void ReadInTurn(const SourceRows& rows, CsvChunker& chunker, CsvReader& head,
                  FileErrors& read_errors, File& file) {
    file.in_turn = std::make_unique<SeqsInTurn>(seqs_);
    // A pd row naming several facilitators makes a record of each pair,
    // one after another: rows are counted by line.
    std::int64_t last_line = 0;
    auto read = [&](CsvReader& reader) {
      rows.ReadRows(reader, read_errors, [&](SourceRecord& r) {
        if (r.line != last_line) ++file.source.records;
        last_line = r.line;
        ++file.source.pairs;
        const HandledRecord h = Handled(r, file.in_turn->Next());
        if (h.group.empty()) {
          Pair(h, file);
        } else {
          Membership(h, file);
        }
      });
    };
    read(head);
    CsvChunk chunk;
    while (chunker.Next(chunk)) {
      CsvReader reader(chunk.text, file.errors.file(), chunk.first_line,
                       /*at_file_start=*/false);
      read(reader);
    }
  }

  // Reads the chunks on every core, each thread handling the records
  // whose ends are on the roster as it reads them; the rest are handled
  // here in turn once every chunk is read, and each chunk's errors are
  // merged in the file's order.
  void ReadOnEveryCore(const SourceRows& rows, CsvChunker& chunker,
                       CsvReader& head, FileErrors& read_errors, File& file,
                       std::size_t workers) {
    const std::uint64_t first_block = seqs_.blocks();
    std::mutex mutex;
    std::vector<std::unique_ptr<ChunkResult>> results;
    auto result_of = [&](std::int64_t index) -> ChunkResult& {
      const std::lock_guard<std::mutex> lock(mutex);
      const auto at = static_cast<std::size_t>(index);
      if (results.size() <= at) results.resize(at + 1);
      results[at] = std::make_unique<ChunkResult>(file.errors.file());
      return *results[at];
    };
    auto work = [&](std::size_t list, CsvReader* first_reader) {
      ChunkReader reader(*this, rows, file, list);
      if (first_reader != nullptr) {
        reader.Read(*first_reader, first_block, result_of(0));
      }
      CsvChunk chunk;
      while (chunker.Next(chunk)) {
        CsvReader chunk_reader(chunk.text, file.errors.file(), chunk.first_line,
                               /*at_file_start=*/false);
        reader.Read(chunk_reader,
                    first_block + static_cast<std::uint64_t>(chunk.index),
                    result_of(chunk.index));
      }
    };
    std::vector<std::thread> helpers;
    for (std::size_t w = 1; w < workers; ++w) {
      // Chunks are taken, not dealt: a thread the system will not start
      // leaves its share to the others.
      try {
        helpers.emplace_back(work, w + 1, nullptr);
      } catch (const std::system_error&) {
        break;
      }
    }
    work(1, &head);
    for (std::thread& h : helpers) h.join();
    for (const std::unique_ptr<ChunkResult>& result : results) {
      seqs_.Count(seqs_.AddBlock(), result->seqs);
      file.source.records += result->rows;
      file.source.pairs += result->records;
      read_errors.MergeFrom(result->errors);
      result->deferred.ForEach([&](const HandledRecord& r) { Pair(r, file); });
    }
  }

  // Reads chunks on one thread into its own lists.
  class ChunkReader {
   public:
    ChunkReader(Ingester& ingester, const SourceRows& rows, const File& file,
                std::size_t list)
        : ingester_(ingester), rows_(rows), file_(file), list_(list) {}

    void Read(CsvReader& reader, std::uint64_t block, ChunkResult& result) {
      std::uint64_t place = 0;
      std::int64_t last_line = 0;
      rows_.ReadRows(reader, result.errors, [&](SourceRecord& r) {
        if (r.line != last_line) ++result.rows;
        last_line = r.line;
        ++result.records;
        const HandledRecord h = Handled(r, SeqSpace::Seq(block, place++));
        // The roster's entries are read all over: a few records are held
        // while theirs are fetched. Ids that are not views of the chunk
        // (a row with quotes) last only this call.
        if (!reader.Holds(h.from) || !reader.Holds(h.to)) {
          Flush(result);
          Handle(h, result);
          return;
        }
        if (!ingester_.options_.fold_case) {
          ingester_.index_.Prefetch(h.from);
          ingester_.index_.Prefetch(h.to);
        }
        pending_[pending_size_++] = h;
        if (pending_size_ == kPending) Flush(result);
      });
      Flush(result);
      result.seqs = place;
    }

   private:
    static constexpr std::size_t kPending = 16;

    void Flush(ChunkResult& result) {
      for (std::size_t i = 0; i < pending_size_; ++i) {
        Handle(pending_[i], result);
      }
      pending_size_ = 0;
    }
    // A record with both ends on the roster is added to this thread's
    // lists; any other waits to be handled in turn.
    void Handle(const HandledRecord& r, ChunkResult& result) {
      const std::optional<std::uint32_t> from =
          ingester_.Find(r.from, lowered_);
      const std::optional<std::uint32_t> to =
          from ? ingester_.Find(r.to, lowered_) : std::nullopt;
      if (!to) {
        result.deferred.Add(r);
        return;
      }
      ingester_.AddFound(list_, *from, *to, r, file_);
    }

    Ingester& ingester_;
    const SourceRows& rows_;
    const File& file_;
    const std::size_t list_;
    std::string lowered_;  // Find's, under fold_case
    HandledRecord pending_[kPending];
    std::size_t pending_size_ = 0;
  };

  // Adds a record whose ends were found.
  void AddFound(std::size_t list, std::uint32_t from, std::uint32_t to,
                const HandledRecord& r, const File& file) {
    std::uint8_t flags = kRow;
    if (!InWindow(r.first, r.last)) {
      flags |= kOutside;
    } else {
      if (Folded(from, r.from)) flags |= kFromFolded;
      if (Folded(to, r.to)) flags |= kToFolded;
    }
    Add(list, TieKey::Of(from, to, file.channel, r.directed), r.amount, r.first,
        r.last, r.key.first, file.source_index, flags, r.seq);
  }

  // A row is dropped or kept as it would be were every row checked for
  // repeats first, in the files' order: a row repeats an earlier one (the
  // first is kept) whatever else is wrong with either, and some layouts'
  // repeats differ in their dates. Handled in turn, in the files' order:
  // rows found on the roster as they were read need nothing of the rest,
  // and came through AddFound.
  void Pair(const HandledRecord& r, File& file) {
    std::optional<std::uint32_t> from = Find(r.from, lowered_);
    std::optional<std::uint32_t> to = Find(r.to, lowered_);
    if (from && to) {
      // A repeat of this row found the same teachers: it lands in the
      // same partition, which tells them apart. Unless an end is a
      // teacher kKeep added, the row's first sight may have been before
      // the teacher was.
      if ((*from >= roster_size_ || *to >= roster_size_) &&
          file.dropped_rows.contains(r.key)) {
        ++file.source.duplicate_rows;
        return;
      }
      AddFound(0, *from, *to, r, file);
      return;
    }
    // An end not on the roster (yet: kKeep adds it).
    if (!FirstInWindow(r, file.dropped_rows, file.source)) return;
    from = Resolve(r.from, r.line, r.from_field, file.errors);
    to = Resolve(r.to, r.line, r.to_field, file.errors);
    if (!from || !to) {
      if (options_.off_roster == OffRosterPolicy::kDrop) {
        ++file.source.off_roster_dropped;
      }
      return;
    }
    Add(0, TieKey::Of(*from, *to, file.channel, r.directed), r.amount, r.first,
        r.last, r.key.first, file.source_index, kRow | kCounted, r.seq);
  }

  // Whether a row handled here is the first of its repeats (in `seen`)
  // and in the time window; a repeat, a row outside it and an undated row
  // are counted.
  bool FirstInWindow(const HandledRecord& r, RowSet& seen,
                     SourceReport& source) const {
    if (!seen.insert(r.key).second) {
      ++source.duplicate_rows;
      return false;
    }
    if (!InWindow(r.first, r.last)) {
      ++source.outside_window;
      return false;
    }
    if (r.first == kNoDay) ++source.undated;
    return true;
  }

  void Membership(const HandledRecord& r, File& file) {
    if (!FirstInWindow(r, file.group_rows, file.source)) return;
    const std::optional<std::uint32_t> from =
        Resolve(r.from, r.line, r.from_field, file.errors);
    if (!from) {
      if (options_.off_roster == OffRosterPolicy::kDrop) {
        ++file.source.off_roster_dropped;
      }
      return;
    }
    auto [it, fresh] = file.group_index.emplace(r.group, file.groups.size());
    if (fresh) {
      file.groups.push_back({std::string(r.group), {}});
      file.group_when.emplace_back(r.first, r.last);
      file.group_line.push_back(r.line);
    }
    file.groups[it->second].second.push_back(*from);
  }

  // Ties each plc group's members to each other, after the file's rows.
  void MakeGroupTies(File& file) {
    for (std::size_t g = 0; g < file.groups.size(); ++g) {
      std::vector<std::uint32_t>& members = file.groups[g].second;
      // A member listed twice under ids that fold to one teacher is one
      // member.
      std::sort(members.begin(), members.end());
      members.erase(std::unique(members.begin(), members.end()), members.end());
      const auto n = static_cast<std::int64_t>(members.size());
      const std::int64_t pairs = n * (n - 1) / 2;
      if (options_.max_group_ties > 0 && pairs > options_.max_group_ties) {
        file.errors.Add(
            file.group_line[g], "group",
            absl::StrCat("the group ", Quoted(GroupName(file.groups[g].first)),
                         " has ", n,
                         " members, whose ties to each "
                         "other would be ",
                         pairs, ", more than --max-group-ties (",
                         options_.max_group_ties,
                         "); is it a whole staff list rather than a "
                         "PLC? If it is a PLC, raise "
                         "--max-group-ties"));
        continue;
      }
      for (std::size_t i = 0; i < members.size(); ++i) {
        for (std::size_t j = i + 1; j < members.size(); ++j) {
          ++file.source.contributions;
          Add(0,
              TieKey::Of(members[i], members[j], file.channel,
                         /*directed=*/false),
              1, file.group_when[g].first, file.group_when[g].second, 0,
              file.source_index, 0, file.in_turn->Next());
        }
      }
    }
    if (file.in_turn) file.in_turn->Close();
  }

  // Roster ids as they are matched (lowered under fold_case), each at its
  // teacher's index. False when the id folds onto an earlier one (which
  // IndexRoster refuses): it keeps its place but is not found.
  bool AddKey(absl::string_view id) {
    std::string key =
        options_.fold_case ? absl::AsciiStrToLower(id) : std::string(id);
    const bool added =
        index_.Insert(key, static_cast<std::uint32_t>(keys_.size()), keys_);
    keys_.push_back(std::move(key));
    return added;
  }

  // On any number of threads while no teacher is added, each with its
  // own `lowered` (the buffer of the lowered id, under fold_case).
  std::optional<std::uint32_t> Find(absl::string_view id,
                                    std::string& lowered) const {
    if (!options_.fold_case) return index_.Find(id, keys_);
    lowered.assign(id.data(), id.size());
    absl::AsciiStrToLower(&lowered);
    return index_.Find(lowered, keys_);
  }

  // Whether `id`, found at `index`, matched only ignoring case.
  bool Folded(std::uint32_t index, absl::string_view id) const {
    return options_.fold_case &&
           district_.teachers(static_cast<int>(index)).id() != id;
  }

  // Whether a record of these days (as HandledRecord holds them) is in
  // the window.
  bool InWindow(DayNumber first, DayNumber last) const {
    if (first == kNoDay) return true;
    if (since_ && last != kNoDay && last < *since_) return false;
    if (until_ && first > *until_) return false;
    return true;
  }

  // The roster index of `id`, or nullopt if the record is to be dropped (an
  // error was added under kError).
  std::optional<std::uint32_t> Resolve(absl::string_view id, std::int64_t line,
                                       absl::string_view field,
                                       FileErrors& errors) {
    if (const std::optional<std::uint32_t> found = Find(id, lowered_)) {
      if (Folded(*found, id)) ++report_.ids_case_folded;
      return found;
    }
    switch (options_.off_roster) {
      case OffRosterPolicy::kError:
        errors.Add(line, field,
                   absl::StrCat("teacher ", Quoted(id),
                                " is not on the roster; expected a roster id "
                                "(or ingest with --off-roster keep or drop)"));
        return std::nullopt;
      case OffRosterPolicy::kDrop:
        return std::nullopt;
      case OffRosterPolicy::kKeep:
        break;
    }
    if (!off_roster_school_added_) {
      School& school = *district_.add_schools();
      school.set_id(std::string(kOffRosterSchool));
      school.set_name("Not on the roster");
      off_roster_school_added_ = true;
    }
    Teacher& t = *district_.add_teachers();
    t.set_id(std::string(id));
    t.set_school_id(std::string(kOffRosterSchool));
    t.set_role(TEACHER);
    ++report_.off_roster_teachers;
    const auto index = static_cast<std::uint32_t>(keys_.size());
    AddKey(id);
    return index;
  }

  // Adds a contribution to its partition in `list`: on any number of
  // threads, each with its own list.
  void Add(std::size_t list, const TieKey& key, double amount, DayNumber first,
           DayNumber last, std::uint64_t row, std::uint16_t source,
           std::uint8_t flags, std::uint64_t seq) {
    Contribution c;
    c.seq = seq;
    c.amount = amount;
    c.row = row;
    c.key = key;
    c.first = first;
    c.last = last;
    c.source = source;
    c.flags = flags;
    lists_[list][PartitionOf(key)].push_back(c);
  }

  const IngestOptions& options_;
  District& district_;
  IngestReport& report_;
  // Roster lookups are two a record: an IdIndex finds ids of the usual
  // form in a dense array.
  IdIndex index_;
  std::vector<std::string> keys_;
  std::string lowered_;  // this thread's for Find, under fold_case
  std::vector<Partition> partitions_;
  // Contributions by list, then by partition: each list in seq order.
  std::vector<std::vector<std::vector<Contribution>>> lists_;
  SeqSpace seqs_;
  // The time window's ends as day numbers, wider than a DayNumber so that
  // any CivilDay compares.
  std::optional<std::int64_t> since_;
  std::optional<std::int64_t> until_;
  // The roster's teachers; those after them were added under kKeep.
  std::uint32_t roster_size_ = 0;
  bool off_roster_school_added_ = false;
};

// The size of an uncompressed file, to reserve for; nullopt for a gzip
// file or anything else whose size says little.
std::optional<std::uint64_t> PlainFileBytes(const std::string& path) {
  if (absl::EndsWith(path, ".gz")) return std::nullopt;
  std::error_code ec;
  const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
  if (ec) return std::nullopt;
  return bytes;
}

absl::Status OpenInput(const std::string& path, absl::string_view what,
                       InputFile& in) {
  return in.Open(path, InputFile::Content::kText,
                 absl::StrCat("the ", what, " file"));
}

// A held tie's day as ISO text, made once a day: ties share a few
// hundred days.
class DayTexts {
 public:
  const std::string& Of(DayNumber day) {
    auto [it, fresh] = texts_.try_emplace(day);
    if (fresh) it->second = FormatIsoDate(FromDayNumber(day));
    return it->second;
  }

 private:
  absl::flat_hash_map<DayNumber, std::string> texts_;
};

// Every field of `tie` is set or cleared, so one message serves each tie.
void FillTie(const HeldTie& held, const std::vector<std::string>& ids,
             DayTexts& days, Tie& tie) {
  tie.set_source(ids[held.source]);
  tie.set_target(ids[held.target]);
  tie.set_channel(static_cast<Channel>(held.channel));
  tie.set_directed(held.directed);
  if (held.weight != 1) {
    tie.set_weight(held.weight);
  } else {
    tie.clear_weight();
  }
  if (held.first_seen != kNoDay) {
    tie.set_first_seen(days.Of(held.first_seen));
  } else {
    tie.clear_first_seen();
  }
  if (held.last_seen != kNoDay) {
    tie.set_last_seen(days.Of(held.last_seen));
  } else {
    tie.clear_last_seen();
  }
}

// The ids in one array: a tie's id is then one read, not a walk through its
// teacher's message and string.
std::vector<std::string> TeacherIds(const District& district) {
  std::vector<std::string> ids;
  ids.reserve(static_cast<std::size_t>(district.teachers_size()));
  for (const Teacher& t : district.teachers()) ids.push_back(t.id());
  return ids;
}

// Makes each held tie in turn, its ends' ids fetched several ties ahead:
// ends are anywhere among the teachers, and waiting for each in turn was
// most of the time.
template <typename Use>
void ForEachMade(absl::Span<const HeldTie> ties, const District* district,
                 Use use) {
  if (ties.empty()) return;  // nor, before an ingest, a district
  const std::vector<std::string> ids = TeacherIds(*district);
  DayTexts days;
  constexpr std::size_t kAhead = 8;
  for (std::size_t i = 0; i < ties.size(); ++i) {
    if (i + kAhead < ties.size()) {
      __builtin_prefetch(&ids[ties[i + kAhead].source]);
      __builtin_prefetch(&ids[ties[i + kAhead].target]);
    }
    if (!use(ties[i], ids, days)) return;
  }
}

}  // namespace

absl::Status IngestedTies::ForEachIn(std::int64_t begin, std::int64_t end,
                                     TieVisitor visit) const {
  absl::Status status;
  Tie tie;
  ForEachMade({ties_.get() + begin, static_cast<std::size_t>(end - begin)},
              district_,
              [&](const Held& held, const std::vector<std::string>& ids,
                  DayTexts& days) {
                FillTie(held, ids, days, tie);
                status = visit(tie);
                return status.ok();
              });
  return status;
}

void IngestedTies::AppendTo(District& district) const {
  auto& field = *district.mutable_ties();
  field.Reserve(field.size() + static_cast<int>(size_));
  ForEachMade({ties_.get(), size_}, district_,
              [&](const Held& held, const std::vector<std::string>& ids,
                  DayTexts& days) {
                Tie* tie = google::protobuf::Arena::CreateMessage<Tie>(
                    district.GetArena());
                FillTie(held, ids, days, *tie);
                field.AddAllocated(tie);
                return true;
              });
}

absl::Status CheckIngestOptions(const IngestOptions& options) {
  if (options.roster_path.empty()) {
    return absl::InvalidArgumentError(
        "a roster is required: every source is checked against it");
  }
  if (options.since && options.until && *options.until < *options.since) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the time window ends (", FormatIsoDate(*options.until),
        ") before it starts (", FormatIsoDate(*options.since), ")"));
  }
  if (!(options.half_life_days >= 0) ||
      !std::isfinite(options.half_life_days)) {
    return absl::InvalidArgumentError(
        "the recency half-life must be a positive number of days");
  }
  // A file given twice would count each of its records twice.
  struct Seen {
    std::string path;
    std::string what;
  };
  std::vector<Seen> seen;
  auto once = [&](const std::string& path,
                  absl::string_view what) -> absl::Status {
    for (const auto& [other, other_what] : seen) {
      if (SameFile(path, other)) {
        return absl::InvalidArgumentError(absl::StrCat(
            path, ": given twice (as ", other_what, " and as ", what,
            "); its records would count twice, so give each file once"));
      }
    }
    seen.push_back({path, std::string(what)});
    return absl::OkStatus();
  };
  if (options.sources.size() > kMaxSources) {
    return absl::InvalidArgumentError(
        absl::StrCat(options.sources.size(), " source files; at most ",
                     kMaxSources, " can be ingested at once"));
  }
  if (options.chunk_bytes > kMaxChunkBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("chunks of ", options.chunk_bytes,
                     " bytes; at most 1 GiB (", kMaxChunkBytes, ")"));
  }
  if (absl::Status s = once(options.roster_path, "the roster"); !s.ok()) {
    return s;
  }
  if (!options.schools_path.empty()) {
    if (absl::Status s = once(options.schools_path, "the schools"); !s.ok()) {
      return s;
    }
  }
  for (const SourceInput& source : options.sources) {
    if (absl::Status s =
            once(source.path,
                 absl::StrCat("the ", SourceKindName(source.kind), " records"));
        !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

absl::Status IngestSources(const IngestOptions& options, District& district,
                           IngestedTies& ties, IngestReport* report) {
  ties.district_ = &district;
  ties.ties_.reset();
  ties.size_ = 0;
  if (absl::Status s = CheckIngestOptions(options); !s.ok()) return s;
  IngestReport local;
  InputFile roster;
  InputFile schools;
  if (absl::Status s = OpenInput(options.roster_path, "roster", roster);
      !s.ok()) {
    return s;
  }
  RosterStreams roster_streams;
  roster_streams.teachers = &roster.stream();
  roster_streams.teachers_name = options.roster_path;
  if (!options.schools_path.empty()) {
    if (absl::Status s = OpenInput(options.schools_path, "schools", schools);
        !s.ok()) {
      return s;
    }
    roster_streams.schools = &schools.stream();
    roster_streams.schools_name = options.schools_path;
  }
  CsvReadReport roster_report;
  if (absl::Status s = schools.Finish(roster.Finish(
          ReadRosterCsv(roster_streams, district, &roster_report)));
      !s.ok()) {
    return s;
  }
  district.set_name(options.name);
  local.schools_from_roster = options.schools_path.empty();
  local.ids_trimmed = roster_report.ids_trimmed;

  Ingester ingester(options, district, local);
  if (absl::Status s = ingester.IndexRoster(); !s.ok()) return s;
  std::vector<FileErrors> errors;
  errors.reserve(options.sources.size());
  for (const SourceInput& input : options.sources) {
    InputFile in;
    if (absl::Status s = OpenInput(input.path, SourceKindName(input.kind), in);
        !s.ok()) {
      return s;
    }
    errors.emplace_back(input.path);
    SourceReport source;
    source.kind = input.kind;
    source.path = input.path;
    ingester.Read(input.kind, in.stream(), errors.back(),
                  static_cast<std::uint16_t>(local.sources.size()), source,
                  PlainFileBytes(input.path));
    if (!in.status().ok()) return in.status();
    local.sources.push_back(source);
  }
  std::vector<const FileErrors*> lists;
  lists.reserve(errors.size());
  for (const FileErrors& e : errors) lists.push_back(&e);
  if (absl::Status s = ErrorsToStatus(lists); !s.ok()) return s;
  std::tie(ties.ties_, ties.size_) = ingester.Finish(local.sources);
  if (ties.size_ > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return absl::OutOfRangeError(
        absl::StrCat("the records make ", ties.size_,
                     " ties, more than a district can hold (2,147,483,647)"));
  }
  local.schools = district.schools_size();
  local.teachers = district.teachers_size();
  if (report != nullptr) *report = std::move(local);
  return absl::OkStatus();
}

absl::Status IngestSources(const IngestOptions& options, District& district,
                           IngestReport* report) {
  IngestedTies ties;
  if (absl::Status s = IngestSources(options, district, ties, report);
      !s.ok()) {
    return s;
  }
  ties.AppendTo(district);
  return absl::OkStatus();
}

absl::StatusOr<District> IngestSources(const IngestOptions& options,
                                       IngestReport* report) {
  District district;
  if (absl::Status s = IngestSources(options, district, report); !s.ok()) {
    return s;
  }
  return district;
}

std::string FormatIngestReport(const IngestReport& report) {
  std::string out =
      absl::StrCat(Counted(report.teachers, "teacher", "teachers"), " in ",
                   Counted(report.schools, "school", "schools"));
  if (report.schools_from_roster) {
    absl::StrAppend(&out,
                    " (schools taken from the roster with no attributes: "
                    "readiness 0; give a schools file to set them)");
  }
  absl::StrAppend(&out, "; ", Counted(report.ties, "tie", "ties"), "\n");
  for (const SourceReport& s : report.sources) {
    absl::StrAppend(&out, "  ", SourceKindName(s.kind), " ", s.path, ": ",
                    Counted(s.records, "record", "records"));
    // The counts below are of pd's facilitator-attendee pairs.
    const bool pd = s.kind == SourceKind::kPd;
    if (pd) {
      absl::StrAppend(&out, " (",
                      Counted(s.pairs, "facilitator-attendee pair",
                              "facilitator-attendee pairs"),
                      ")");
    }
    struct Part {
      std::int64_t n;
      absl::string_view one;
      absl::string_view many;
    };
    const Part parts[] = {
        {s.duplicate_rows,
         pd ? "duplicate pair dropped" : "duplicate row dropped",
         pd ? "duplicate pairs dropped" : "duplicate rows dropped"},
        {s.outside_window, "outside the time window",
         "outside the time window"},
        {s.off_roster_dropped, "naming a teacher not on the roster, dropped",
         "naming teachers not on the roster, dropped"},
        {s.self_loops, "self-tie dropped", "self-ties dropped"},
        {s.undated, "undated (kept)", "undated (kept)"},
    };
    for (const Part& p : parts) {
      if (p.n > 0) absl::StrAppend(&out, ", ", Counted(p.n, p.one, p.many));
    }
    absl::StrAppend(
        &out, "; ",
        s.kind == SourceKind::kPlc
            ? Counted(s.contributions, "member pair", "member pairs")
            : absl::StrCat(WithCommas(s.contributions), " kept"),
        "\n");
  }
  if (report.ties > 0) {
    absl::StrAppend(&out, "  ties by channel:");
    for (int c = 1; c < 8; ++c) {
      if (report.ties_by_channel[c] > 0) {
        absl::StrAppend(&out, " ", ChannelFileName(static_cast<Channel>(c)),
                        " ", WithCommas(report.ties_by_channel[c]));
      }
    }
    absl::StrAppend(&out, "\n");
  }
  std::int64_t contributions = 0;
  for (const SourceReport& s : report.sources) contributions += s.contributions;
  if (contributions > report.ties) {
    absl::StrAppend(&out, "  ",
                    Counted(contributions - report.ties, "repeated contact",
                            "repeated contacts"),
                    " merged into weighted ties\n");
  }
  if (report.ids_trimmed > 0) {
    absl::StrAppend(&out, "  ",
                    Counted(report.ids_trimmed, "roster id had its",
                            "roster ids had their"),
                    " surrounding spaces removed\n");
  }
  if (report.ids_case_folded > 0) {
    absl::StrAppend(&out, "  ", Counted(report.ids_case_folded, "id", "ids"),
                    " matched the roster only ignoring case\n");
  }
  if (report.off_roster_teachers > 0) {
    absl::StrAppend(&out, "  ",
                    Counted(report.off_roster_teachers, "teacher", "teachers"),
                    " not on the roster added to school off_roster\n");
  }
  if (report.reference_day) {
    absl::StrAppend(&out, "  weights decayed to ",
                    FormatIsoDate(*report.reference_day), "\n");
  }
  if (report.ties_at_weight_floor > 0) {
    absl::StrAppend(&out, "  ", WithCommas(report.ties_at_weight_floor),
                    report.ties_at_weight_floor == 1 ? " tie's" : " ties'",
                    " records are more than 1,000 half-lives old; ",
                    report.ties_at_weight_floor == 1 ? "its" : "their",
                    " weight is held at 2^-1000\n");
  }
  return out;
}

}  // namespace collabnet
