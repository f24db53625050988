#include "cli/flags.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iostream>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "io/atomic_file.h"
#include "io/input_file.h"
#include "records/pseudonymize.h"
#include "text/count_text.h"
#include "text/number_text.h"

namespace collabnet::cli {

namespace po = boost::program_options;

// The most worker threads a run may ask for: far more than any machine's
// cores, and few enough that each thread's stack and workspace fit.
constexpr int kMaxThreads = 1024;

namespace {

// The flags that name files a command writes.
constexpr const char* kOutputFlags[] = {
    "out",  "per-teacher", "per-leader",   "weekly",
    "tree", "leaders-out", "teachers-out", "schools-out"};

bool IsOutputFlag(const std::string& name) {
  for (const char* f : kOutputFlags) {
    if (name == f) return true;
  }
  return false;
}

// The paths a flag's value may name: its text, and a list's items.
std::vector<std::string> Paths(const po::variable_value& value) {
  if (const auto* one = boost::any_cast<std::string>(&value.value())) {
    if (!one->empty() && (*one)[0] == '@') return {one->substr(1), *one};
    return {*one};
  }
  if (const auto* many =
          boost::any_cast<std::vector<std::string>>(&value.value())) {
    return *many;
  }
  return {};
}

// An output may not name an input, nor another output: checked before the
// command reads or computes anything. (The writers check again, for files a
// command finds on its own, such as a district folder's ties.csv.)
absl::Status CheckOutputFlags(const Flags& values) {
  for (const auto& [out_flag, out_value] : values) {
    if (!IsOutputFlag(out_flag) || out_value.defaulted()) continue;
    const auto* out = boost::any_cast<std::string>(&out_value.value());
    if (out == nullptr) continue;
    for (const auto& [flag, value] : values) {
      if (flag == out_flag || value.defaulted()) continue;
      for (const std::string& path : Paths(value)) {
        if (path.empty() || !SameFile(*out, path)) continue;
        if (IsOutputFlag(flag)) {
          return UsageError(absl::StrCat("--", out_flag, " and --", flag,
                                         " name one file, ", *out,
                                         "; name each output differently"));
        }
        return UsageError(absl::StrCat(
            "--", out_flag, " names ", *out, ", which --", flag,
            " reads; an output never replaces an input, so name another "
            "file"));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status ApplyInputLimits(const Flags& values) {
  InputLimits limits;
  limits.max_line_bytes = values["max-line-bytes"].as<std::int64_t>();
  limits.max_expansion = values["max-expansion"].as<std::int64_t>();
  if (limits.max_line_bytes < 1) {
    return UsageError("--max-line-bytes must be at least 1");
  }
  if (limits.max_expansion < 1) {
    return UsageError("--max-expansion must be at least 1");
  }
  SetInputLimits(limits);
  return absl::OkStatus();
}

}  // namespace

std::optional<int> ParseFlags(const Command& command,
                              po::options_description& options,
                              const std::vector<std::string>& args,
                              Flags& values) {
  options.add_options()("help,h", "print this help and exit");
  const InputLimits defaults;
  po::options_description limits(
      "Input limits (so that no input can fill "
      "memory; raise one for a genuine input)");
  limits.add_options()(
      "max-line-bytes",
      po::value<std::int64_t>()->default_value(defaults.max_line_bytes),
      "the longest line a text input may have")(
      "max-expansion",
      po::value<std::int64_t>()->default_value(defaults.max_expansion),
      "the most a gzip input may expand, as a multiple of its size");
  options.add(limits);
  try {
    po::command_line_parser parser(args);
    parser.options(options);
    po::positional_options_description positional;
    if (command.positional != nullptr) {
      positional.add(command.positional, -1);
      parser.positional(positional);
    }
    const po::parsed_options parsed = parser.run();
    // Without a positional description, Boost keeps a stray word aside
    // rather than refusing it; a word that is no flag is a mistake.
    const std::vector<std::string> stray = po::collect_unrecognized(
        parsed.options, command.positional != nullptr ? po::exclude_positional
                                                      : po::include_positional);
    if (!stray.empty()) {
      std::cerr << "collabnet " << command.name << ": '" << stray.front()
                << "' is not a flag (flags start with --; a value follows "
                   "its flag)\nRun 'collabnet "
                << command.name << " --help' for the flags.\n";
      return kExitUsage;
    }
    po::store(parsed, values);
    // Help first: required flags are not required to ask for help.
    if (values.count("help") > 0) {
      std::cout << "Usage: collabnet " << command.name << " [FLAGS]"
                << (command.positional != nullptr
                        ? absl::StrCat(" [", command.positional, "...]")
                        : std::string())
                << "\n\n"
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
  for (const absl::Status& s :
       {ApplyInputLimits(values), CheckOutputFlags(values)}) {
    if (!s.ok()) {
      std::cerr << "collabnet " << command.name << ": " << s.message()
                << "\nRun 'collabnet " << command.name
                << " --help' for the flags.\n";
      return kExitUsage;
    }
  }
  return std::nullopt;
}

po::typed_value<double>* DoubleValue(double value) {
  return po::value<double>()->default_value(value, ShortestDouble(value));
}

void validate(boost::any& out, const std::vector<std::string>& values,
              SeedFlag* /*unused*/, int /*unused*/) {
  po::validators::check_first_occurrence(out);
  const std::string& text = po::validators::get_single_string(values);
  SeedFlag seed;
  if (text.empty() ||
      !absl::c_all_of(text, [](char c) { return absl::ascii_isdigit(c); }) ||
      !absl::SimpleAtoi(text, &seed.value)) {
    po::error_with_option_name e(
        "the argument ('%value%') for option '%canonical_option%' is "
        "invalid: a seed is a whole number from 0 to 18446744073709551615");
    e.set_substitute("value", text);
    throw e;
  }
  out = seed;
}

std::ostream& operator<<(std::ostream& out, const SeedFlag& seed) {
  return out << seed.value;
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

absl::Status EmitOutput(const Flags& flags, const std::string& output,
                        std::vector<std::pair<std::string, std::string>> also) {
  if (flags.count("out") > 0) {
    also.emplace_back(flags["out"].as<std::string>(), output);
  }
  if (absl::Status s = WriteFilesAtomically(also); !s.ok()) return s;
  if (flags.count("out") == 0) std::cout << output << std::flush;
  return absl::OkStatus();
}

namespace {

// Half the machine's memory: a run may be large, but not so large that
// the machine starts to swap before it is refused.
double DefaultMaxMemoryGib() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page <= 0) return 8;
  const double gib = static_cast<double>(pages) * static_cast<double>(page) /
                     (1024.0 * 1024 * 1024) / 2;
  return std::max(1.0, std::floor(gib));
}

}  // namespace

void AddThreadsFlag(po::options_description& options) {
  options.add_options()("threads", po::value<int>()->default_value(0),
                        "worker threads (0: every core); results do not "
                        "depend on it");
}

void AddRunResourceFlags(po::options_description& options) {
  AddThreadsFlag(options);
  const double gib = DefaultMaxMemoryGib();
  options.add_options()(
      "max-memory", DoubleValue(gib),
      "refuse a run that would need more than this many GiB (default: half "
      "this machine's memory)");
}

absl::StatusOr<std::int64_t> MaxMemoryFlag(const Flags& flags) {
  const double gib = flags["max-memory"].as<double>();
  if (!(gib > 0 && gib < 1e6)) {
    return UsageError(absl::StrCat(
        "--max-memory must be a positive number of GiB, got ", gib));
  }
  return static_cast<std::int64_t>(gib * 1024 * 1024 * 1024);
}

absl::StatusOr<int> ThreadsFlag(const Flags& flags) {
  const int threads = flags["threads"].as<int>();
  if (threads < 0 || threads > kMaxThreads) {
    return UsageError(absl::StrCat("--threads must be from 0 (every core) to ",
                                   kMaxThreads, ", got ", threads));
  }
  return threads;
}

void AddDuplicatesFlag(po::options_description& options) {
  options.add_options()(
      "duplicates", po::value<std::string>()->default_value("merge"),
      "a tie given twice (same teachers, direction and channel): merge "
      "(one tie, weights summed), keep (parallel ties, each a chance of its "
      "own) or refuse");
}

absl::StatusOr<DuplicateTies> DuplicatesFlag(const Flags& flags) {
  const std::string text = flags["duplicates"].as<std::string>();
  if (std::optional<DuplicateTies> rule = ParseDuplicateTies(text)) {
    return *rule;
  }
  return UsageError(
      absl::StrCat("--duplicates must be merge, keep or refuse, "
                   "got '",
                   text, "'"));
}

std::string RepeatedTiesNote(std::int64_t repeated, DuplicateTies rule) {
  if (repeated == 0) return "";
  return absl::StrCat(Counted(repeated, "tie was", "ties were"),
                      " given again (same teachers, direction and channel): ",
                      rule == DuplicateTies::kMerge
                          ? "merged into the first, weights summed"
                          : "kept as parallel ties",
                      " (--duplicates)");
}

void AddPseudonymizeFlag(po::options_description& options, const char* help) {
  options.add_options()("pseudonymize", po::value<std::string>(),
                        help != nullptr
                            ? help
                            : "replace teacher ids by keyed hashes and drop "
                              "names; KEY, or @FILE to read the key from a "
                              "file");
}

absl::StatusOr<std::string> PseudonymKeyFlag(const Flags& flags) {
  if (flags.count("pseudonymize") == 0) return std::string();
  return ResolvePseudonymKey(flags["pseudonymize"].as<std::string>());
}

}  // namespace collabnet::cli
