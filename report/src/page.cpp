#include "page.hpp"

#include <map>

#include "assets.hpp"
#include "bedflow/report/report_error.hpp"
#include "bedflow/results/results_file.hpp"
#include "html.hpp"

namespace bedflow::report {
namespace {

// Text safe inside a <script> element: no "</" can close it.
std::string script_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<' && i + 1 < text.size() && text[i + 1] == '/') {
      out += "<\\/";
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string checked_script(std::string_view code, const char* name) {
  if (code.find("</script") != std::string_view::npos) {
    throw ReportError(std::string("embedded script ") + name + " contains </script");
  }
  return std::string(code);
}

// Links to every section the body holds, in page order: a report with differences or a
// sizing record lists those too.
std::string navigation(const std::string& body) {
  std::string links;
  const std::string open = "<section id=\"";
  for (std::size_t at = body.find(open); at != std::string::npos; at = body.find(open, at + 1)) {
    const std::size_t id_start = at + open.size();
    const std::size_t id_end = body.find('"', id_start);
    const std::size_t title_start = body.find("<h2>", id_end);
    const std::size_t title_end = body.find("</h2>", title_start);
    if (id_end == std::string::npos || title_start == std::string::npos ||
        title_end == std::string::npos) {
      break;
    }
    if (!links.empty()) links += " · ";
    links += "<a href=\"#" + body.substr(id_start, id_end - id_start) + "\">" +
             body.substr(title_start + 4, title_end - title_start - 4) + "</a>";
  }
  return links;
}

}  // namespace

std::string render_page(const std::string& title, const PageParts& parts) {
  nlohmann::json data = {{"charts", parts.charts}, {"dates", parts.dates}};
  const std::map<std::string, std::string> slots = {
      {"TITLE", html::escape(title)},
      {"STYLE", std::string(assets::page_css)},
      {"BODY", parts.html},
      {"NAV", navigation(parts.html)},
      {"DATA", script_safe(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))},
      {"ECHARTS", checked_script(assets::echarts_js, "echarts.min.js")},
      {"SCRIPT", checked_script(assets::page_js, "report.js")},
      {"LICENCE", script_safe(assets::echarts_license)},
      {"GENERATOR", html::escape("bedflow " + results::build_version() + " (" +
                                 results::build_commit() + ")")},
      {"CHARTS", std::to_string(parts.charts.size())},
  };
  const std::string_view page = assets::page_template;
  std::string out;
  out.reserve(page.size() + parts.html.size() + assets::echarts_js.size() + 1024);
  std::size_t at = 0;
  while (true) {
    const auto open = page.find("{{", at);
    if (open == std::string_view::npos) break;
    const auto close = page.find("}}", open);
    if (close == std::string_view::npos) break;
    const std::string name(page.substr(open + 2, close - open - 2));
    const auto slot = slots.find(name);
    if (slot == slots.end()) throw ReportError("page template has an unknown slot {{" + name + "}}");
    out.append(page.substr(at, open - at));
    out += slot->second;
    at = close + 2;
  }
  out.append(page.substr(at));
  return out;
}

}  // namespace bedflow::report
