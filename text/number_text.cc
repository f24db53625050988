#include "text/number_text.h"

#include <charconv>
#include <cmath>

#include "absl/strings/ascii.h"

namespace collabnet {

bool ParseNumber(absl::string_view text, double* value) {
  text = absl::StripAsciiWhitespace(text);
  if (text.size() > 1 && text[0] == '+' && text[1] != '-') {
    text.remove_prefix(1);
  }
  if (text.empty()) return false;
  // std::from_chars in its general format reads decimals only: no "0x",
  // no leading '+', but it does read "inf" and "nan".
  double v = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || ptr != end || !std::isfinite(v)) return false;
  *value = v;
  return true;
}

std::string ShortestDouble(double value) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), value);
  return std::string(buf, end);
}

}  // namespace collabnet
