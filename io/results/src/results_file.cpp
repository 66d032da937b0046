#include "bedflow/results/results_file.hpp"

#include <ctime>

#include <fmt/format.h>

#include "bedflow/build_stamp.hpp"
#include "bedflow/results/results_error.hpp"

namespace bedflow::results {

std::string build_version() { return BEDFLOW_VERSION; }
std::string build_commit() { return BEDFLOW_GIT_COMMIT; }

std::string utc_timestamp_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

const Variant& find_variant(const ResultsFile& file, const std::string& label,
                            const std::string& file_name) {
  std::string labels;
  for (const auto& variant : file.variants) {
    if (variant.label == label) return variant;
    labels += (labels.empty() ? "" : ", ") + variant.label;
  }
  if (label.empty() && file.variants.size() == 1) return file.variants.front();
  if (label.empty()) {
    throw ResultsError(fmt::format("{}: holds a sweep of {} variants ({}); choose one with "
                                   "--variant-a (first file) or --variant-b (second file)",
                                   file_name, file.variants.size(), labels));
  }
  throw ResultsError(
      fmt::format("{}: no variant '{}' (variants: {})", file_name, label, labels));
}

}  // namespace bedflow::results
