#include "labels.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <cctype>

#include <fmt/format.h>

namespace bedflow::report {
namespace {

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

}  // namespace

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
  if (n > 3 && name[n - 3] == '_' && name[n - 2] == 'P' &&
      std::isdigit(static_cast<unsigned char>(name[n - 1]))) {
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
  const std::pair<const char*, const char*> kPrefixes[] = {
      {"cost_capacity_", "{}: commissioned capacity"}, {"cost_activity_", "{}: activity"},
      {"cost_escalation_", "{}: escalation beds"},     {"occupancy_mean_", "{}: places occupied (average)"},
      {"avoided_admissions_", "Admissions avoided by {}"}, {"arrivals_", "Arrivals: {}"},
      {"admissions_", "Admissions: {}"},                {"cost_", "Cost: {}"},
      {"turned_away_", "{}: turned away when full"},
      {"blocking_share_", "{}: share turned away when full"},
      {"beds_closed_mean_", "{}: beds closed by ward closures (average)"},
      {"closures_", "{}: ward closures begun"},
      {"window_wait_mean_hours_", "{}: mean wait for its discharge window (hours)"},
      {"turnaround_beds_mean_", "{}: beds in turnaround (average)"}};
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
