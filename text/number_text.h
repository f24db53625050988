// Numbers as text that reads back to the same value, for every writer.
#ifndef COLLABNET_TEXT_NUMBER_TEXT_H_
#define COLLABNET_TEXT_NUMBER_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace collabnet {

// Reads a finite decimal number ("3", "-0.5", "2.5e-3"), spaces around it
// allowed. Refuses what a careful reader of a data file would: hexadecimal
// ("0x10", which strtod reads as 16), infinities and NaN, and anything
// else. Every reader of numbers in a file goes through it.
bool ParseNumber(absl::string_view text, double* value);

// The shortest decimal form that parses back to exactly `value` ("2", "0.1",
// "1e-07").
std::string ShortestDouble(double value);

}  // namespace collabnet

#endif  // COLLABNET_TEXT_NUMBER_TEXT_H_
