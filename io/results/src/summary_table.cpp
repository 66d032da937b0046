// Terminal rendering of measure summaries (format_summary_table).
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "bedflow/results/measure_summary.hpp"
#include "bedflow/results/observed_window.hpp"
#include "table_number.hpp"

namespace bedflow::results {
namespace {

// The interval clipped to the measure's possible range (shown_interval).
std::string interval_text(const MeasureSummary& summary) {
  if (summary.ci.n < 2) return "(needs 2 replications)";
  const ShownInterval shown = shown_interval(summary);
  return fmt::format("[{}, {}]", table_number(shown.lower), table_number(shown.upper));
}

void append_section(std::string& out, const char* title,
                    const std::vector<const MeasureSummary*>& rows, std::size_t width,
                    const SummaryTableOptions& options) {
  if (rows.empty()) return;
  const bool per_year = options.window && options.window->days() > 0.0;
  const bool spread = options.show_percentiles && !options.percentiles.empty();
  out += fmt::format("{}\n", title);
  std::string header = fmt::format("  {:<{}}  {:>12}  {:>27}  {:>7}  {:<14}", "measure", width,
                                   "mean", "95% CI", "+/- %", "unit");
  if (spread) {
    for (const double p : options.percentiles) {
      header += fmt::format("  {:>10}", percentile_label(p));
    }
  }
  if (per_year) {
    header += fmt::format("  | {:>10}  {:>12}  {:>27}", "per day", "per year", "95% CI per year");
  }
  out += header + "\n";
  for (const auto* s : rows) {
    const std::string relative =
        s->ci.mean == 0.0 || s->ci.n < 2
            ? std::string("-")
            : fmt::format("{:.1f}", 100.0 * s->ci.half_width / std::abs(s->ci.mean));
    std::string line = fmt::format("  {:<{}}  {:>12}  {:>27}  {:>7}  {:<14}", s->name, width,
                                   table_number(s->ci.mean), interval_text(*s), relative,
                                   s->unit);
    if (spread) {
      for (std::size_t k = 0; k < options.percentiles.size(); ++k) {
        line += fmt::format("  {:>10}", k < s->percentiles.size()
                                            ? table_number(s->percentiles[k])
                                            : std::string("-"));
      }
    }
    if (per_year && s->is_total()) {
      const auto yearly = as_rate(*s, per_year_factor(*options.window), "year");
      line += fmt::format("  | {:>10}  {:>12}  {:>27}",
                          table_number(s->ci.mean * per_day_factor(*options.window)),
                          table_number(yearly.ci.mean), interval_text(yearly));
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
}

}  // namespace

std::string percentile_label(double percentile) {
  return fmt::format("P{:g}", percentile);
}

std::string format_summary_table(const std::vector<MeasureSummary>& summaries,
                                 const SummaryTableOptions& options) {
  std::vector<const MeasureSummary*> headline, others;
  std::size_t width = 7;
  for (const auto& s : summaries) {
    (s.headline ? headline : others).push_back(&s);
    width = std::max(width, s.name.size());
  }
  std::string out;
  if (options.window) {
    out += fmt::format("Observed {}. Totals (patients, bed-days, GBP) are over this window; "
                       "per day is / {:g}, per year x 365/{:g}. Levels (means, shares, durations) need no "
                       "rate.\n",
                       describe_window(*options.window), options.window->days(),
                       options.window->days());
  }
  if (options.show_percentiles && !options.percentiles.empty()) {
    out += "Percentile columns are the replications' spread (the range of plausible outcomes "
           "of one such period), not a confidence interval.\n";
  }
  append_section(out, "Headline measures", headline, width, options);
  if (!headline.empty() && !others.empty()) out += "\n";
  append_section(out, "Other measures", others, width, options);
  return out;
}

std::string format_sweep_table(const std::vector<std::string>& labels,
                               const std::vector<std::vector<MeasureSummary>>& per_variant) {
  if (per_variant.empty()) return {};
  std::size_t name_width = 7;
  for (const auto& s : per_variant.front()) {
    if (s.headline) name_width = std::max(name_width, s.name.size());
  }
  std::vector<std::vector<std::string>> cells;  // [measure][variant]
  std::vector<std::string> names;
  for (std::size_t m = 0; m < per_variant.front().size(); ++m) {
    if (!per_variant.front()[m].headline) continue;
    names.push_back(per_variant.front()[m].name);
    std::vector<std::string> row;
    for (const auto& summaries : per_variant) {
      const auto& ci = summaries.at(m).ci;
      row.push_back(ci.n < 2 ? table_number(ci.mean)
                             : fmt::format("{} +/- {}", table_number(ci.mean),
                                           table_number(ci.half_width)));
    }
    cells.push_back(std::move(row));
  }
  std::vector<std::size_t> widths;
  for (std::size_t v = 0; v < labels.size(); ++v) {
    std::size_t width = labels[v].size();
    for (const auto& row : cells) width = std::max(width, row[v].size());
    widths.push_back(width);
  }
  std::string out = fmt::format("  {:<{}}", "measure", name_width);
  for (std::size_t v = 0; v < labels.size(); ++v) out += fmt::format("  {:>{}}", labels[v], widths[v]);
  out += "\n";
  for (std::size_t m = 0; m < names.size(); ++m) {
    out += fmt::format("  {:<{}}", names[m], name_width);
    for (std::size_t v = 0; v < labels.size(); ++v) out += fmt::format("  {:>{}}", cells[m][v], widths[v]);
    out += "\n";
  }
  return out;
}

}  // namespace bedflow::results
