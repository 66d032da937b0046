// The first section: each scenario's question, its window and run, and the headline cards.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "bedflow/results/observed_window.hpp"
#include "format.hpp"
#include "html.hpp"
#include "labels.hpp"
#include "scenario_text.hpp"
#include "sections.hpp"

namespace bedflow::report {
namespace {

// Fewer replications than this and a 5th-95th percentile range is only a rough one.
constexpr std::size_t kReplicationsForSpread = 20;

enum class Per { none, day, year };

struct Card {
  std::string measure;
  Per per = Per::none;
  std::string title;
  std::string unit_text;
  std::string sentence;       // "{}" is replaced by the formatted mean
  std::string none_sentence = {};  // when every replication measured exactly zero
};

std::vector<Card> card_specs(const ScenarioView& view) {
  std::vector<Card> cards = {
      {"delayed_patients_mean", Per::none, "Medically fit, still in an acute bed",
       "patients on an average day",
       "About {} medically fit patients a day are still in an acute bed"},
      {"acute_occupancy_share", Per::none, "Acute bed occupancy", "of open beds, on average",
       "Acute beds are about {} full on average"},
  };
  std::vector<std::pair<double, std::string>> waits;
  for (const auto& summary : view.summaries) {
    const std::string hours = ed_wait_threshold(summary.name);
    if (!hours.empty()) waits.emplace_back(std::stod(hours), hours);
  }
  std::sort(waits.begin(), waits.end());
  if (waits.empty()) waits = {{4, "4"}, {12, "12"}};
  if (waits.size() > 2) waits = {waits.front(), waits.back()};
  for (const auto& [hours, text] : waits) {
    cards.push_back({"ed_waits_over_" + text + "h", Per::day,
                     fmt::format("Waits in ED over {} hours", text), "patients a day",
                     fmt::format("About {{}} patients a day wait more than {} hours in ED for a "
                                 "bed",
                                 text),
                     fmt::format("No patient waited more than {} hours in ED for a bed, in any "
                                 "replication",
                                 text)});
  }
  cards.push_back({"cost_total", Per::year, "Cost per year", "a year, annualised",
                   "The modelled services cost about {} a year"});
  const std::string delayed_cost =
      view.find("delayed_discharge_cost") ? "delayed_discharge_cost" : "cost_delayed_discharge";
  cards.push_back({delayed_cost, Per::year, "Of which: delayed discharge",
                   "a year, already in the cost above",
                   "Of that, about {} a year pays for acute beds of medically fit patients"});
  return cards;
}

std::string window_length_phrase(const model::ObservedWindow& window) {
  if (window.days() <= 0.0) return "periods";
  return fmt::format("{}-day periods", static_cast<long long>(std::llround(window.days())));
}

std::string card_html(const ScenarioView& view, const Card& card) {
  const results::MeasureSummary* summary =
      card.per == Per::none ? view.find(card.measure)
                            : view.find_rate(card.measure, card.per == Per::day);
  if (summary == nullptr) {
    return fmt::format("<div class=\"card card-missing\"><div class=\"card-title\">{}</div>"
                       "<p class=\"missing\">Not in this file (no measure {}).</p></div>",
                       html::escape(card.title), html::escape(card.measure));
  }
  const std::string value = format_value(summary->ci.mean, summary->unit);
  std::string sentence = card.sentence;
  const bool never = summary->ci.mean == 0.0 && summary->ci.sd == 0.0;
  if (never && !card.none_sentence.empty()) {
    sentence = card.none_sentence;
  } else {
    sentence.replace(sentence.find("{}"), 2, value);
    sentence += " " + uncertainty_phrase(*summary, view.metadata().percentiles,
                                         window_length_phrase(view.window));
  }
  sentence += ".";
  return fmt::format(
      "<div class=\"card\" data-measure=\"{}\"><div class=\"card-title\">{}</div>"
      "<div class=\"card-value\">{}</div><div class=\"card-unit\">{}</div>"
      "<p class=\"card-text\">{}</p></div>",
      html::escape(card.measure), html::escape(card.title), html::escape(value),
      html::escape(card.unit_text), html::escape(sentence));
}

std::string scenario_description(const ScenarioView& view) {
  try {
    const YAML::Node root = YAML::Load(view.variant->resolved_yaml.empty()
                                           ? view.metadata().scenario_resolved
                                           : view.variant->resolved_yaml);
    if (root["scenario"] && root["scenario"]["description"]) {
      return root["scenario"]["description"].as<std::string>();
    }
  } catch (const YAML::Exception&) {
  }
  return "";
}

std::string scenario_header(const ScenarioView& view, bool baseline, bool several) {
  const auto& meta = view.metadata();
  std::string out = fmt::format("<h3>{}{}</h3>", html::escape(view.name),
                                several && baseline ? " <span class=\"tag\">baseline</span>" : "");
  if (const auto description = scenario_description(view); !description.empty()) {
    out += html::element("p", description, "description");
  }
  const std::string asked = question(opening_comment(meta.scenario_given));
  if (!asked.empty()) {
    out += "<p class=\"question\"><strong>Question:</strong> " + html::escape(asked) + "</p>";
  }
  out += fmt::format(
      "<p class=\"facts\">Observed {} &middot; {} replications &middot; seed {} &middot; "
      "file {}</p>",
      html::escape(results::describe_window(view.window)), view.variant->replications.size(),
      meta.seed, html::escape(view.path));
  return out;
}

}  // namespace

std::string uncertainty_phrase(const results::MeasureSummary& summary,
                               const std::vector<double>& percentiles,
                               const std::string& periods) {
  const auto& unit = summary.unit;
  std::string phrase;
  if (summary.ci.n < 2) {
    phrase = "(one replication: no confidence interval";
  } else {
    const results::ShownInterval shown = results::shown_interval(summary);
    phrase = "(95% CI " + format_range(shown.lower, shown.upper, unit);
  }
  if (percentiles.size() >= 2 && summary.percentiles.size() == percentiles.size() &&
      summary.ci.n >= 2) {
    const double low = percentiles.front();
    const double high = percentiles.back();
    const double coverage = high - low;
    const std::string share =
        std::fabs(coverage / 10.0 - std::round(coverage / 10.0)) < 1e-9
            ? fmt::format("in {} of 10 simulated", static_cast<int>(std::round(coverage / 10.0)))
            : fmt::format("in {}% of simulated", format_number(coverage));
    phrase += fmt::format("; {} {} between {} and {}", share, periods,
                          format_value(summary.percentiles.front(), unit),
                          format_value(summary.percentiles.back(), unit));
    // Below 20 replications the outer percentiles are interpolated between a handful of
    // values (docs/outputs.md): say so rather than quote them as if well estimated.
    if (summary.ci.n < kReplicationsForSpread) {
      phrase += fmt::format(", a rough range from only {} replications", summary.ci.n);
    }
  }
  return phrase + ")";
}

void add_question_and_answer(const ReportContext& context, PageParts& parts) {
  std::string body;
  const bool several = context.scenarios.size() > 1;
  if (context.scenarios.empty()) {
    body += html::missing("No scenario to present: the files hold no replications.");
    parts.notes.push_back("no scenario with replications");
  }
  for (std::size_t i = 0; i < context.scenarios.size(); ++i) {
    const auto& view = context.scenarios[i];
    body += "<div class=\"scenario\">" + scenario_header(view, i == 0, several);
    body += "<div class=\"cards\">";
    for (const auto& card : card_specs(view)) body += card_html(view, card);
    body += "</div></div>\n";
  }
  // A window shorter than a year (an autumn and winter, say) annualises at its own rate: a
  // finance reader must not take that for a whole year's figure.
  double shortest_days = 365.0;
  for (const auto& view : context.scenarios)
    shortest_days = std::min(shortest_days, view.window.days());
  const std::string part_year =
      shortest_days < 365.0
          ? fmt::format(" A window shorter than a year ({:.0f} day{}) gives a year at that "
                        "window's rate (a winter's window, a year of winters), not a budget "
                        "year's figure.",
                        shortest_days, shortest_days == 1.0 ? "" : "s")
          : std::string();
  body += fmt::format(
      "<p class=\"note\">Totals are shown per day or per year, annualised from the observed "
      "window (× 365 / its days); averages and shares as measured.{} The 95% confidence "
      "interval (CI) says how well the mean is known; the range across simulated periods "
      "says how much one period can differ from another.</p>",
      html::escape(part_year));
  parts.html += html::section("answer", "The question and the answer", body);
}

}  // namespace bedflow::report
