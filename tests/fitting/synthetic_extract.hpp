#pragma once
// A synthetic extract from known parameters, so a fit can be checked against the truth:
// Poisson admissions with weekday and hour profiles, cohorts by mix, lognormal or gamma
// stays to medically fit, pathways by share, an exponential delay from ready to discharge
// per pathway, optionally a community spell after discharge, and the extract cut at `days` (patients still in hospital then are censored).
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace bedflow::test {

struct SyntheticCohort {
  std::string name;
  double share = 1.0;          // of emergency admissions
  bool gamma = false;          // stay: gamma(a, b) if true, else lognormal(meanlog a, sdlog b)
  double a = 1.0, b = 1.0;
  std::array<double, 4> pathway{1, 0, 0, 0};
};

struct SyntheticSystem {
  double rate_per_day = 100;
  std::array<double, 7> weekday{1, 1, 1, 1, 1, 1, 1};  // Monday..Sunday, average 1
  std::array<double, 24> hour{};                        // average 1; all 1 if left at 0
  double elective_rate_per_day = 0;  // weekdays only, cohort 0
  std::vector<SyntheticCohort> cohorts;
  std::array<double, 4> delay_mean_days{0.0, 2.0, 5.0, 9.0};  // 0: no delay
  int days = 365;
  std::string start = "2025-01-06";  // a Monday
  std::uint64_t seed = 1;
  bool uk_dates = false;  // dd/mm/yyyy hh:mm instead of ISO 8601
  // Community spells: a patient discharged by pathway k with a mean above 0 starts one at
  // discharge, of exponential length with that mean (columns community_start, community_end
  // are written only when some mean is above 0).
  std::array<double, 4> community_mean_days{0.0, 0.0, 0.0, 0.0};
};

// Writes the extract with the default column names; returns the number of spells.
std::size_t write_synthetic_extract(const SyntheticSystem& system, const std::string& path);

}  // namespace bedflow::test
