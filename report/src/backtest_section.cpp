// The backtest page (`bedflow backtest ... --report PAGE.html`): headline cards, one chart per
// measure (the actual count against the model's mean and 90% band), the day-by-day table
// folded below each, and how the comparison was made.
#include <cmath>

#include <fmt/format.h>

#include "bedflow/report/backtest_report.hpp"
#include "bedflow/report/report_error.hpp"
#include "format.hpp"
#include "html.hpp"
#include "page.hpp"

namespace bedflow::report {
namespace {

using nlohmann::json;

constexpr const char* kModelColour = "#005eb8";  // the page's accent: the model
constexpr const char* kActualColour = "#1b1b1b";  // ink: what happened
constexpr const char* kDatesKey = "backtest";

// Chart values to two decimals, as the CSV writes them.
json rounded(const std::vector<double>& values) {
  json out = json::array();
  for (const double v : values) out.push_back(std::round(v * 100.0) / 100.0);
  return out;
}

long long days_inside(const BacktestMeasureView& m) {
  return std::llround(m.inside_share * static_cast<double>(m.actual.size()));
}

// The share of days a model that reproduces the past would have inside its band: a new draw
// lies between the order statistics at ranks 1 + 0.05 (R - 1) and 1 + 0.95 (R - 1) of R
// replications (definition 7) with probability 0.9 (R - 1) / (R + 1).
double expected_inside(long long replications) {
  const auto r = static_cast<double>(replications);
  return 0.9 * (r - 1) / (r + 1);
}

std::string card(const BacktestReportInput& input, const BacktestMeasureView& m) {
  return fmt::format(
      "<div class=\"card\" data-measure=\"{0}\"><div class=\"card-title\">{1}</div>"
      "<div class=\"card-value\" data-mape=\"{2:.1f}\">{2:.1f}%</div>"
      "<div class=\"card-unit\">mean absolute percentage error of the model's mean</div>"
      "<p class=\"card-text\" data-inside=\"{3:.1f}\">The actual count is inside the model's 90% "
      "band on {4} of {5} days ({3:.1f}%); a model that reproduces the past would be on about "
      "{6:.0f}% of days ({7} replications).</p></div>",
      html::escape(m.id), html::escape(m.title), m.mape_percent, 100.0 * m.inside_share,
      format_integer(days_inside(m)), format_integer(static_cast<long long>(m.actual.size())),
      100.0 * expected_inside(input.replications), input.replications);
}

std::string daily_table(const BacktestReportInput& input, const BacktestMeasureView& m) {
  std::vector<std::vector<std::string>> rows;
  for (std::size_t d = 0; d < input.dates.size(); ++d) {
    const bool inside = m.actual[d] >= m.p5[d] && m.actual[d] <= m.p95[d];
    rows.push_back({html::escape(input.dates[d]), fmt::format("{}", m.actual[d]),
                    fmt::format("{:.2f}", m.mean[d]), fmt::format("{:.2f}", m.p5[d]),
                    fmt::format("{:.2f}", m.p95[d]), inside ? "yes" : "<strong>no</strong>"});
  }
  return fmt::format("<details><summary>{}: day by day ({} days)</summary>{}</details>\n",
                     html::escape(m.title), input.dates.size(),
                     html::table({"Date", "Actual", "Model mean", "Model 5th pct", "Model 95th pct",
                                  "Inside the band"},
                                 rows, "numbers points"));
}

void add_measure(const BacktestReportInput& input, const BacktestMeasureView& m, PageParts& parts,
                 std::string& body) {
  const std::string id = parts.next_chart_id();
  json series = json::array();
  series.push_back({{"kind", "band"}, {"name", "Model: 5th to 95th percentile (90% band)"},
                    {"dates", kDatesKey}, {"low", rounded(m.p5)}, {"high", rounded(m.p95)},
                    {"colour", kModelColour}});
  series.push_back({{"kind", "line"}, {"name", "Model: mean"}, {"dates", kDatesKey},
                    {"values", rounded(m.mean)}, {"colour", kModelColour}, {"style", "dashed"}});
  series.push_back({{"kind", "line"}, {"name", "Actual (extract)"}, {"dates", kDatesKey},
                    {"values", rounded(m.actual)}, {"colour", kActualColour}, {"style", "solid"}});
  const std::string title = m.title + ": actual against the model";
  parts.charts.push_back({{"id", id}, {"type", "time"}, {"title", title},
                          {"y_name", "Patients at midnight"}, {"series", std::move(series)}});
  body += html::element("h3", title);
  body += html::chart_placeholder(id, title);
  body += html::element(
      "p",
      fmt::format("{} at each midnight, {} to {}: the extract's count (black) against the mean "
                  "of {} replications (dashed) and the band holding 90% of them (shaded). MAPE "
                  "{:.1f}%; inside the band on {:.1f}% of days.",
                  m.title, input.dates.front(), input.dates.back(), input.replications,
                  m.mape_percent, 100.0 * m.inside_share),
      "caption");
  body += daily_table(input, m);
}

std::string facts(const BacktestReportInput& input) {
  const auto row = [](const std::string& name, const std::string& value) {
    return std::vector<std::string>{html::escape(name), html::escape(value)};
  };
  return html::table(
      {"", ""},
      {row("Compared", fmt::format("{} to {} ({} days), at each midnight", input.dates.front(),
                                   input.dates.back(), input.dates.size())),
       row("Start", fmt::format("from the extract's census on {}; the first {} days settle the run "
                                "and are not compared",
                                input.census_date, input.burn_in_days)),
       row("Replications", fmt::format("{} (seed {})", input.replications, input.seed)),
       row("Scenario", input.scenario_name + " (" + input.scenario_path + ")"),
       row("Extract", input.extract_path),
       row("Day-by-day figures", input.csv_path)},
      "facts-table");
}

std::string method() {
  return html::section(
      "backtest-method", "How the comparison was made",
      html::element("p",
                    "Actual counts come from the extract: at each midnight, the spells admitted "
                    "before it and not yet discharged (patients in acute beds), and of those the "
                    "ones already ready for discharge (medically fit patients still in hospital).") +
          html::element("p",
                        "The fitted scenario is run from the extract's census, its start, "
                        "horizon and census overridden, and its daily series acute/occupancy and "
                        "system/delayed_total are read at the same midnights. The band is the "
                        "replications' 5th to 95th percentile (Hyndman and Fan definition 7). A "
                        "model that reproduces the past puts the actual count inside it on about 9 "
                        "days in 10 (0.9 (R - 1) / (R + 1) with R replications: a new draw falls "
                        "between those order statistics with that probability); far fewer means the scenario misses something the real system "
                        "had (capacity queues, seasonal pressure).") +
          html::element("p",
                        "MAPE is the mean, over days with an actual count above zero, of |model "
                        "mean - actual| / actual. Methods and limits: docs/fitting.md."));
}

}  // namespace

Report build_backtest_report(const BacktestReportInput& input) {
  if (input.dates.empty()) throw ReportError("a backtest page needs at least one day");
  for (const auto& m : input.measures) {
    for (const auto* v : {&m.actual, &m.mean, &m.p5, &m.p95}) {
      if (v->size() != input.dates.size()) {
        throw ReportError(fmt::format("backtest measure {}: {} values for {} days", m.id,
                                      v->size(), input.dates.size()));
      }
    }
  }
  PageParts parts;
  parts.dates[kDatesKey] = input.dates;
  std::string cards = "<div class=\"cards\">";
  for (const auto& m : input.measures) cards += card(input, m);
  cards += "</div>\n";
  std::string body = facts(input) + cards;
  for (const auto& m : input.measures) add_measure(input, m, parts, body);
  parts.html = html::section("backtest", "Backtest: does the fitted scenario reproduce the past?",
                             body) +
               method();
  Report report;
  report.html = render_page(fmt::format("Backtest of \u201c{}\u201d: {} to {}", input.scenario_name,
                                        input.dates.front(), input.dates.back()),
                            parts);
  report.charts = parts.charts.size();
  return report;
}

}  // namespace bedflow::report
