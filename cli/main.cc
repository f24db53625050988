// collabnet: social-network analysis of teacher collaboration.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace {

constexpr char kUsage[] =
    "collabnet: how teaching expertise spreads through a district's "
    "collaboration network\n"
    "\n"
    "Usage: collabnet COMMAND [FLAGS]\n"
    "\n"
    "Commands:\n"
    "  simulate   run a diffusion scenario (with no flags: the four "
    "co-teaching\n"
    "             leaders of the embedded sample district over one school "
    "year)\n"
    "  ingest     merge a district's records (roster, PLCs, observations,\n"
    "             co-teaching, coaching, PD, social media, advice) into one "
    "district\n"
    "  generate   make a synthetic district of any size\n"
    "  convert    convert a network between the district formats, GraphML,\n"
    "             GEXF, Pajek, UCINET DL, edge lists and RSiena matrices\n"
    "  fit        fit channel probabilities to an observed direct reach\n"
    "  sweep      run a scenario over a grid of parameter values\n"
    "\n"
    "Run 'collabnet COMMAND --help' for a command's flags.\n"
    "Exit codes: 0 success, 1 bad input or failed run, 2 bad flags.\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace collabnet::cli;  // NOLINT(google-build-using-namespace)
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return kExitUsage;
  }
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "--help" || command == "-h" || command == "help") {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  if (command == "--version" || command == "version") {
    std::printf("collabnet %s\n", COLLABNET_VERSION);
    return kExitOk;
  }
  if (command == "simulate") return RunSimulate(args);
  if (command == "generate") return RunGenerate(args);
  if (command == "convert") return RunConvert(args);
  if (command == "ingest") return RunIngest(args);
  if (command == "fit") return RunFit(args);
  if (command == "sweep") return RunSweepCommand(args);
  std::fprintf(stderr,
               "collabnet: unknown command '%s'; expected simulate, ingest, "
               "generate, convert, fit or sweep (see 'collabnet --help')\n",
               command.c_str());
  return kExitUsage;
}
