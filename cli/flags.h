// Flag parsing (Boost.Program_options) and the flag groups several
// commands share, each declared once: output (--out, --format), a run's
// threads and memory, pseudonymisation, and the input limits every command
// takes (--max-line-bytes, --max-expansion). The scenario and network flags are
// in run_setup.h.
#ifndef COLLABNET_CLI_FLAGS_H_
#define COLLABNET_CLI_FLAGS_H_

#include <boost/program_options.hpp>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cli/command.h"
#include "graph/duplicate_ties.h"

namespace collabnet::cli {

// Parses `args` against `options` (which gets --help added). Returns an exit
// code when the command should stop: kExitOk after printing help, kExitUsage
// after printing what was wrong.
std::optional<int> ParseFlags(
    const Command& command,
    boost::program_options::options_description& options,
    const std::vector<std::string>& args, Flags& values);

// A flag's double value whose --help shows its default as typed ("0.66",
// not Boost's "0.66000000000000003"). Every double flag with a default
// goes through it.
boost::program_options::typed_value<double>* DoubleValue(double value);

// A random seed given as a flag: the digits of a whole number from 0 to
// 2^64 - 1. Boost reads "-1" into an unsigned integer as 2^64 - 1; a seed
// flag refuses it instead. Read it with `flags["seed"].as<SeedFlag>().value`.
struct SeedFlag {
  std::uint64_t value = 0;
};
// Boost.Program_options finds this by argument-dependent lookup.
void validate(boost::any& out, const std::vector<std::string>& values,
              SeedFlag* /*unused*/, int /*unused*/);
std::ostream& operator<<(std::ostream& out, const SeedFlag& seed);

// --out FILE and --format F, F one of `formats` (the first is the default;
// `what` says what each is).
struct OutputFlags {
  std::vector<std::string> formats;
  std::string what;  // e.g. "text (a readable summary) or json (...)"
  void Add(boost::program_options::options_description& options) const;
  // The --format given, or a usage error naming the formats.
  absl::StatusOr<std::string> Format(const Flags& flags) const;
};

// Writes `output` to the file --out names, or to stdout when there is no
// --out, and the files of `also` (path, content) beside it: every file is
// complete before any is written, and they are written together, so a
// failed write leaves each as it was.
absl::Status EmitOutput(
    const Flags& flags, const std::string& output,
    std::vector<std::pair<std::string, std::string>> also = {});

// --threads N: worker threads, 0 for every core; --max-memory GIB: the
// most memory a run may need (RunOptions::max_memory_bytes).
void AddRunResourceFlags(boost::program_options::options_description& options);
// --threads alone, for commands whose memory is their input's.
void AddThreadsFlag(boost::program_options::options_description& options);
absl::StatusOr<int> ThreadsFlag(const Flags& flags);
absl::StatusOr<std::int64_t> MaxMemoryFlag(const Flags& flags);

// --duplicates merge|keep|refuse: what repeated ties become
// (graph/duplicate_ties.h), and the note that says how many there were.
void AddDuplicatesFlag(boost::program_options::options_description& options);
absl::StatusOr<DuplicateTies> DuplicatesFlag(const Flags& flags);
std::string RepeatedTiesNote(std::int64_t repeated, DuplicateTies rule);

// --pseudonymize KEY|@FILE.
// `help` says what the key does for the command (by default: replace the
// written ids).
void AddPseudonymizeFlag(boost::program_options::options_description& options,
                         const char* help = nullptr);
// The key (the text, or @FILE's first line); "" when the flag is absent.
absl::StatusOr<std::string> PseudonymKeyFlag(const Flags& flags);

}  // namespace collabnet::cli

#endif  // COLLABNET_CLI_FLAGS_H_
