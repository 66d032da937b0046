// Reading the extract: header, column mapping, one Spell per row, every refusal located.
#include <algorithm>
#include <optional>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "bedflow/engine/did_you_mean.hpp"
#include "bedflow/fitting/extract.hpp"
#include "bad_rows.hpp"
#include "csv_reader.hpp"

namespace bedflow::fitting {

ExtractError::ExtractError(const std::string& file_, std::size_t line_, const std::string& column_,
                           const std::string& message)
    : std::runtime_error(fmt::format("{}:{}: {}{}", file_, line_,
                                     column_.empty() ? "" : "column '" + column_ + "': ",
                                     message)),
      file(file_),
      line(line_),
      column(column_) {}

namespace {

constexpr double kYearDays = 365.0;
constexpr std::size_t kMaxCohorts = 1000;

// Scenario names are letters, digits, '_' and '-', at most 64 characters.
std::string scenario_name(const std::string& label) {
  std::string name;
  for (const char c : label.substr(0, 64)) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c == '_' || c == '-';
    name.push_back(ok ? c : '_');
  }
  return name == "home" ? "home_cohort" : name;
}

// A header of control characters or broken UTF-8 is a binary file, not an extract.
bool plain_text(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t') return false;
    if (c < 0x80) continue;
    const std::size_t more = c >= 0xF0 && c < 0xF5 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 && c < 0xE0 ? 1 : 9;
    if (more == 9 || i + more >= text.size()) return false;
    for (std::size_t j = 1; j <= more; ++j) {
      if ((static_cast<unsigned char>(text[i + j]) & 0xC0) != 0x80) return false;
    }
    i += more;
  }
  return true;
}

struct Columns {
  std::size_t id, admitted, discharged, method, cohort;
  std::optional<std::size_t> pathway, ready, community_start, community_end;
};

Columns locate(const std::vector<std::string>& header, const ColumnMapping& m,
               const std::string& file) {
  const auto find = [&](const std::string& name) -> std::optional<std::size_t> {
    const auto at = std::find(header.begin(), header.end(), name);
    if (at == header.end()) return std::nullopt;
    return static_cast<std::size_t>(at - header.begin());
  };
  // Every required column the header lacks is named at once, so a user fixing the mapping
  // does not meet them one run at a time.
  std::vector<std::string> missing;
  std::string first_missing;
  const auto require = [&](const std::string& name, const char* field) -> std::size_t {
    const auto at = find(name);
    if (at) return *at;
    if (missing.empty()) first_missing = name;
    const auto hint = engine::closest_match(name, header);
    missing.push_back(fmt::format("'{}' (the {} field){}", name, field,
                                  hint ? " - did you mean '" + *hint + "'?" : ""));
    return 0;
  };
  Columns c{require(m.spell_id, "spell_id"), require(m.admitted, "admitted"),
            require(m.discharged, "discharged"), require(m.admission_method, "admission_method"),
            require(m.cohort, "cohort"), find(m.pathway), find(m.ready),
            find(m.community_start), find(m.community_end)};
  if (!missing.empty()) {
    throw ExtractError(file, 1, first_missing,
                       fmt::format("the header has no column {}; the header's columns are: {}",
                                   fmt::join(missing, ", no column "), fmt::join(header, ", ")));
  }
  if (c.community_start.has_value() != c.community_end.has_value()) {
    throw ExtractError(file, 1, c.community_start ? m.community_end : m.community_start,
                       "community spells need both a start and an end column");
  }
  return c;
}

}  // namespace

