#include "assumptions.hpp"

#include <yaml-cpp/yaml.h>

#include "labels.hpp"
#include "scenario_text.hpp"

namespace bedflow::report {
namespace {

constexpr std::size_t kOneLine = 70;

std::string flow(const YAML::Node& node) {
  if (node.IsScalar()) return node.Scalar();
  YAML::Emitter out;
  out.SetMapFormat(YAML::Flow);
  out.SetSeqFormat(YAML::Flow);
  out << node;
  return out.c_str();
}

std::string exact_comment(const std::map<std::string, std::string>& comments,
                          const std::string& path) {
  const auto found = comments.find(path);
  return found == comments.end() ? "" : found->second;
}

}  // namespace

std::string section_title(const std::string& key) {
  static const std::map<std::string, std::string> kTitles = {
      {"scenario", "Run"},
      {"profiles", "Profiles (demand over time)"},
      {"cohorts", "Cohorts and stays"},
      {"arrivals", "Arrivals"},
      {"services", "Services and capacities"},
      {"discharge_pathways", "Discharge pathways"},
      {"costs_gbp", "Costs (GBP)"},
      {"outputs", "Outputs"},
      {"initial_state", "Census start"},
      {"capacity_changes", "Capacity changes"},
  };
  const auto found = kTitles.find(key);
  return found != kTitles.end() ? found->second : plain_words(key);
}

std::vector<AssumptionRow> assumption_rows(const std::string& resolved_yaml,
                                           const std::map<std::string, std::string>& comments) {
  std::vector<AssumptionRow> rows;
  YAML::Node root;
  try {
    root = YAML::Load(resolved_yaml);
  } catch (const YAML::Exception&) {
    return rows;
  }
  if (!root.IsMap()) return rows;
  for (const auto& top : root) {
    const std::string section = top.first.Scalar();
    if (section == "schema" || section == "extends") continue;
    const YAML::Node& value = top.second;
    if (!value.IsMap()) {
      rows.push_back({section, "", "", flow(value), comments_under(comments, section)});
      continue;
    }
    for (const auto& child : value) {
      const std::string item = child.first.Scalar();
      const std::string path = section + "." + item;
      const std::string text = flow(child.second);
      if (!child.second.IsMap() || text.size() <= kOneLine) {
        rows.push_back({section, item, "", text, comments_under(comments, path)});
        continue;
      }
      bool first = true;
      for (const auto& leaf : child.second) {
        const std::string setting = leaf.first.Scalar();
        std::string source = comments_under(comments, path + "." + setting);
        if (first) {
          const std::string own = exact_comment(comments, path);
          if (!own.empty()) source = source.empty() ? own : own + "; " + source;
          first = false;
        }
        rows.push_back({section, item, setting, flow(leaf.second), source});
      }
    }
  }
  return rows;
}

}  // namespace bedflow::report
