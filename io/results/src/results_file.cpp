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
    // By its label ("400") or as run printed it ("services.acute.capacity=400").
    if (variant.label == label || (!label.empty() && variant.override_text == label)) {
      return variant;
    }
    labels += (labels.empty() ? "" : ", ") + variant.label;
  }
  if (label.empty() && file.variants.size() == 1) return file.variants.front();
  if (label.empty()) {
    throw ResultsError(fmt::format("{}: holds a sweep of {} variants ({}); choose one with "
                                   "--variant-a (first file) or --variant-b (second file)",
                                   file_name, file.variants.size(), labels));
  }
  if (file.variants.size() == 1 && file.variants.front().label.empty()) {
    throw ResultsError(fmt::format("{}: no variant '{}': the file holds one run, not a sweep "
                                   "(name no variant for it)",
                                   file_name, label));
  }
  throw ResultsError(
      fmt::format("{}: no variant '{}' (variants: {})", file_name, label, labels));
}

std::string variant_option_problem(const std::string& option, std::size_t files) {
  if (files >= 2) return {};
  return fmt::format(
      "{} picks a variant to compare, and a comparison needs two results files (export A.h5 "
      "B.h5 --xlsx BOOK.xlsx, the first file's variant by --variant-a, the second's by "
      "--variant-b); one file is exported with every variant. To compare two variants of one "
      "sweep, give its file twice: bedflow export F.h5 F.h5 --xlsx BOOK.xlsx --variant-a "
      "LABEL --variant-b LABEL",
      option);
}

}  // namespace bedflow::results
