#pragma once
// Quoting one CSV field (RFC 4180): quoted only when it holds a comma, quote or newline.
#include <string>

namespace bedflow::results {

inline std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace bedflow::results
