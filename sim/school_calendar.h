// The school year of the multi-channel cascade: when channels meet, and
// which term a week falls in (for leaders' capacity).
//
// Weeks are teaching weeks, numbered from 1; week w of a run is week
// ((w - 1) mod T) + 1 of its school year, with T teaching weeks a year.
// A channel without a schedule meets every week. A term is term_weeks long
// from the start of each year; the last term of a year may be shorter.
#ifndef COLLABNET_SIM_SCHOOL_CALENDAR_H_
#define COLLABNET_SIM_SCHOOL_CALENDAR_H_

#include <array>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/district_graph.h"
#include "proto/scenario.pb.h"

namespace collabnet {

inline constexpr int kDefaultTeachingWeeks = 36;

class SchoolCalendar {
 public:
  // Every channel meets every week; 36 teaching weeks in three terms.
  SchoolCalendar();

  // Checks `calendar` and prepares it. InvalidArgument names the field: a
  // negative or zero length, a PD week outside the year, a term longer
  // than the year.
  static absl::StatusOr<SchoolCalendar> Make(const Calendar& calendar);

  // The first week on or after `week` (>= 1) when channel `ch` meets.
  int NextMeeting(int ch, int week) const {
    const std::vector<int>& next = next_meeting_[static_cast<std::size_t>(ch)];
    if (next.empty()) return week;
    const int year = (week - 1) / teaching_weeks_;
    return year * teaching_weeks_ +
           next[static_cast<std::size_t>((week - 1) % teaching_weeks_)];
  }

  // The last week at or before `week` (>= 0) when channel `ch` meets: 0
  // when it has not met by then. A contact sent in week t with delay d
  // lands by week w exactly when t + d <= LastMeeting(ch, w), the reverse
  // of NextMeeting, which placement's reverse samples walk.
  int LastMeeting(int ch, int week) const {
    const std::vector<int>& last = last_meeting_[static_cast<std::size_t>(ch)];
    if (last.empty() || week < 1) return week;
    const int year = (week - 1) / teaching_weeks_;
    const int at = year * teaching_weeks_ +
                   last[static_cast<std::size_t>((week - 1) % teaching_weeks_)];
    return at > 0 ? at : 0;
  }

  // A number for the term of `week`, the same for every week of a term.
  int TermOf(int week) const {
    const int year = (week - 1) / teaching_weeks_;
    return year * terms_per_year_ +
           ((week - 1) % teaching_weeks_) / term_weeks_;
  }

  // The first week of the term after the term of `week`.
  int NextTermStart(int week) const {
    const int year = (week - 1) / teaching_weeks_;
    const int next =
        ((week - 1) % teaching_weeks_ / term_weeks_ + 1) * term_weeks_;
    return next < teaching_weeks_ ? year * teaching_weeks_ + next + 1
                                  : (year + 1) * teaching_weeks_ + 1;
  }

  // The PD weeks of every school year that starts by `horizon`, as run
  // weeks, up to `horizon`; without a horizon (0), those of the first year.
  std::vector<int> PdWeeks(int horizon) const;

  int teaching_weeks() const { return teaching_weeks_; }

 private:
  int teaching_weeks_ = kDefaultTeachingWeeks;
  int term_weeks_ = kDefaultTeachingWeeks / 3;
  int terms_per_year_ = 3;
  std::vector<int> pd_weeks_;  // sorted weeks of the year
  // Per channel, indexed by week of the year - 1: the week of the year of
  // the next meeting, past teaching_weeks_ when it is in the next year.
  std::array<std::vector<int>, kNumChannels> next_meeting_;
  // The same for the last meeting at or before a week: 0 or less when it
  // is in the year before.
  std::array<std::vector<int>, kNumChannels> last_meeting_;
};

}  // namespace collabnet

#endif  // COLLABNET_SIM_SCHOOL_CALENDAR_H_
