#include "records/source_ingest.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
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
#include "formats/district_csv.h"
#include "graph/id_index.h"
#include "graph/tie_key.h"
#include "io/csv_table.h"
#include "io/input_file.h"
#include "proto/channel_names.h"
#include "text/count_text.h"

namespace collabnet {
namespace {

constexpr absl::string_view kOffRosterSchool = "off_roster";

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

// A record's ends' places in the roster, where they were found already.
struct RosterPlaces {
  std::optional<std::uint32_t> from;
  std::optional<std::uint32_t> to;
};

// The fingerprint of a row is a hash already: the set uses its first half.
struct FingerprintHash {
  std::size_t operator()(
      const std::pair<std::uint64_t, std::uint64_t>& k) const {
    return static_cast<std::size_t>(k.first);
  }
};

// A group's key is its name and term joined by unit separators
// (source_layouts.cc); shown as "name, term".
std::string GroupName(absl::string_view key) {
  std::string name(absl::StripSuffix(key, "\x1f"));
  absl::StrReplaceAll({{"\x1f", ", "}}, &name);
  if (absl::EndsWith(name, ", ")) name.resize(name.size() - 2);
  return name;
}

class Ingester {
 public:
  Ingester(const IngestOptions& options, District& district,
           IngestReport& report)
      : options_(options), district_(district), report_(report) {}

  // InvalidArgument when, under fold_case, two roster ids are one ignoring
  // case: no record could say which of the two teachers it means.
  absl::Status IndexRoster() {
    keys_.reserve(static_cast<std::size_t>(district_.teachers_size()));
    for (const Teacher& t : district_.teachers()) {
      if (AddKey(t.id())) continue;
      const std::optional<std::uint32_t> first = Find(t.id());
      return absl::InvalidArgumentError(absl::StrCat(
          options_.roster_path, ": teachers ",
          Quoted(district_.teachers(static_cast<int>(*first)).id()), " and ",
          Quoted(t.id()),
          " are one id ignoring case, so --fold-case cannot tell which a "
          "record means; rename one, or ingest without --fold-case"));
    }
    return absl::OkStatus();
  }

