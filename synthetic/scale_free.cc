#include "synthetic/scale_free.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "formats/network_builder.h"
#include "random/philox_stream.h"

namespace collabnet {

absl::StatusOr<DistrictGraph> GenerateBarabasiAlbert(
    std::uint32_t n, std::uint32_t m, std::uint64_t seed,
    const FreezeOptions& freeze) {
  if (m < 1 || m >= n) {
    return absl::InvalidArgumentError(absl::StrCat(
        "a Barabasi-Albert graph needs 1 <= m < n; got m = ", m, ", n = ", n));
  }
  DistrictGraphBuilder b;
  b.set_name(absl::StrCat("ba", n, "_m", m));
  const std::uint32_t school = b.AddSchool(std::string(kDefaultSchool), "", 0);
  for (std::uint32_t v = 0; v < n; ++v) {
    absl::StatusOr<VertexId> added =
        b.AddTeacher(absl::StrCat(v), school, TEACHER);
    if (!added.ok()) return added.status();
  }
  b.ReserveTies(static_cast<std::size_t>(n) * m);
  // Every tie's two ends, in order: a uniform pick from it is a node picked
  // with probability proportional to its degree.
  std::vector<VertexId> ends;
  ends.reserve(2 * static_cast<std::size_t>(n) * m);
  PhiloxStream rng(seed, 0, kPurposeGenerator);
  std::vector<VertexId> chosen;
  chosen.reserve(m);
  for (VertexId v = 1; v < n; ++v) {
    chosen.clear();
    if (v <= m) {
      for (VertexId u = 0; u < v; ++u) chosen.push_back(u);
    } else {
      while (chosen.size() < m) {
        const VertexId u =
            ends[rng.NextBelow(static_cast<std::uint32_t>(ends.size()))];
        // Distinct targets: a repeat is drawn again, as igraph does.
        if (std::find(chosen.begin(), chosen.end(), u) == chosen.end()) {
          chosen.push_back(u);
        }
      }
    }
    for (VertexId u : chosen) {
      b.AddTie(v, u, CHANNEL_UNSPECIFIED, /*directed=*/false, 1.0f);
      ends.push_back(v);
      ends.push_back(u);
    }
  }
  return std::move(b).Freeze(freeze);
}

}  // namespace collabnet
