// `bedflow validate SCENARIO [--set path=value ...] [--resolved]`
#include <iostream>

#include <fmt/format.h>

#include "bedflow/results/counted.hpp"
#include "command_line.hpp"
#include "command_registry.hpp"
#include "exit_status.hpp"
#include "scenario_input.hpp"

namespace bedflow::cli {
namespace {

namespace po = boost::program_options;

const CommandSyntax kSyntax{
    "bedflow validate SCENARIO [--set path=value ...] [--resolved]",
    "Checks a scenario file (and its overrides) without running it: YAML syntax, every field's\n"
    "type and range, names that must resolve, and the network of services. Every problem is\n"
    "reported on its own line as file:line:column: field: message. Exit status 0 when the\n"
    "scenario is valid, 2 when it is not.",
    {"scenario"}};

int validate(const std::vector<std::string>& arguments) {
  po::options_description options("Options");
  options.add_options()
      ("set", po::value<std::vector<std::string>>()->composing(),
       "override a field, e.g. --set services.acute.capacity=3200 (repeatable)")
      ("resolved", po::bool_switch(), "print the scenario as resolved (extends and overrides applied)");
  ParsedCommandLine parsed;
  try {
    parsed = parse_command_line(arguments, kSyntax, options);
  } catch (const UsageError& error) {
    return report_usage_error("validate", error.what(), kSyntax.usage);
  }
  if (parsed.help_shown) return kSuccess;
  const auto& values = parsed.values;
  const auto path = values["scenario"].as<std::string>();
  const auto set = values.count("set") ? values["set"].as<std::vector<std::string>>()
                                       : std::vector<std::string>{};
  const auto overrides = parse_overrides_or_report(set);
  if (!overrides) return kBadInput;
  const auto loaded = load_scenario_or_report(path, *overrides);
  if (!loaded) return kBadInput;
  if (values["resolved"].as<bool>()) {
    std::cout << loaded->resolved_yaml;
    if (!loaded->resolved_yaml.empty() && loaded->resolved_yaml.back() != '\n') std::cout << "\n";
    return kSuccess;
  }
  const auto& s = loaded->scenario;
  std::cout << fmt::format(
      "{}: valid. Scenario '{}': {}, {}, {}; {} ({} warm-up), {}, seed {}.\n",
      path, s.run.name, results::counted(s.arrivals.size(), "arrival stream"),
      results::counted(s.cohorts.size(), "cohort"), results::counted(s.services.size(), "service"),
      fmt::format("{} day{}", s.run.horizon_days, s.run.horizon_days == 1.0 ? "" : "s"),
      s.run.warmup_days, results::counted(s.run.replications, "replication"), s.run.seed);
  return kSuccess;
}

const CommandRegistration kRegistration{
    {"validate", "check a scenario file without running it", validate}};

}  // namespace
}  // namespace bedflow::cli