  // Reads one source file, adding its errors to `errors`.
  void Read(SourceKind kind, std::istream& in, FileErrors& errors,
            SourceReport& source) {
    absl::flat_hash_set<std::pair<std::uint64_t, std::uint64_t>,
                        FingerprintHash>
        seen_rows;
    // plc: members of each group and term, in order of first mention.
    std::vector<std::pair<std::string, std::vector<std::uint32_t>>> groups;
    absl::flat_hash_map<std::string, std::size_t> group_index;
    std::vector<std::optional<DayRange>> group_when;
    std::vector<std::int64_t> group_line;  // where each group first appears
    const Channel channel = SourceChannel(kind);
    SourceOptions layout_options;
    layout_options.coaching_weight = options_.coaching_weight;
    const bool dropping = options_.off_roster == OffRosterPolicy::kDrop;
    // `known` holds the ends' roster places when PrefetchTie found them
    // (Resolve would find the same: the roster only grows).
    auto handle = [&](SourceRecord& r, const RosterPlaces& known) {
      if (!seen_rows.insert(r.key).second) {
        ++source.duplicate_rows;
        return;
      }
      if (!InWindow(r.when)) {
        ++source.outside_window;
        return;
      }
      if (!r.when) ++source.undated;
      const std::optional<std::uint32_t> from =
          known.from ? known.from
                     : Resolve(r.from, r.line, r.from_field, errors);
      if (!r.group.empty()) {
        if (!from) {
          if (dropping) ++source.off_roster_dropped;
          return;
        }
        auto [it, fresh] = group_index.emplace(r.group, groups.size());
        if (fresh) {
          groups.push_back({r.group, {}});
          group_when.push_back(r.when);
          group_line.push_back(r.line);
        }
        groups[it->second].second.push_back(*from);
        return;
      }
      const std::optional<std::uint32_t> to =
          known.to ? known.to : Resolve(r.to, r.line, r.to_field, errors);
      if (!from || !to) {
        if (dropping) ++source.off_roster_dropped;
        return;
      }
      if (*from == *to) {
        ++source.self_loops;
        return;
      }
      ++source.contributions;
      Contribute(*from, *to, channel, r.directed, r.amount, r.when);
    };
    // Records are handled a few behind their reading, in the file's order:
    // as each is read, the slots its handling will probe (rows seen, the tie
    // index) are prefetched, and are in cache by the time it is handled.
    // Handled at once, each record waited for memory several times over.
    struct Staged {
      SourceRecord record;
      std::string from;  // the record's ids, held past the reader's buffer
      std::string to;
      RosterPlaces known;
    };
    constexpr std::size_t kLag = 8;
    std::vector<Staged> ring(kLag);
    std::size_t oldest = 0;
    std::size_t staged = 0;
    bool handling = false;  // a record's handling adds its own errors
    auto handle_oldest = [&] {
      Staged& s = ring[oldest];
      oldest = (oldest + 1) % kLag;
      --staged;
      handling = true;
      handle(s.record, s.known);
      handling = false;
    };
    // Before a reader's error is added, the records read before it are
    // handled: messages keep the file's order.
    errors.SetBeforeAdd([&] {
      while (!handling && staged > 0) handle_oldest();
    });
    // A pd row naming several facilitators makes a record of each pair,
    // one after another: rows are counted by line.
    std::int64_t last_line = 0;
    ReadSourceRecords(kind, in, layout_options, errors, [&](SourceRecord& r) {
      if (r.line != last_line) ++source.records;
      last_line = r.line;
      ++source.pairs;
      seen_rows.prefetch(r.key);
      const RosterPlaces known =
          r.group.empty() ? PrefetchTie(r, channel) : RosterPlaces{};
      if (staged == kLag) handle_oldest();
      Staged& s = ring[(oldest + staged++) % kLag];
      s.known = known;
      s.from.assign(r.from.data(), r.from.size());
      s.to.assign(r.to.data(), r.to.size());
      s.record = r;
      s.record.from = s.from;
      s.record.to = s.to;
    });
    while (staged > 0) handle_oldest();
    errors.SetBeforeAdd(nullptr);
    for (std::size_t g = 0; g < groups.size(); ++g) {
      std::vector<std::uint32_t>& members = groups[g].second;
      // A member listed twice under ids that fold to one teacher is one
      // member.
      std::sort(members.begin(), members.end());
      members.erase(std::unique(members.begin(), members.end()), members.end());
      const auto n = static_cast<std::int64_t>(members.size());
      const std::int64_t pairs = n * (n - 1) / 2;
      if (options_.max_group_ties > 0 && pairs > options_.max_group_ties) {
        errors.Add(group_line[g], "group",
                   absl::StrCat("the group ",
                                Quoted(GroupName(groups[g].first)), " has ", n,
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
          ++source.contributions;
          Contribute(members[i], members[j], channel, /*directed=*/false, 1,
                     group_when[g]);
        }
      }
    }
  }

  // Turns the accumulated ties into the district's ties.
  void Finish() {
    // The index is done with; freed, its memory goes to the ties.
    absl::flat_hash_map<TieKey, std::uint32_t>().swap(tie_index_);
    std::optional<absl::CivilDay> reference = options_.until;
    if (!reference && latest_day_ != kNoDay) {
      reference = FromDayNumber(latest_day_);
    }
    if (options_.half_life_days > 0 && reference) {
      report_.reference_day = reference;
    }
    district_.mutable_ties()->Reserve(static_cast<int>(ties_.size()));
    // The ids in one array: a tie's two ids are then two reads, not a walk
    // through each teacher's message.
    std::vector<std::string> ids;
    ids.reserve(static_cast<std::size_t>(district_.teachers_size()));
    for (const Teacher& t : district_.teachers()) ids.push_back(t.id());
    for (const TieAccumulator& a : ties_) {
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
          ++report_.ties_at_weight_floor;
        }
        weight = a.undated + a.scaled * std::exp2(-halvings);
      }
      Tie& tie = *district_.add_ties();
      tie.set_source(ids[a.from]);
      tie.set_target(ids[a.to]);
      tie.set_channel(a.channel);
      tie.set_directed(a.directed);
      if (weight != 1) tie.set_weight(weight);
      if (a.first_seen != kNoDay) tie.set_first_seen(DayText(a.first_seen));
      if (a.last_seen != kNoDay) tie.set_last_seen(DayText(a.last_seen));
      ++report_.ties_by_channel[a.channel];
    }
    report_.ties = static_cast<std::int64_t>(ties_.size());
    ties_.clear();
    ties_.shrink_to_fit();
  }

  // A day's ISO text, made once: records share a few hundred days.
  const std::string& DayText(DayNumber day) {
    auto [it, fresh] = day_text_.try_emplace(day);
    if (fresh) it->second = FormatIsoDate(FromDayNumber(day));
    return it->second;
  }

  // Ties are rarely fewer bytes apart in a source than this: reserving
  // for that many keeps the accumulators from being copied as they grow
  // (reserved pages that are never touched take no memory).
  void ReserveFor(std::uint64_t source_bytes) {
    ties_.reserve(ties_.size() + static_cast<std::size_t>(source_bytes / 20));
  }

