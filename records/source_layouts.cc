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

void ReadPlc(std::istream& in, FileErrors& errors,
             const std::function<void(SourceRecord&)>& emit) {
  ForEachCsvRow(in, errors, {"group", "member", "term"}, {"group", "member"},
                [&](const CsvHeader& h, const CsvRecord& r) {
                  SourceRecord rec;
                  rec.line = r.line;
                  rec.directed = false;
                  rec.from = Id(h.Get(r, "member"));
                  rec.from_field = "member";
                  const absl::string_view group = Id(h.Get(r, "group"));
                  const absl::string_view term = Id(h.Get(r, "term"));
                  if (group.empty()) {
                    errors.Add(r.line, "group",
                               "is empty; expected a group name");
                    return;
                  }
                  rec.group = Key({group, term});
                  // A term that is a label ("Fall A") counts shared terms but
                  // is not placed in time.
                  if (!term.empty()) rec.when = ParseWhen(term);
                  const bool ok = CheckIds(r, rec, errors);
                  rec.key = Fingerprint({rec.group, rec.from});
                  if (ok) emit(rec);
                });
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

void ReadPairs(const PairLayout& layout, std::istream& in, FileErrors& errors,
               const std::function<void(SourceRecord&)>& emit) {
  std::vector<absl::string_view> known = {layout.a, layout.b, layout.when};
  if (!layout.extra.empty()) known.push_back(layout.extra);
  // The columns' positions, found once the header is read.
  std::size_t a_at = CsvHeader::kAbsent;
  std::size_t b_at = CsvHeader::kAbsent;
  std::size_t when_at = CsvHeader::kAbsent;
  std::size_t extra_at = CsvHeader::kAbsent;
  ForEachCsvRow(
      in, errors, known, {layout.a, layout.b},
      [&](const CsvHeader&, const CsvRecord& r) {
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
      },
      [&](const CsvHeader& h, std::int64_t) {
        a_at = h.Position(layout.a);
        b_at = h.Position(layout.b);
        when_at = h.Position(layout.when);
        if (!layout.extra.empty()) extra_at = h.Position(layout.extra);
      });
}

void ReadCoaching(std::istream& in, const SourceOptions& options,
                  FileErrors& errors,
                  const std::function<void(SourceRecord&)>& emit) {
  const bool hours = options.coaching_weight == CoachingWeight::kHours;
  std::vector<absl::string_view> required = {"coach", "teacher"};
  if (hours) required.push_back("minutes");
  ForEachCsvRow(
      in, errors, {"coach", "teacher", "date", "minutes"}, required,
      [&](const CsvHeader& h, const CsvRecord& r) {
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
      });
}

void ReadPd(std::istream& in, FileErrors& errors,
            const std::function<void(SourceRecord&)>& emit) {
  ForEachCsvRow(
      in, errors, {"session", "facilitator", "attendee", "date"},
      {"session", "facilitator", "attendee"},
      [&](const CsvHeader& h, const CsvRecord& r) {
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
      });
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

void ReadSocial(std::istream& in, FileErrors& errors,
                const std::function<void(SourceRecord&)>& emit) {
  ForEachCsvRow(
      in, errors,
      {"follower", "followed", "date", "author", "action", "target", "time"},
      {},
      [&](const CsvHeader& h, const CsvRecord& r) {
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
        rec.key = Fingerprint({author, absl::AsciiStrToLower(Id(action)),
                               target, Id(h.Get(r, "time"))});
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
      },
      [&](const CsvHeader& h, std::int64_t line) {
        const bool follows = h.Has("follower") || h.Has("followed");
        const bool actions =
            h.Has("author") || h.Has("action") || h.Has("target");
        if (follows == actions) {
          errors.AddLine(line,
                         "expected the columns follower,followed[,date] or "
                         "author,action,target[,time]");
          return;
        }
        for (absl::string_view c :
             follows ? std::vector<absl::string_view>{"follower", "followed"}
                     : std::vector<absl::string_view>{"author", "action",
                                                      "target"}) {
          if (!h.Has(c)) {
            errors.AddLine(line,
                           absl::StrCat("missing required column '", c, "'"));
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
      });
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

void ReadSourceRecords(SourceKind kind, std::istream& in,
                       const SourceOptions& options, FileErrors& errors,
                       const std::function<void(SourceRecord&)>& record) {
  switch (kind) {
    case SourceKind::kPlc:
      ReadPlc(in, errors, record);
      return;
    case SourceKind::kObservations:
      ReadPairs({"observer", "observed", "date", kDate, "", /*b_to_a=*/true,
                 /*directed=*/true},
                in, errors, record);
      return;
    case SourceKind::kCoTeaching:
      ReadPairs({"teacher_a", "teacher_b", "year", kYear, "",
                 /*b_to_a=*/false, /*directed=*/false},
                in, errors, record);
      return;
    case SourceKind::kCoaching:
      ReadCoaching(in, options, errors, record);
      return;
    case SourceKind::kPd:
      ReadPd(in, errors, record);
      return;
    case SourceKind::kSocial:
      ReadSocial(in, errors, record);
      return;
    case SourceKind::kAdvice:
      ReadPairs({"respondent", "named", "date", kDate, "question",
                 /*b_to_a=*/true, /*directed=*/true},
                in, errors, record);
      return;
  }
}

}  // namespace collabnet
