// Money: cost per year by component for each scenario, the "of which delayed discharge"
// figure beside it (never added in), and each option's cost and savings against the baseline.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "format.hpp"
#include "html.hpp"
#include "labels.hpp"
#include "sections.hpp"

namespace bedflow::report {
namespace {

using nlohmann::json;

bool is_of_which(const std::string& name) {
  return name == "delayed_discharge_cost" || name == "cost_delayed_discharge";
}

bool is_component(const results::MeasureSummary& s) {
  return s.name.rfind("cost_", 0) == 0 && s.name != "cost_total" && !is_of_which(s.name) &&
         s.unit.rfind("GBP", 0) == 0;
}

std::string of_which_name(const ScenarioView& view) {
  return view.find("delayed_discharge_cost") ? "delayed_discharge_cost" : "cost_delayed_discharge";
}

std::string cell(const ScenarioView& view, const std::string& measure) {
  const auto* s = view.find_rate(measure, false);
  if (s == nullptr) return "<span class=\"absent\">not in file</span>";
  std::string text = html::escape(format_gbp(s->ci.mean));
  if (s->ci.n >= 2 && s->ci.half_width > 0.0) {
    const results::ShownInterval shown = results::shown_interval(*s);
    text += " <span class=\"ci\">(" + html::escape(format_range(shown.lower, shown.upper, "GBP")) +
            ")</span>";
  }
  return text;
}

std::string difference_text(const results::Difference& d, const std::string& unit) {
  std::string text = html::escape(format_difference(d.difference, unit));
  if (d.half_width > 0.0) {
    text += " <span class=\"ci\">(" +
            html::escape(format_difference_range(d.lower(), d.upper(), unit)) + ")</span>";
  }
  return text;
}

std::string difference_cell(const results::Comparison& comparison, const std::string& measure) {
  for (const auto& m : comparison.measures) {
    if (m.name != measure) continue;
    const auto [d, unit] = shown(m);
    if (d != nullptr) return difference_text(*d, unit);
  }
  return "<span class=\"absent\">not in both files</span>";
}

void options_against_baseline(const ReportContext& context, std::string& body) {
  const auto& base = context.scenarios.front();
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 1; i < context.scenarios.size(); ++i) {
    const auto& option = context.scenarios[i];
    const auto comparison = compare_views(base, option);
    const auto money = results::cost_change(comparison);
    rows.push_back({html::escape(option.name),
                    money.has_costs ? html::escape(format_gbp(money.extra_cost_per_year)) : "",
                    money.has_costs ? html::escape(format_gbp(money.saving_per_year)) : "",
                    money.has_costs ? difference_text(money.net_per_year, "GBP/year")
                                    : difference_cell(comparison, "cost_total"),
                    difference_cell(comparison, of_which_name(option)),
                    difference_cell(comparison, "delayed_bed_days"),
                    difference_cell(comparison, "delayed_patients_mean")});
  }
  body += html::element("h3", "Cost and savings of each option against the baseline");
  body += html::table({"Option", "Extra cost a year", "Saving a year", "Net change in cost a year",
                       "Change in delayed-discharge cost a year",
                       "Change in delayed bed-days a year", "Change in medically fit patients a day"},
                      rows, "numbers");
  body += html::element(
      "p",
      "Option minus baseline, per year of each scenario's own window, with the 95% confidence "
      "interval of the difference (paired by replication when both used the same seed). Extra "
      "cost adds up the cost components that rise, saving those that fall; the net change is "
      "the change in the total. The delayed-discharge cost is part of the total, not an extra.",
      "caption");
}

}  // namespace

void add_money(const ReportContext& context, PageParts& parts) {
  std::vector<std::string> components;
  bool any_cost = false;
  for (const auto& view : context.scenarios) {
    for (const auto& s : view.summaries) {
      if (is_component(s) && std::find(components.begin(), components.end(), s.name) == components.end()) {
        components.push_back(s.name);
      }
      if (s.name == "cost_total" || is_of_which(s.name) || is_component(s)) any_cost = true;
    }
  }
  if (!any_cost) {
    const std::string text = "These files hold no cost measures, so there is no money section.";
    parts.notes.push_back(text);
    parts.html += html::section("money", "Money", html::missing(text));
    return;
  }
  std::string body;
  std::vector<std::string> headers = {"Cost a year (95% CI)"};
  for (const auto& view : context.scenarios) headers.push_back(view.name);
  std::vector<std::vector<std::string>> rows;
  for (const auto& name : components) {
    std::vector<std::string> row = {html::escape(measure_label(name))};
    for (const auto& view : context.scenarios) row.push_back(cell(view, name));
    rows.push_back(std::move(row));
  }
  std::vector<std::string> total = {"<strong>Total</strong>"};
  std::vector<std::string> of_which = {"<em>of which: delayed discharge (already in the total)</em>"};
  for (const auto& view : context.scenarios) {
    total.push_back("<strong>" + cell(view, "cost_total") + "</strong>");
    of_which.push_back("<em>" + cell(view, of_which_name(view)) + "</em>");
  }
  rows.push_back(std::move(total));
  rows.push_back(std::move(of_which));

  if (!components.empty()) {
    json series = json::array();
    for (std::size_t i = 0; i < context.scenarios.size(); ++i) {
      json values = json::array();
      for (const auto& name : components) {
        const auto* s = context.scenarios[i].find_rate(name, false);
        values.push_back(s ? std::round(s->ci.mean / 1e4) / 100.0 : 0.0);
      }
      series.push_back({{"kind", "bar"}, {"name", context.scenarios[i].name},
                        {"values", values}, {"colour", scenario_colour(i)}});
    }
    json categories = json::array();
    for (const auto& name : components) categories.push_back(measure_label(name));
    const std::string id = parts.next_chart_id();
    const std::string title = "Cost a year by component";
    parts.charts.push_back({{"id", id}, {"type", "bars"}, {"title", title},
                            {"y_name", "£ million a year"}, {"categories", categories},
                            {"series", series}});
    body += html::element("h3", title) + html::chart_placeholder(id, title);
  } else {
    body += html::missing("No cost components in these files, only totals.");
  }
  body += html::table(headers, rows, "numbers");
  body += html::element(
      "p",
      "Annualised from each scenario's observed window (× 365 / its days). Commissioned "
      "capacity is paid whether used or not; activity is paid per use. The delayed-discharge "
      "figure is the acute bed-days of medically fit patients at the acute bed-day cost: part "
      "of the total, shown separately, never added.",
      "caption");
  if (context.scenarios.size() > 1) options_against_baseline(context, body);
  parts.html += html::section("money", "Money", body);
}

}  // namespace bedflow::report
