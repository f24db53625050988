#include "text/count_text.h"

#include "absl/strings/str_cat.h"

namespace collabnet {

std::string WithCommas(std::int64_t v) {
  // Through the unsigned magnitude, so the most negative value has one.
  const std::uint64_t magnitude = v < 0 ? ~static_cast<std::uint64_t>(v) + 1
                                        : static_cast<std::uint64_t>(v);
  const std::string digits = absl::StrCat(magnitude);
  std::string out = v < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string Counted(std::int64_t n, absl::string_view one,
                    absl::string_view many) {
  return absl::StrCat(WithCommas(n), " ", n == 1 ? one : many);
}

}  // namespace collabnet
