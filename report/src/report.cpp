#include "bedflow/report/report.hpp"

#include <fmt/format.h>

#include "bedflow/analysis/error.hpp"
#include "bedflow/report/report_error.hpp"
#include "bedflow/results/read_results.hpp"
#include "bedflow/results/results_error.hpp"
#include "context.hpp"
#include "html.hpp"
#include "page.hpp"
#include "sections.hpp"

namespace bedflow::report {
namespace {

std::string page_title(const ReportContext& context) {
  if (context.scenarios.empty()) return "bedflow report";
  std::string title = context.scenarios.front().name;
  if (context.scenarios.size() == 2) title += " and " + context.scenarios[1].name;
  if (context.scenarios.size() > 2) {
    title += fmt::format(" and {} other scenarios", context.scenarios.size() - 1);
  }
  return title;
}

std::string notes_html(const std::vector<std::string>& notes) {
  if (notes.empty()) return "";
  std::string items;
  for (const auto& note : notes) items += html::element("li", note);
  return "<aside class=\"notes\" id=\"report-notes\"><strong>What this report could not "
         "show, and why</strong><ul>" + items + "</ul></aside>\n";
}

}  // namespace

ReportSource load_report_source(const std::string& path) {
  ReportSource source;
  source.path = path;
  try {
    source.file = results::read_results_file(path, {.patient_events = false});
    source.sizing = analysis::read_sizing_record(path);
  } catch (const results::ResultsError& error) {
    throw ReportError(error.what());
  } catch (const analysis::AnalysisError& error) {
    throw ReportError(error.what());
  }
  return source;
}

Report build_report(const std::vector<ReportSource>& sources, const ReportOptions& options) {
  if (sources.empty()) throw ReportError("no results file to report on");
  ReportContext context;
  context.options = options;
  std::vector<std::string> load_notes;
  context.scenarios = scenario_views(sources, load_notes);
  for (const auto& source : sources) {
    if (source.sizing) context.sizing_sources.push_back(&source);
  }

  PageParts parts;
  parts.notes = load_notes;
  add_question_and_answer(context, parts);
  if (!context.scenarios.empty()) {
    add_time_charts(context, parts);
    add_trusts(context, parts);
    add_ed_waits(context, parts);
    add_flow_losses(context, parts);
    add_money(context, parts);
    add_differences(context, parts);
  }
  add_sizing(context, parts);
  add_method(context, parts);

  PageParts page = parts;
  page.html = notes_html(parts.notes) + parts.html;
  Report report;
  report.html = render_page(page_title(context), page);
  report.notes = parts.notes;
  report.charts = parts.charts.size();
  return report;
}

}  // namespace bedflow::report
