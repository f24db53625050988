#include "cli/flags.h"

#include <iostream>

#include "cli/commands.h"
#include "ingest/atomic_file.h"
#include "ingest/pseudonymize.h"

namespace collabnet::cli {

namespace po = boost::program_options;

std::optional<int> ParseFlags(const std::string& command,
                              const std::string& summary,
                              po::options_description& options,
                              const std::vector<std::string>& args,
                              po::variables_map& values) {
  options.add_options()("help,h", "print this help and exit");
  try {
    po::store(po::command_line_parser(args).options(options).run(), values);
    // Help first: required flags are not required to ask for help.
    if (values.count("help") > 0) {
      std::cout << "Usage: collabnet " << command << " [FLAGS]\n\n"
                << summary << "\n\n"
                << options << "\n";
      return kExitOk;
    }
    po::notify(values);
  } catch (const po::error& e) {
    std::cerr << "collabnet " << command << ": " << e.what()
              << "\nRun 'collabnet " << command << " --help' for the flags.\n";
    return kExitUsage;
  }
  return std::nullopt;
}

absl::Status EmitOutput(const po::variables_map& flags,
                        const std::string& output) {
  if (flags.count("out") > 0) {
    return WriteFileAtomically(flags["out"].as<std::string>(), output);
  }
  std::cout << output << std::flush;
  return absl::OkStatus();
}

int ReportError(const std::string& command, const absl::Status& status) {
  std::cerr << "collabnet " << command << ": " << status.message() << "\n";
  return kExitFailure;
}

absl::StatusOr<std::string> PseudonymKeyFlag(
    const boost::program_options::variables_map& flags) {
  if (flags.count("pseudonymize") == 0) return std::string();
  return ResolvePseudonymKey(flags["pseudonymize"].as<std::string>());
}

}  // namespace collabnet::cli
