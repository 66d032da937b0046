// The workbook's About, Summary and Costs sheets.
#include "bedflow/results/ed_wait_names.hpp"
#include "workbook_parts.hpp"

namespace bedflow::results::xlsx {

void write_about(lxw_workbook* book, const Formats& f, const std::string& path, const Plan& plan,
                 const std::vector<std::string>& sheet_names) {
  Sheet sheet(book, f, "About", path);
  const auto& sources = *plan.sources;
  sheet.table_header({{"Item", 30}, {"Value", 110}});
  sheet.fact("Workbook",
             "bedflow results: simulated hospital bed flow, figures across replications with "
             "95% confidence intervals, written from the results file(s) below (the HDF5 files "
             "remain the record)");
  const std::vector<std::pair<std::string, std::string>> descriptions{
      {"About", "this sheet: the files, their windows, seeds and code versions; conventions"},
      {"Summary", "one row per measure (and variant): window, replications, mean, 95% CI, "
                  "replication percentiles; totals also per day and per year"},
      {"Costs", "cost components (capacity, activity, escalation), cost_total = their sum, "
                "over the window and per year; the 'of which' figures apart, never added"},
      {"Trusts", "several acute services: a row per acute trust and one for all together, "
                 "with occupancy, ED mean wait, ED waits over each threshold a day and medically "
                 "fit patients in a bed (mean and 95% CI)"},
      {"Trusts by month", "several acute services: ED waits over each threshold in each "
                          "calendar month, a row per month and acute trust and one for all "
                          "together (patients in the month, mean and 95% CI); a trust's months "
                          "add up to its window count, a month's trusts to all together"},
      {"Daily", "every series in long form: date, group, measure, unit, mean and percentiles "
                "across replications, then one column per replication"},
      {"Comparison", "B - A per measure (A = the first file, the baseline), over the window and "
                     "per year, with the money per year"},
      {"Sizing", "the sizing question, its answer and every evaluated point"},
      {"Sizing frontier", "two levers: the smallest second lever meeting the target for each "
                          "first-lever value"},
  };
  for (const auto& name : sheet_names) {
    for (const auto& [sheet_name, description] : descriptions) {
      if (sheet_name == name) sheet.fact("Sheet " + name, description);
    }
  }
  sheet.next_row();

  for (std::size_t i = 0; i < sources.size(); ++i) {
    const auto& source = sources[i];
    const auto& meta = source.file.metadata;
    const std::string role = sources.size() == 2 ? (i == 0 ? " (A, baseline)" : " (B)") : "";
    sheet.fact("File" + role, source.path);
    sheet.fact("Scenario", meta.scenario_name);
    sheet.fact("Scenario file", meta.scenario_file);
    if (!meta.overrides.empty()) sheet.fact("Overrides (--set)", meta.overrides);
    if (!meta.sweep.empty()) sheet.fact("Sweep", meta.sweep);
    if (source.file.is_sweep()) {
      sheet.fact_number("Variants", static_cast<double>(source.file.variants.size()), f.count);
    }
    // One row when every variant shares the window (and count); else one per variant.
    const auto& all = plan.statistics[i];
    bool alike = true;
    for (const auto& statistics : all) {
      alike = alike && statistics.window == all.front().window &&
              statistics.replications == all.front().replications;
    }
    for (const auto& statistics : all) {
      const std::string suffix = alike || statistics.variant->label.empty()
                                     ? ""
                                     : " (" + statistics.variant->label + ")";
      sheet.fact("Window" + suffix, describe_window(statistics.window));
      sheet.fact_number("Replications" + suffix, static_cast<double>(statistics.replications),
                        f.count);
      if (alike) break;
    }
    if (meta.seed <= (std::uint64_t{1} << 53)) {
      sheet.fact_number("Seed", static_cast<double>(meta.seed), f.count);
    } else {
      sheet.fact("Seed", std::to_string(meta.seed));
    }
    if (meta.precision_target > 0.0) {
      sheet.fact_number("Precision target (relative 95% half-width)", meta.precision_target,
                        f.share);
    }
    std::string percentiles;
    for (const double p : meta.percentiles) {
      percentiles += (percentiles.empty() ? "" : ", ") + fmt::format("{:g}", p);
    }
    sheet.fact("Replication percentiles", percentiles);
    sheet.fact("bedflow version", meta.bedflow_version);
    sheet.fact("Git commit", meta.git_commit);
    sheet.fact("Run started (UTC)", meta.started_at);
    sheet.fact("Run finished (UTC)", meta.finished_at);
    sheet.next_row();
  }

  sheet.fact("Mean, 95% CI",
             "the mean over replications and its 95% Student-t confidence interval: how well "
             "the mean is known");
  sheet.fact("Percentiles (P5, P50, ...)",
             "the spread of the replications themselves (Hyndman-Fan definition 7): the range "
             "of plausible outcomes of one period, not a CI");
  sheet.fact("Accumulation",
             "total: summed over the observed window (patients, bed-days, GBP), so also given "
             "per day (/ days) and per year (x 365 / days); level: a mean, share, peak or "
             "duration, which has no rate");
  sheet.fact("Window",
             "the observed period after warm-up: first date to last date inclusive, its length "
             "in days");
  sheet.fact("Formats", "GBP as #,##0; shares as percentages (the cell holds the fraction); "
                        "dates are date cells (yyyy-mm-dd)");
  sheet.fact("Exported with", fmt::format("bedflow {} (commit {})", build_version(),
                                          build_commit()));
}

std::vector<Column> summary_columns(const std::vector<double>& percentiles) {
  std::vector<Column> columns{{"File", 16},          {"Scenario", 18},      {"Variant", 12},
                              {"Measure", 30},       {"Unit", 11},          {"Accumulation", 12},
                              {"First date", kDateColumnWidth}, {"Last date", kDateColumnWidth},
                              {"Days", 7},           {"Replications", 12},  {"Mean", 14},
                              {"95% CI low", 14},    {"95% CI high", 14}};
  for (const double p : percentiles) {
    columns.push_back({fmt::format("P{:g}", p), 14});
  }
  for (const char* name : {"Per day: mean", "Per day: 95% CI low", "Per day: 95% CI high",
                           "Per year: mean", "Per year: 95% CI low", "Per year: 95% CI high"}) {
    columns.push_back({name, 15});
  }
  return columns;
}

void write_summary(lxw_workbook* book, const Formats& f, const std::string& path,
                   const Plan& plan) {
  Sheet sheet(book, f, "Summary", path);
  // One set of percentile columns: the first file's (a second file with other percentiles
  // leaves those cells blank rather than mislabelled).
  const auto& percentiles = plan.sources->front().file.metadata.percentiles;
  sheet.table_header(summary_columns(percentiles));
  for (std::size_t i = 0; i < plan.sources->size(); ++i) {
    const auto& source = (*plan.sources)[i];
    const bool same_percentiles = source.file.metadata.percentiles == percentiles;
    for (const auto& statistics : plan.statistics[i]) {
      // Headline measures first, as the command line's tables show them.
      std::vector<const MeasureStatistics*> order;
      for (const auto& m : statistics.measures) {
        if (m.window.headline) order.push_back(&m);
      }
      for (const auto& m : statistics.measures) {
        if (!m.window.headline) order.push_back(&m);
      }
      for (const auto* measure : order) {
        const auto& m = *measure;
        const auto& w = m.window;
        lxw_format* format = f.for_unit(w.unit);
        std::size_t c = 0;
        sheet.text(c++, plan.names[i]);
        sheet.text(c++, source.file.metadata.scenario_name);
        sheet.text(c++, variant_text(*statistics.variant));
        sheet.text(c++, w.name);
        sheet.text(c++, w.unit);
        sheet.text(c++, w.is_total() ? "total" : "level");
        // A count over one calendar month covers the part of the window in that month.
        const std::string month = month_of_count(w.name);
        const model::ObservedWindow covered =
            month.empty() ? statistics.window
                          : month_part(statistics.window, std::stoi(month.substr(0, 4)),
                                       std::stoi(month.substr(5)));
        sheet.number(c++, window_first_serial(covered), f.date);
        sheet.number(c++, window_last_serial(covered), f.date);
        sheet.number(c++, covered.days(), nullptr);
        sheet.number(c++, static_cast<double>(statistics.replications), f.count);
        sheet.number(c++, w.ci.mean, format);
        sheet.number(c++, shown_interval(w).lower, format);
        sheet.number(c++, shown_interval(w).upper, format);
        for (std::size_t p = 0; p < percentiles.size(); ++p, ++c) {
          if (same_percentiles) sheet.number(c, w.percentiles[p], format);
        }
        for (const auto* rate : {&m.per_day, &m.per_year}) {
          if (*rate) {
            sheet.number(c, (*rate)->ci.mean, format);
            sheet.number(c + 1, shown_interval(**rate).lower, format);
            sheet.number(c + 2, shown_interval(**rate).upper, format);
          }
          c += 3;
        }
        sheet.next_row();
      }
    }
  }
  sheet.filter_table();
}

// A GBP total's place in the cost breakdown.
struct CostKind {
  std::string kind;     // capacity, activity, escalation, component, total, of which
  std::string service;
  bool added = true;    // part of the sum cost_total
};

CostKind cost_kind(const std::string& name) {
  if (name == "cost_total") return {"total", "", true};
  if (name.find("delayed_discharge") != std::string::npos || !name.starts_with("cost_")) {
    return {"of which", "", false};
  }
  for (const char* kind : {"capacity", "activity", "escalation"}) {
    const std::string prefix = std::string("cost_") + kind + "_";
    if (name.starts_with(prefix)) return {kind, name.substr(prefix.size()), true};
  }
  if (name == "cost_escalation") return {"escalation", "acute", true};
  return {"component", name.substr(5), true};
}

void write_costs(lxw_workbook* book, const Formats& f, const std::string& path,
                 const Plan& plan) {
  Sheet sheet(book, f, "Costs", path);
  sheet.table_header({{"File", 16},
                      {"Scenario", 18},
                      {"Variant", 12},
                      {"Measure", 30},
                      {"Kind", 12},
                      {"Service", 18},
                      {"Replications", 12},
                      {"Window: mean (GBP)", 16},
                      {"Window: 95% CI low", 16},
                      {"Window: 95% CI high", 16},
                      {"Per year: mean (GBP/year)", 16},
                      {"Per year: 95% CI low", 16},
                      {"Per year: 95% CI high", 16}});
  for (std::size_t i = 0; i < plan.sources->size(); ++i) {
    const auto& source = (*plan.sources)[i];
    for (const auto& statistics : plan.statistics[i]) {
      const auto row = [&](const MeasureStatistics& m, const CostKind& kind) {
        std::size_t c = 0;
        sheet.text(c++, plan.names[i]);
        sheet.text(c++, source.file.metadata.scenario_name);
        sheet.text(c++, variant_text(*statistics.variant));
        sheet.text(c++, m.window.name);
        sheet.text(c++, kind.kind);
        sheet.text(c++, kind.service);
        sheet.number(c++, static_cast<double>(statistics.replications), f.count);
        sheet.number(c++, m.window.ci.mean, f.money);
        sheet.number(c++, shown_interval(m.window).lower, f.money);
        sheet.number(c++, shown_interval(m.window).upper, f.money);
        sheet.number(c++, m.per_year->ci.mean, f.money);
        sheet.number(c++, shown_interval(*m.per_year).lower, f.money);
        sheet.number(c++, shown_interval(*m.per_year).upper, f.money);
        sheet.next_row();
      };
      std::vector<const MeasureStatistics*> total, of_which;
      bool any = false;
      for (const auto& m : statistics.measures) {
        if (!is_money_total(m.window)) continue;
        any = true;
        const auto kind = cost_kind(m.window.name);
        if (kind.kind == "total") {
          total.push_back(&m);
        } else if (!kind.added) {
          of_which.push_back(&m);
        } else {
          row(m, kind);
        }
      }
      if (!any) continue;
      for (const auto* m : total) row(*m, cost_kind(m->window.name));
      if (!of_which.empty()) {
        sheet.text(3, "Of which (already inside the figures above; not added to cost_total):",
                   f.header);
        sheet.next_row();
        for (const auto* m : of_which) row(*m, cost_kind(m->window.name));
      }
      sheet.next_row();  // a blank row between variants
    }
  }
}

}  // namespace bedflow::results::xlsx
