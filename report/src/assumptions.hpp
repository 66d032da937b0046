#pragma once
// The resolved scenario as a table of assumptions, each with the source its author wrote in
// the scenario file's comments.
//
// Invariants:
//  - Rows follow the resolved YAML's order: section (top-level key), item (its child),
//    setting (the grandchild, empty when the item fits on one line), value in YAML flow
//    style, and the comments of the given file's lines that set it ("" when none).
//  - Unparseable YAML gives no rows (the caller says so); nothing throws.
#include <map>
#include <string>
#include <vector>

namespace bedflow::report {

struct AssumptionRow {
  std::string section;
  std::string item;
  std::string setting;
  std::string value;
  std::string source;
  bool same_place(const AssumptionRow& other) const {
    return section == other.section && item == other.item && setting == other.setting;
  }
};

std::vector<AssumptionRow> assumption_rows(const std::string& resolved_yaml,
                                           const std::map<std::string, std::string>& comments);
std::string section_title(const std::string& key);  // "costs_gbp" -> "Costs (GBP)"

}  // namespace bedflow::report
