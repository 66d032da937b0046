// The workbook's Trusts sheet: for scenarios with more than one acute service, a row per
// acute trust (and one for all together) of each file and variant, with the per-acute
// measures side by side: occupancy share, ED mean wait, ED waits over each threshold per day,
// medically fit patients still in a bed and escalation beds open, each as mean and clipped
// 95% CI (the report's table by acute trust, column for column).
#include "workbook_parts.hpp"

namespace bedflow::results::xlsx {
namespace {

constexpr const char* kTrustPrefix = "ed_mean_wait_hours_";

}  // namespace

const MeasureStatistics* find_measure(const VariantStatistics& statistics,
                                      const std::string& name) {
  for (const auto& m : statistics.measures)
    if (m.window.name == name) return &m;
  return nullptr;
}

std::vector<std::string> ed_wait_thresholds(const VariantStatistics& statistics) {
  std::vector<std::string> found;
  const std::string prefix = "ed_waits_over_";
  for (const auto& m : statistics.measures) {
    const std::string& name = m.window.name;
    if (name.rfind(prefix, 0) != 0 || name.back() != 'h') continue;
    const std::string hours = name.substr(prefix.size(), name.size() - prefix.size() - 1);
    if (hours.find('_') == std::string::npos) found.push_back(hours);
  }
  return found;
}

std::vector<std::string> acute_trusts(const VariantStatistics& statistics) {
  std::vector<std::string> trusts;
  const std::string prefix = kTrustPrefix;
  for (const auto& m : statistics.measures) {
    const std::string& name = m.window.name;
    // ed_wait_mean_hours_at_<hh>h is the hourly profile, a different stem.
    if (name.rfind(prefix, 0) == 0) trusts.push_back(name.substr(prefix.size()));
  }
  return trusts;
}

void write_trusts(lxw_workbook* book, const Formats& f, const std::string& path,
                  const Plan& plan) {
  Sheet sheet(book, f, "Trusts", path);
  // The first file's thresholds name the columns (every acute service shares them).
  std::vector<std::string> hours;
  for (const auto& per_source : plan.statistics)
    for (const auto& statistics : per_source)
      if (hours.empty() && acute_trusts(statistics).size() >= 2)
        hours = ed_wait_thresholds(statistics);
  std::vector<Column> columns = {{"File", 18}, {"Scenario", 22}, {"Variant", 18},
                                 {"Acute trust", 22}};
  const auto add_three = [&](const std::string& what) {
    columns.push_back({what + ": mean", 14});
    columns.push_back({what + ": 95% CI low", 14});
    columns.push_back({what + ": 95% CI high", 14});
  };
  add_three("Occupancy (share of open beds)");
  add_three("ED mean wait (hours)");
  for (const auto& h : hours) {
    std::string shown = h;
    std::replace(shown.begin(), shown.end(), 'p', '.');
    add_three("ED waits over " + shown + "h (patients/day)");
  }
  add_three("Medically fit in a bed (patients, mean)");
  add_three("Escalation beds open (beds, mean)");
  sheet.table_header(columns);
  for (std::size_t i = 0; i < plan.sources->size(); ++i) {
    const auto& source = (*plan.sources)[i];
    for (const auto& statistics : plan.statistics[i]) {
      auto trusts = acute_trusts(statistics);
      if (trusts.size() < 2) continue;
      trusts.push_back("");  // all trusts together: the system's measures
      for (const auto& trust : trusts) {
        const std::string suffix = trust.empty() ? "" : "_" + trust;
        std::size_t c = 0;
        sheet.text(c++, plan.names[i]);
        sheet.text(c++, source.file.metadata.scenario_name);
        sheet.text(c++, variant_text(*statistics.variant));
        sheet.text(c++, trust.empty() ? std::string("All trusts together") : trust);
        const auto three = [&](const MeasureSummary* s) {
          if (s != nullptr) {
            lxw_format* format = f.for_unit(s->unit);
            sheet.number(c, s->ci.mean, format);
            if (s->ci.n >= 2) {
              sheet.number(c + 1, shown_interval(*s).lower, format);
              sheet.number(c + 2, shown_interval(*s).upper, format);
            }
          }
          c += 3;
        };
        const auto level = [&](const std::string& name) {
          const MeasureStatistics* m = find_measure(statistics, name);
          three(m != nullptr ? &m->window : nullptr);
        };
        level(trust.empty() ? "acute_occupancy_share" : "occupancy_share" + suffix);
        level("ed_mean_wait_hours" + suffix);
        for (const auto& h : hours) {
          const MeasureStatistics* m =
              find_measure(statistics, "ed_waits_over_" + h + "h" + suffix);
          three(m != nullptr && m->per_day ? &*m->per_day : nullptr);
        }
        level("delayed_patients_mean" + suffix);
        level(trust.empty() ? "escalation_beds_mean_open" : "escalation_beds_mean_open" + suffix);
        sheet.next_row();
      }
    }
  }
  sheet.filter_table();
}

}  // namespace bedflow::results::xlsx
