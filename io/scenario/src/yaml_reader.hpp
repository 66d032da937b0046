#pragma once
// Reading scenario text safely: size-limited file reads, a nesting pre-check on the raw
// text, and an event-driven parse into our own located tree with aliases bounded.
//
// Invariants:
//  - None of these throws for bad input; problems go to the Diagnostics and the result is
//    empty.
//  - parse_yaml() never hands yaml-cpp text deeper than limits::kMaxNestingDepth (checked
//    first), and never builds more than limits::kMaxNodes nodes, however aliases multiply.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "diagnostics.hpp"
#include "tree.hpp"

namespace bedflow::scenario {

// The whole file, or nullopt (with a diagnostic located at `referenced_from`, if given,
// else at the file itself) when missing, unreadable, not a regular file or too large.
std::optional<std::string> read_text_file(const std::string& path, std::size_t max_bytes,
                                          Diagnostics& diagnostics,
                                          const Location& referenced_from = {},
                                          const std::string& key_path = {});

// False (with a diagnostic) when flow brackets or block indentation nest too deeply for a
// scenario, judged on the raw text.
bool check_nesting(std::string_view text, const std::string& file, Diagnostics& diagnostics);

// One YAML document into a located tree; nullopt on a parse error, an empty document,
// more than one document or a limit reached.
std::optional<Node> parse_yaml(const std::string& text, const std::string& file,
                               Diagnostics& diagnostics);

}  // namespace bedflow::scenario
