#include "labels.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "bedflow/results/ed_wait_names.hpp"

namespace bedflow::report {
namespace {

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

bool all_digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

// "4", "4.5" or the model's "4p5": a threshold in hours as a measure name writes it.
bool is_hours(const std::string& text) {
  return !text.empty() && std::isdigit(static_cast<unsigned char>(text.front())) &&
         std::all_of(text.begin(), text.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'p';
         });
}

std::string hours_words(std::string hours) {
  std::replace(hours.begin(), hours.end(), 'p', '.');
  return hours;
}

// "ed_waits_over_<h>h_<rest>": the threshold and what follows (a month or a service).
bool ed_wait_suffix(const std::string& name, std::string& hours, std::string& rest) {
  const std::string prefix = "ed_waits_over_";
  if (!starts_with(name, prefix)) return false;
  const std::size_t h = name.find("h_", prefix.size());
  if (h == std::string::npos || h + 2 >= name.size()) return false;
  hours = name.substr(prefix.size(), h - prefix.size());
  rest = name.substr(h + 2);
  return is_hours(hours);
}

}  // namespace

bool ed_wait_count(const std::string& name, EdWaitCount& count) {
  std::string hours, rest;
  if (!ed_wait_suffix(name, hours, rest)) return false;
  constexpr std::size_t kMonth = 7;  // "2027_01"
  const std::size_t n = rest.size();
  std::string service = rest, month;
  if (n == kMonth && !month_words(rest).empty()) {
    service.clear();
    month = rest;
  } else if (n > kMonth + 1 && rest[n - kMonth - 1] == '_' &&
             !month_words(rest.substr(n - kMonth)).empty()) {
    service = rest.substr(0, n - kMonth - 1);
    month = rest.substr(n - kMonth);
  }
  count = {std::move(hours), std::move(service), std::move(month)};
  return true;
}

bool ed_wait_month(const std::string& name, std::string& hours, std::string& month) {
  EdWaitCount count;
  if (!ed_wait_count(name, count) || !count.service.empty() || count.month.empty()) return false;
  hours = hours_words(count.hours);
  month = count.month;
  return true;
}

std::string month_words(const std::string& month, bool short_form) {
  static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
  if (!results::is_month_label(month)) return {};
  const int m = std::stoi(month.substr(5));
  const std::string name = kMonths[m - 1];
  return (short_form ? name.substr(0, 3) : name) + " " + month.substr(0, 4);
}

int ed_wait_hour(const std::string& name) {
  const std::string prefix = "ed_wait_mean_hours_at_";
  if (name.size() != prefix.size() + 3 || !starts_with(name, prefix) || name.back() != 'h') return -1;
  const std::string hh = name.substr(prefix.size(), 2);
  if (!all_digits(hh)) return -1;
  const int hour = std::stoi(hh);
  return hour < 24 ? hour : -1;
}

std::string plain_words(const std::string& name) {
  std::string words = name;
  for (char& c : words) {
    if (c == '_') c = ' ';
  }
  if (!words.empty()) words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words[0])));
  return words;
}

std::string service_label(const std::string& name) {
  static const std::map<std::string, std::string> kKnown = {
      {"ucr", "Urgent community response"},
      {"urgent_community_response", "Urgent community response"},
      {"acute", "Acute beds"},
      {"system", "Whole system"},
  };
  const auto found = kKnown.find(name);
  return found != kKnown.end() ? found->second : plain_words(name);
}

std::string ed_wait_threshold(const std::string& name) {
  const std::string prefix = "ed_waits_over_";
  if (name.size() <= prefix.size() + 1 || name.compare(0, prefix.size(), prefix) != 0 ||
      name.back() != 'h') {
    return {};
  }
  const std::string hours = name.substr(prefix.size(), name.size() - prefix.size() - 1);
  const bool numeric = std::all_of(hours.begin(), hours.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
  });
  return numeric ? hours : std::string();
}

