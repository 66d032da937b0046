#pragma once
// Small helpers for writing HTML text safely.
//
// Invariants:
//  - escape() makes any text safe as element content or a quoted attribute value.
//  - Every helper escapes the text it is given; only `raw_html` arguments are trusted.
#include <string>
#include <string_view>
#include <vector>

namespace bedflow::report::html {

std::string escape(std::string_view text);
// <tag class="cls">escaped text</tag>
std::string element(std::string_view tag, std::string_view text, std::string_view css_class = "");
// A paragraph saying what is missing, styled as a notice.
std::string missing(std::string_view text);
// A table: header cells and rows of already-built cell HTML (td content, trusted).
std::string table(const std::vector<std::string>& headers,
                  const std::vector<std::vector<std::string>>& rows_html,
                  std::string_view css_class = "");
// <section id=...><h2>title</h2> raw_html </section>
std::string section(std::string_view id, std::string_view title, const std::string& raw_html);
// A chart placeholder the page script fills in.
std::string chart_placeholder(std::string_view id, std::string_view title);

}  // namespace bedflow::report::html
