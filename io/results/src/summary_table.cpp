// Terminal rendering of measure summaries (format_summary_table).
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "bedflow/results/measure_summary.hpp"
#include "table_number.hpp"

namespace bedflow::results {
namespace {

void append_section(std::string& out, const char* title,
                    const std::vector<const MeasureSummary*>& rows, std::size_t width) {
  if (rows.empty()) return;
  out += fmt::format("{}\n", title);
  out += fmt::format("  {:<{}}  {:>12}  {:>27}  {:>7}  {}\n", "measure", width, "mean",
                     "95% CI", "+/- %", "unit");
  for (const auto* s : rows) {
    const std::string interval =
        s->ci.n < 2 ? std::string("(needs 2 replications)")
                    : fmt::format("[{}, {}]", table_number(s->ci.lower()),
                                  table_number(s->ci.upper()));
    const std::string relative =
        s->ci.mean == 0.0 || s->ci.n < 2
            ? std::string("-")
            : fmt::format("{:.1f}", 100.0 * s->ci.half_width / std::abs(s->ci.mean));
    out += fmt::format("  {:<{}}  {:>12}  {:>27}  {:>7}  {}\n", s->name, width,
                       table_number(s->ci.mean), interval, relative, s->unit);
  }
}

}  // namespace

std::string format_summary_table(const std::vector<MeasureSummary>& summaries) {
  std::vector<const MeasureSummary*> headline, others;
  std::size_t width = 7;
  for (const auto& s : summaries) {
    (s.headline ? headline : others).push_back(&s);
    width = std::max(width, s.name.size());
  }
  std::string out;
  append_section(out, "Headline measures", headline, width);
  if (!headline.empty() && !others.empty()) out += "\n";
  append_section(out, "Other measures", others, width);
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
