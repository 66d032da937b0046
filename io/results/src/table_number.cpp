#include "table_number.hpp"

#include <cmath>

#include <fmt/format.h>

namespace bedflow::results {

// Four significant figures read well for counts of thousands and for shares alike.
std::string table_number(double value) {
  if (value == 0.0) return "0";
  const double magnitude = std::abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-3) return fmt::format("{:.4g}", value);
  if (magnitude >= 1000.0) return fmt::format("{:.0f}", value);
  return fmt::format("{:.4g}", value);
}

}  // namespace bedflow::results
