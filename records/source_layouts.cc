#include "records/source_layouts.h"

#include <cmath>

#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/types/span.h"
#include "text/number_text.h"

namespace collabnet {
namespace {

struct KindInfo {
  SourceKind kind;
  absl::string_view name;
  Channel channel;
};

constexpr KindInfo kKinds[] = {
    {SourceKind::kPlc, "plc", PLC},
    {SourceKind::kObservations, "observations", OBSERVATION},
    {SourceKind::kCoTeaching, "co_teaching", CO_TEACHING},
    {SourceKind::kCoaching, "coaching", JOB_EMBEDDED_COACHING},
    {SourceKind::kPd, "pd", PD_WORKSHOP},
    {SourceKind::kSocial, "social", SOCIAL_MEDIA},
    {SourceKind::kAdvice, "advice", ADVICE},
};

// Joins key parts with a separator that cannot occur in a CSV field's
// meaning (a unit separator), so ("a,b","c") and ("a","b,c") differ.
std::string Key(std::initializer_list<absl::string_view> parts) {
  std::string key;
  for (absl::string_view p : parts) {
    absl::StrAppend(&key, p, "\x1f");
  }
  return key;
}

// Hashes the parts (length-prefixed, so ("ab","c") and ("a","bc") differ)
// twice with different salts: rows are told apart without keeping them.
std::pair<std::uint64_t, std::uint64_t> Fingerprint(
    std::initializer_list<absl::string_view> parts) {
  const absl::Span<const absl::string_view> span(parts.begin(), parts.size());
  return {absl::HashOf(span),
          absl::HashOf(std::uint64_t{0x9e3779b97f4a7c15}, span)};
}

// A trimmed view of the field, valid while its row is.
absl::string_view Id(absl::string_view raw) {
  return absl::StripAsciiWhitespace(raw);
}

// Reads the time column `field` into record.when; empty is no time.
bool ReadWhen(absl::string_view cell, const CsvRecord& r,
              absl::string_view field, absl::string_view expected,
              FileErrors& errors, SourceRecord& record) {
  const absl::string_view text = absl::StripAsciiWhitespace(cell);
  if (text.empty()) return true;
  record.when = ParseWhen(text);
  if (!record.when) {
    errors.Add(r.line, field,
               absl::StrCat("found ", Quoted(text), "; expected ", expected));
    return false;
  }
  return true;
}

constexpr absl::string_view kDate = "a date YYYY-MM-DD (a time may follow)";
constexpr absl::string_view kYear =
    "a school year (2018-19, 2018-2019 or 2018) or a date YYYY-MM-DD";

bool CheckIds(const CsvRecord& r, const SourceRecord& rec, FileErrors& errors) {
  bool ok = true;
  if (rec.from.empty()) {
    errors.Add(r.line, rec.from_field, "is empty; expected a teacher id");
    ok = false;
  }
  if (rec.to.empty() && rec.group.empty()) {
    errors.Add(r.line, rec.to_field, "is empty; expected a teacher id");
    ok = false;
  }
  return ok;
}

using Emit = SourceRows::Emit;
using RowFn = SourceRows::RowFn;

// What a layout asks of a file's header, and how it reads the rows under
// one.
struct Layout {
  std::vector<absl::string_view> known;
  std::vector<absl::string_view> required;
  // Checks of the header beyond its columns' names (may be null).
  std::function<void(const CsvHeader&, std::int64_t line, FileErrors&)> check;
  // The reading of rows under this header: what it needs of the header is
  // looked up here, once.
  std::function<RowFn(const CsvHeader&)> bind;
};

Layout PlcLayout() {
  Layout l;
  l.known = {"group", "member", "term"};
  l.required = {"group", "member"};
  l.bind = [](const CsvHeader&) -> RowFn {
    return [](const CsvHeader& h, const CsvRecord& r, FileErrors& errors,
              const Emit& emit) {
      SourceRecord rec;
      rec.line = r.line;
      rec.directed = false;
      rec.from = Id(h.Get(r, "member"));
      rec.from_field = "member";
      const absl::string_view group = Id(h.Get(r, "group"));
      const absl::string_view term = Id(h.Get(r, "term"));
      if (group.empty()) {
        errors.Add(r.line, "group", "is empty; expected a group name");
        return;
      }
      rec.group = Key({group, term});
      // A term that is a label ("Fall A") counts shared terms but is not
      // placed in time.
      if (!term.empty()) rec.when = ParseWhen(term);
      const bool ok = CheckIds(r, rec, errors);
      rec.key = Fingerprint({rec.group, rec.from});
      if (ok) emit(rec);
    };
  };
  return l;
}

// A layout of two id columns and an optional time column: observations,
// co-teaching and advice.
struct PairLayout {
  absl::string_view a;  // columns
  absl::string_view b;
  absl::string_view when;
  absl::string_view when_expected;
  absl::string_view extra;  // another optional column that is part of the key
  bool b_to_a;              // tie points from column b to column a
  bool directed;
};

Layout PairsLayout(const PairLayout& layout) {
  Layout l;
  l.known = {layout.a, layout.b, layout.when};
  if (!layout.extra.empty()) l.known.push_back(layout.extra);
  l.required = {layout.a, layout.b};
  l.bind = [layout](const CsvHeader& header) -> RowFn {
    // The columns' positions, found once.
    const std::size_t a_at = header.Position(layout.a);
    const std::size_t b_at = header.Position(layout.b);
    const std::size_t when_at = header.Position(layout.when);
    const std::size_t extra_at = layout.extra.empty()
                                     ? CsvHeader::kAbsent
                                     : header.Position(layout.extra);
    return [=](const CsvHeader&, const CsvRecord& r, FileErrors& errors,
               const Emit& emit) {
      SourceRecord rec;
      rec.line = r.line;
      rec.directed = layout.directed;
      absl::string_view a = Id(CsvHeader::At(r, a_at));
      absl::string_view b = Id(CsvHeader::At(r, b_at));
      const absl::string_view when_cell = CsvHeader::At(r, when_at);
      const absl::string_view when = Id(when_cell);
      const absl::string_view extra = Id(CsvHeader::At(r, extra_at));
      if (layout.directed) {
        rec.key = Fingerprint({a, b, when, extra});
      } else {
        rec.key = a < b ? Fingerprint({a, b, when, extra})
                        : Fingerprint({b, a, when, extra});
      }
      if (layout.b_to_a) {
        rec.from = b;
        rec.to = a;
        rec.from_field = layout.b;
        rec.to_field = layout.a;
      } else {
        rec.from = a;
        rec.to = b;
        rec.from_field = layout.a;
        rec.to_field = layout.b;
      }
      bool ok = CheckIds(r, rec, errors);
      ok &= ReadWhen(when_cell, r, layout.when, layout.when_expected, errors,
                     rec);
      if (ok) emit(rec);
    };
  };
  return l;
}

Layout CoachingLayout(const SourceOptions& options) {
  const bool hours = options.coaching_weight == CoachingWeight::kHours;
  Layout l;
  l.known = {"coach", "teacher", "date", "minutes"};
  l.required = {"coach", "teacher"};
  if (hours) l.required.push_back("minutes");
  l.bind = [hours](const CsvHeader&) -> RowFn {
    return [hours](const CsvHeader& h, const CsvRecord& r, FileErrors& errors,
                   const Emit& emit) {
      SourceRecord rec;
      rec.line = r.line;
      rec.from = Id(h.Get(r, "coach"));
      rec.to = Id(h.Get(r, "teacher"));
      rec.from_field = "coach";
      rec.to_field = "teacher";
      const absl::string_view minutes_text =
          absl::StripAsciiWhitespace(h.Get(r, "minutes"));
      rec.key =
          Fingerprint({rec.from, rec.to, Id(h.Get(r, "date")), minutes_text});
      bool ok = CheckIds(r, rec, errors);
      ok &= ReadWhen(h.Get(r, "date"), r, "date", kDate, errors, rec);
      double minutes = 0;
      if (!minutes_text.empty() || hours) {
        // A coaching session lasts at most a day.
        constexpr double kMaxMinutes = 24 * 60;
        if (!ParseNumber(minutes_text, &minutes) || minutes <= 0 ||
            minutes > kMaxMinutes) {
          errors.Add(r.line, "minutes",
                     absl::StrCat("found ", Quoted(minutes_text),
                                  "; expected a positive number of minutes, "
                                  "at most 1440 (a day)"));
          ok = false;
        }
      }
      if (hours) rec.amount = minutes / 60;
      if (ok) emit(rec);
    };
  };
  return l;
}

Layout PdLayout() {
  Layout l;
  l.known = {"session", "facilitator", "attendee", "date"};
  l.required = {"session", "facilitator", "attendee"};
  l.bind = [](const CsvHeader&) -> RowFn {
    return [](const CsvHeader& h, const CsvRecord& r, FileErrors& errors,
              const Emit& emit) {
      const absl::string_view session = Id(h.Get(r, "session"));
      if (session.empty()) {
        errors.Add(r.line, "session", "is empty; expected a session id");
        return;
      }
      SourceRecord base;
      base.line = r.line;
      base.to = Id(h.Get(r, "attendee"));
      base.from_field = "facilitator";
      base.to_field = "attendee";
      if (!ReadWhen(h.Get(r, "date"), r, "date", kDate, errors, base)) return;
      const absl::string_view facilitators = h.Get(r, "facilitator");
      // An empty item (";T001", "T001;;T002") is a slip a reader
      // should see, not a facilitator to skip.
      if (absl::StrContains(absl::StripAsciiWhitespace(facilitators), ';')) {
        for (absl::string_view f : absl::StrSplit(facilitators, ';')) {
          if (!absl::StripAsciiWhitespace(f).empty()) continue;
          errors.Add(r.line, "facilitator",
                     absl::StrCat("found ", Quoted(facilitators),
                                  " with an empty item; expected teacher "
                                  "ids separated by ';'"));
          return;
        }
      }
      bool any = false;
      for (absl::string_view f : absl::StrSplit(facilitators, ';')) {
        f = absl::StripAsciiWhitespace(f);
        if (f.empty()) continue;
        any = true;
        SourceRecord rec = base;
        rec.from = f;
        rec.key = Fingerprint({session, rec.from, rec.to});
        if (CheckIds(r, rec, errors)) emit(rec);
      }
      if (!any) {
        errors.Add(r.line, "facilitator",
                   "is empty; expected one or more teacher ids separated by "
                   "';'");
      }
    };
  };
  return l;
}

// Which way an interaction points: +1 author -> target, -1 target -> author.
std::optional<int> ActionDirection(absl::string_view action) {
  const std::string a =
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(action));
  if (a == "mentioned" || a == "mention" || a == "replied" || a == "reply") {
    return 1;
  }
  if (a == "reposted" || a == "repost" || a == "retweeted" || a == "retweet" ||
      a == "quoted" || a == "quote" || a == "liked" || a == "like") {
    return -1;
  }
  return std::nullopt;
}

Layout SocialLayout() {
  Layout l;
  l.known = {"follower", "followed", "date", "author",
             "action",   "target",   "time"};
  l.check = [](const CsvHeader& h, std::int64_t line, FileErrors& errors) {
    const bool follows = h.Has("follower") || h.Has("followed");
    const bool actions = h.Has("author") || h.Has("action") || h.Has("target");
    if (follows == actions) {
      errors.AddLine(line,
                     "expected the columns follower,followed[,date] or "
                     "author,action,target[,time]");
      return;
    }
    for (absl::string_view c :
         follows
             ? std::vector<absl::string_view>{"follower", "followed"}
             : std::vector<absl::string_view>{"author", "action", "target"}) {
      if (!h.Has(c)) {
        errors.AddLine(line, absl::StrCat("missing required column '", c, "'"));
      }
    }
    if (follows && h.Has("time")) {
      errors.AddLine(line,
                     "column 'time' belongs to the author,action,"
                     "target layout; follows take 'date'");
    }
    if (actions && h.Has("date")) {
      errors.AddLine(line,
                     "column 'date' belongs to the follower,followed "
                     "layout; interactions take 'time'");
    }
  };
  l.bind = [](const CsvHeader&) -> RowFn {
    return [](const CsvHeader& h, const CsvRecord& r, FileErrors& errors,
              const Emit& emit) {
      SourceRecord rec;
      rec.line = r.line;
      if (h.Has("follower")) {
        rec.from = Id(h.Get(r, "followed"));
        rec.to = Id(h.Get(r, "follower"));
        rec.from_field = "followed";
        rec.to_field = "follower";
        rec.key = Fingerprint({rec.from, rec.to});
        bool ok = CheckIds(r, rec, errors);
        // A follow is a standing tie: its date, if any, is when it began.
        ok &= ReadWhen(h.Get(r, "date"), r, "date", kDate, errors, rec);
        if (rec.when) rec.when->last = absl::CivilDay::max();
        if (ok) emit(rec);
        return;
      }
      const absl::string_view action = h.Get(r, "action");
      const std::optional<int> direction = ActionDirection(action);
      absl::string_view author = Id(h.Get(r, "author"));
      absl::string_view target = Id(h.Get(r, "target"));
      rec.key = Fingerprint({author, absl::AsciiStrToLower(Id(action)), target,
                             Id(h.Get(r, "time"))});
      bool ok = true;
      if (!direction) {
        errors.Add(r.line, "action",
                   absl::StrCat("found ", Quoted(action),
                                "; expected mentioned, replied, reposted, "
                                "quoted or liked"));
        ok = false;
      }
      if (direction.value_or(1) > 0) {
        rec.from = author;
        rec.to = target;
        rec.from_field = "author";
        rec.to_field = "target";
      } else {
        rec.from = target;
        rec.to = author;
        rec.from_field = "target";
        rec.to_field = "author";
      }
      ok &= CheckIds(r, rec, errors);
      ok &= ReadWhen(h.Get(r, "time"), r, "time", kDate, errors, rec);
      if (ok) emit(rec);
    };
  };
  return l;
}

Layout LayoutOf(SourceKind kind, const SourceOptions& options) {
  switch (kind) {
    case SourceKind::kPlc:
      return PlcLayout();
    case SourceKind::kObservations:
      return PairsLayout({"observer", "observed", "date", kDate, "",
                          /*b_to_a=*/true, /*directed=*/true});
    case SourceKind::kCoTeaching:
      return PairsLayout({"teacher_a", "teacher_b", "year", kYear, "",
                          /*b_to_a=*/false, /*directed=*/false});
    case SourceKind::kCoaching:
      return CoachingLayout(options);
    case SourceKind::kPd:
      return PdLayout();
    case SourceKind::kSocial:
      return SocialLayout();
    case SourceKind::kAdvice:
      return PairsLayout({"respondent", "named", "date", kDate, "question",
                          /*b_to_a=*/true, /*directed=*/true});
  }
  return PlcLayout();
}

}  // namespace

