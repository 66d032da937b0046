#include "fields.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "bedflow/engine/did_you_mean.hpp"
#include "bedflow/scenario/run_limits.hpp"
#include "limits.hpp"

namespace bedflow::scenario {

using engine::closest_match;
using engine::did_you_mean;

Bounds probability() { return {0.0, 1.0, true, true, "a probability"}; }
Bounds non_negative(double high, std::string meaning) {
  return {0.0, high, true, true, std::move(meaning)};
}
Bounds positive(double high, std::string meaning) {
  return {0.0, high, false, true, std::move(meaning)};
}

std::string number_text(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

std::string join_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

namespace {

bool is_yaml_nan(const std::string& t) { return t == ".nan" || t == ".NaN" || t == ".NAN"; }
bool is_yaml_inf(const std::string& t) {
  for (const char* form : {".inf", ".Inf", ".INF"}) {
    if (t == form || t == std::string("+") + form || t == std::string("-") + form) return true;
  }
  return false;
}

}  // namespace

bool expect_map(Context& ctx, const Node& node, const std::string& path,
                const std::vector<std::string>& allowed, const std::string& what) {
  if (!node.is_map()) {
    ctx.error(node, path, "expected " + what + ", found " + describe(node));
    return false;
  }
  ctx.note(path, node);
  for (const auto& entry : node.entries) {
    if (std::find(allowed.begin(), allowed.end(), entry.key) != allowed.end()) continue;
    ctx.diagnostics.error(entry.key_where, join_path(path, entry.key),
                          "unknown key '" + excerpt(entry.key) + "'" +
                              (path.empty() ? std::string() : " in '" + path + "'"),
                          did_you_mean(entry.key, allowed));
  }
  return true;
}

bool is_valid_name(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// Names become HDF5 group names, file names and CSV fields read by other tools, so they are
// plain ASCII; the hint says so, since "letters" alone reads as allowing accented ones.
constexpr const char* kNameRule =
    "names use only ASCII letters (a-z, A-Z; no accented letters), digits, '_' and '-', at "
    "most 64";

bool report_misspelt_entry(Context& ctx, const Node& section, const MapEntry& entry,
                           const std::string& path, const char* required_key,
                           const std::string& what) {
  if (!entry.value.is_map() || entry.value.find(required_key) != nullptr) return false;
  std::vector<std::string> complete;
  for (const auto& other : section.entries) {
    // Only an entry written elsewhere (a parent file, another override) can be the one
    // meant: in one file, ward_1 beside ward_2 is a second ward that lacks its key.
    if (other.key != entry.key && other.key_where.file != entry.key_where.file &&
        other.value.is_map() && other.value.find(required_key) != nullptr)
      complete.push_back(other.key);
  }
  const auto meant = engine::closest_match(entry.key, complete);
  if (!meant) return false;
  ctx.diagnostics.error(entry.key_where, path, "unknown " + what + " '" + excerpt(entry.key) + "'",
                        "did you mean '" + *meant + "'?");
  return true;
}

bool expect_named_map(Context& ctx, const Node& node, const std::string& path,
                      const std::string& what) {
  if (!node.is_map()) {
    ctx.error(node, path, "expected a map of " + what + " by name, found " + describe(node));
    return false;
  }
  ctx.note(path, node);
  for (const auto& entry : node.entries) {
    if (!is_valid_name(entry.key)) {
      ctx.diagnostics.error(entry.key_where, join_path(path, entry.key),
                            "invalid name '" + excerpt(entry.key) + "'", kNameRule);
    }
  }
  return true;
}

bool expect_list(Context& ctx, const Node& node, const std::string& path, const std::string& what) {
  if (!node.is_sequence()) {
    ctx.error(node, path, "expected " + what + ", found " + describe(node));
    return false;
  }
  ctx.note(path, node);
  return true;
}

const Node* required(Context& ctx, const Node& map, const std::string& path,
                     const std::string& key, const std::string& what) {
  const Node* found = map.find(key);
  if (found != nullptr) return found;
  // A misspelling of this key has already been reported as unknown, with this key as its
  // hint: one mistake, one message.
  for (const auto& entry : map.entries) {
    if (closest_match(entry.key, {key}) == key) return nullptr;
  }
  ctx.error(map, join_path(path, key), "missing required key '" + key + "' (" + what + ")");
  return nullptr;
}

namespace {

// The text of a plain scalar as a finite number: a leading '+' is allowed, nothing may follow.
// Also tells an overflow apart, which has its own message.
std::optional<double> parse_finite(const std::string& t, bool* out_of_range = nullptr) {
  double value = 0.0;
  const char* first = t.data();
  const char* last = t.data() + t.size();
  if (first != last && *first == '+') ++first;
  const auto [end, ec] = std::from_chars(first, last, value);
  if (out_of_range != nullptr) *out_of_range = ec == std::errc::result_out_of_range;
  if (ec != std::errc() || end != last || !std::isfinite(value) || t.empty()) return std::nullopt;
  return value;
}

bool too_low(const Bounds& bounds, double value) {
  return bounds.low_inclusive ? value < bounds.low : value <= bounds.low;
}
bool too_high(const Bounds& bounds, double value) {
  return bounds.high_inclusive ? value > bounds.high : value >= bounds.high;
}

// True when `text`, written without quotes, would be accepted for a field of these bounds:
// only then is "remove the quotes" the fix (quoted "100x" is not a number either way).
bool valid_without_quotes(const std::string& text, const Bounds& bounds, bool whole) {
  const auto value = parse_finite(text);
  if (!value || too_low(bounds, *value) || too_high(bounds, *value)) return false;
  return !whole || *value == std::floor(*value);
}

std::optional<double> read_bounded(Context& ctx, const Node& node, const std::string& path,
                                   const Bounds& bounds, bool whole) {
  ctx.note(path, node);
  const std::string expected = "expected " + bounds.meaning;
  if (!node.is_scalar()) {
    ctx.error(node, path, expected + ", found " + describe(node));
    return std::nullopt;
  }
  if (node.quoted) {
    ctx.error(node, path, expected + ", found " + describe(node),
              valid_without_quotes(node.text, bounds, whole) ? "remove the quotes" : "");
    return std::nullopt;
  }
  const std::string& t = node.text;
  if (is_yaml_nan(t) || t == "nan" || t == "NaN") {
    ctx.error(node, path, expected + ", found NaN (not a number)");
    return std::nullopt;
  }
  if (is_yaml_inf(t)) {
    ctx.error(node, path, expected + ", found infinity",
              bounds.meaning.find("capacity") != std::string::npos
                  ? "write 'unlimited' for a service without a limit"
                  : "give a finite value");
    return std::nullopt;
  }
  bool out_of_range = false;
  const auto parsed = parse_finite(t, &out_of_range);
  if (out_of_range) {
    ctx.error(node, path, expected + ", found " + t + " (out of range)");
    return std::nullopt;
  }
  if (!parsed) {
    ctx.error(node, path, expected + ", found " + describe(node));
    return std::nullopt;
  }
  const double value = *parsed;
  const bool low = too_low(bounds, value);
  const bool high = too_high(bounds, value);
  if (low || high) {
    std::string range = std::string(bounds.low_inclusive ? "[" : "(") + number_text(bounds.low) +
                        ", " + number_text(bounds.high) + (bounds.high_inclusive ? "]" : ")");
    std::string hint;
    if (high && bounds.high >= 1000) hint = "that is implausibly large for a scenario";
    else if (low && value < 0) hint = "negative values have no meaning here";
    else if (low && value == 0 && !bounds.low_inclusive) hint = "it must be above zero";
    ctx.error(node, path, expected + " in " + range + ", found " + t, hint);
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::optional<double> read_number(Context& ctx, const Node& node, const std::string& path,
                                  const Bounds& bounds) {
  return read_bounded(ctx, node, path, bounds, false);
}

std::optional<std::int64_t> read_integer(Context& ctx, const Node& node, const std::string& path,
                                         const Bounds& bounds) {
  const auto value = read_bounded(ctx, node, path, bounds, true);
  if (!value) return std::nullopt;
  if (*value != std::floor(*value)) {
    ctx.error(node, path, "expected a whole number, found " + node.text);
    return std::nullopt;
  }
  return static_cast<std::int64_t>(*value);
}

namespace {

// A run setting written as a whole number (run_limits.hpp): its value, or one error that
// says the rule; "remove the quotes" only when the quoted text would be accepted bare.
template <class Parse>
auto read_run_number(Context& ctx, const Node& node, const std::string& path,
                     const std::string& rule, Parse parse) -> decltype(parse(node.text)) {
  ctx.note(path, node);
  if (node.is_scalar() && !node.quoted) {
    if (auto value = parse(node.text)) return value;
  }
  const bool bare_would_do = node.is_scalar() && node.quoted && parse(node.text).has_value();
  ctx.error(node, path, "expected " + rule + ", found " + describe(node),
            bare_would_do ? "remove the quotes" : "");
  return std::nullopt;
}

}  // namespace

std::optional<std::uint64_t> read_seed(Context& ctx, const Node& node, const std::string& path) {
  return read_run_number(ctx, node, path, seed_rule(),
                         [](const std::string& text) { return parse_seed(text); });
}

std::optional<std::uint32_t> read_replications(Context& ctx, const Node& node,
                                               const std::string& path) {
  return read_run_number(ctx, node, path, replications_rule(),
                         [](const std::string& text) { return parse_replications(text); });
}

std::optional<bool> read_bool(Context& ctx, const Node& node, const std::string& path) {
  ctx.note(path, node);
  if (node.is_scalar() && !node.quoted) {
    if (node.text == "true" || node.text == "True" || node.text == "TRUE") return true;
    if (node.text == "false" || node.text == "False" || node.text == "FALSE") return false;
  }
  ctx.error(node, path, "expected true or false, found " + describe(node));
  return std::nullopt;
}

std::optional<std::string> read_text(Context& ctx, const Node& node, const std::string& path) {
  ctx.note(path, node);
  if (!node.is_scalar()) {
    ctx.error(node, path, "expected text, found " + describe(node));
    return std::nullopt;
  }
  return node.text;
}

std::optional<std::string> read_name(Context& ctx, const Node& node, const std::string& path) {
  ctx.note(path, node);
  if (!node.is_scalar()) {
    ctx.error(node, path, "expected a name, found " + describe(node));
    return std::nullopt;
  }
  if (!is_valid_name(node.text)) {
    ctx.error(node, path, "expected a name, found " + describe(node),
              kNameRule);
    return std::nullopt;
  }
  return node.text;
}

std::optional<engine::Date> read_date(Context& ctx, const Node& node, const std::string& path) {
  ctx.note(path, node);
  if (node.is_scalar()) {
    const auto date = engine::parse_iso_date(node.text);
    if (date && date->year >= limits::kMinYear && date->year <= limits::kMaxYear) return date;
    if (date) {
      ctx.error(node, path, "expected a date between " + std::to_string(limits::kMinYear) +
                                " and " + std::to_string(limits::kMaxYear) + ", found " + node.text);
      return std::nullopt;
    }
  }
  ctx.error(node, path, "expected a real date YYYY-MM-DD, found " + describe(node),
            "e.g. 2026-10-01");
  return std::nullopt;
}

std::optional<std::vector<std::string>> read_name_list(Context& ctx, const Node& node,
                                                       const std::string& path) {
  if (!expect_list(ctx, node, path, "a list of names")) return std::nullopt;
  std::vector<std::string> names;
  bool ok = true;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const auto name = read_name(ctx, node.items[i], path + "." + std::to_string(i));
    if (name) names.push_back(*name);
    else ok = false;
  }
  if (!ok) return std::nullopt;
  return names;
}

std::optional<std::vector<double>> read_number_list(Context& ctx, const Node& node,
                                                    const std::string& path, const Bounds& bounds) {
  if (!expect_list(ctx, node, path, "a list of numbers")) return std::nullopt;
  std::vector<double> values;
  bool ok = true;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const auto v = read_number(ctx, node.items[i], path + "." + std::to_string(i), bounds);
    if (v) values.push_back(*v);
    else ok = false;
  }
  if (!ok) return std::nullopt;
  return values;
}

}  // namespace bedflow::scenario
