// collabnet: social-network analysis of teacher collaboration.
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/flags.h"

namespace collabnet::cli {
namespace {

// The table of commands, in the order --help lists them.
std::vector<Command> Commands() {
  return {SimulateCommand(), IngestCommand(), GenerateCommand(),
          ConvertCommand(),  FitCommand(),    SweepCommand(),
          PlaceCommand(),    CompareCommand(), AnalyzeCommand()};
}

std::string Usage(const std::vector<Command>& commands) {
  std::string out =
      "collabnet: how teaching expertise spreads through a district's "
      "collaboration network\n\nUsage: collabnet COMMAND [FLAGS]\n\n"
      "Commands:\n";
  for (const Command& c : commands) {
    std::string name = c.name;
    name.resize(11, ' ');
    out += "  " + name + c.summary + "\n";
  }
  out +=
      "\nRun 'collabnet COMMAND --help' for a command's flags.\n"
      "Exit codes: 0 success, 1 bad input or failed run, 2 bad flags.\n";
  return out;
}

int Run(int argc, char** argv) {
  const std::vector<Command> commands = Commands();
  if (argc < 2) {
    std::cerr << Usage(commands);
    return kExitUsage;
  }
  const std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    std::cout << Usage(commands);
    return kExitOk;
  }
  if (name == "--version" || name == "version") {
    std::cout << "collabnet " << COLLABNET_VERSION << "\n";
    return kExitOk;
  }
  for (const Command& command : commands) {
    if (name != command.name) continue;
    boost::program_options::options_description options("Flags");
    command.add_flags(options);
    Flags flags;
    if (std::optional<int> code = ParseFlags(
            command, options, std::vector<std::string>(argv + 2, argv + argc),
            flags)) {
      return *code;
    }
    const absl::Status status = command.run(flags);
    if (status.ok()) return kExitOk;
    std::cerr << "collabnet " << command.name << ": " << status.message()
              << "\n";
    if (IsUsageError(status)) {
      std::cerr << "Run 'collabnet " << command.name
                << " --help' for the flags.\n";
      return kExitUsage;
    }
    return kExitFailure;
  }
  std::cerr << "collabnet: unknown command '" << name
            << "' (see 'collabnet --help')\n";
  return kExitUsage;
}

}  // namespace
}  // namespace collabnet::cli

int main(int argc, char** argv) {
  try {
    return collabnet::cli::Run(argc, argv);
  } catch (const std::exception& e) {
    // A library returns errors as statuses; this is the last guard, so a
    // fault still ends with a message and exit code 1, not an abort.
    std::cerr << "collabnet: internal error: " << e.what() << "\n";
    return collabnet::cli::kExitFailure;
  }
}
