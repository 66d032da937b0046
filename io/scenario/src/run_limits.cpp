#include "bedflow/scenario/run_limits.hpp"

#include <charconv>

namespace bedflow::scenario {

namespace {

std::optional<std::uint64_t> parse_decimal(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty() || text.front() < '0' || text.front() > '9') return std::nullopt;
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string seed_rule() { return "a whole number from 0 to " + std::to_string(kMaxSeed); }

std::string replications_rule(std::uint32_t minimum) {
  return "a whole number of replications from " + std::to_string(minimum) + " to " +
         std::to_string(kMaxReplications);
}

std::optional<std::uint64_t> parse_seed(std::string_view text) { return parse_decimal(text); }

std::optional<std::uint32_t> parse_replications(std::string_view text, std::uint32_t minimum) {
  const auto value = parse_decimal(text);
  if (!value || *value < minimum || *value > kMaxReplications) return std::nullopt;
  return static_cast<std::uint32_t>(*value);
}

}  // namespace bedflow::scenario
