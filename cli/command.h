// A command of the collabnet program: its name, its help, the flags it
// takes and what it runs. main.cc holds the table of them; a command
// returns a status and only main turns it into an exit code, so a command
// never prints an error or exits itself.
#ifndef COLLABNET_CLI_COMMAND_H_
#define COLLABNET_CLI_COMMAND_H_

#include <boost/program_options.hpp>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace collabnet::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // bad input or a failed run
inline constexpr int kExitUsage = 2;    // bad flags

using Flags = boost::program_options::variables_map;

struct Command {
  const char* name;
  const char* summary;  // one line for `collabnet --help`
  const char* help;     // the text atop `collabnet NAME --help`
  void (*add_flags)(boost::program_options::options_description& options);
  absl::Status (*run)(const Flags& flags);
  // The flag that words given without one fill (`collabnet compare
  // A.textproto B.textproto`), a list; nullptr: such words are refused.
  const char* positional = nullptr;
};

// An error in the flags themselves (they do not fit together, or a value
// is not one the flag takes): exit code 2, not 1.
absl::Status UsageError(absl::string_view message);
bool IsUsageError(const absl::Status& status);

// The commands, each defined in its own file.
Command SimulateCommand();
Command IngestCommand();
Command GenerateCommand();
Command ConvertCommand();
Command FitCommand();
Command SweepCommand();
Command PlaceCommand();
Command CompareCommand();
Command AnalyzeCommand();

}  // namespace collabnet::cli

#endif  // COLLABNET_CLI_COMMAND_H_
