#include "bedflow/results/read_results.hpp"
#include "bedflow/results/write_results.hpp"

#include <map>
#include <utility>

#include <fmt/format.h>

#include "bedflow/results/h5/read.hpp"
#include "events_table.hpp"
#include "results_layout.hpp"

namespace bedflow::results {
namespace {

using model::ReplicationResult;

RunMetadata read_metadata(hid_t root) {
  auto group = h5::open_group(root, layout::kMetadata);
  const hid_t g = group.get();
  if (!h5::has_attribute(g, layout::kCompleteMarker) ||
      h5::read_int64_attribute(g, layout::kCompleteMarker) != 1) {
    throw ResultsError("incomplete results file (the run that wrote it did not finish)");
  }
  RunMetadata meta;
  meta.scenario_name = h5::read_string_attribute(g, "scenario_name");
  meta.scenario_file = h5::read_string_attribute(g, "scenario_file");
  meta.overrides = h5::read_string_attribute(g, "overrides");
  meta.sweep = h5::read_string_attribute(g, "sweep");
  meta.seed = h5::read_uint64_attribute(g, "seed");
  meta.replications = static_cast<std::uint32_t>(h5::read_int64_attribute(g, "replications_requested"));
  meta.precision_target = h5::read_double_attribute(g, "precision_target");
  meta.max_replications = static_cast<std::uint32_t>(h5::read_int64_attribute(g, "max_replications"));
  meta.bedflow_version = h5::read_string_attribute(g, "bedflow_version");
  meta.git_commit = h5::read_string_attribute(g, "git_commit");
  meta.started_at = h5::read_string_attribute(g, "started_at");
  meta.finished_at = h5::read_string_attribute(g, "finished_at");
  meta.percentiles = h5::read_double_column(g, "percentiles");
  meta.scenario_given = h5::read_text(g, "scenario_given");
  meta.scenario_resolved = h5::read_text(g, "scenario_resolved");
  return meta;
}

// Rebuilds each variant's replications (numbered 0..n-1) from the tidy summary table.
void read_summary(hid_t root, std::vector<Variant>& variants) {
  auto group = h5::open_group(root, layout::kSummary);
  const auto variant = h5::read_string_column(group.get(), "variant");
  const auto replication = h5::read_int32_column(group.get(), "replication");
  const auto measure = h5::read_string_column(group.get(), "measure");
  const auto value = h5::read_double_column(group.get(), "value");
  const auto unit = h5::read_string_column(group.get(), "unit");
  const auto headline = h5::read_int32_column(group.get(), "headline");
  const auto accumulation = h5::read_string_column(group.get(), "accumulation");
  const auto precision = h5::read_int32_column(group.get(), "precision");
  const std::size_t rows = variant.size();
  if (replication.size() != rows || measure.size() != rows || value.size() != rows ||
      unit.size() != rows || headline.size() != rows || accumulation.size() != rows ||
      precision.size() != rows) {
    throw ResultsError("/summary columns differ in length");
  }
  std::map<std::string, Variant*> by_label;
  for (auto& v : variants) by_label[v.label] = &v;
  for (std::size_t r = 0; r < rows; ++r) {
    const auto found = by_label.find(variant[r]);
    if (found == by_label.end()) {
      throw ResultsError(fmt::format("/summary row {} names unknown variant '{}'", r, variant[r]));
    }
    auto& reps = found->second->replications;
    if (replication[r] < 0 || static_cast<std::size_t>(replication[r]) >= reps.size()) {
      throw ResultsError(fmt::format("/summary row {}: replication {} out of range", r,
                                     replication[r]));
    }
    model::Accumulation kind = model::Accumulation::level;
    if (accumulation[r] == "total") {
      kind = model::Accumulation::total;
    } else if (accumulation[r] != "level") {
      throw ResultsError(fmt::format("/summary row {}: accumulation '{}' is neither 'total' nor "
                                     "'level'", r, accumulation[r]));
    }
    reps[static_cast<std::size_t>(replication[r])].scalars.push_back(model::ScalarMeasure{
        measure[r], unit[r], value[r], headline[r] != 0, kind, precision[r] != 0});
  }
}

void read_replication_table(hid_t root, std::vector<Variant>& variants) {
  auto group = h5::open_group(root, layout::kReplications);
  const auto variant = h5::read_string_column(group.get(), "variant");
  const auto replication = h5::read_int32_column(group.get(), "replication");
  const auto events = h5::read_uint64_column(group.get(), "events_processed");
  if (replication.size() != variant.size() || events.size() != variant.size()) {
    throw ResultsError("/replications columns differ in length");
  }
  std::map<std::string, std::size_t> count;
  for (const auto& label : variant) ++count[label];
  for (auto& v : variants) {
    v.replications.resize(count[v.label]);
    for (std::size_t k = 0; k < v.replications.size(); ++k) {
      v.replications[k].replication = static_cast<std::uint32_t>(k);
    }
  }
  std::map<std::string, Variant*> by_label;
  for (auto& v : variants) by_label[v.label] = &v;
  for (std::size_t r = 0; r < variant.size(); ++r) {
    auto& reps = by_label.at(variant[r])->replications;
    const auto k = static_cast<std::size_t>(replication[r]);
    if (replication[r] < 0 || k >= reps.size()) {
      throw ResultsError(fmt::format("/replications row {}: replication out of range", r));
    }
    reps[k].events_processed = events[r];
  }
}

void read_timeseries(hid_t location, Variant& variant) {
  if (!h5::has_link(location, layout::kTimeseries)) return;
  auto timeseries = h5::open_group(location, layout::kTimeseries);
  for (const auto& group_name : h5::children(timeseries.get())) {
    auto group = h5::open_group(timeseries.get(), group_name);
    for (const auto& measure : h5::children(group.get())) {
      if (measure == layout::kTimeAxis || measure == layout::kDateAxis) continue;
      const auto matrix = h5::read_matrix(group.get(), measure);
      if (matrix.rows != variant.replications.size()) {
        throw ResultsError(fmt::format("timeseries {}/{} has {} rows for {} replications",
                                       group_name, measure, matrix.rows,
                                       variant.replications.size()));
      }
      auto dataset = h5::open_dataset(group.get(), measure);
      const std::string unit = h5::read_string_attribute(dataset.get(), "unit");
      const double start = h5::read_double_attribute(dataset.get(), "start_days");
      const double step = h5::read_double_attribute(dataset.get(), "step_days");
      for (std::size_t k = 0; k < matrix.rows; ++k) {
        auto& rep = variant.replications[k];
        rep.series_start_days = start;
        rep.series_step_days = step;
        const auto row = matrix.values.begin() + static_cast<std::ptrdiff_t>(k * matrix.columns);
        rep.series.push_back(model::TimeSeries{
            group_name, measure, unit,
            std::vector<double>(row, row + static_cast<std::ptrdiff_t>(matrix.columns))});
      }
    }
  }
}

void read_events(hid_t location, Variant& variant) {
  if (!h5::has_link(location, layout::kEvents)) return;
  auto table = events_table::read(location, layout::kEvents, layout::kEventsCodes);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto k = static_cast<std::size_t>(table.replication[r]);
    if (k >= variant.replications.size()) {
      throw ResultsError(fmt::format("/events row {}: replication {} out of range", r,
                                     table.replication[r]));
    }
    variant.replications[k].patient_events.push_back(table.rows[r]);
  }
  for (auto& rep : variant.replications) rep.event_codes = table.codes;
}

void read_variant_flags(hid_t location, Variant& variant) {
  variant.precision_reached = h5::read_int64_attribute(location, "precision_reached") != 0;
  model::ObservedWindow window;
  const auto start = engine::parse_iso_date(h5::read_string_attribute(location, "calendar_start"));
  if (!start) throw ResultsError("calendar_start is not an ISO 8601 date");
  window.calendar_start = *start;
  window.from_days = h5::read_double_attribute(location, "window_from_days");
  window.to_days = h5::read_double_attribute(location, "window_to_days");
  for (auto& rep : variant.replications) rep.window = window;
}

}  // namespace

