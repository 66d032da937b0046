#pragma once
// "Did you mean ...?" hints for misspelt names and keys.
//
// Invariants:
//  - A suggestion is offered only when it is close (edit distance at most a third of the
//    name's length, and at least 1 allowed), so hints are never wild guesses.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bedflow::scenario {

// Edit distance counting insertions, deletions, substitutions and swaps of neighbouring
// letters (optimal string alignment), case-sensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate, or empty when none is close enough.
std::string closest_match(std::string_view name, const std::vector<std::string>& candidates);

// "did you mean 'x'?" or, when nothing is close, "expected one of: a, b, c" (short lists) or
// an empty string.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace bedflow::scenario
