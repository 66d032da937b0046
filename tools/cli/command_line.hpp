#pragma once
// Shared option parsing for the sub-commands (Boost.Program_options).
//
// Invariants:
//  - parse_command_line() either returns the parsed options, or prints the command's help
//    (when --help is given; the caller then returns kSuccess) and signals it with
//    `help_shown`, or throws UsageError with a one-line message.
//  - Every option error (unknown option, missing or malformed value, too many positional
//    arguments) becomes a UsageError: the caller exits with kBadInput.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "program_options.hpp"

namespace bedflow::cli {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ParsedCommandLine {
  boost::program_options::variables_map values;
  bool help_shown = false;
};

struct CommandSyntax {
  std::string usage;        // "bedflow run SCENARIO [options]"
  std::string description;  // a paragraph explaining the command
  std::vector<std::string> positional;  // names of required positional arguments, in order
  std::vector<std::string> optional_positional{};  // then these, each optional, in order
  // Optional: the name under which any further positional arguments are collected (a
  // std::vector<std::string>); empty: a further positional argument is an error.
  std::string more_positional = {};
};

ParsedCommandLine parse_command_line(const std::vector<std::string>& arguments,
                                     const CommandSyntax& syntax,
                                     boost::program_options::options_description options);

// The value of a whole-number option (declared as po::value<long long>) as T, refused with
// a UsageError unless it is within [low, high]. Options are read as signed numbers so that
// "-1" is refused rather than wrapped to a huge unsigned value.
template <class T>
T bounded_option(const boost::program_options::variables_map& values, const char* name,
                 long long low, long long high) {
  const long long value = values[name].as<long long>();
  if (value < low || value > high) {
    throw UsageError("--" + std::string(name) + " must be between " + std::to_string(low) +
                     " and " + std::to_string(high) + ", got " + std::to_string(value));
  }
  return static_cast<T>(value);
}

// A master seed (`--seed`, declared as po::value<std::string>) and a replication count (`-n`,
// `--max-replications`, likewise) are checked as `scenario.seed` and `scenario.replications`
// are in a scenario file: one range (bedflow/scenario/run_limits.hpp) and one wording,
// "--seed: expected a whole number from 0 to ..., found '-5'"; else a UsageError.
std::uint64_t seed_option(const boost::program_options::variables_map& values);
// `why`, when given, says why the minimum is what it is ("a confidence bound needs at least 2").
std::uint32_t replications_option(const boost::program_options::variables_map& values,
                                  const char* name, std::uint32_t minimum = 1,
                                  const char* why = nullptr);

// Prints "bedflow <command>: error: <message>" and the usage line on stderr; returns kBadInput.
int report_usage_error(const std::string& command, const std::string& message,
                       const std::string& usage);

// Prints "bedflow <command>: error: <message>" on stderr; returns `status`.
int report_error(const std::string& command, const std::string& message, int status);

}  // namespace bedflow::cli
