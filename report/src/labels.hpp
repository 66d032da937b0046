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
// A count of ED waits over a threshold, by its name: "ed_waits_over_<h>h_<rest>" with <rest>
// "<yyyy>_<mm>" (all acute services in a month), "<acute>" (one acute trust over the window)
// or "<acute>_<yyyy>_<mm>" (one trust in a month). The month is read from the end, as
// "_<4 digits>_<01..12>", and the rest is the service, which may hold underscores and digits
// ("acute_east_kent", "acute_2027"); the loader refuses, with several acute services, one
// named like a month or ending like one, so each name reads one way only. The window total
// "ed_waits_over_<h>h" has no rest: it is not one of these.
struct EdWaitCount {
  std::string hours;    // as the name writes it: "12", "4p5"
  std::string service;  // empty: all acute services together
  std::string month;    // "2027_01"; empty: the whole window
};
bool ed_wait_count(const std::string& name, EdWaitCount& count);
// ED waits by calendar month, all acute services together: "ed_waits_over_12h_2027_01" ->
// true, hours "12" (in words: "4.5" for 4p5), month "2027_01"; false for any other name (a
// trust's month or window count included).
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
