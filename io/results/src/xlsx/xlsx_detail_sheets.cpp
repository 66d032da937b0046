// The workbook's Daily, Comparison and Sizing sheets.
#include "workbook_parts.hpp"

namespace bedflow::results::xlsx {

void write_daily(lxw_workbook* book, const Formats& f, const std::string& path,
                 const Plan& plan) {
  Sheet sheet(book, f, "Daily", path);
  const auto& percentiles = plan.sources->front().file.metadata.percentiles;
  std::vector<Column> columns{{"File", 16},  {"Scenario", 18}, {"Variant", 12},
                              {"Date", plan.daily_sub_daily ? 16.0 : kDateColumnWidth},
                              {"Days since start", 9}, {"Group", 16}, {"Measure", 22},
                              {"Unit", 10},  {"Mean", 12}};
  for (const double p : percentiles) {
    columns.push_back({fmt::format("P{:g}", p), 12});
  }
  const std::size_t first_replication_column = columns.size();
  const bool per_replication = plan.max_replications <= kMaxReplicationColumns;
  if (per_replication) {
    for (std::size_t r = 0; r < plan.max_replications; ++r) {
      columns.push_back({fmt::format("Rep {}", r), 10});
    }
  }
  sheet.table_header(columns);
  lxw_format* date_format = plan.daily_sub_daily ? f.date_time : f.date;
  for (std::size_t i = 0; i < plan.sources->size(); ++i) {
    const auto& source = (*plan.sources)[i];
    const bool same_percentiles = source.file.metadata.percentiles == percentiles;
    for (const auto& variant : source.file.variants) {
      if (variant.replications.empty()) continue;
      const auto& first = variant.replications.front();
      for (std::size_t s = 0; s < first.series.size(); ++s) {
        const auto& series = first.series[s];
        const auto spread = series_spread(variant, s, source.file.metadata.percentiles);
        lxw_format* format = f.for_unit(series.unit);
        for (std::size_t k = 0; k < series.values.size(); ++k) {
          const double days = series_time_days(variant, k);
          std::size_t c = 0;
          sheet.text(c++, plan.names[i]);
          sheet.text(c++, source.file.metadata.scenario_name);
          sheet.text(c++, variant_text(variant));
          sheet.number(c++, excel_instant(first.window.calendar_start, days), date_format);
          sheet.number(c++, days, f.figure);
          sheet.text(c++, series.group);
          sheet.text(c++, series.measure);
          sheet.text(c++, series.unit);
          sheet.number(c++, spread.mean[k], format);
          for (std::size_t p = 0; p < percentiles.size(); ++p, ++c) {
            if (same_percentiles) sheet.number(c, spread.percentiles[p][k], format);
          }
          if (per_replication) {
            for (std::size_t r = 0; r < variant.replications.size(); ++r) {
              sheet.number(first_replication_column + r,
                           variant.replications[r].series[s].values[k], format);
            }
          }
          sheet.next_row();
        }
      }
    }
  }
  sheet.filter_table();
}

void write_comparison(lxw_workbook* book, const Formats& f, const std::string& path,
                      const Plan& plan) {
  const auto& sources = *plan.sources;
  const bool paired = sources[0].file.metadata.seed == sources[1].file.metadata.seed;
  const auto comparison =
      compare_replications(plan.compare_a->replications, plan.compare_b->replications, paired);
  const auto money = cost_change(comparison);

  Sheet sheet(book, f, "Comparison", path);
  const auto side = [](const WorkbookSource& source, const Variant& variant) {
    return file_name(source.path) + (variant.label.empty() ? "" : " [" + variant.label + "]") +
           ": " + source.file.metadata.scenario_name + ", " +
           describe_window(variant_window(variant)) + fmt::format(", {} replications",
                                                                  variant.replications.size());
  };
  sheet.fact("A (baseline)", side(sources[0], *plan.compare_a));
  sheet.fact("B", side(sources[1], *plan.compare_b));
  sheet.fact("Difference",
             paired ? "B - A, paired by replication (same seed: common random numbers), 95% "
                      "Student-t interval"
                    : "B - A, independent runs (different seeds): Welch 95% interval, wider "
                      "than a paired one");
  if (const auto note = unequal_replications_note(
          paired, "A", plan.compare_a->replications.size(), "B",
          plan.compare_b->replications.size());
      !note.empty()) {
    sheet.fact("Replications", note);
  }
  sheet.fact("Windows", comparison.same_window()
                            ? "the same: totals are compared over the window and per year"
                            : "different: totals are compared per year only (each side x 365 / "
                              "its own days)");
  if (money.has_costs) {
    sheet.fact_number("Extra cost per year (GBP)", money.extra_cost_per_year, f.money);
    sheet.fact_number("Saving per year (GBP)", money.saving_per_year, f.money);
    sheet.fact_number("Net change in cost_total per year (GBP)", money.net_per_year.difference,
                      f.money);
    sheet.fact_number("  95% CI low", money.net_per_year.lower(), f.money);
    sheet.fact_number("  95% CI high", money.net_per_year.upper(), f.money);
  }
  sheet.next_row();
  sheet.table_header({{"Measure", 38},
                      {"Unit", 11},
                      {"Accumulation", 12},
                      {"Headline", 9},
                      {"Replications A", 11},
                      {"Replications B", 11},
                      {"Window: mean A", 14},
                      {"Window: mean B", 14},
                      {"Window: B - A", 14},
                      {"Window: 95% CI low", 14},
                      {"Window: 95% CI high", 14},
                      {"Window: CI excludes 0", 11},
                      {"Per year: mean A", 14},
                      {"Per year: mean B", 14},
                      {"Per year: B - A", 14},
                      {"Per year: 95% CI low", 14},
                      {"Per year: 95% CI high", 14},
                      {"Per year: CI excludes 0", 11}});
  for (const auto& m : comparison.measures) {
    lxw_format* format = f.for_unit(m.unit);
    std::size_t c = 0;
    sheet.text(c++, m.name);
    sheet.text(c++, m.unit_mismatch ? m.unit + " (B differs)" : m.unit);
    sheet.text(c++, m.accumulation == model::Accumulation::total ? "total" : "level");
    sheet.boolean(c++, m.headline);
    sheet.number(c++, static_cast<double>(m.n_a), f.count);
    sheet.number(c++, static_cast<double>(m.n_b), f.count);
    for (const auto* difference : {&m.over_window, &m.per_year}) {
      if (*difference) {
        const auto& d = **difference;
        sheet.number(c, d.mean_a, format);
        sheet.number(c + 1, d.mean_b, format);
        sheet.number(c + 2, d.difference, format);
        sheet.number(c + 3, d.lower(), format);
        sheet.number(c + 4, d.upper(), format);
        sheet.boolean(c + 5, d.significant());
      }
      c += 6;
    }
    sheet.next_row();
  }
  sheet.filter_table();
  if (!comparison.only_in_a.empty() || !comparison.only_in_b.empty() ||
      !comparison.month_observed_differently.empty()) {
    sheet.next_row();
    const auto join = [](const std::vector<std::string>& names) {
      std::string text;
      for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
      return text;
    };
    if (!comparison.only_in_a.empty()) sheet.fact("Only in A (not compared)", join(comparison.only_in_a));
    if (!comparison.only_in_b.empty()) sheet.fact("Only in B (not compared)", join(comparison.only_in_b));
    if (!comparison.month_observed_differently.empty()) {
      sheet.fact("Months observed for different days (not compared)",
                 join(comparison.month_observed_differently));
    }
  }
}

void write_sizing(lxw_workbook* book, const Formats& f, const std::string& path,
                  const WorkbookSource& source, const std::string& suffix,
                  std::vector<std::string>& names) {
  const auto& record = *source.sizing;
  Sheet sheet(book, f, "Sizing" + suffix, path);
  names.push_back(sheet.name());
  lxw_format* format = f.for_unit(record.measure_unit);
  sheet.fact("File", source.path);
  sheet.fact("Target", record.target);
  sheet.fact("Measure", record.measure + " (" + record.measure_unit + ")");
  sheet.fact_number("Threshold", record.threshold, format);
  sheet.fact_number("Confidence", record.confidence, f.share);
  sheet.fact("Decision rule", record.decision_rule);
  sheet.fact("Status", record.status);
  sheet.fact("Answer", record.answer.empty() ? "(none in the range)" : record.answer);
  if (!record.cost.empty()) {
    sheet.fact("Cost", record.cost + (record.cost_unit.empty() ? "" : " (" + record.cost_unit + ")"));
  }
  if (record.as_given) {
    const auto& g = *record.as_given;
    lxw_format* money = f.for_unit(record.cost_unit);
    sheet.fact("Scenario as given", "variant " + g.label + " (no lever overrides)");
    sheet.fact_number("Cost as given: mean", g.cost_mean, money);
    sheet.fact_number("Cost of the answer: mean", g.answer_cost_mean, money);
    sheet.fact_number("Change (answer - as given): mean", g.change_mean, money);
    sheet.fact_number(fmt::format("  {:g}% CI low", 100.0 * g.change_level),
                      g.change_mean - g.change_half_width, money);
    sheet.fact_number(fmt::format("  {:g}% CI high", 100.0 * g.change_level),
                      g.change_mean + g.change_half_width, money);
  }
  sheet.next_row();

  std::vector<Column> columns{{"Evaluation order", 10}, {"Label", 36}};
  for (const auto& lever : record.levers) columns.push_back({lever.path, 16});
  // Half-widths are two-sided Student-t at the sizing's own confidence, as the record holds.
  const std::string level = fmt::format("{:g}%", 100.0 * record.confidence);
  for (const std::string& name :
       {std::string("Replications"), std::string("Target: mean"), std::string("Target: sd"),
        "Target: " + level + " half-width", std::string("Target: one-sided bound"),
        std::string("Meets target")}) {
    columns.push_back({name, 13});
  }
  const bool has_cost = !record.cost_mean.empty();
  const std::string cost_unit = record.cost_unit.empty() ? "" : " (" + record.cost_unit + ")";
  if (has_cost) {
    columns.push_back({"Cost: mean" + cost_unit, 16});
    columns.push_back({"Cost: " + level + " half-width", 14});
  }
  sheet.table_header(columns);
  for (std::size_t i = 0; i < record.labels.size(); ++i) {
    std::size_t c = 0;
    sheet.number(c++, static_cast<double>(i), f.count);
    sheet.text(c++, record.labels[i]);
    for (const auto& values : record.lever_values) sheet.number(c++, values[i], f.count);
    sheet.number(c++, record.replications[i], f.count);
    sheet.number(c++, record.target_mean[i], format);
    sheet.number(c++, record.target_sd[i], format);
    sheet.number(c++, record.target_half_width[i], format);
    sheet.number(c++, record.target_bound[i], format);
    sheet.boolean(c++, record.meets[i] != 0);
    if (has_cost) {
      lxw_format* money = record.cost_unit.empty() ? f.money : f.for_unit(record.cost_unit);
      sheet.number(c++, record.cost_mean[i], money);
      sheet.number(c++, record.cost_half_width[i], money);
    }
    sheet.next_row();
  }
  sheet.filter_table();

  if (record.frontier_first.empty() || record.levers.size() < 2) return;
  Sheet frontier(book, f, "Sizing frontier" + suffix, path);
  names.push_back(frontier.name());
  frontier.table_header({{record.levers[0].path, 24},
                         {record.levers[1].path + " (smallest meeting the target)", 28},
                         {"Cost: mean" + cost_unit, 16}});
  for (std::size_t i = 0; i < record.frontier_first.size(); ++i) {
    frontier.number(0, record.frontier_first[i], f.count);
    if (record.frontier_second[i] >= 0.0) {
      frontier.number(1, record.frontier_second[i], f.count);
    } else {
      frontier.text(1, "none in range");
    }
    frontier.number(2, record.frontier_cost_mean[i], f.money);
    frontier.next_row();
  }
}

}  // namespace bedflow::results::xlsx
