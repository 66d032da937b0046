#pragma once
// Shared by the report tests: looking for text in a rendered page.
#include <string>

namespace bedflow::report::testing {

// True when `part` occurs anywhere in `text` (a page, a table, a message).
inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace bedflow::report::testing
