#pragma once
// A patient-level extract: one row per hospital spell, as NHS analysts hold it from Admitted
// Patient Care and the discharge-ready-date collection (format: docs/fitting.md).
//
// Invariants:
//  - Times are days (double) since 1970-01-01 00:00, local clock time as written in the file;
//    no time zone is applied. A missing discharge is a spell still in hospital at the
//    extract's end: right-censored, never dropped.
//  - read_extract() streams the file (memory grows with the number of spells, not with the
//    file's bytes) and either returns a complete Extract or throws ExtractError naming the
//    file, line and column; nothing is half-read. Faults that make the rest of the file
//    meaningless (not CSV, a mapped column missing from the header) are thrown at once; bad
//    rows are read past and refused together at the end (BadRowsError).
//  - Rows that are plausible but odd are kept and counted in `odd` (what was done with each
//    kind is in docs/fitting.md), never silently used.
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace bedflow::fitting {

// A refused extract or mapping: `what()` is "FILE:LINE: column 'NAME': message" (line 0 when
// the whole file is at fault).
class ExtractError : public std::runtime_error {
 public:
  ExtractError(const std::string& file, std::size_t line, const std::string& column,
               const std::string& message);
  std::string file;
  std::size_t line;
  std::string column;
};

// Every bad row of an extract, refused together so that a planner can mend them all at once.
// `file`, `line` and `column` are the first bad row's; `shown` holds the first
// kShownBadRows refusals in file order, `rows` counts every bad row (one refusal each: the
// first fault found in it), `kinds` counts them by kind ("date-time", "duplicate spell id"...)
// in order of first appearance. `what()` is the one refusal when there is one, else a line
// "FILE: N bad rows (kind: count, ...); the first 20:" followed by one line per shown refusal.
inline constexpr std::size_t kShownBadRows = 20;
class BadRowsError : public ExtractError {
 public:
  BadRowsError(std::vector<ExtractError> shown, std::size_t rows,
               std::vector<std::pair<std::string, std::size_t>> kinds);
  const char* what() const noexcept override { return text_.c_str(); }
  std::vector<ExtractError> shown;
  std::size_t rows;
  std::vector<std::pair<std::string, std::size_t>> kinds;

 private:
  std::string text_;
};

// Which header names hold each field, and which codes mean emergency and elective.
struct ColumnMapping {
  std::string spell_id = "spell_id";
  std::string admitted = "admitted";
  std::string discharged = "discharged";
  std::string admission_method = "admission_method";
  std::string cohort = "cohort";
  std::string pathway = "pathway";                     // 0-3 or P0-P3; may be empty
  std::string ready = "ready_for_discharge";           // optional column
  std::string community_start = "community_start";     // optional column
  std::string community_end = "community_end";         // optional column
  std::vector<std::string> emergency_codes = {"emergency", "21", "22", "23", "24", "25", "28"};
  std::vector<std::string> elective_codes = {"elective", "11", "12", "13"};
};

// Reads a mapping YAML file (keys as the fields above, `emergency`/`elective` as code lists);
// throws ExtractError at the offending key.
ColumnMapping read_mapping(const std::string& path);

enum class Method : std::uint8_t { emergency = 0, elective = 1 };
inline constexpr double kMissing = -1.0e300;  // a time that is absent

struct Spell {
  double admitted = 0.0;
  double discharged = kMissing;  // kMissing: still in hospital (censored at Extract::end)
  double ready = kMissing;       // kMissing: no ready-for-discharge date
  double community_start = kMissing;
  double community_end = kMissing;  // kMissing with a start: still in community services
  std::uint16_t cohort = 0;         // index into Extract::cohorts
  std::int8_t pathway = -1;         // 0..3, -1 unknown
  Method method = Method::emergency;
};

struct OddRows {
  std::size_t stays_over_a_year = 0;       // kept, reported
  std::size_t ready_after_discharge = 0;   // ready date dropped, stay kept
  std::size_t ready_before_admission = 0;  // ready date dropped, stay kept
  std::size_t zero_length_stays = 0;       // kept; fitted as one minute
  std::size_t blank_lines = 0;             // skipped
};

struct Extract {
  std::string file;
  std::vector<Spell> spells;         // in file order
  std::vector<std::string> cohorts;  // in order of first appearance
  std::size_t rows = 0;
  double start = 0.0;  // the earliest admission
  double last_admission = 0.0;  // the latest admission: arrival rates are counted up to it
  double end = 0.0;    // the latest date-time in the file: where censored spells are cut
  bool has_ready = false;
  bool has_community = false;
  // Columns whose every value is a date without a time: those times are known to the day
  // only (the durations they end are fitted as interval-censored, docs/fitting.md).
  bool admitted_dates_only = false;
  bool discharged_dates_only = false;
  bool ready_dates_only = false;
  bool community_dates_only = false;  // both community columns
  OddRows odd;
};

Extract read_extract(const std::string& path, const ColumnMapping& mapping = {});

// "2026-10-01T08:30", "2026-10-01 08:30[:ss]", "2026-10-01", "01/10/2026 08:30[:ss]" or
// "01/10/2026" -> days since 1970-01-01 (Howard Hinnant's date library). Throws
// std::invalid_argument on anything else, including impossible dates (31/02).
double parse_date_time(const std::string& text);
// Days since 1970-01-01 -> "YYYY-MM-DD" (the day containing the time).
std::string format_date(double days);

}  // namespace bedflow::fitting
