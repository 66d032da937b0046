#pragma once
// The names of the model's counts of long ED waits, as results files carry them:
//   ed_waits_over_<h>h                          the whole window, the system
//   ed_waits_over_<h>h_<yyyy>_<mm>              one calendar month, the system
//   ed_waits_over_<h>h_<acute>                  the whole window, one acute trust
//   ed_waits_over_<h>h_<acute>_<yyyy>_<mm>      one calendar month, one acute trust
// <h> is the threshold in hours as the model writes it ("4", "12", "4p5" for 4.5 hours).
// Invariant (the scenario loader's): with several acute services no service's name is, or
// ends like, a month, so the month is always read from the end.
#include <algorithm>
#include <string>

namespace bedflow::results {

// True for "yyyy_mm" with mm 01..12 (the model's month label, which sorts as dates do).
inline bool is_month_label(const std::string& text) {
  const auto digits = [](const std::string& part) {
    return !part.empty() &&
           std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (text.size() != 7 || text[4] != '_' || !digits(text.substr(0, 4)) || !digits(text.substr(5)))
    return false;
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  return month >= 1 && month <= 12;
}

// The month a count over one calendar month covers ("2027_01" from
// "ed_waits_over_12h_acute_east_kent_2027_01"), or "" for any other measure.
inline std::string month_of_count(const std::string& name) {
  if (name.rfind("ed_waits_over_", 0) != 0 || name.size() < 8 || name[name.size() - 8] != '_')
    return "";
  const std::string label = name.substr(name.size() - 7);
  return is_month_label(label) ? label : "";
}

// The count's name for threshold `hours`, acute service `trust` ("" for the system) and
// `month` ("" for the whole window).
inline std::string ed_wait_count_name(const std::string& hours, const std::string& trust,
                                      const std::string& month) {
  std::string name = "ed_waits_over_";
  name += hours;
  name += 'h';
  for (const std::string* part : {&trust, &month}) {
    if (part->empty()) continue;
    name += '_';
    name += *part;
  }
  return name;
}

}  // namespace bedflow::results
