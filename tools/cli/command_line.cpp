#include "command_line.hpp"

#include <iostream>

#include <fmt/format.h>

#include "bedflow/engine/did_you_mean.hpp"
#include "bedflow/scenario/run_limits.hpp"
#include "exit_status.hpp"
#include "help_text.hpp"

namespace bedflow::cli {

namespace po = boost::program_options;

namespace {

// "unrecognised option '--replicatons' (did you mean '--replications'?)": the same
// edit-distance hint as for scenario keys and sub-commands.
std::string unknown_option_message(const po::unknown_option& error,
                                   const po::options_description& options) {
  std::string name = error.get_option_name();
  std::vector<std::string> known;
  for (const auto& option : options.options()) {
    if (!option->long_name().empty()) known.push_back("--" + option->long_name());
  }
  std::string message = error.what();
  const auto equals = name.find('=');
  if (equals != std::string::npos) name.resize(equals);
  if (const auto hint = engine::closest_match(name, known)) {
    message += " (did you mean '" + *hint + "'?)";
  }
  return message;
}

}  // namespace

ParsedCommandLine parse_command_line(const std::vector<std::string>& arguments,
                                     const CommandSyntax& syntax,
                                     po::options_description options) {
  options.add_options()("help,h", "show this help and exit");
  po::options_description hidden;
  po::positional_options_description positional;
  for (const auto* names : {&syntax.positional, &syntax.optional_positional}) {
    for (const auto& name : *names) {
      hidden.add_options()(name.c_str(), po::value<std::string>(), "");
      positional.add(name.c_str(), 1);
    }
  }
  if (!syntax.more_positional.empty()) {
    hidden.add_options()(syntax.more_positional.c_str(),
                         po::value<std::vector<std::string>>()->multitoken(), "");
    positional.add(syntax.more_positional.c_str(), -1);
  }
  po::options_description all;
  all.add(options).add(hidden);
  ParsedCommandLine parsed;
  try {
    po::store(po::command_line_parser(arguments).options(all).positional(positional).run(),
              parsed.values);
    if (parsed.values.count("help")) {
      std::cout << "Usage: " << syntax.usage << "\n\n" << syntax.description << "\n\n";
      print_options_help(std::cout, options);
      std::cout << "\n";
      parsed.help_shown = true;
      return parsed;
    }
    po::notify(parsed.values);
  } catch (const po::unknown_option& error) {
    throw UsageError(unknown_option_message(error, options));
  } catch (const po::error& error) {
    throw UsageError(error.what());
  }
  for (const auto& name : syntax.positional) {
    if (!parsed.values.count(name)) throw UsageError("missing argument " + name);
  }
  return parsed;
}

std::uint64_t seed_option(const po::variables_map& values) {
  const auto text = values["seed"].as<std::string>();
  const auto seed = scenario::parse_seed(text);
  if (!seed) throw UsageError("--seed: expected " + scenario::seed_rule() + ", found '" + text + "'");
  return *seed;
}

std::uint32_t replications_option(const po::variables_map& values, const char* name,
                                  std::uint32_t minimum, const char* why) {
  const auto text = values[name].as<std::string>();
  const auto count = scenario::parse_replications(text, minimum);
  if (!count) {
    throw UsageError("--" + std::string(name) + ": expected " +
                     scenario::replications_rule(minimum) + ", found '" + text + "'" +
                     (why != nullptr ? std::string(" (") + why + ")" : std::string()));
  }
  return *count;
}

int report_usage_error(const std::string& command, const std::string& message,
                       const std::string& usage) {
  std::cerr << fmt::format("bedflow {}: error: {}\nUsage: {} (see bedflow {} --help)\n",
                           command, message, usage, command);
  return kBadInput;
}

int report_error(const std::string& command, const std::string& message, int status) {
  std::cerr << fmt::format("bedflow {}: error: {}\n", command, message);
  return status;
}

}  // namespace bedflow::cli
