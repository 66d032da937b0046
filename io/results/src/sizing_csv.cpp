#include "bedflow/results/sizing_csv.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "bedflow/results/results_error.hpp"
#include "csv_field.hpp"

namespace bedflow::results {
namespace {

std::string number(double value) { return fmt::format("{:.17g}", value); }

void write_text(const std::filesystem::path& path, const fmt::memory_buffer& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) throw ResultsError(path.string() + ": cannot write");
}

}  // namespace

std::vector<std::string> write_sizing_csv(const StoredSizingRecord& record,
                                          const std::string& directory) {
  const std::filesystem::path root(directory);
  std::vector<std::string> written;
  const bool has_cost = !record.cost_mean.empty();
  fmt::memory_buffer points;
  auto out = std::back_inserter(points);
  fmt::format_to(out, "order,label");
  for (const auto& lever : record.levers) fmt::format_to(out, ",{}", csv_field(lever.path));
  fmt::format_to(out, ",replications,target_mean,target_sd,target_half_width,target_bound,"
                      "meets_target{}\n",
                 has_cost ? ",cost_mean,cost_half_width" : "");
  for (std::size_t i = 0; i < record.labels.size(); ++i) {
    fmt::format_to(out, "{},{}", i, csv_field(record.labels[i]));
    for (const auto& values : record.lever_values) fmt::format_to(out, ",{}", number(values[i]));
    fmt::format_to(out, ",{},{},{},{},{},{}", number(record.replications[i]),
                   number(record.target_mean[i]), number(record.target_sd[i]),
                   number(record.target_half_width[i]), number(record.target_bound[i]),
                   record.meets[i] != 0 ? "true" : "false");
    if (has_cost) {
      fmt::format_to(out, ",{},{}", number(record.cost_mean[i]), number(record.cost_half_width[i]));
    }
    fmt::format_to(out, "\n");
  }
  write_text(root / "sizing.csv", points);
  written.push_back((root / "sizing.csv").string());

  if (record.frontier_first.empty() || record.levers.size() < 2) return written;
  fmt::memory_buffer frontier;
  auto to = std::back_inserter(frontier);
  fmt::format_to(to, "{},{},cost_mean\n", csv_field(record.levers[0].path),
                 csv_field(record.levers[1].path));
  for (std::size_t i = 0; i < record.frontier_first.size(); ++i) {
    const bool met = record.frontier_second[i] >= 0.0;
    fmt::format_to(to, "{},{},{}\n", number(record.frontier_first[i]),
                   met ? number(record.frontier_second[i]) : std::string(),
                   met && std::isfinite(record.frontier_cost_mean[i])
                       ? number(record.frontier_cost_mean[i])
                       : std::string());
  }
  write_text(root / "sizing_frontier.csv", frontier);
  written.push_back((root / "sizing_frontier.csv").string());
  return written;
}

}  // namespace bedflow::results
