// The collabnet program's subcommands. Each takes the arguments after its
// name and returns the process exit code; only cli/ prints or exits.
#ifndef COLLABNET_CLI_COMMANDS_H_
#define COLLABNET_CLI_COMMANDS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"

namespace collabnet::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // bad input or a failed run
inline constexpr int kExitUsage = 2;    // bad flags

int RunSimulate(const std::vector<std::string>& args);
int RunGenerate(const std::vector<std::string>& args);
int RunConvert(const std::vector<std::string>& args);
int RunIngest(const std::vector<std::string>& args);
int RunFit(const std::vector<std::string>& args);
int RunSweepCommand(const std::vector<std::string>& args);

// Prints "collabnet COMMAND: message" to stderr and returns kExitFailure.
int ReportError(const std::string& command, const absl::Status& status);

}  // namespace collabnet::cli

#endif  // COLLABNET_CLI_COMMANDS_H_
