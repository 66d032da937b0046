#pragma once
// Everything a scenario needs, estimated from an extract (methods and their limits:
// docs/fitting.md).
//
// Invariants:
//  - Arrivals are counted on whole days from the day of the first admission to the day before
//    the extract's end (the last, partial, day is left out), so a rate is admissions a day.
//  - Profiles: weekday factors = mean admissions on that weekday / mean on all days (average
//    1 over a week); hour factors = 24 x share of admissions in that hour (average 1; left out
//    when almost every admission time is midnight, i.e. dates without times); dated factors
//    per calendar month with at least 14 observed days = that month's mean a day / overall,
//    step-interpolated, ended with a factor 1 the day after the extract.
//  - The acute stay of the scenario runs from admission to medically fit (ready for
//    discharge): ready - admitted where there is a ready date, else discharged - admitted
//    (no delay), censored at the extract's end while neither is known. The delay of pathway k
//    runs from ready to discharge, censored at the end for patients still in hospital.
//  - Shares (cohort mixes, pathway shares) are counts over their total; pathway shares count
//    the spells with a pathway recorded only.
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bedflow/fitting/extract.hpp"
#include "bedflow/fitting/stay_fit.hpp"

namespace bedflow::fitting {

struct StreamFit {
  std::string name;  // "emergency" or "elective"
  std::size_t admissions = 0;  // counted in the whole-day window
  double rate_per_day = 0.0;
  std::array<double, 7> weekday{};  // Monday..Sunday
  std::optional<std::array<double, 24>> hour;  // absent when admission times are dates only
  bool dates_only = false;  // the admission column has dates without times: no hour profile
  std::vector<std::pair<std::string, double>> monthly;  // dated points, empty if < 2 months
  std::vector<std::size_t> cohort_counts;  // admissions by cohort index
};

struct CohortFit {
  std::string name;
  std::size_t spells = 0;
  std::optional<StayFit> stay;  // absent when no stay of the cohort has ended
  std::array<std::size_t, 4> pathway_counts{};
};

// One patient in place at the start of the census day: in an acute bed, or in the community
// service of the pathway it left hospital by (`community_P<k>`, as the scenario names it).
struct CensusRow {
  std::string service = "acute";
  std::string cohort;
  double days_in_service = 0.0;  // days since admission, or since the community spell began
  bool medically_fit = false;    // acute only: ready for discharge before the census day
};

struct FittedSystem {
  std::string extract_file;
  std::size_t rows = 0;
  std::string first_day, last_day;  // the whole-day window, inclusive
  double window_days = 0.0;
  OddRows odd;
  std::vector<StreamFit> streams;
  std::vector<CohortFit> cohorts;
  std::array<std::optional<StayFit>, 4> delays;     // per pathway, ready -> discharge
  std::array<std::optional<StayFit>, 4> community;  // per pathway, community spell length
  std::size_t spells_without_pathway = 0;       // discharged with no pathway
  std::size_t open_delays_without_pathway = 0;  // ready, still in hospital, no pathway
  std::optional<std::string> census_date;
  std::vector<CensusRow> census;
  std::vector<std::string> warnings;
};

// Throws std::invalid_argument for a census date outside the extract.
FittedSystem fit_extract(const Extract& extract,
                         const std::optional<std::string>& census_date = std::nullopt);

// The arrival part (fit_arrivals.cpp): streams, rates, profiles and cohort counts.
std::vector<StreamFit> fit_arrivals(const Extract& extract, double first_day, double end_day,
                                    std::vector<std::string>& warnings);

// Patients in hospital and medically fit patients in hospital at midnight starting each day
// from `from` to `to` inclusive (days since 1970-01-01), as the extract records them: at
// midnight m, admitted < m < discharged (the census's definition), and medically fit when
// also ready <= m.
struct DailyCount {
  std::string date;
  double occupancy = 0.0;
  double medically_fit = 0.0;
};
// The census at the start of `day` (census.cpp): every spell admitted before it and not
// discharged by then in "acute"; every patient out of hospital by then whose community spell
// began before it and had not ended by then in "community_P<k>" of its pathway. A community
// spell whose pathway is unknown, or whose pathway has no fitted community service
// (`community[k]` empty), cannot be placed: it is left out and counted in `warnings`.
std::vector<CensusRow> census_on(const Extract& extract, double day,
                                 const std::array<std::optional<StayFit>, 4>& community,
                                 std::vector<std::string>& warnings);

std::vector<DailyCount> daily_counts(const Extract& extract, double from, double to);

// A spell's times as the counts at midnight and the census read them (days): a date without
// a time (its column holds dates only) is taken at midday of that date, because the event
// happened during that day. A patient discharged on date D was in hospital at the midnight
// starting D; one ready on date R was not yet ready at the midnight starting R. Missing
// stays missing.
struct CountedTimes {
  double admitted, discharged, ready, community_start, community_end;
};
CountedTimes counted_times(const Extract& extract, const Spell& spell);

}  // namespace bedflow::fitting
