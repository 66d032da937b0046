#pragma once
// How numbers appear inside measure names.
#include <cmath>
#include <string>

namespace bedflow::model {

// "4" for 4.0, "4p5" for 4.5: a threshold as it appears in a measure name.
inline std::string threshold_label(double hours) {
  if (std::floor(hours) == hours) return std::to_string(static_cast<long long>(hours));
  std::string text = std::to_string(hours);
  while (!text.empty() && text.back() == '0') text.pop_back();
  for (char& c : text) {
    if (c == '.') c = 'p';
  }
  return text;
}

}  // namespace bedflow::model
