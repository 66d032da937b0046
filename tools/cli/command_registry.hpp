#pragma once
// The sub-commands of `bedflow`, each registering itself from its own file.
//
// Invariants:
//  - Adding a sub-command is one new file: define a `Command` and register it with a
//    namespace-scope `CommandRegistration`. main() knows no sub-command by name.
//  - Commands are listed in name order, whatever the order of static initialisation.
//  - A command's `run` gets the arguments after its name and returns an exit status
//    (exit_status.hpp); it reports its own errors on stderr.
#include <functional>
#include <string>
#include <vector>

namespace bedflow::cli {

struct Command {
  std::string name;
  std::string summary;  // one line for `bedflow --help`
  std::function<int(const std::vector<std::string>& arguments)> run;
};

const std::vector<Command>& registered_commands();
const Command* find_command(const std::string& name);

struct CommandRegistration {
  explicit CommandRegistration(Command command);
};

}  // namespace bedflow::cli
