// Who is in place at the start of the census day: acute beds from the hospital spells, and
// community services from the community spells of patients already discharged.
#include <fmt/format.h>

#include "bedflow/fitting/fit_extract.hpp"

namespace bedflow::fitting {
namespace {

// Open at the start of `day`: began before it, not ended by then (an end that is missing
// means still open at the extract's end).
bool open_at(double start, double end, double day) {
  return start != kMissing && start < day && (end == kMissing || end > day);
}

}  // namespace

std::vector<CensusRow> census_on(const Extract& extract, double day,
                                 const std::array<std::optional<StayFit>, 4>& community,
                                 std::vector<std::string>& warnings) {
  std::vector<CensusRow> rows;
  std::size_t no_pathway = 0, no_service = 0;
  for (const auto& spell : extract.spells) {
    const auto& cohort = extract.cohorts[spell.cohort];
    const CountedTimes s = counted_times(extract, spell);
    if (open_at(s.admitted, s.discharged, day)) {
      rows.push_back({"acute", cohort, day - s.admitted, s.ready != kMissing && s.ready <= day});
      continue;
    }
    // A community spell counts once the patient has left hospital: a start recorded before
    // the discharge (an odd row) does not put one patient in two places.
    if (s.discharged == kMissing || s.discharged > day ||
        !open_at(s.community_start, s.community_end, day)) {
      continue;
    }
    if (spell.pathway < 0) {
      ++no_pathway;
      continue;
    }
    const auto k = static_cast<std::size_t>(spell.pathway);
    if (!community[k]) {
      ++no_service;
      continue;
    }
    rows.push_back({fmt::format("community_P{}", k), cohort, day - s.community_start, false});
  }
  if (no_pathway > 0) {
    warnings.push_back(fmt::format(
        "census: {} patients in community services on {} have no pathway, so no service: left "
        "out of the census", no_pathway, format_date(day)));
  }
  if (no_service > 0) {
    warnings.push_back(fmt::format(
        "census: {} patients in community services on {} are on a pathway with no fitted "
        "community stay: left out of the census", no_service, format_date(day)));
  }
  return rows;
}

}  // namespace bedflow::fitting
