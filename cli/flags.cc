#include "cli/flags.h"

#include <iostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "io/atomic_file.h"
#include "records/pseudonymize.h"

namespace collabnet::cli {

namespace po = boost::program_options;

// The most worker threads a run may ask for: far more than any machine's
// cores, and few enough that each thread's stack and workspace fit.
constexpr int kMaxThreads = 1024;

std::optional<int> ParseFlags(const Command& command,
                              po::options_description& options,
                              const std::vector<std::string>& args,
                              Flags& values) {
  options.add_options()("help,h", "print this help and exit");
  try {
    po::store(po::command_line_parser(args).options(options).run(), values);
    // Help first: required flags are not required to ask for help.
    if (values.count("help") > 0) {
      std::cout << "Usage: collabnet " << command.name << " [FLAGS]\n\n"
                << command.help << "\n\n"
                << options << "\n";
      return kExitOk;
    }
    po::notify(values);
  } catch (const po::error& e) {
    std::cerr << "collabnet " << command.name << ": " << e.what()
              << "\nRun 'collabnet " << command.name
              << " --help' for the flags.\n";
    return kExitUsage;
  }
  return std::nullopt;
}

void OutputFlags::Add(po::options_description& options) const {
  options.add_options()(
      "format", po::value<std::string>()->default_value(formats.front()),
      absl::StrCat("output format: ", what).c_str())(
      "out", po::value<std::string>(),
      "write the output to this file (atomically) instead of stdout");
}

absl::StatusOr<std::string> OutputFlags::Format(const Flags& flags) const {
  const std::string format = flags["format"].as<std::string>();
  for (const std::string& f : formats) {
    if (f == format) return format;
  }
  return UsageError(absl::StrCat("--format must be ",
                                 absl::StrJoin(formats, " or "), ", got '",
                                 format, "'"));
}

absl::Status EmitOutput(const Flags& flags, const std::string& output) {
  if (flags.count("out") > 0) {
    return WriteFileAtomically(flags["out"].as<std::string>(), output);
  }
  std::cout << output << std::flush;
  return absl::OkStatus();
}

void AddThreadsFlag(po::options_description& options) {
  options.add_options()("threads", po::value<int>()->default_value(0),
                        "worker threads (0: every core); results do not "
                        "depend on it");
}

absl::StatusOr<int> ThreadsFlag(const Flags& flags) {
  const int threads = flags["threads"].as<int>();
  if (threads < 0 || threads > kMaxThreads) {
    return UsageError(absl::StrCat("--threads must be from 0 (every core) to ",
                                   kMaxThreads, ", got ", threads));
  }
  return threads;
}

void AddPseudonymizeFlag(po::options_description& options) {
  options.add_options()("pseudonymize", po::value<std::string>(),
                        "replace teacher ids by keyed hashes and drop names; "
                        "KEY, or @FILE to read the key from a file");
}

absl::StatusOr<std::string> PseudonymKeyFlag(const Flags& flags) {
  if (flags.count("pseudonymize") == 0) return std::string();
  return ResolvePseudonymKey(flags["pseudonymize"].as<std::string>());
}

}  // namespace collabnet::cli
