#include "bedflow/results/write_results.hpp"

#include <algorithm>
#include <cstdint>
#include <set>

#include <fmt/format.h>

#include "bedflow/results/h5/write.hpp"
#include "bedflow/results/observed_window.hpp"
#include "bedflow/results/h5/read.hpp"
#include "derived_tables.hpp"
#include "event_spool_impl.hpp"
#include "events_table.hpp"
#include "results_layout.hpp"

namespace bedflow::results {
namespace {

using model::ReplicationResult;

// The first replication defines the measures and series; every other must match it.
void check_consistent(const Variant& variant) {
  const auto& reps = variant.replications;
  for (std::size_t k = 0; k < reps.size(); ++k) {
    const auto& rep = reps[k];
    const std::string where =
        variant.label.empty() ? fmt::format("replication {}", k)
                              : fmt::format("variant '{}', replication {}", variant.label, k);
    if (rep.replication != k) {
      throw ResultsError(fmt::format("{}: numbered {}, expected {}", where, rep.replication, k));
    }
    const auto& first = reps.front();
    if (rep.scalars.size() != first.scalars.size() || rep.series.size() != first.series.size()) {
      throw ResultsError(where + ": carries a different set of measures than replication 0");
    }
    for (std::size_t m = 0; m < rep.scalars.size(); ++m) {
      if (rep.scalars[m].name != first.scalars[m].name) {
        throw ResultsError(where + ": measure '" + rep.scalars[m].name + "' where replication 0 has '" +
                           first.scalars[m].name + "'");
      }
    }
    for (std::size_t s = 0; s < rep.series.size(); ++s) {
      const auto& a = rep.series[s];
      const auto& b = first.series[s];
      if (a.group != b.group || a.measure != b.measure || a.values.size() != b.values.size()) {
        throw ResultsError(fmt::format("{}: series {}/{} differs in name or length from "
                                       "replication 0",
                                       where, a.group, a.measure));
      }
    }
    if (!(rep.window == first.window)) {
      throw ResultsError(where + ": observed a different window from replication 0");
    }
    if (rep.series_start_days != first.series_start_days ||
        rep.series_step_days != first.series_step_days) {
      throw ResultsError(where + ": series sampled differently from replication 0");
    }
  }
}

void write_metadata(hid_t root, const ResultsFile& file) {
  const auto& meta = file.metadata;
  auto group = h5::create_group(root, layout::kMetadata);
  const hid_t g = group.get();
  h5::write_attribute(g, "scenario_name", meta.scenario_name);
  h5::write_attribute(g, "scenario_file", meta.scenario_file);
  h5::write_attribute(g, "overrides", meta.overrides);
  h5::write_attribute(g, "sweep", meta.sweep);
  h5::write_attribute(g, "seed", meta.seed);
  h5::write_attribute(g, "replications_requested", std::int64_t{meta.replications});
  h5::write_attribute(g, "precision_target", meta.precision_target);
  h5::write_attribute(g, "max_replications", std::int64_t{meta.max_replications});
  h5::write_attribute(g, "variants", static_cast<std::int64_t>(file.variants.size()));
  h5::write_attribute(g, "bedflow_version", meta.bedflow_version);
  h5::write_attribute(g, "git_commit", meta.git_commit);
  h5::write_attribute(g, "started_at", meta.started_at);
  h5::write_attribute(g, "finished_at", meta.finished_at);
  auto percentiles = h5::write_column(g, "percentiles", std::span<const double>(meta.percentiles));
  h5::write_attribute(percentiles.get(), "description",
                      std::string("the replication percentiles (0-100) the summaries carry"));
  h5::write_text(g, "scenario_given", meta.scenario_given);
  h5::write_text(g, "scenario_resolved", meta.scenario_resolved);
}

// One row per (variant, replication, measure), in that nesting order.
void write_summary(hid_t root, const ResultsFile& file) {
  std::vector<std::string> variant, measure, unit, accumulation;
  std::vector<std::int32_t> replication, headline, precision;
  std::vector<double> value;
  for (const auto& v : file.variants) {
    for (const auto& rep : v.replications) {
      for (const auto& scalar : rep.scalars) {
        variant.push_back(v.label);
        replication.push_back(static_cast<std::int32_t>(rep.replication));
        measure.push_back(scalar.name);
        value.push_back(scalar.value);
        unit.push_back(scalar.unit);
        headline.push_back(scalar.headline ? 1 : 0);
        accumulation.push_back(layout::accumulation_name(scalar.accumulation));
        precision.push_back(scalar.precision ? 1 : 0);
      }
    }
  }
  auto group = h5::create_group(root, layout::kSummary);
  h5::write_attribute(group.get(), "description",
                      std::string("one row per variant, replication and measure; columns are "
                                  "parallel datasets of equal length"));
  h5::write_column(group.get(), "variant", std::span<const std::string>(variant));
  h5::write_column(group.get(), "replication", std::span<const std::int32_t>(replication));
  h5::write_column(group.get(), "measure", std::span<const std::string>(measure));
  h5::write_column(group.get(), "value", std::span<const double>(value));
  h5::write_column(group.get(), "unit", std::span<const std::string>(unit));
  h5::write_column(group.get(), "headline", std::span<const std::int32_t>(headline));
  h5::write_column(group.get(), "accumulation", std::span<const std::string>(accumulation));
  h5::write_column(group.get(), "precision", std::span<const std::int32_t>(precision));
}

void write_replication_table(hid_t root, const ResultsFile& file) {
  std::vector<std::string> variant;
  std::vector<std::int32_t> replication;
  std::vector<std::uint64_t> events;
  for (const auto& v : file.variants) {
    for (const auto& rep : v.replications) {
      variant.push_back(v.label);
      replication.push_back(static_cast<std::int32_t>(rep.replication));
      events.push_back(rep.events_processed);
    }
  }
  auto group = h5::create_group(root, layout::kReplications);
  h5::write_column(group.get(), "variant", std::span<const std::string>(variant));
  h5::write_column(group.get(), "replication", std::span<const std::int32_t>(replication));
  h5::write_column(group.get(), "events_processed", std::span<const std::uint64_t>(events));
}

void write_timeseries(hid_t parent, const Variant& variant) {
  auto timeseries = h5::create_group(parent, layout::kTimeseries);
  if (variant.replications.empty()) return;
  const auto& first = variant.replications.front();
  std::vector<std::string> groups_done;
  for (std::size_t s = 0; s < first.series.size(); ++s) {
    const auto& series = first.series[s];
    if (series.measure == layout::kTimeAxis) {
      throw ResultsError("a series may not be called '" + std::string(layout::kTimeAxis) +
                         "': the name holds the time axis");
    }
    const bool new_group =
        std::find(groups_done.begin(), groups_done.end(), series.group) == groups_done.end();
    auto group = new_group ? h5::create_group(timeseries.get(), series.group)
                           : h5::open_group_for_write(timeseries.get(), series.group);
    const std::size_t columns = series.values.size();
    if (new_group) {
      groups_done.push_back(series.group);
      std::vector<double> time(columns);
      for (std::size_t k = 0; k < columns; ++k) {
        time[k] = first.series_start_days + static_cast<double>(k) * first.series_step_days;
      }
      auto axis = h5::write_column(group.get(), layout::kTimeAxis, std::span<const double>(time));
      h5::write_attribute(axis.get(), "unit", std::string("days"));
      h5::write_attribute(axis.get(), "description",
                          std::string("days since the scenario's start date"));
      std::vector<std::string> dates(columns);
      for (std::size_t k = 0; k < columns; ++k) {
        dates[k] = iso_instant(first.window.calendar_start, time[k]);
      }
      auto date_axis = h5::write_column(group.get(), layout::kDateAxis,
                                        std::span<const std::string>(dates));
      h5::write_attribute(date_axis.get(), "description",
                          std::string("ISO 8601 date (or date and time) of each column"));
    }
    std::vector<double> matrix;
    matrix.reserve(variant.replications.size() * columns);
    for (const auto& rep : variant.replications) {
      const auto& values = rep.series[s].values;
      matrix.insert(matrix.end(), values.begin(), values.end());
    }
    auto dataset = h5::write_matrix(group.get(), series.measure, variant.replications.size(),
                                    columns, std::span<const double>(matrix));
    h5::write_attribute(dataset.get(), "unit", series.unit);
    h5::write_attribute(dataset.get(), "dimensions", std::string("replication, time"));
    h5::write_attribute(dataset.get(), "time_unit", std::string("days"));
    h5::write_attribute(dataset.get(), "start_days", first.series_start_days);
    h5::write_attribute(dataset.get(), "step_days", first.series_step_days);
  }
}

// No log asked for (or nothing logged): no /events at all, as readers expect. A log streamed
// during the run is copied from its spool; one held in the replications is written here.
void write_events(hid_t parent, const Variant& variant) {
  std::uint64_t count = 0;
  if (variant.event_spool != nullptr) {
    count = variant.event_spool->rows(variant.event_spool_variant);
  } else {
    for (const auto& rep : variant.replications) count += rep.patient_events.size();
  }
  if (count == 0) return;
  const auto& codes = variant.replications.front().event_codes;
  if (variant.event_spool != nullptr) {
    variant.event_spool->impl().copy_to(variant.event_spool_variant, parent, layout::kEvents);
  } else {
    events_table::Appender table(parent, layout::kEvents);
    for (const auto& rep : variant.replications) {
      if (!(rep.event_codes == codes)) {
        throw ResultsError(fmt::format("replication {}: its patient log names other services or "
                                       "cohorts than replication 0's",
                                       rep.replication));
      }
      table.append(rep.replication, rep.patient_events);
    }
    table.finish();
  }
  const auto dataset = h5::open_dataset(parent, layout::kEvents);
  h5::write_attribute(dataset.get(), "description",
                      std::string("patient-level log: one row per event; event, service and "
                                  "cohort are codes, named in ") + layout::kEventsCodes);
  h5::write_attribute(dataset.get(), "time_days_unit", std::string("days"));
  events_table::write_codes(parent, layout::kEventsCodes, codes);
}

// The observed window, on the location that holds a variant's series (root or its group).
void write_window(hid_t location, const Variant& variant) {
  if (variant.replications.empty()) return;
  const auto& window = variant.replications.front().window;
  h5::write_attribute(location, "calendar_start", engine::to_iso_string(window.calendar_start));
  h5::write_attribute(location, "window_from_days", window.from_days);
  h5::write_attribute(location, "window_to_days", window.to_days);
  h5::write_attribute(location, "window_days", window.days());
  h5::write_attribute(location, "window_first_date", window_first_date(window));
  h5::write_attribute(location, "window_last_date", window_last_date(window));
}

void write_variant_body(hid_t location, const Variant& variant,
                        const std::vector<double>& percentiles) {
  write_window(location, variant);
  h5::write_attribute(location, "replications_run",
                      static_cast<std::int64_t>(variant.replications.size()));
  h5::write_attribute(location, "precision_reached",
                      std::int64_t{variant.precision_reached ? 1 : 0});
  write_timeseries(location, variant);
  derived::write_series_percentiles(location, variant, percentiles);
  write_events(location, variant);
}

}  // namespace

void write_results_file(const std::string& path, const ResultsFile& file) {
  if (file.variants.empty()) throw ResultsError(path + ": nothing to write (no variants)");
  std::set<std::string> labels;
  for (const auto& variant : file.variants) {
    check_consistent(variant);
    if (file.is_sweep() && !labels.insert(layout::group_name_for_label(variant.label)).second) {
      throw ResultsError("two variants share the label '" + variant.label + "'");
    }
  }
  try {
    auto h5file = h5::create_file(path);
    auto root = h5::open_group_for_write(h5file.get(), "/");
    h5::write_attribute(root.get(), "format", std::string(kFormatName));
    h5::write_attribute(root.get(), "format_version", std::int64_t{kFormatVersion});
    write_metadata(root.get(), file);
    write_summary(root.get(), file);
    derived::write_summary_statistics(root.get(), file);
    write_replication_table(root.get(), file);
    if (!file.is_sweep()) {
      write_variant_body(root.get(), file.variants.front(), file.metadata.percentiles);
    } else {
      auto variants = h5::create_group(root.get(), layout::kVariants);
      for (const auto& variant : file.variants) {
        auto group = h5::create_group(variants.get(), layout::group_name_for_label(variant.label));
        h5::write_attribute(group.get(), "label", variant.label);
        h5::write_attribute(group.get(), "override", variant.override_text);
        h5::write_text(group.get(), "scenario_resolved", variant.resolved_yaml);
        write_variant_body(group.get(), variant, file.metadata.percentiles);
      }
    }
    // Last: the marker that says everything above is there.
    auto metadata = h5::open_group_for_write(root.get(), layout::kMetadata);
    h5::write_attribute(metadata.get(), layout::kCompleteMarker, std::int64_t{1});
    h5::save_file(h5file.get(), path);
  } catch (const ResultsError& error) {
    const std::string message = error.what();
    if (message.rfind(path, 0) == 0) throw;
    throw ResultsError(path + ": " + message);
  }
}

void prepare_process_for_results() { h5::leave_library_open_at_exit(); }

}  // namespace bedflow::results
