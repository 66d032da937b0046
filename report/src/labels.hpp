#pragma once
// Plain words for the measure, series and service names a results file carries.
//
// Invariants:
//  - Known names get a sentence-case label; any other name still gets a readable one
//    (underscores become spaces), so a new measure never shows as a blank.
//  - Labels carry no unit: callers add the unit in words (unit_words).
#include <string>

namespace bedflow::report {

std::string plain_words(const std::string& name);    // "home_care" -> "Home care"
std::string service_label(const std::string& name);  // "ucr" -> "Urgent community response"
std::string measure_label(const std::string& name);
// "ed_waits_over_12h" -> "12"; empty when the name is not an ED-wait threshold measure.
std::string ed_wait_threshold(const std::string& name);
// ED waits by calendar month: "ed_waits_over_12h_2027_01" -> true, hours "12", month
// "2027_01"; false for any other name.
bool ed_wait_month(const std::string& name, std::string& hours, std::string& month);
// "2027_01" -> "January 2027"; "Jan 2027" when `short_form`; empty when not a month.
std::string month_words(const std::string& month, bool short_form = false);
// The hour-of-day profile: "ed_wait_mean_hours_at_08h" -> 8; -1 for any other name.
int ed_wait_hour(const std::string& name);
// A unit as a reader says it: "bed-days" stays, "share" -> "% of open beds" is not guessed:
// "share" -> "share (%)", "GBP" -> "£", "GBP/year" -> "£ a year", "patients/day" ->
// "patients a day".
std::string unit_words(const std::string& unit);

}  // namespace bedflow::report
