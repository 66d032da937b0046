#pragma once
// Looking up a measure by name among those a run reported, with a suggestion when it is not
// there.
//
// Invariants:
//  - closest_name() suggests only a name within a small edit distance (typos, not guesses):
//    at most max(2, length / 3) slips, counted by engine::edit_distance() (insertions,
//    deletions, substitutions and swaps of neighbouring letters).
//  - require_name() either returns normally or throws AnalysisError whose message names the
//    unknown measure, what it was wanted for, and either the suggestion or the available
//    names.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bedflow/engine/did_you_mean.hpp"

namespace bedflow::analysis {

using engine::edit_distance;

std::optional<std::string> closest_name(std::string_view name,
                                        const std::vector<std::string>& candidates);

// `role` says what the name is for, e.g. "target measure".
void require_name(std::string_view name, std::string_view role,
                  const std::vector<std::string>& available);

}  // namespace bedflow::analysis
