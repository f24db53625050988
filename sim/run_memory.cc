#include "sim/run_memory.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "sim/count_histogram.h"
#include "sim/moments.h"

namespace collabnet {
namespace {

// Per week of a tally: three curves' histograms (a few dense counts each)
// for the week and for replicates ended by it, and three weekly sums with
// their scratch. Per week of a result: three estimates with quantiles.
constexpr double kTallyWeekBytes =
    3 * (2 * (sizeof(CountHistogram) + 64) + 2 * sizeof(std::int64_t));
constexpr double kResultWeekBytes = 3 * 160;
// Per school: two histograms and scratch, in a tally; an entry, in the
// result. Per teacher: a workspace's marks and queues, and the per-teacher
// counts and result rows when they are asked for.
constexpr double kSchoolBytes = 2 * (sizeof(CountHistogram) + 64) + 16 + 96;
constexpr double kTeacherWorkspaceBytes = 48;
constexpr double kTeacherResultBytes = 2 * sizeof(std::int64_t) + 96;
// Per leader with its own reach: a tally's moments and scratch for the
// figures and channels, and their estimates in the result; per teacher,
// the index of the leader its chain starts from.
constexpr double kLeaderTallyBytes = 10 * (sizeof(Moments) + 8);
constexpr double kLeaderResultBytes = 10 * 160;
constexpr double kTeacherRootBytes = sizeof(std::uint32_t);
// Per teacher of a transmission tree: the replicate's record, kept, and
// its row in the result with the two ids.
constexpr double kTreeTeacherBytes = 24 + 160;
// A run without a horizon grows its curve to the last week anyone is
// reached, which the input bounds honestly; judged at a year of weeks.
constexpr double kWeeksWithoutHorizon = 64;

double Weeks(const Scenario& scenario) {
  return scenario.horizon() > 0 ? scenario.horizon() + 1.0
                                : kWeeksWithoutHorizon;
}

double ResultBytes(const DistrictGraph& graph, const Scenario& scenario,
                   bool per_teacher) {
  const double teachers = static_cast<double>(graph.num_vertices());
  const double schools = static_cast<double>(graph.num_schools());
  return Weeks(scenario) * kResultWeekBytes + schools * kSchoolBytes +
         (per_teacher ? teachers * kTeacherResultBytes : 0);
}

}  // namespace

std::int64_t EstimateResultBytes(const DistrictGraph& graph,
                                 const Scenario& scenario, bool per_teacher) {
  return static_cast<std::int64_t>(ResultBytes(graph, scenario, per_teacher));
}

std::int64_t EstimateRunBytes(const DistrictGraph& graph,
                              const Scenario& scenario, int threads,
                              bool per_teacher, bool per_leader,
                              std::size_t trees) {
  const double weeks = Weeks(scenario);
  const double teachers = static_cast<double>(graph.num_vertices());
  const double schools = static_cast<double>(graph.num_schools());
  const double leaders = per_leader ? scenario.leaders_size() : 0;
  const double tally =
      weeks * kTallyWeekBytes + schools * kSchoolBytes +
      (per_teacher ? teachers * kTeacherResultBytes : 0) +
      (per_leader ? leaders * kLeaderTallyBytes + teachers * kTeacherRootBytes
                  : 0);
  const double workspace = teachers * kTeacherWorkspaceBytes;
  const double result =
      ResultBytes(graph, scenario, per_teacher) + leaders * kLeaderResultBytes +
      static_cast<double>(trees) * teachers * kTreeTeacherBytes;
  const double t = std::max(threads, 1);
  return static_cast<std::int64_t>((t + 1) * tally + t * workspace + result);
}

absl::Status CheckMemory(double bytes, std::int64_t limit,
                         const std::string& what) {
  if (limit <= 0 || bytes <= static_cast<double>(limit)) {
    return absl::OkStatus();
  }
  constexpr double kGiB = 1024.0 * 1024 * 1024;
  return absl::ResourceExhaustedError(absl::StrFormat(
      "%s would need about %.1f GiB of memory, more than the %.1f GiB "
      "--max-memory allows; make the run smaller or raise --max-memory",
      what, bytes / kGiB, static_cast<double>(limit) / kGiB));
}

}  // namespace collabnet
