#pragma once
// The options table of `bedflow COMMAND --help`.
//
// Invariants:
//  - Laid out as Boost.Program_options lays it out (names and argument, then the description
//    in a column), but a description is wrapped only at a space or after a comma: a measure
//    name, a key path or an example is never cut in the middle. A word longer than the
//    column runs past the line's width rather than being cut.
#include <ostream>
#include <string>
#include <vector>

#include "program_options.hpp"

namespace bedflow::cli {

inline constexpr std::size_t kHelpLineWidth = 80;

// `text` as lines of at most `width` characters where it can be: broken at spaces (which are
// dropped) or after a comma (which stays on the line). Explicit newlines start a new line.
std::vector<std::string> wrap_words(const std::string& text, std::size_t width);

// "Options:", then one entry per option: "  -o [ --output ] arg   description...".
void print_options_help(std::ostream& out, const boost::program_options::options_description& options,
                        std::size_t width = kHelpLineWidth);

}  // namespace bedflow::cli
