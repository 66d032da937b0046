#include "bedflow/analysis/target.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "bedflow/analysis/error.hpp"

namespace bedflow::analysis {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

[[noreturn]] void fail(std::string_view text, std::string_view problem) {
  throw AnalysisError(fmt::format(
      "target \"{}\": {} (expected MEASURE OP NUMBER with OP one of <=, <, >=, >, "
      "e.g. \"delayed_bed_days_per_week <= 500\")",
      text, problem));
}

}  // namespace

std::string_view to_string(Comparison comparison) noexcept {
  switch (comparison) {
    case Comparison::less: return "<";
    case Comparison::less_equal: return "<=";
    case Comparison::greater: return ">";
    case Comparison::greater_equal: return ">=";
  }
  return "?";
}

bool Target::satisfied_by(double value) const noexcept {
  switch (comparison) {
    case Comparison::less: return value < threshold;
    case Comparison::less_equal: return value <= threshold;
    case Comparison::greater: return value > threshold;
    case Comparison::greater_equal: return value >= threshold;
  }
  return false;
}

std::string Target::describe() const {
  return fmt::format("{} {} {}", measure, to_string(comparison), threshold);
}

Target parse_target(std::string_view raw) {
  const std::string_view text = trim(raw);
  if (text.empty()) fail(raw, "empty target");

  const std::size_t op_at = text.find_first_of("<>=!");
  if (op_at == std::string_view::npos) fail(text, "no comparison operator");

  Target target;
  const std::string_view name = trim(text.substr(0, op_at));
  if (name.empty()) fail(text, "no measure name before the operator");
  for (char c : name) {
    if (!is_name_char(c)) {
      fail(text, fmt::format("measure name '{}' may only hold letters, digits and '_'", name));
    }
  }
  target.measure = std::string(name);

  std::string_view rest = text.substr(op_at);
  if (rest.starts_with("<=")) {
    target.comparison = Comparison::less_equal;
    rest.remove_prefix(2);
  } else if (rest.starts_with(">=")) {
    target.comparison = Comparison::greater_equal;
    rest.remove_prefix(2);
  } else if (rest.starts_with("<") && !rest.starts_with("<<")) {
    target.comparison = Comparison::less;
    rest.remove_prefix(1);
  } else if (rest.starts_with(">") && !rest.starts_with(">>")) {
    target.comparison = Comparison::greater;
    rest.remove_prefix(1);
  } else {
    const std::size_t op_end = rest.find_first_not_of("<>=!");
    fail(text, fmt::format("unsupported operator '{}'", rest.substr(0, op_end)));
  }
  if (!rest.empty() && (rest.front() == '<' || rest.front() == '>' || rest.front() == '=')) {
    fail(text, "unsupported operator (one of <=, <, >=, > expected)");
  }

  std::string_view number = trim(rest);
  if (number.empty()) {
    fail(text, fmt::format("missing threshold after '{}'", to_string(target.comparison)));
  }
  bool percent = false;
  if (number.back() == '%') {
    percent = true;
    number = trim(number.substr(0, number.size() - 1));
  }
  if (!number.empty() && number.front() == '+') number.remove_prefix(1);
  double value = 0.0;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (error != std::errc{} || end != number.data() + number.size() || !std::isfinite(value)) {
    fail(text, fmt::format("threshold '{}' is not a finite number", trim(rest)));
  }
  target.threshold = percent ? value / 100.0 : value;
  return target;
}

}  // namespace bedflow::analysis
