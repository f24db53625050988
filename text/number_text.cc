#include "text/number_text.h"

#include <charconv>

namespace collabnet {

std::string ShortestDouble(double value) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), value);
  return std::string(buf, end);
}

}  // namespace collabnet
