#pragma once
// Shared by the report tests: looking for text in a rendered page.
#include <string>

namespace bedflow::report::testing {

// True when `part` occurs anywhere in `text` (a page, a table, a message).
inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The section's HTML, from its opening tag to its end (empty when absent).
inline std::string section(const std::string& html, const std::string& id) {
  const auto from = html.find("<section id=\"" + id + "\"");
  if (from == std::string::npos) return {};
  return html.substr(from, html.find("</section>", from) - from);
}

}  // namespace bedflow::report::testing
