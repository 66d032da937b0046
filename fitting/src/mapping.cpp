// The column mapping file: which header names hold each field of the extract, and which
// admission-method codes are emergency or elective.
#include <fstream>
#include <map>

#include <yaml-cpp/yaml.h>

#include "bedflow/engine/did_you_mean.hpp"
#include "bedflow/fitting/extract.hpp"

namespace bedflow::fitting {
namespace {

std::size_t line_of(const YAML::Node& node) {
  return node.Mark().line >= 0 ? static_cast<std::size_t>(node.Mark().line) + 1 : 0;
}

}  // namespace

ColumnMapping read_mapping(const std::string& path) {
  ColumnMapping mapping;
  YAML::Node root;
  {
    std::ifstream probe(path);
    if (!probe) throw ExtractError(path, 0, "", "cannot open the mapping file");
  }
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::Exception& error) {
    throw ExtractError(path, static_cast<std::size_t>(error.mark.line + 1), "",
                       "not a YAML mapping file: " + error.msg);
  }
  if (!root.IsMap()) throw ExtractError(path, 1, "", "expected a map of field: column name");
  const std::map<std::string, std::string*> columns = {
      {"spell_id", &mapping.spell_id},
      {"admitted", &mapping.admitted},
      {"discharged", &mapping.discharged},
      {"admission_method", &mapping.admission_method},
      {"cohort", &mapping.cohort},
      {"pathway", &mapping.pathway},
      {"ready_for_discharge", &mapping.ready},
      {"community_start", &mapping.community_start},
      {"community_end", &mapping.community_end}};
  try {
  for (const auto& entry : root) {
    const auto key = entry.first.as<std::string>();
    const auto& value = entry.second;
    const auto found = columns.find(key);
    if (found != columns.end()) {
      if (!value.IsScalar() || value.Scalar().empty()) {
        throw ExtractError(path, line_of(value), key, "expected the column's header name");
      }
      *found->second = value.Scalar();
    } else if (key == "emergency" || key == "elective") {
      if (!value.IsSequence() || value.size() == 0) {
        throw ExtractError(path, line_of(value), key,
                           "expected a list of admission-method codes, e.g. [21, 22, 23]");
      }
      auto& codes = key == "emergency" ? mapping.emergency_codes : mapping.elective_codes;
      codes.clear();
      for (const auto& code : value) codes.push_back(code.as<std::string>());
    } else {
      std::vector<std::string> known;
      for (const auto& [name, column] : columns) known.push_back(name);
      known.insert(known.end(), {"emergency", "elective"});
      const auto hint = engine::closest_match(key, known);
      throw ExtractError(path, line_of(entry.first), key,
                         hint ? "unknown key; did you mean '" + *hint + "'?"
                              : "unknown key (expected spell_id, admitted, discharged, "
                                "admission_method, cohort, pathway, ready_for_discharge, "
                                "community_start, community_end, emergency or elective)");
    }
  }
  } catch (const YAML::Exception& error) {
    throw ExtractError(path, static_cast<std::size_t>(error.mark.line + 1), "",
                       "expected field: column name pairs: " + error.msg);
  }
  return mapping;
}

}  // namespace bedflow::fitting
