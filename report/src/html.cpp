#include "html.hpp"

#include <fmt/format.h>

namespace bedflow::report::html {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string element(std::string_view tag, std::string_view text, std::string_view css_class) {
  if (css_class.empty()) return fmt::format("<{0}>{1}</{0}>", tag, escape(text));
  return fmt::format("<{0} class=\"{2}\">{1}</{0}>", tag, escape(text), escape(css_class));
}

std::string missing(std::string_view text) { return element("p", text, "missing"); }

std::string table(const std::vector<std::string>& headers,
                  const std::vector<std::vector<std::string>>& rows_html,
                  std::string_view css_class) {
  std::string out = css_class.empty() ? "<table>" : fmt::format("<table class=\"{}\">", css_class);
  out += "<thead><tr>";
  for (const auto& header : headers) out += "<th>" + escape(header) + "</th>";
  out += "</tr></thead><tbody>";
  for (const auto& row : rows_html) {
    out += "<tr>";
    for (const auto& cell : row) out += "<td>" + cell + "</td>";
    out += "</tr>";
  }
  return out + "</tbody></table>";
}

std::string section(std::string_view id, std::string_view title, const std::string& raw_html) {
  return fmt::format("<section id=\"{}\"><h2>{}</h2>\n{}\n</section>\n", escape(id),
                     escape(title), raw_html);
}

std::string chart_placeholder(std::string_view id, std::string_view title) {
  return fmt::format(
      "<figure class=\"chart-box\"><div class=\"chart\" id=\"{0}\" data-chart=\"{0}\" "
      "role=\"img\" aria-label=\"{1}\"></div></figure>\n",
      escape(id), escape(title));
}

}  // namespace bedflow::report::html
