#include "table_number.hpp"

#include <cmath>

#include <fmt/format.h>

namespace bedflow::results {

namespace {

// 1234567.4 -> "1,234,567": whole units with thousands grouped, as finance tables print GBP.
std::string grouped_whole(double value) {
  const std::string digits = fmt::format("{:.0f}", std::abs(value));
  std::string grouped;
  grouped.reserve(digits.size() + digits.size() / 3 + 1);
  if (value < 0.0 && digits != "0") grouped.push_back('-');
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back(',');
    grouped.push_back(digits[i]);
  }
  return grouped;
}

}  // namespace

// Four significant figures read well for shares and small counts; from 1,000 up, whole
// numbers with grouped thousands read well for patients, bed-days and GBP (never 1.235e+06).
std::string table_number(double value) {
  if (value == 0.0) return "0";
  const double magnitude = std::abs(value);
  if (!std::isfinite(value) || magnitude >= 1e15 || magnitude < 1e-3) {
    return fmt::format("{:.4g}", value);
  }
  if (magnitude >= 1000.0) return grouped_whole(value);
  return fmt::format("{:.4g}", value);
}

}  // namespace bedflow::results
