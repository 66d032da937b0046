#pragma once
// "Did you mean ...?" hints for misspelt names: the closest of a set of known names.
//
// Invariants:
//  - edit_distance() counts insertions, deletions, substitutions and swaps of two neighbouring
//    letters (optimal string alignment), case-sensitively: "frial" -> "frail" is one slip, as
//    a typist sees it.
//  - A suggestion is offered only when it is close: at most a third of the name's length in
//    slips, and never fewer than `minimum_allowed` (1 unless the caller says otherwise), so
//    hints are never wild guesses. Ties go to the earliest candidate.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bedflow::engine {

std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate, or nothing when none is close enough.
std::optional<std::string> closest_match(std::string_view name,
                                         const std::vector<std::string>& candidates,
                                         std::size_t minimum_allowed = 1);

// "did you mean 'x'?" or, when nothing is close, "expected one of: a, b, c" (lists of at most
// 12) or an empty string.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace bedflow::engine
