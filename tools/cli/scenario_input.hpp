#pragma once
// Loading scenarios for the sub-commands, with every problem reported on stderr.
//
// Invariants:
//  - On failure nothing is returned and each diagnostic has been printed on its own line
//    ("file:line:column: path: message (hint)"); the caller exits with kBadInput.
//  - Any exception out of the loader is caught here: bad input never escapes as a crash.
//  - A loaded scenario's warnings are printed on stderr ("file:line:column: WARNING: ..."),
//    each once per process, and never change the exit status.
#include <optional>
#include <string>
#include <vector>

#include "bedflow/scenario/load.hpp"

namespace bedflow::cli {

std::optional<std::vector<scenario::Override>> parse_overrides_or_report(
    const std::vector<std::string>& texts);

std::optional<scenario::LoadedScenario> load_scenario_or_report(
    const std::string& path, const std::vector<scenario::Override>& overrides);

std::optional<std::vector<scenario::Override>> expand_sweep_or_report(const std::string& text);

}  // namespace bedflow::cli