Extract read_extract(const std::string& path, const ColumnMapping& mapping) {
  Extract extract;
  extract.file = path;
  CsvReader csv(path);
  std::vector<std::string> header;
  if (!csv.next(header)) throw ExtractError(path, 0, "", "the file is empty (no header row)");
  for (const auto& name : header) {
    if (!plain_text(name)) {
      throw ExtractError(path, 1, "", "not a CSV file: the header is not plain UTF-8 text "
                                      "(a binary or spreadsheet file? save it as CSV)");
    }
  }
  const auto columns = locate(header, mapping, path);
  extract.has_ready = columns.ready.has_value();
  extract.has_community = columns.community_start.has_value();

  std::unordered_map<std::string, std::size_t> first_line;  // spell id -> line
  std::unordered_map<std::string, std::uint16_t> cohort_index;
  std::unordered_map<std::string, std::string> name_label;  // scenario name -> label
  std::vector<std::string> row;
  BadRows bad;
  // Per column: a value was read, and one of them had a time of day.
  std::vector<char> dated(header.size(), 0), timed(header.size(), 0);
  double latest = kMissing;
  double earliest = 1e300;
  double last_admission = -1e300;
  while (csv.next(row)) {
    const auto line = csv.line();
    // A bad row is noted and read past: the planner gets every one at once.
    try {
      if (row.size() == 1 && row[0].empty()) {
        ++extract.odd.blank_lines;
        continue;
      }
      if (row.size() != header.size()) {
        throw RowError(path, line, "", "field count",
                       fmt::format("the row has {} fields, the header {}", row.size(), header.size()));
      }
      const auto time = [&](std::size_t index, bool required) {
        const auto& text = row[index];
        if (text.empty()) {
          if (required) throw RowError(path, line, header[index], "date-time", "a date-time is required");
          return kMissing;
        }
        try {
          const double t = parse_date_time(text);
          latest = std::max(latest, t);
          dated[index] = 1;
          if (text.find(':') != std::string::npos) timed[index] = 1;
          return t;
        } catch (const std::invalid_argument& error) {
          throw RowError(path, line, header[index], "date-time", error.what());
        }
      };
      Spell spell;
      const auto& id = row[columns.id];
      if (id.empty()) throw RowError(path, line, header[columns.id], "empty spell id", "empty spell id");
      const auto [at, inserted] = first_line.emplace(id, line);
      if (!inserted) {
        throw RowError(path, line, header[columns.id], "duplicate spell id",
                       fmt::format("duplicate spell id '{}' (first on line {})", id, at->second));
      }
      spell.admitted = time(columns.admitted, true);
      earliest = std::min(earliest, spell.admitted);
      last_admission = std::max(last_admission, spell.admitted);
      spell.discharged = time(columns.discharged, false);
      if (spell.discharged != kMissing && spell.discharged < spell.admitted) {
        throw RowError(path, line, header[columns.discharged], "discharge before admission",
                       fmt::format("discharge '{}' is before admission '{}'",
                                   row[columns.discharged], row[columns.admitted]));
      }
      const auto& method = row[columns.method];
      const auto is = [&](const std::vector<std::string>& codes) {
        return std::find(codes.begin(), codes.end(), method) != codes.end();
      };
      if (is(mapping.emergency_codes)) {
        spell.method = Method::emergency;
      } else if (is(mapping.elective_codes)) {
        spell.method = Method::elective;
      } else {
        throw RowError(path, line, header[columns.method], "admission method",
                       fmt::format("unknown admission method '{}' (expected emergency or "
                                   "elective, or a code the mapping lists)", method));
      }
      const auto& label = row[columns.cohort];
      if (label.empty()) throw RowError(path, line, header[columns.cohort], "empty cohort", "empty cohort");
      auto cohort = cohort_index.find(label);
      if (cohort == cohort_index.end()) {
        const auto name = scenario_name(label);
        const auto [clash, fresh] = name_label.emplace(name, label);
        if (!fresh) {
          throw RowError(path, line, header[columns.cohort], "cohort name",
                         fmt::format("cohorts '{}' and '{}' would both be named '{}' in the "
                                     "scenario (names are letters, digits, _ and -)",
                                     clash->second, label, name));
        }
        if (extract.cohorts.size() == kMaxCohorts) {
          throw ExtractError(path, line, header[columns.cohort], "more than 1000 cohorts");
        }
        cohort = cohort_index.emplace(label, static_cast<std::uint16_t>(extract.cohorts.size())).first;
        extract.cohorts.push_back(name);
      }
      spell.cohort = cohort->second;
      if (columns.pathway && !row[*columns.pathway].empty()) {
        auto text = row[*columns.pathway];
        if (text.size() == 2 && (text[0] == 'P' || text[0] == 'p')) text = text.substr(1);
        if (text.size() != 1 || text[0] < '0' || text[0] > '3') {
          throw RowError(path, line, header[*columns.pathway], "pathway",
                         fmt::format("expected a discharge pathway 0-3 or P0-P3, found '{}'",
                                     row[*columns.pathway]));
        }
        spell.pathway = static_cast<std::int8_t>(text[0] - '0');
      }
      if (columns.ready) {
        spell.ready = time(*columns.ready, false);
        if (spell.ready != kMissing && spell.ready < spell.admitted) {
          ++extract.odd.ready_before_admission;
          spell.ready = kMissing;
        } else if (spell.ready != kMissing && spell.discharged != kMissing &&
                   spell.ready > spell.discharged) {
          ++extract.odd.ready_after_discharge;
          spell.ready = kMissing;
        }
      }
      if (columns.community_start) {
        spell.community_start = time(*columns.community_start, false);
        spell.community_end = time(*columns.community_end, false);
        if (spell.community_start == kMissing && spell.community_end != kMissing) {
          throw RowError(path, line, header[*columns.community_start], "community spell",
                         "a community spell with an end needs a start");
        }
        if (spell.community_end != kMissing && spell.community_end < spell.community_start) {
          throw RowError(path, line, header[*columns.community_end], "community spell",
                         "the community spell ends before it starts");
        }
      }
      if (spell.discharged != kMissing) {
        if (spell.discharged - spell.admitted > kYearDays) ++extract.odd.stays_over_a_year;
        if (spell.discharged == spell.admitted) ++extract.odd.zero_length_stays;
      }
      extract.spells.push_back(spell);
    } catch (const RowError& error) {
      bad.add(error);
    }
  }
  bad.throw_if_any();
  extract.rows = extract.spells.size();
  if (extract.spells.empty()) throw ExtractError(path, 1, "", "the extract has no spells");
  extract.start = earliest;
  extract.last_admission = last_admission;
  extract.end = latest;
  const auto dates_only = [&](std::size_t index) { return dated[index] != 0 && timed[index] == 0; };
  extract.admitted_dates_only = dates_only(columns.admitted);
  extract.discharged_dates_only = dates_only(columns.discharged);
  extract.ready_dates_only = columns.ready && dates_only(*columns.ready);
  extract.community_dates_only = columns.community_start && dates_only(*columns.community_start) &&
                                 timed[*columns.community_end] == 0;
  return extract;
}

}  // namespace bedflow::fitting
