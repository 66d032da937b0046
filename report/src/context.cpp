#include "context.hpp"

#include <array>
#include <filesystem>
#include <map>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "bedflow/results/observed_window.hpp"

namespace bedflow::report {
namespace {

const results::MeasureSummary* find_in(const std::vector<results::MeasureSummary>& list,
                                       const std::string& measure) {
  for (const auto& summary : list) {
    if (summary.name == measure) return &summary;
  }
  return nullptr;
}

std::map<std::string, std::string> kinds_of(const std::string& resolved_yaml) {
  std::map<std::string, std::string> kinds;
  try {
    const YAML::Node services = YAML::Load(resolved_yaml)["services"];
    if (!services || !services.IsMap()) return kinds;
    for (const auto& service : services) {
      if (service.second.IsMap() && service.second["kind"]) {
        kinds[service.first.Scalar()] = service.second["kind"].Scalar();
      }
    }
  } catch (const YAML::Exception&) {
  }
  return kinds;
}

ScenarioView make_view(const ReportSource& source, const results::Variant& variant,
                       std::string name) {
  ScenarioView view;
  view.name = std::move(name);
  view.path = source.path;
  view.label = variant.label;
  view.source = &source;
  view.variant = &variant;
  view.window = results::variant_window(variant);
  view.service_kinds = kinds_of(variant.resolved_yaml.empty()
                                    ? source.file.metadata.scenario_resolved
                                    : variant.resolved_yaml);
  const auto& percentiles = source.file.metadata.percentiles;
  view.summaries = results::summarise_measures(variant.replications, percentiles);
  const double year = results::per_year_factor(view.window);
  const double day = results::per_day_factor(view.window);
  for (const auto& summary : view.summaries) {
    view.per_year.push_back(results::as_rate(summary, year, "year"));
    view.per_day.push_back(results::as_rate(summary, day, "day"));
  }
  return view;
}

std::string display_name(const ReportSource& source) {
  const auto& name = source.file.metadata.scenario_name;
  return name.empty() ? source.path : name;
}

// Two runs of one scenario (a baseline and an option made with --set, say) would carry one
// name into every title and column: each such view also names its file ("base.h5").
void name_files_of_alike_views(std::vector<ScenarioView>& views) {
  std::map<std::string, int> uses;
  for (const auto& view : views) ++uses[view.name];
  for (auto& view : views) {
    if (uses[view.name] < 2) continue;
    view.name += " (" + std::filesystem::path(view.path).filename().string() + ")";
  }
}

}  // namespace

const results::MeasureSummary* ScenarioView::find(const std::string& measure) const {
  return find_in(summaries, measure);
}

const results::MeasureSummary* ScenarioView::find_rate(const std::string& measure,
                                                       bool day) const {
  return find_in(day ? per_day : per_year, measure);
}

std::vector<ScenarioView> scenario_views(const std::vector<ReportSource>& sources,
                                         std::vector<std::string>& notes) {
  std::vector<ScenarioView> views;
  for (const auto& source : sources) {
    const auto& variants = source.file.variants;
    if (source.sizing) {
      // A sizing run's variants are the points it tried; present the scenario as given (when
      // the run kept it) and the answer.
      const results::Variant* answer = nullptr;
      const results::Variant* as_given = nullptr;
      for (const auto& variant : variants) {
        if (!source.sizing->answer.empty() && variant.label == source.sizing->answer &&
            !variant.replications.empty()) {
          answer = &variant;
        }
        if (source.sizing->as_given && variant.label == source.sizing->as_given->label &&
            !variant.replications.empty()) {
          as_given = &variant;
        }
      }
      if (as_given != nullptr) {
        views.push_back(make_view(source, *as_given, display_name(source) + " (as given)"));
      }
      if (answer == nullptr) {
        notes.push_back(
            source.sizing->answer.empty()
                ? fmt::format("{}: the sizing run found no answer, so no scenario of it is "
                              "charted; its points are in the sizing section.",
                              source.path)
                : fmt::format("{}: the answer's replications ({}) are not in the file, so no "
                              "scenario of it is charted; its points are in the sizing section.",
                              source.path, source.sizing->answer));
        continue;
      }
      std::string label = answer->label;
      for (std::size_t at = label.find(','); at != std::string::npos; at = label.find(',', at + 2)) {
        label.replace(at, 1, ", ");
      }
      views.push_back(make_view(source, *answer, fmt::format("{} (answer: {})", display_name(source), label)));
      continue;
    }
    for (const auto& variant : variants) {
      if (variant.replications.empty()) {
        notes.push_back(fmt::format("{}: variant '{}' has no replications and is left out.",
                                    source.path, variant.label));
        continue;
      }
      std::string name = display_name(source);
      if (!variant.label.empty()) name = variant.override_text.empty()
                                             ? fmt::format("{} {}", name, variant.label)
                                             : variant.override_text;
      views.push_back(make_view(source, variant, std::move(name)));
    }
  }
  name_files_of_alike_views(views);
  return views;
}

std::string scenario_colour(std::size_t index) {
  static constexpr std::array<const char*, 8> kPalette = {
      "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"};
  return kPalette[index % kPalette.size()];
}

}  // namespace bedflow::report

namespace bedflow::report {

results::Comparison compare_views(const ScenarioView& a, const ScenarioView& b) {
  const bool paired = a.metadata().seed == b.metadata().seed;
  return results::compare_replications(a.variant->replications, b.variant->replications, paired);
}

ShownDifference shown(const results::MeasureDifference& measure) {
  if (measure.accumulation == model::Accumulation::total && measure.per_year) {
    return {&*measure.per_year, measure.unit + "/year"};
  }
  if (measure.over_window) return {&*measure.over_window, measure.unit};
  return {};
}

}  // namespace bedflow::report
