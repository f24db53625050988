#include "cli/flags.h"

#include <iostream>

#include "cli/commands.h"

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

int ReportError(const std::string& command, const absl::Status& status) {
  std::cerr << "collabnet " << command << ": " << status.message() << "\n";
  return kExitFailure;
}

}  // namespace collabnet::cli
