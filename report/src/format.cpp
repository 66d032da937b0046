#include "format.hpp"

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

namespace bedflow::report {
namespace {

constexpr const char* kMinus = "\u2212";
constexpr const char* kEnDash = "\u2013";

// Thousands separators for the integer part of an already rounded, non-negative number.
std::string group_thousands(const std::string& digits) {
  const auto point = digits.find('.');
  const std::string whole = digits.substr(0, point);
  const std::string rest = point == std::string::npos ? "" : digits.substr(point);
  std::string grouped;
  const std::size_t n = whole.size();
  for (std::size_t i = 0; i < n; ++i) {
    grouped += whole[i];
    const std::size_t left = n - i - 1;
    if (left > 0 && left % 3 == 0) grouped += ',';
  }
  return grouped + rest;
}

// |value| to three significant figures, as digits without sign.
std::string magnitude_text(double value) {
  const double a = std::fabs(value);
  if (a == 0.0) return "0";
  const int exponent = static_cast<int>(std::floor(std::log10(a)));
  const int decimals = std::max(0, 2 - exponent);
  const double scale = std::pow(10.0, 2 - exponent);
  const double rounded = std::round(a * scale) / scale;
  std::string text = fmt::format("{:.{}f}", rounded, decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return group_thousands(text);
}

bool is_share(const std::string& unit) { return unit == "share"; }
bool is_money(const std::string& unit) { return unit.rfind("GBP", 0) == 0; }

std::string sign_of(double value, bool always) {
  if (value < 0.0) return kMinus;
  return always && value > 0.0 ? "+" : "";
}

std::string gbp_magnitude(double value) {
  const double a = std::fabs(value);
  if (a >= 1e9) return "£" + magnitude_text(a / 1e9) + "bn";
  if (a >= 1e6) return "£" + magnitude_text(a / 1e6) + "m";
  return "£" + magnitude_text(a);
}

std::string percent_magnitude(double share) {
  const double percent = std::fabs(share) * 100.0;
  if (percent >= 10.0) return fmt::format("{:.1f}", percent);
  return magnitude_text(percent);
}

}  // namespace

std::string format_number(double value) {
  if (!std::isfinite(value)) return "n/a";
  return sign_of(value, false) + magnitude_text(value);
}

std::string format_share(double value) {
  if (!std::isfinite(value)) return "n/a";
  return sign_of(value, false) + percent_magnitude(value) + "%";
}

std::string format_gbp(double value) {
  if (!std::isfinite(value)) return "n/a";
  return sign_of(value, false) + gbp_magnitude(value);
}

std::string format_value(double value, const std::string& unit) {
  if (is_share(unit)) return format_share(value);
  if (is_money(unit)) return format_gbp(value);
  return format_number(value);
}

std::string format_difference(double value, const std::string& unit) {
  if (!std::isfinite(value)) return "n/a";
  const std::string sign = sign_of(value, true);
  if (is_share(unit)) return sign + percent_magnitude(value) + " pp";
  if (is_money(unit)) return sign + gbp_magnitude(value);
  return sign + magnitude_text(value);
}

std::string format_difference_range(double low, double high, const std::string& unit) {
  std::string a = format_difference(low, unit);
  if (is_share(unit) && a.size() > 3) a.resize(a.size() - 3);  // one "pp", at the end
  return a + " to " + format_difference(high, unit);
}

std::string format_range(double low, double high, const std::string& unit) {
  return format_value(low, unit) + kEnDash + format_value(high, unit);
}

std::string format_integer(long long value) {
  const std::string digits = std::to_string(std::llabs(value));
  return (value < 0 ? std::string(kMinus) : std::string()) + group_thousands(digits);
}

}  // namespace bedflow::report
