// Charts over time, dates on the axis: acute occupancy against base and escalation beds,
// medically fit patients by pathway, the ED queue, and each community service.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "bedflow/results/observed_window.hpp"
#include "html.hpp"
#include "labels.hpp"
#include "sections.hpp"
#include "series_stats.hpp"

namespace bedflow::report {
namespace {

using nlohmann::json;

constexpr const char* kGrey = "#555555";

json rounded(const std::vector<double>& values) {
  json out = json::array();
  for (const double v : values) {
    // No value (NaN: e.g. capacity unlimited on that date) is a gap in the line, not a 0.
    out.push_back(std::isfinite(v) ? json(std::round(v * 100.0) / 100.0) : json(nullptr));
  }
  return out;
}

std::string ordinal(std::size_t n) {
  const std::size_t tens = n % 100;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                       : n % 10 == 1                ? "st"
                       : n % 10 == 2                ? "nd"
                       : n % 10 == 3                ? "rd"
                                                    : "th";
  return std::to_string(n) + suffix;
}

class ChartBuilder {
 public:
  ChartBuilder(const ReportContext& context, PageParts& parts)
      : context_(context), parts_(parts) {
    const auto& percentiles = context.scenarios.front().metadata().percentiles;
    low_ = percentiles.size() >= 2 ? percentiles.front() : 5.0;
    high_ = percentiles.size() >= 2 ? percentiles.back() : 95.0;
  }

  double low() const { return low_; }
  double high() const { return high_; }

  // The date axis of one scenario's band, shared by every series with the same sampling.
  std::string dates_key(std::size_t scenario, const SeriesBand& band) {
    const std::string key = fmt::format("s{}x{}n{}", scenario, band.stride, band.time_days.size());
    if (!parts_.dates.contains(key)) {
      json dates = json::array();
      const auto& start = context_.scenarios[scenario].window.calendar_start;
      for (const double t : band.time_days) dates.push_back(results::iso_instant(start, t));
      parts_.dates[key] = std::move(dates);
    }
    if (band.stride > 1) {
      thinned_ = std::max(thinned_, band.stride);
      longest_ = std::max(longest_, band.points_before_thinning);
    }
    return key;
  }

  json line(std::size_t scenario, const SeriesBand& band, const std::vector<double>& values,
            const std::string& name, const std::string& colour, const std::string& style) {
    return {{"kind", "line"}, {"name", name}, {"dates", dates_key(scenario, band)},
            {"values", rounded(values)}, {"colour", colour}, {"style", style}};
  }

  json fan(std::size_t scenario, const SeriesBand& band, const std::string& name,
           const std::string& colour) {
    return {{"kind", "band"},
            {"name", fmt::format("{}: {:g}th to {:g}th percentile", name, low_, high_)},
            {"dates", dates_key(scenario, band)},
            {"low", rounded(band.low)},
            {"high", rounded(band.high)},
            {"colour", colour}};
  }

  void add_chart(const std::string& title, const std::string& y_name, json series,
                 const std::string& caption) {
    const std::string id = parts_.next_chart_id();
    parts_.charts.push_back({{"id", id}, {"type", "time"}, {"title", title},
                             {"y_name", y_name}, {"series", std::move(series)}});
    body_ += html::element("h3", title);
    body_ += html::chart_placeholder(id, title);
    if (!caption.empty()) body_ += html::element("p", caption, "caption");
  }

  void add_missing(const std::string& text) {
    body_ += html::missing(text);
    parts_.notes.push_back(text);
  }

  std::string finish() {
    if (thinned_ > 1) {
      const std::string note = fmt::format(
          "Long series are thinned for the page: every {} sampling point of up to {} is "
          "drawn (the file keeps them all).",
          ordinal(thinned_), longest_);
      body_ += html::element("p", note, "note");
      parts_.notes.push_back(note);
    }
    return body_;
  }

