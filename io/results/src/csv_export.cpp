#include "bedflow/results/csv_export.hpp"

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "bedflow/results/results_error.hpp"
#include "csv_field.hpp"
#include "results_layout.hpp"

namespace bedflow::results {
namespace {

namespace fs = std::filesystem;

// A name safe as a file name on every platform planners use.
std::string file_safe(const std::string& name) {
  std::string safe;
  for (char c : name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    safe += plain ? c : '_';
  }
  return safe.empty() ? "_" : safe;
}

void write_text_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw ResultsError(path.string() + ": cannot write");
}

std::string summary_csv(const ResultsFile& file) {
  std::string out = "variant,replication,measure,value,unit,headline\n";
  for (const auto& variant : file.variants) {
    for (const auto& rep : variant.replications) {
      for (const auto& s : rep.scalars) {
        out += fmt::format("{},{},{},{:.17g},{},{}\n", csv_field(variant.label), rep.replication,
                           csv_field(s.name), s.value, csv_field(s.unit), s.headline ? 1 : 0);
      }
    }
  }
  return out;
}

std::string series_csv(const Variant& variant, std::size_t s) {
  const auto& reps = variant.replications;
  std::string out = "time_days";
  for (const auto& rep : reps) out += fmt::format(",rep_{}", rep.replication);
  out += "\n";
  const auto& first = reps.front();
  for (std::size_t k = 0; k < first.series[s].values.size(); ++k) {
    out += fmt::format("{:.17g}",
                       first.series_start_days + static_cast<double>(k) * first.series_step_days);
    for (const auto& rep : reps) out += fmt::format(",{:.17g}", rep.series[s].values[k]);
    out += "\n";
  }
  return out;
}

}  // namespace

std::vector<std::string> export_csv(const ResultsFile& file, const std::string& directory) {
  std::vector<std::string> written;
  std::error_code error;
  fs::create_directories(directory, error);
  if (error || !fs::is_directory(directory)) {
    throw ResultsError(directory + ": cannot create directory (" + error.message() + ")");
  }
  const fs::path root(directory);
  write_text_file(root / "summary.csv", summary_csv(file));
  written.push_back((root / "summary.csv").string());
  for (const auto& variant : file.variants) {
    if (variant.replications.empty()) continue;
    fs::path place = root;
    if (file.is_sweep()) {
      place /= file_safe(layout::group_name_for_label(variant.label));
      fs::create_directories(place, error);
      if (error) throw ResultsError(place.string() + ": cannot create directory");
    }
    const auto& series = variant.replications.front().series;
    for (std::size_t s = 0; s < series.size(); ++s) {
      const auto path = place / ("timeseries_" + file_safe(series[s].group) + "_" +
                                 file_safe(series[s].measure) + ".csv");
      write_text_file(path, series_csv(variant, s));
      written.push_back(path.string());
    }
  }
  return written;
}

}  // namespace bedflow::results
