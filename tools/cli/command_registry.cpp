#include "command_registry.hpp"

#include <algorithm>

namespace bedflow::cli {
namespace {

// A function-local static: ready before any registration runs, whatever the file order.
std::vector<Command>& registry() {
  static std::vector<Command> commands;
  return commands;
}

}  // namespace

CommandRegistration::CommandRegistration(Command command) {
  auto& commands = registry();
  const auto place = std::lower_bound(
      commands.begin(), commands.end(), command.name,
      [](const Command& existing, const std::string& name) { return existing.name < name; });
  commands.insert(place, std::move(command));
}

const std::vector<Command>& registered_commands() { return registry(); }

const Command* find_command(const std::string& name) {
  for (const auto& command : registry()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

}  // namespace bedflow::cli
