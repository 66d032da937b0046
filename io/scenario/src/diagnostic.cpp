#include <sstream>

#include "bedflow/scenario/load.hpp"

namespace bedflow::scenario {

std::string Diagnostic::to_string() const {
  std::ostringstream out;
  out << (file.empty() ? "<scenario>" : file);
  if (line > 0) {
    out << ':' << line;
    if (column > 0) out << ':' << column;
  }
  out << ": ";
  if (severity == Severity::warning) out << "WARNING: ";
  if (!path.empty()) out << path << ": ";
  out << message;
  if (!hint.empty()) out << " (" << hint << ')';
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
