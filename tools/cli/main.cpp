// `bedflow`: dispatches to the sub-command named by the first argument. The entry points
// (tools/bedflow_main.cpp, and mpi/bedflow_mpi_main.cpp for the MPI build) call it.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bedflow/build_stamp.hpp"
#include "bedflow/engine/did_you_mean.hpp"
#include "bedflow/engine/memory_reuse.hpp"
#include "bedflow/results/write_results.hpp"
#include "command_registry.hpp"
#include "command_line_main.hpp"
#include "exit_status.hpp"

namespace {

void print_overview(std::ostream& out) {
  out << "bedflow " << BEDFLOW_VERSION << " (" << BEDFLOW_GIT_COMMIT << "): "
      << "discrete-event simulation of hospital bed flow and discharge.\n\n"
      << "Usage: bedflow <command> [arguments] [options]\n\nCommands:\n";
  for (const auto& command : bedflow::cli::registered_commands()) {
    out << fmt::format("  {:<10}  {}\n", command.name, command.summary);
  }
  out << "\nRun `bedflow <command> --help` for a command's arguments and options, and\n"
      << "`bedflow --version` for the version and the git commit it was built from.\n"
      << "Exit status: 0 success, 1 the run failed, 2 the input was refused.\n";
}

}  // namespace

int bedflow::cli::run_command_line(int argc, char** argv) {
  using namespace bedflow::cli;
  bedflow::results::prepare_process_for_results();
  bedflow::engine::keep_freed_memory();  // replications reuse each other's memory
  const std::vector<std::string> arguments(argv + 1, argv + argc);
  if (arguments.empty()) {
    print_overview(std::cerr);
    return kBadInput;
  }
  const std::string& first = arguments.front();
  if (first == "help" && arguments.size() > 1) {
    // `bedflow help run` is `bedflow run --help`.
    if (const Command* command = find_command(arguments[1])) return command->run({"--help"});
  }
  if (first == "--help" || first == "-h" || (first == "help" && arguments.size() == 1)) {
    print_overview(std::cout);
    return kSuccess;
  }
  if (first == "--version") {
    std::cout << "bedflow " << BEDFLOW_VERSION << " (" << BEDFLOW_GIT_COMMIT << ")\n";
    return kSuccess;
  }
  const bool asks_help = first == "help";
  const std::string& name = asks_help ? arguments[1] : first;
  const Command* command = find_command(name);
  if (command == nullptr) {
    std::vector<std::string> names{"help", "--help", "--version"};
    for (const auto& known : registered_commands()) names.push_back(known.name);
    const auto hint = bedflow::engine::closest_match(name, names);
    std::cerr << fmt::format("bedflow: error: unknown command '{}'{}\n\n", name,
                             hint ? " (did you mean '" + *hint + "'?)" : std::string());
    print_overview(std::cerr);
    return kBadInput;
  }
  try {
    return command->run(std::vector<std::string>(arguments.begin() + 1, arguments.end()));
  } catch (const std::exception& error) {
    // Commands report their expected errors themselves; this is the last line of defence.
    std::cerr << fmt::format("bedflow {}: error: {}\n", first, error.what());
    return kFailure;
  }
}