 private:
  const ReportContext& context_;
  PageParts& parts_;
  std::string body_;
  double low_ = 5.0, high_ = 95.0;
  std::size_t thinned_ = 1, longest_ = 0;
};

const std::vector<model::ReplicationResult>& reps(const ScenarioView& view) {
  return view.variant->replications;
}

// The scenario in a series name, only when there are several.
std::string suffix(const ReportContext& context, std::size_t i) {
  return context.scenarios.size() > 1 ? " (" + context.scenarios[i].name + ")" : "";
}

// Fan (band and median) for the baseline, median lines for the others.
void add_fan_series(ChartBuilder& chart, const ReportContext& context, json& series,
                    const std::string& group, const std::string& measure,
                    const std::string& name, std::vector<std::string>& absent) {
  const std::size_t max_points = context.options.max_points_per_series;
  for (std::size_t i = 0; i < context.scenarios.size(); ++i) {
    const auto band =
        series_band(reps(context.scenarios[i]), group, measure, chart.low(), chart.high(), max_points);
    if (!band) {
      absent.push_back(context.scenarios[i].name);
      continue;
    }
    const std::string colour = scenario_colour(i);
    if (i == 0) series.push_back(chart.fan(i, *band, name + suffix(context, i), colour));
    series.push_back(chart.line(i, *band, band->median, name + ", median" + suffix(context, i),
                                colour, i == 0 ? "solid" : "solid"));
  }
}

std::string absent_text(const std::string& what, const std::vector<std::string>& absent) {
  std::string names;
  for (const auto& name : absent) names += (names.empty() ? "" : ", ") + name;
  return fmt::format("No {} series in: {}.", what, names);
}

void acute_chart(ChartBuilder& chart, const ReportContext& context, const std::string& group) {
  json series = json::array();
  std::vector<std::string> absent;
  add_fan_series(chart, context, series, group, "occupancy", "Beds occupied", absent);
  const std::size_t max_points = context.options.max_points_per_series;
  // Base beds need the service's own escalation series: with several acute services the
  // files hold escalation for all of them together, so a trust's chart shows beds open only,
  // and its caption says so.
  bool drew_base = false, drew_open = false;
  for (std::size_t i = 0; i < context.scenarios.size(); ++i) {
    const auto& r = reps(context.scenarios[i]);
    const auto open = series_band(r, group, "capacity", 50, 50, max_points);
    const auto base = difference_band(r, group, "capacity", "escalation_beds_open", max_points);
    drew_base = drew_base || base.has_value();
    drew_open = drew_open || open.has_value();
    if (base) {
      series.push_back(chart.line(i, *base, base->median, "Base beds" + suffix(context, i),
                                  i == 0 ? kGrey : scenario_colour(i), "dotted"));
    }
    if (open) {
      series.push_back(chart.line(i, *open, open->median,
                                  "Beds open incl. escalation, median" + suffix(context, i),
                                  i == 0 ? kGrey : scenario_colour(i), "dashed"));
    }
  }
  if (series.empty()) return chart.add_missing(fmt::format("No {} series to chart.", group));
  const std::string missing = absent.empty() ? std::string() : absent_text("occupancy", absent);
  chart.add_chart(fmt::format("{}: occupied, against {}", service_label(group),
                              drew_base ? "base beds and escalation" : "beds open"),
                  "beds", std::move(series),
                  fmt::format("The shaded band holds the middle of the replications; the line is "
                              "the median.{}{}{}{}",
                              drew_base ? " Dotted: base beds." : "",
                              drew_open ? " Dashed: beds open including escalation." : "",
                              missing.empty() ? "" : " ", missing));
}

void pathway_chart(ChartBuilder& chart, const ReportContext& context) {
  static const char* kPathwayColours[] = {"#0072B2", "#D55E00", "#009E73"};
  static const char* kStyles[] = {"solid", "dashed", "dotted"};
  json series = json::array();
  const std::size_t max_points = context.options.max_points_per_series;
  for (std::size_t i = 0; i < context.scenarios.size(); ++i) {
    for (int p = 1; p <= 3; ++p) {
      const auto band = series_band(reps(context.scenarios[i]), "system",
                                    fmt::format("delayed_P{}", p), 50, 50, max_points);
      if (!band) continue;
      series.push_back(chart.line(i, *band, band->median,
                                  fmt::format("Pathway {}, median{}", p, suffix(context, i)),
                                  kPathwayColours[p - 1], kStyles[std::min<std::size_t>(i, 2)]));
    }
  }
  if (series.empty()) {
    return chart.add_missing("No series of medically fit patients by pathway (system/delayed_P1-P3): "
                             "that chart is left out.");
  }
  chart.add_chart("Medically fit patients still in an acute bed, by discharge pathway",
                  "patients", std::move(series),
                  "Pathway 1: home with support (reablement); 2: a rehabilitation bed; 3: a "
                  "care home. Medians across replications." +
                      std::string(context.scenarios.size() > 1
                                      ? " Line style marks the scenario (solid: baseline)."
                                      : ""));
}

// True when the band of `group/measure` is zero throughout in every scenario.
bool always_zero(const ReportContext& context, const std::string& group, const std::string& measure) {
  for (const auto& view : context.scenarios) {
    const auto band = series_band(view.variant->replications, group, measure, 0, 100, 0);
    if (!band) continue;
    for (const double v : band->high) {
      if (v != 0.0) return false;
    }
  }
  return true;
}

void ed_chart(ChartBuilder& chart, const ReportContext& context, const std::string& group) {
  json series = json::array();
  std::vector<std::string> absent;
  add_fan_series(chart, context, series, group, "ed_queue", "Waiting in ED for a bed", absent);
  if (series.empty()) return chart.add_missing("No ED queue series (ed_queue): that chart is left out.");
  std::string caption = absent.empty() ? "" : absent_text("ED queue", absent);
  if (always_zero(context, group, "ed_queue")) {
    caption = "Nobody was waiting in ED for a bed at any sampled time in any replication: a "
              "bed was free for every admission. " + caption;
  }
  chart.add_chart("Patients waiting in ED for a bed", "patients", std::move(series), caption);
}

bool is_visit_service(const ReportContext& context, const std::string& group) {
  const auto& kinds = context.scenarios.front().service_kinds;
  const auto found = kinds.find(group);
  return found != kinds.end() && found->second == "urgent_community_response";
}

void service_chart(ChartBuilder& chart, const ReportContext& context, const std::string& group) {
  const bool visits = is_visit_service(context, group);
  json series = json::array();
  std::vector<std::string> absent;
  add_fan_series(chart, context, series, group, "occupancy", "Places occupied", absent);
  const std::size_t max_points = context.options.max_points_per_series;
  for (std::size_t i = 0; i < context.scenarios.size(); ++i) {
    const auto& r = reps(context.scenarios[i]);
    if (const auto capacity = series_band(r, group, "capacity", 50, 50, max_points)) {
      series.push_back(chart.line(i, *capacity, capacity->median,
                                  (visits ? "Visits a day (daily limit)" : "Capacity") + suffix(context, i),
                                  i == 0 ? kGrey : scenario_colour(i), "dashed"));
    }
    if (const auto queue = series_band(r, group, "queue", 50, 50, max_points)) {
      series.push_back(chart.line(i, *queue, queue->median,
                                  "Waiting for a place, median" + suffix(context, i),
                                  i == 0 ? "#CC79A7" : scenario_colour(i), "dotted"));
    }
  }
  if (series.empty()) return;
  chart.add_chart(fmt::format("{}: places occupied and people waiting", service_label(group)),
                  "people", std::move(series),
                  fmt::format("{}{}{}",
                              visits ? "Places occupied: patients being visited at that moment. "
                                       "Dashed: the daily limit of visits; dotted: people "
                                       "waiting (medians)."
                                     : "Dashed: capacity; dotted: people waiting for a place "
                                       "(medians).",
                              absent.empty() ? "" : " ",
                              absent.empty() ? std::string() : absent_text("occupancy", absent)));
}

bool has_series(const ReportContext& context, const std::string& group, const std::string& measure) {
  for (const auto& view : context.scenarios) {
    for (const auto& series : reps(view).front().series) {
      if (series.group == group && series.measure == measure) return true;
    }
  }
  return false;
}

// An acute service's group (by its kind in the scenario, or by its acute-only series), or
// the sums over several acute services (group "acute": escalation beds and the ED line,
// without occupancy of its own).
bool is_acute_group(const ReportContext& context, const std::string& group) {
  for (const auto& view : context.scenarios) {
    const auto kind = view.service_kinds.find(group);
    if (kind != view.service_kinds.end() && kind->second == "acute") return true;
  }
  return has_series(context, group, "escalation_beds_open") ||
         has_series(context, group, "ed_queue");
}

}  // namespace

void add_time_charts(const ReportContext& context, PageParts& parts) {
  std::vector<std::string> groups;
  for (const auto& view : context.scenarios) {
    for (const auto& group : series_groups(reps(view))) {
      if (std::find(groups.begin(), groups.end(), group) == groups.end()) groups.push_back(group);
    }
  }
  if (groups.empty()) {
    const std::string text =
        "These files hold no time series, so there are no charts over time (the scalar "
        "results above are complete).";
    parts.notes.push_back(text);
    parts.html += html::section("over-time", "Over time", html::missing(text));
    return;
  }
  ChartBuilder chart(context, parts);
  std::vector<std::string> acute, others;
  for (const auto& group : groups) {
    if (group == "system") continue;
    (is_acute_group(context, group) ? acute : others).push_back(group);
  }
  if (acute.empty()) chart.add_missing("No acute service series: the acute occupancy chart is left out.");
  std::string ed_group;  // the first with the ED line (with several trusts, their sum)
  for (const auto& group : acute) {
    if (ed_group.empty() && has_series(context, group, "ed_queue")) ed_group = group;
    // The sums over several acute services have no occupancy: each trust has its chart.
    if (has_series(context, group, "occupancy")) acute_chart(chart, context, group);
  }
  pathway_chart(chart, context);
  if (!acute.empty()) ed_chart(chart, context, ed_group.empty() ? acute.front() : ed_group);
  for (const auto& group : others) {
    if (is_acute_group(context, group)) continue;
    service_chart(chart, context, group);
  }
  parts.html += html::section("over-time", "Over time", chart.finish());
}

}  // namespace bedflow::report