absl::string_view SourceKindName(SourceKind kind) {
  for (const KindInfo& k : kKinds) {
    if (k.kind == kind) return k.name;
  }
  return "unknown";
}

std::optional<SourceKind> ParseSourceKind(absl::string_view name) {
  for (const KindInfo& k : kKinds) {
    if (k.name == name) return k.kind;
  }
  return std::nullopt;
}

Channel SourceChannel(SourceKind kind) {
  for (const KindInfo& k : kKinds) {
    if (k.kind == kind) return k.channel;
  }
  return CHANNEL_UNSPECIFIED;
}

SourceRows::SourceRows(CsvHeader header, RowFn row)
    : header_(std::move(header)), row_(std::move(row)) {}

std::optional<SourceRows> SourceRows::Bind(SourceKind kind,
                                           const SourceOptions& options,
                                           CsvReader& reader,
                                           FileErrors& errors) {
  const Layout layout = LayoutOf(kind, options);
  std::function<void(const CsvHeader&, std::int64_t)> check;
  if (layout.check) {
    check = [&](const CsvHeader& h, std::int64_t line) {
      layout.check(h, line, errors);
    };
  }
  std::optional<CsvHeader> header =
      ReadCsvHeader(reader, errors, layout.known, layout.required, check);
  if (!header) return std::nullopt;
  RowFn row = layout.bind(*header);
  return SourceRows(*std::move(header), std::move(row));
}

void SourceRows::ReadRows(CsvReader& reader, FileErrors& errors,
                          const Emit& emit) const {
  ForEachCsvRecord(reader, header_, errors,
                   [&](const CsvHeader& h, const CsvRecord& r) {
                     row_(h, r, errors, emit);
                   });
}

void ReadSourceRecords(SourceKind kind, std::istream& in,
                       const SourceOptions& options, FileErrors& errors,
                       const std::function<void(SourceRecord&)>& record) {
  CsvReader reader(in, errors.file());
  if (const std::optional<SourceRows> rows =
          SourceRows::Bind(kind, options, reader, errors)) {
    rows->ReadRows(reader, errors, record);
  }
}

}  // namespace collabnet
