// Counts as people read them: "1,400 teachers", "1 record".
#ifndef COLLABNET_TEXT_COUNT_TEXT_H_
#define COLLABNET_TEXT_COUNT_TEXT_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace collabnet {

// `v` with a comma between each three digits: "1,400", "-12,000".
std::string WithCommas(std::int64_t v);

// `n` and the noun that agrees with it: "1 teacher", "1,400 teachers",
// "0 ties".
std::string Counted(std::int64_t n, absl::string_view one,
                    absl::string_view many);

}  // namespace collabnet

#endif  // COLLABNET_TEXT_COUNT_TEXT_H_
