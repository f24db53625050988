#include "sim/school_calendar.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace collabnet {
namespace {

// Next-meeting table for a channel meeting on `weeks` (sorted weeks of a
// year of length `year`).
std::vector<int> NextMeetingTable(const std::vector<int>& weeks, int year) {
  std::vector<int> next(static_cast<std::size_t>(year));
  int upcoming = weeks.front() + year;  // the first meeting of next year
  for (int w = year; w >= 1; --w) {
    if (std::binary_search(weeks.begin(), weeks.end(), w)) upcoming = w;
    next[static_cast<std::size_t>(w - 1)] = upcoming;
  }
  return next;
}

// Last-meeting table for the same: the week of the year of the last
// meeting at or before each week, the year before's as 0 or less.
std::vector<int> LastMeetingTable(const std::vector<int>& weeks, int year) {
  std::vector<int> last(static_cast<std::size_t>(year));
  int previous = weeks.back() - year;  // the last meeting of last year
  for (int w = 1; w <= year; ++w) {
    if (std::binary_search(weeks.begin(), weeks.end(), w)) previous = w;
    last[static_cast<std::size_t>(w - 1)] = previous;
  }
  return last;
}

}  // namespace

SchoolCalendar::SchoolCalendar() = default;

absl::StatusOr<SchoolCalendar> SchoolCalendar::Make(const Calendar& calendar) {
  SchoolCalendar c;
  // A school year has at most a year's weeks; the bound also keeps every
  // week sum of the calendar within int.
  constexpr int kWeeksInYear = 53;
  if (calendar.teaching_weeks() < 0 ||
      calendar.teaching_weeks() > kWeeksInYear) {
    return absl::InvalidArgumentError(absl::StrCat(
        "scenario calendar: field 'teaching_weeks' must be from 1 to ",
        kWeeksInYear, " (0 means 36), got ", calendar.teaching_weeks()));
  }
  const int year = calendar.teaching_weeks() == 0 ? kDefaultTeachingWeeks
                                                  : calendar.teaching_weeks();
  c.teaching_weeks_ = year;
  const int term =
      calendar.term_weeks() == 0 ? (year + 2) / 3 : calendar.term_weeks();
  if (term < 1 || term > year) {
    return absl::InvalidArgumentError(absl::StrCat(
        "scenario calendar: field 'term_weeks' must be from 1 to the ", year,
        " teaching weeks (0 means a third of the year), got ",
        calendar.term_weeks()));
  }
  c.term_weeks_ = term;
  c.terms_per_year_ = (year + term - 1) / term;
  for (int w : calendar.pd_weeks()) {
    if (w < 1 || w > year) {
      return absl::InvalidArgumentError(
          absl::StrCat("scenario calendar: pd_weeks: week ", w,
                       " must be from 1 to the ", year, " teaching weeks"));
    }
    c.pd_weeks_.push_back(w);
  }
  std::sort(c.pd_weeks_.begin(), c.pd_weeks_.end());
  c.pd_weeks_.erase(std::unique(c.pd_weeks_.begin(), c.pd_weeks_.end()),
                    c.pd_weeks_.end());
  if (!c.pd_weeks_.empty()) {
    c.next_meeting_[PD_WORKSHOP] = NextMeetingTable(c.pd_weeks_, year);
    c.last_meeting_[PD_WORKSHOP] = LastMeetingTable(c.pd_weeks_, year);
  }
  const int every = calendar.plc_every_weeks();
  if (every < 0 || every > year) {
    return absl::InvalidArgumentError(absl::StrCat(
        "scenario calendar: field 'plc_every_weeks' must be from 0 to the ",
        year, " teaching weeks, got ", every));
  }
  if (every > 1) {
    std::vector<int> meetings;
    for (int w = 1; w <= year; w += every) meetings.push_back(w);
    c.next_meeting_[PLC] = NextMeetingTable(meetings, year);
    c.last_meeting_[PLC] = LastMeetingTable(meetings, year);
  }
  return c;
}

std::vector<int> SchoolCalendar::PdWeeks(int horizon) const {
  std::vector<int> weeks;
  for (int start = 0; horizon == 0 ? start == 0 : start < horizon;
       start += teaching_weeks_) {
    for (int w : pd_weeks_) {
      if (horizon == 0 || start + w <= horizon) weeks.push_back(start + w);
    }
  }
  return weeks;
}

}  // namespace collabnet
