// Numbers as text that reads back to the same value, for every writer.
#ifndef COLLABNET_TEXT_NUMBER_TEXT_H_
#define COLLABNET_TEXT_NUMBER_TEXT_H_

#include <string>

namespace collabnet {

// The shortest decimal form that parses back to exactly `value` ("2", "0.1",
// "1e-07").
std::string ShortestDouble(double value);

}  // namespace collabnet

#endif  // COLLABNET_TEXT_NUMBER_TEXT_H_
