#include "bedflow/results/csv_export.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>

#include <fmt/format.h>
#include <unistd.h>

#include "bedflow/results/observed_window.hpp"
#include "bedflow/results/results_error.hpp"
#include "bedflow/results/variant_statistics.hpp"
#include "csv_field.hpp"
#include "results_layout.hpp"

namespace bedflow::results {
namespace {

namespace fs = std::filesystem;

// Writes through `fill` into a hidden file beside `path`, renamed onto it when complete.
void write_csv_file(const fs::path& path,
                    const std::function<void(fmt::memory_buffer&, std::ofstream&)>& fill) {
  const fs::path temporary =
      path.parent_path() / fmt::format(".{}.{}.partial", path.filename().string(), ::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    fmt::memory_buffer buffer;
    fill(buffer, out);
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      throw ResultsError(path.string() + ": cannot write");
    }
  }
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) {
    fs::remove(temporary, error);
    throw ResultsError(path.string() + ": cannot write (" + error.message() + ")");
  }
}

// Empties the buffer into the stream once it holds a few megabytes.
void flush_if_large(fmt::memory_buffer& buffer, std::ofstream& out) {
  if (buffer.size() < (std::size_t{4} << 20)) return;
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  buffer.clear();
}

// No value (NaN: e.g. an unlimited capacity) is an empty field, which R, pandas and
// spreadsheets all read as missing.
std::string number(double value) {
  return std::isfinite(value) ? fmt::format("{:.17g}", value) : std::string();
}

// scenario, variant (quoted as needed) and the window columns, shared by the first two files.
struct VariantColumns {
  std::string identity;  // "scenario,variant"
  std::string window;    // "first,last,days"
};

VariantColumns variant_columns(const ResultsFile& file, const Variant& variant) {
  const auto window = variant_window(variant);
  return {csv_field(file.metadata.scenario_name) + "," + csv_field(variant.label),
          fmt::format("{},{},{}", window_first_date(window), window_last_date(window),
                      number(window.days()))};
}

void fill_summary(const ResultsFile& file, fmt::memory_buffer& out, std::ofstream& stream) {
  fmt::format_to(std::back_inserter(out),
                 "scenario,variant,replication,measure,unit,accumulation,window_first_date,"
                 "window_last_date,window_days,value,per_year\n");
  for (const auto& variant : file.variants) {
    if (variant.replications.empty()) continue;
    const auto columns = variant_columns(file, variant);
    const double per_year = per_year_factor(variant_window(variant));
    for (const auto& rep : variant.replications) {
      for (const auto& s : rep.scalars) {
        const bool total = s.accumulation == model::Accumulation::total;
        fmt::format_to(std::back_inserter(out), "{},{},{},{},{},{},{},{}\n", columns.identity,
                       rep.replication, csv_field(s.name), csv_field(s.unit),
                       layout::accumulation_name(s.accumulation), columns.window,
                       number(s.value), total ? number(s.value * per_year) : "");
      }
      flush_if_large(out, stream);
    }
  }
}

void fill_statistics(const ResultsFile& file, fmt::memory_buffer& out) {
  const auto& percentiles = file.metadata.percentiles;
  fmt::format_to(std::back_inserter(out),
                 "scenario,variant,measure,unit,accumulation,window_first_date,window_last_date,"
                 "window_days,replications,mean,sd,ci_lower,ci_upper");
  for (const double p : percentiles) fmt::format_to(std::back_inserter(out), ",{}", percentile_name(p));
  fmt::format_to(std::back_inserter(out),
                 ",per_day_mean,per_day_ci_lower,per_day_ci_upper,per_year_mean,per_year_ci_lower,"
                 "per_year_ci_upper\n");
  const auto rate = [](const std::optional<MeasureSummary>& summary) {
    return summary ? fmt::format("{},{},{}", number(summary->ci.mean), number(summary->ci.lower()),
                                 number(summary->ci.upper()))
                   : std::string(",,");
  };
  for (const auto& statistics : variant_statistics(file)) {
    const auto columns = variant_columns(file, *statistics.variant);
    for (const auto& m : statistics.measures) {
      const auto& w = m.window;
      fmt::format_to(std::back_inserter(out), "{},{},{},{},{},{},{},{},{},{}", columns.identity,
                     csv_field(w.name), csv_field(w.unit),
                     layout::accumulation_name(w.accumulation), columns.window,
                     statistics.replications, number(w.ci.mean), number(w.ci.sd),
                     number(w.ci.lower()), number(w.ci.upper()));
      for (const double value : w.percentiles) fmt::format_to(std::back_inserter(out), ",{}", number(value));
      fmt::format_to(std::back_inserter(out), ",{},{}\n", rate(m.per_day), rate(m.per_year));
    }
  }
}

void fill_timeseries(const ResultsFile& file, fmt::memory_buffer& out, std::ofstream& stream) {
  fmt::format_to(std::back_inserter(out),
                 "scenario,variant,replication,group,measure,unit,date,time_days,value\n");
  for (const auto& variant : file.variants) {
    if (variant.replications.empty()) continue;
    const auto identity = variant_columns(file, variant).identity;
    const auto& first = variant.replications.front();
    const std::size_t columns = first.series.empty() ? 0 : first.series.front().values.size();
    std::vector<std::string> dates(columns), times(columns);
    for (std::size_t k = 0; k < columns; ++k) {
      const double days = series_time_days(variant, k);
      dates[k] = iso_instant(first.window.calendar_start, days);
      times[k] = number(days);
    }
    for (const auto& rep : variant.replications) {
      for (const auto& series : rep.series) {
        const auto prefix = fmt::format("{},{},{},{},{}", identity, rep.replication,
                                        csv_field(series.group), csv_field(series.measure),
                                        csv_field(series.unit));
        for (std::size_t k = 0; k < series.values.size(); ++k) {
          fmt::format_to(std::back_inserter(out), "{},{},{},{}\n", prefix, dates.at(k), times[k],
                         number(series.values[k]));
        }
        flush_if_large(out, stream);
      }
    }
  }
}

}  // namespace

std::vector<std::string> export_csv(const ResultsFile& file, const std::string& directory) {
  std::error_code error;
  fs::create_directories(directory, error);
  if (error || !fs::is_directory(directory)) {
    throw ResultsError(directory + ": cannot create directory (" + error.message() + ")");
  }
  const fs::path root(directory);
  std::vector<std::string> written;
  write_csv_file(root / "summary.csv",
                 [&](fmt::memory_buffer& out, std::ofstream& stream) { fill_summary(file, out, stream); });
  written.push_back((root / "summary.csv").string());
  write_csv_file(root / "statistics.csv",
                 [&](fmt::memory_buffer& out, std::ofstream&) { fill_statistics(file, out); });
  written.push_back((root / "statistics.csv").string());
  write_csv_file(root / "timeseries.csv", [&](fmt::memory_buffer& out, std::ofstream& stream) {
    fill_timeseries(file, out, stream);
  });
  written.push_back((root / "timeseries.csv").string());
  return written;
}

}  // namespace bedflow::results
