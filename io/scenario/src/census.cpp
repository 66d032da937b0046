#include "census.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "bedflow/engine/did_you_mean.hpp"
#include "fields.hpp"
#include "limits.hpp"
#include "yaml_reader.hpp"

namespace bedflow::scenario {

namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return std::string(s);
}

std::vector<std::string> split(std::string_view line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    const auto comma = line.find(',', start);
    fields.push_back(trim(line.substr(start, comma == std::string_view::npos ? std::string_view::npos
                                                                             : comma - start)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return fields;
}

}  // namespace

Census read_census(const std::string& path, const Location& referenced_from,
                   Diagnostics& diagnostics) {
  Census census;
  census.file = path;
  const auto text = read_text_file(path, limits::kMaxCsvBytes, diagnostics, referenced_from,
                                   "initial_state.census_csv");
  if (!text) return census;
  // Spreadsheets often save CSV with a UTF-8 byte-order mark; it is not part of the header.
  const std::size_t start = text->rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;

  // The fifth column, waiting_for_bed, is optional: a file without it has no one waiting.
  const std::array<std::string, 5> columns{"service", "cohort", "days_in_service", "medically_fit",
                                           "waiting_for_bed"};
  std::array<std::size_t, 5> index{0, 1, 2, 3, 4};
  std::size_t width = 4;  // the number of columns the header names
  bool have_header = false;
  int line_number = 0;
  std::size_t pos = start;
  while (pos < text->size()) {
    const auto end = std::min(text->find('\n', pos), text->size());
    const std::string_view line(text->data() + pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (trim(line).empty()) continue;
    const Location where{path, line_number, 1};
    const auto fields = split(line);
    if (!have_header) {
      have_header = true;
      width = fields.size();
      bool ok = width == 4 || width == 5;
      for (std::size_t c = 0; ok && c < width; ++c) {
        const auto found = std::find(fields.begin(), fields.end(), columns[c]);
        if (found == fields.end()) ok = false;
        else index[c] = static_cast<std::size_t>(found - fields.begin());
      }
      if (!ok) {
        // Name each column that is not one of the five, with a hint when one is close, so a
        // misspelt column is found however long the header is.
        const std::vector<std::string> known(columns.begin(), columns.end());
        std::string unknown;
        for (const auto& field : fields) {
          if (std::find(known.begin(), known.end(), field) != known.end()) continue;
          const auto hint = engine::did_you_mean(field, known);
          unknown += (unknown.empty() ? "; unknown column '" : ", unknown column '") +
                     excerpt(field) + "'" + (hint.empty() ? "" : " (" + hint + ")");
        }
        diagnostics.error(where, "header",
                          "expected the header service,cohort,days_in_service,medically_fit "
                          "(and optionally waiting_for_bed), found '" +
                              excerpt(trim(line)) + "'" + unknown);
        return census;
      }
      continue;
    }
    if (census.entries.size() >= limits::kMaxCsvRows) {
      diagnostics.error(where, "", "more than " + std::to_string(limits::kMaxCsvRows) + " rows");
      return census;
    }
    if (fields.size() != width) {
      diagnostics.error(where, "row",
                        "expected " + std::to_string(width) +
                            " fields (service, cohort, days_in_service, medically_fit" +
                            (width == 5 ? ", waiting_for_bed" : "") + "), found " +
                            std::to_string(fields.size()));
      continue;
    }
    model::CensusEntry entry;
    bool ok = true;
    entry.service = fields[index[0]];
    entry.cohort = fields[index[1]];
    for (std::size_t c = 0; c < 2; ++c) {
      if (!is_valid_name(fields[index[c]])) {
        diagnostics.error(where, columns[c], "expected a name, found '" + fields[index[c]] + "'");
        ok = false;
      }
    }
    const std::string& days = fields[index[2]];
    double value = 0.0;
    const auto [end_ptr, ec] = std::from_chars(days.data(), days.data() + days.size(), value);
    if (ec != std::errc() || end_ptr != days.data() + days.size() || days.empty() ||
        !std::isfinite(value) || value < 0 || value > limits::kMaxDays) {
      diagnostics.error(where, "days_in_service",
                        "expected a number of days from 0 to " +
                            std::to_string(static_cast<int>(limits::kMaxDays)) + ", found '" + excerpt(days) + "'");
      ok = false;
    }
    entry.days_in_service = value;
    for (std::size_t c = 3; c < width; ++c) {
      const std::string& flag = fields[index[c]];
      bool& target = c == 3 ? entry.medically_fit : entry.waiting_for_bed;
      if (flag == "true" || flag == "1" || flag == "yes") target = true;
      else if (flag == "false" || flag == "0" || flag == "no") target = false;
      else {
        diagnostics.error(where, columns[c], "expected true or false, found '" + excerpt(flag) + "'");
        ok = false;
      }
    }
    if (!ok) continue;
    census.entries.push_back(std::move(entry));
    census.lines.push_back(line_number);
  }
  if (!have_header) {
    diagnostics.error({path, 0, 0}, "", "the census file is empty",
                      "the first line is the header service,cohort,days_in_service,medically_fit");
  }
  return census;
}

}  // namespace bedflow::scenario
