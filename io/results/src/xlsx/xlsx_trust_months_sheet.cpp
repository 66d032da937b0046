// The workbook's "Trusts by month" sheet: for scenarios with more than one acute service, the
// ED waits over each threshold in each calendar month the window touches, a row per month and
// acute trust (ed_waits_over_<h>h_<acute>_<yyyy>_<mm>) and one per month for all trusts
// together (the system's month, ed_waits_over_<h>h_<yyyy>_<mm>), each as mean and clipped 95%
// CI. The counts are over their month (levels): no rate per day or year is made from them.
#include "bedflow/results/ed_wait_names.hpp"
#include "workbook_parts.hpp"

namespace bedflow::results::xlsx {

std::vector<std::string> ed_wait_months(const VariantStatistics& statistics,
                                        const std::string& hours) {
  // With several acute services none is named like a month (the loader refuses it), so
  // "ed_waits_over_<h>h_<yyyy>_<mm>" is the system's month, never a trust's window count.
  const std::string prefix = "ed_waits_over_" + hours + "h_";
  std::vector<std::string> months;
  for (const auto& m : statistics.measures) {
    const std::string& name = m.window.name;
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string rest = name.substr(prefix.size());
    if (is_month_label(rest) && std::find(months.begin(), months.end(), rest) == months.end())
      months.push_back(rest);
  }
  std::sort(months.begin(), months.end());
  return months;
}

bool has_trust_months(const VariantStatistics& statistics) {
  const auto trusts = acute_trusts(statistics);
  if (trusts.size() < 2) return false;
  for (const auto& h : ed_wait_thresholds(statistics))
    for (const auto& month : ed_wait_months(statistics, h))
      for (const auto& trust : trusts)
        if (find_measure(statistics, ed_wait_count_name(h, trust, month)) != nullptr) return true;
  return false;
}

void write_trust_months(lxw_workbook* book, const Formats& f, const std::string& path,
                        const Plan& plan) {
  Sheet sheet(book, f, "Trusts by month", path);
  // The first such variant's thresholds name the columns (every acute service shares them).
  std::vector<std::string> hours;
  for (const auto& per_source : plan.statistics)
    for (const auto& statistics : per_source)
      if (hours.empty() && has_trust_months(statistics)) hours = ed_wait_thresholds(statistics);
  std::vector<Column> columns = {{"File", 18},
                                 {"Scenario", 22},
                                 {"Variant", 18},
                                 {"Month", 9},
                                 {"Days observed", 9},
                                 {"Days in month", 9},
                                 {"Acute trust", 22}};
  for (const auto& h : hours) {
    std::string shown = h;
    std::replace(shown.begin(), shown.end(), 'p', '.');
    const std::string what = "ED waits over " + shown + "h (patients in the month)";
    columns.push_back({what + ": mean", 14});
    columns.push_back({what + ": 95% CI low", 14});
    columns.push_back({what + ": 95% CI high", 14});
  }
  sheet.table_header(columns);
  for (std::size_t i = 0; i < plan.sources->size(); ++i) {
    const auto& source = (*plan.sources)[i];
    for (const auto& statistics : plan.statistics[i]) {
      if (!has_trust_months(statistics)) continue;
      auto trusts = acute_trusts(statistics);
      trusts.push_back("");  // all trusts together: the system's month
      std::vector<std::string> months;
      for (const auto& h : hours) {
        for (const auto& month : ed_wait_months(statistics, h))
          if (std::find(months.begin(), months.end(), month) == months.end())
            months.push_back(month);
      }
      std::sort(months.begin(), months.end());
      for (const auto& month : months) {
        const int year = std::stoi(month.substr(0, 4));
        const int m = std::stoi(month.substr(5));
        const engine::Date first{year, m, 1};
        const engine::Date next =
            m == 12 ? engine::Date{year + 1, 1, 1} : engine::Date{year, m + 1, 1};
        const auto start = engine::days_from_civil(first);
        const auto end = engine::days_from_civil(next);
        const double observed = std::round(month_part(statistics.window, year, m).days());
        for (const auto& trust : trusts) {
          std::size_t c = 0;
          sheet.text(c++, plan.names[i]);
          sheet.text(c++, source.file.metadata.scenario_name);
          sheet.text(c++, variant_text(*statistics.variant));
          sheet.number(c++, excel_serial(first), f.month);
          sheet.number(c++, observed, f.count);
          sheet.number(c++, static_cast<double>(end - start), f.count);
          sheet.text(c++, trust.empty() ? std::string("All trusts together") : trust);
          for (const auto& h : hours) {
            const MeasureStatistics* found = find_measure(statistics, ed_wait_count_name(h, trust, month));
            if (found != nullptr) {
              const MeasureSummary& s = found->window;
              sheet.number(c, s.ci.mean, f.figure);
              if (s.ci.n >= 2) {
                sheet.number(c + 1, shown_interval(s).lower, f.figure);
                sheet.number(c + 2, shown_interval(s).upper, f.figure);
              }
            }
            c += 3;
          }
          sheet.next_row();
        }
      }
    }
  }
  sheet.filter_table();
}

}  // namespace bedflow::results::xlsx