std::string measure_label(const std::string& name) {
  static const std::map<std::string, std::string> kKnown = {
      {"delayed_patients_mean", "Medically fit patients still in an acute bed (average)"},
      {"delayed_bed_days", "Acute bed-days of medically fit patients"},
      {"delayed_bed_days_per_week", "Delayed bed-days a week"},
      {"acute_occupancy_share", "Acute bed occupancy"},
      {"acute_mean_occupancy", "Acute beds occupied (average)"},
      {"acute_peak_occupancy", "Acute beds occupied (peak)"},
      {"acute_bed_days", "Acute bed-days (base beds)"},
      {"ed_mean_wait_hours", "Mean wait in ED for a bed (hours)"},
      {"ed_still_waiting_end", "Still waiting in ED at the end"},
      {"escalation_bed_days", "Escalation bed-days"},
      {"escalation_beds_mean_open", "Escalation beds open (average)"},
      {"elective_cancellations", "Elective operations cancelled"},
      {"avoided_admissions_total", "Admissions avoided"},
      {"readmissions", "Readmissions"},
      {"ucr_2h_share", "Urgent community response within 2 hours"},
      {"ucr_referrals", "Urgent community response referrals"},
      {"ucr_visits", "Urgent community response visits"},
      {"reablement_completed", "Reablement completed"},
      {"reablement_independent_91d_share", "Independent 91 days after reablement"},
      {"step_down_acute_days_saved", "Acute bed-days saved by step-down"},
      {"patients_arrived", "Patients arrived"},
      {"patients_left", "Patients left"},
      {"patients_inside_start", "Patients inside at the start"},
      {"patients_inside_end", "Patients inside at the end"},
      {"admissions_total", "Admissions"},
      {"cost_total", "Total cost"},
      {"cost_delayed_discharge", "Cost of delayed discharge (of which)"},
      {"delayed_discharge_cost", "Cost of delayed discharge (of which)"},
      {"discharge_window_wait_mean_hours", "Mean wait for a discharge window (hours)"},
  };
  if (const auto found = kKnown.find(name); found != kKnown.end()) return found->second;
  // "<base>_P<digit>": a measure per discharge pathway.
  const std::size_t n = name.size();
  if (n > 3 && name[n - 3] == '_' && name[n - 2] == 'P' && name[n - 1] >= '0' &&
      name[n - 1] <= '3') {
    const std::string base = name.substr(0, n - 3);
    const std::string pathway = "pathway " + name.substr(n - 1);
    if (base == "delayed_patients_mean") return "Medically fit, waiting for " + pathway;
    if (base == "discharge_delay_mean_days") return "Mean days from medically fit to leaving, " + pathway;
    if (base == "delayed_at_end") return "Still waiting at the end, " + pathway;
    if (base == "open_delay_mean_days") return "Mean days waited so far by those still waiting, " + pathway;
    return fmt::format("{}, {}", plain_words(base), pathway);
  }
  if (const std::string hours = ed_wait_threshold(name); !hours.empty()) {
    return "ED waits for a bed over " + hours + " hours";
  }
  // By month, per acute service, per acute service by month, by hour of the decision to admit.
  if (EdWaitCount count; ed_wait_count(name, count)) {
    const std::string waits = "ED waits for a bed over " + hours_words(count.hours) + " hours";
    if (count.service.empty()) return waits + ", " + month_words(count.month);
    const std::string trust = service_label(count.service) + ": " + waits;
    return count.month.empty() ? trust : trust + ", " + month_words(count.month);
  }
  if (const int hour = ed_wait_hour(name); hour >= 0) {
    return fmt::format("Mean wait in ED for a bed (hours), decision to admit {:02d}:00-{:02d}:59",
                       hour, hour);
  }
  const std::pair<const char*, const char*> kPrefixes[] = {
      {"queue_mean_", "{}: people waiting for a place (average)"},
      {"waited_share_", "{}: entrants who waited for a place"},
      {"departures_", "{}: departures"},
      {"occupancy_share_", "{}: bed occupancy"},
      {"ed_mean_wait_hours_", "{}: mean wait in ED for a bed (hours)"},
      {"delayed_patients_mean_", "{}: medically fit patients still in a bed (average)"},
      {"escalation_beds_mean_open_", "{}: escalation beds open (average)"},
      {"cost_capacity_", "{}: commissioned capacity"}, {"cost_activity_", "{}: activity"},
      {"cost_escalation_", "{}: escalation beds"},     {"occupancy_mean_", "{}: places occupied (average)"},
      {"avoided_admissions_", "Admissions avoided by {}"}, {"arrivals_", "Arrivals: {}"},
      {"admissions_", "Admissions: {}"},                {"cost_", "Cost: {}"},
      {"turned_away_", "{}: turned away when full"},
      {"blocking_share_", "{}: share turned away when full"},
      {"beds_closed_mean_", "{}: beds closed by ward closures (average)"},
      {"closures_", "{}: ward closures begun"},
      {"window_wait_mean_hours_", "{}: mean wait for its discharge window (hours)"},
      {"turnaround_beds_mean_", "{}: beds in turnaround (average)"},
      {"ring_fenced_held_mean_", "{}: ring-fenced elective beds held (average)"}};
  for (const auto& [prefix, pattern] : kPrefixes) {
    if (starts_with(name, prefix)) {
      const std::string rest = name.substr(std::string(prefix).size());
      return fmt::format(fmt::runtime(pattern), service_label(rest));
    }
  }
  return plain_words(name);
}

std::string unit_words(const std::string& unit) {
  if (unit == "share") return "%";
  if (unit == "GBP") return "£";
  std::string words = unit;
  if (starts_with(words, "GBP")) words = "£" + words.substr(3);
  const auto slash = words.find('/');
  if (slash != std::string::npos) words = words.substr(0, slash) + " a " + words.substr(slash + 1);
  return words;
}

}  // namespace bedflow::report