 private:
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

  std::optional<std::uint32_t> Find(absl::string_view id) const {
    if (!options_.fold_case) return index_.Find(id, keys_);
    return index_.Find(absl::AsciiStrToLower(id), keys_);
  }

  bool InWindow(const std::optional<DayRange>& when) const {
    if (!when) return true;
    if (options_.since && when->last < *options_.since) return false;
    if (options_.until && when->first > *options_.until) return false;
    return true;
  }

  // The roster index of `id`, or nullopt if the record is to be dropped (an
  // error was added under kError).
  std::optional<std::uint32_t> Resolve(absl::string_view id, std::int64_t line,
                                       absl::string_view field,
                                       FileErrors& errors) {
    if (const std::optional<std::uint32_t> found = Find(id)) {
      if (options_.fold_case &&
          district_.teachers(static_cast<int>(*found)).id() != id) {
        ++report_.ids_case_folded;
      }
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

  // Prefetches the tie index's slot for the record's tie, when both ids
  // are on the roster already, and returns the places found (a look only:
  // an id not found yet is Resolve's, in order).
  RosterPlaces PrefetchTie(const SourceRecord& r, Channel channel) const {
    if (options_.fold_case) return {};  // Resolve counts what case folds
    RosterPlaces found{index_.Find(r.from, keys_), index_.Find(r.to, keys_)};
    if (found.from && found.to) {
      tie_index_.prefetch(
          TieKey::Of(*found.from, *found.to, channel, r.directed));
    }
    return found;
  }

  void Contribute(std::uint32_t from, std::uint32_t to, Channel channel,
                  bool directed, double amount,
                  const std::optional<DayRange>& when) {
    const TieKey key = TieKey::Of(from, to, channel, directed);
    from = key.from;
    to = key.to;
    auto [it, fresh] =
        tie_index_.emplace(key, static_cast<std::uint32_t>(ties_.size()));
    if (fresh) {
      TieAccumulator fresh_tie;
      fresh_tie.from = from;
      fresh_tie.to = to;
      fresh_tie.channel = channel;
      fresh_tie.directed = directed;
      ties_.push_back(fresh_tie);
    }
    TieAccumulator& a = ties_[it->second];
    const bool finite_last = when && when->last != absl::CivilDay::max();
    if (when) {
      const DayNumber first = ToDayNumber(when->first);
      a.first_seen =
          a.first_seen == kNoDay ? first : std::min(a.first_seen, first);
    }
    DayNumber last = kNoDay;
    if (finite_last) {
      last = ToDayNumber(when->last);
      a.last_seen = a.last_seen == kNoDay ? last : std::max(a.last_seen, last);
      latest_day_ = latest_day_ == kNoDay ? last : std::max(latest_day_, last);
    }
    if (options_.half_life_days <= 0 || !finite_last) {
      a.undated += amount;
      return;
    }
    // Keep `scaled` relative to the latest decayable day.
    if (a.latest == kNoDay || last > a.latest) {
      if (a.latest != kNoDay) {
        a.scaled *= std::exp2(-static_cast<double>(last - a.latest) /
                              options_.half_life_days);
      }
      a.latest = last;
      a.scaled += amount;
    } else {
      a.scaled += amount * std::exp2(-static_cast<double>(a.latest - last) /
                                     options_.half_life_days);
    }
  }

  const IngestOptions& options_;
  District& district_;
  IngestReport& report_;
  // Roster lookups are two a record: an IdIndex finds ids of the usual
  // form in a dense array.
  IdIndex index_;
  std::vector<std::string> keys_;
  absl::flat_hash_map<TieKey, std::uint32_t> tie_index_;
  std::vector<TieAccumulator> ties_;
  DayNumber latest_day_ = kNoDay;
  absl::flat_hash_map<DayNumber, std::string> day_text_;
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

}  // namespace

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
                           IngestReport* report) {
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
    if (std::optional<std::uint64_t> bytes = PlainFileBytes(input.path)) {
      ingester.ReserveFor(*bytes);
    }
    source.kind = input.kind;
    source.path = input.path;
    ingester.Read(input.kind, in.stream(), errors.back(), source);
    if (!in.status().ok()) return in.status();
    local.sources.push_back(source);
  }
  std::vector<const FileErrors*> lists;
  lists.reserve(errors.size());
  for (const FileErrors& e : errors) lists.push_back(&e);
  if (absl::Status s = ErrorsToStatus(lists); !s.ok()) return s;
  ingester.Finish();
  local.schools = district.schools_size();
  local.teachers = district.teachers_size();
  if (report != nullptr) *report = std::move(local);
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
