// Flag parsing shared by the subcommands (Boost.Program_options).
#ifndef COLLABNET_CLI_FLAGS_H_
#define COLLABNET_CLI_FLAGS_H_

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace collabnet::cli {

// Parses `args` against `options` (which gets --help added). Returns an exit
// code when the command should stop: kExitOk after printing help, kExitUsage
// after printing what was wrong. `summary` opens the help text.
std::optional<int> ParseFlags(
    const std::string& command, const std::string& summary,
    boost::program_options::options_description& options,
    const std::vector<std::string>& args,
    boost::program_options::variables_map& values);

// Writes `output` to the file --out names (atomically), or to stdout when
// there is no --out.
absl::Status EmitOutput(const boost::program_options::variables_map& flags,
                        const std::string& output);

// The key of --pseudonymize (the text, or @FILE's first line); "" when the
// flag is absent.
absl::StatusOr<std::string> PseudonymKeyFlag(
    const boost::program_options::variables_map& flags);

}  // namespace collabnet::cli

#endif  // COLLABNET_CLI_FLAGS_H_