ResultsFile read_results_file(const std::string& path, const ReadOptions& options) {
  try {
    const auto h5file = h5::open_file_read_only(path);
    auto root = h5::open_group(h5file.get(), "/");
    if (!h5::has_attribute(root.get(), "format") ||
        h5::read_string_attribute(root.get(), "format") != kFormatName) {
      throw ResultsError("not a bedflow results file");
    }
    const auto version = h5::read_int64_attribute(root.get(), "format_version");
    if (version < kOldestFormatVersionRead || version > kFormatVersion) {
      throw ResultsError(fmt::format(
          "results format version {} (this bedflow reads {} to {}{}); run the scenario again "
          "with this bedflow to get a file it can read",
          version, kOldestFormatVersionRead, kFormatVersion,
          version < kOldestFormatVersionRead ? ": older files lack the observed window, dates and the "
                                     "measures' accumulation"
                                   : ""));
    }
    ResultsFile file;
    file.metadata = read_metadata(root.get());
    if (!h5::has_link(root.get(), layout::kVariants)) {
      Variant plain;
      plain.resolved_yaml = file.metadata.scenario_resolved;
      file.variants.push_back(std::move(plain));
    } else {
      auto variants = h5::open_group(root.get(), layout::kVariants);
      for (const auto& name : h5::children(variants.get())) {
        auto group = h5::open_group(variants.get(), name);
        Variant variant;
        variant.label = h5::read_string_attribute(group.get(), "label");
        variant.override_text = h5::read_string_attribute(group.get(), "override");
        variant.resolved_yaml = h5::read_text(group.get(), "scenario_resolved");
        file.variants.push_back(std::move(variant));
      }
    }
    read_replication_table(root.get(), file.variants);
    read_summary(root.get(), file.variants);
    if (!file.is_sweep()) {
      read_variant_flags(root.get(), file.variants.front());
      read_timeseries(root.get(), file.variants.front());
      if (options.patient_events) read_events(root.get(), file.variants.front());
    } else {
      auto variants = h5::open_group(root.get(), layout::kVariants);
      for (auto& variant : file.variants) {
        auto group = h5::open_group(variants.get(), layout::group_name_for_label(variant.label));
        read_variant_flags(group.get(), variant);
        read_timeseries(group.get(), variant);
        if (options.patient_events) read_events(group.get(), variant);
      }
    }
    return file;
  } catch (const ResultsError& error) {
    const std::string message = error.what();
    if (message.rfind(path, 0) == 0) throw;
    throw ResultsError(path + ": " + message);
  }
}

}  // namespace bedflow::results
