#include <sstream>

#include "bedflow/scenario/load.hpp"
#include "diagnostics.hpp"

namespace bedflow::scenario {

std::string escape_controls(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string shown;
  shown.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    // C0 controls and DEL, and C1 controls (U+0080..U+009F, UTF-8 \xc2\x80..\xc2\x9f), which
    // some terminals obey as escape sequences too.
    const bool c1 = byte == 0xc2 && i + 1 < text.size() &&
                    static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9f;
    if (byte >= 0x20 && byte != 0x7f && !c1) {
      shown += text[i];
      continue;
    }
    const std::size_t count = c1 ? 2 : 1;
    for (std::size_t k = 0; k < count; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      shown += "\\x";
      shown += kHex[b >> 4];
      shown += kHex[b & 0xf];
    }
    i += count - 1;
  }
  return shown;
}

std::string excerpt(std::string_view text) {
  if (text.size() <= kMaxExcerpt) return escape_controls(text);
  std::size_t cut = kMaxExcerpt;
  // Never split a UTF-8 character: back off over its continuation bytes (10xxxxxx).
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;
  return escape_controls(text.substr(0, cut)) + "...";
}

std::string Diagnostic::to_string() const {
  std::ostringstream out;
  out << (file.empty() ? "<scenario>" : escape_controls(file));
  if (line > 0) {
    out << ':' << line;
    if (column > 0) out << ':' << column;
  }
  out << ": ";
  if (severity == Severity::warning) out << "WARNING: ";
  if (!path.empty()) out << escape_controls(path) << ": ";
  out << escape_controls(message);
  if (!hint.empty()) out << " (" << escape_controls(hint) << ')';
  if (!referenced_by.empty()) out << "; " << escape_controls(referenced_by);
  return out.str();
}

namespace {
std::string join(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics) {
    if (!text.empty()) text += '\n';
    text += d.to_string();
  }
  return text;
}
}  // namespace

ScenarioError::ScenarioError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace bedflow::scenario
