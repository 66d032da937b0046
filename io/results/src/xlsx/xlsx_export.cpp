#include "bedflow/results/xlsx_export.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "bedflow/analysis/error.hpp"
#include "bedflow/results/compare.hpp"
#include "bedflow/results/observed_window.hpp"
#include "bedflow/results/read_results.hpp"
#include "bedflow/results/results_error.hpp"
#include "bedflow/results/variant_statistics.hpp"

namespace bedflow::results {
namespace {

constexpr std::size_t kMaxRows = 1048576;  // rows of one worksheet, header included
constexpr double kDateColumnWidth = 11.5;

// ---------------------------------------------------------------------------------------
// Cell formats, made once per workbook.

struct Formats {
  lxw_format* header = nullptr;
  lxw_format* wrap = nullptr;
  lxw_format* money = nullptr;    // GBP
  lxw_format* share = nullptr;    // a fraction shown as a percentage
  lxw_format* count = nullptr;    // whole numbers (replications, days)
  lxw_format* figure = nullptr;   // everything else
  lxw_format* date = nullptr;
  lxw_format* date_time = nullptr;

  explicit Formats(lxw_workbook* book) {
    header = workbook_add_format(book);
    format_set_bold(header);
    format_set_bottom(header, LXW_BORDER_THIN);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    wrap = workbook_add_format(book);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    money = number_format(book, "#,##0");
    share = number_format(book, "0.0%");
    count = number_format(book, "#,##0");
    figure = number_format(book, "#,##0.00");
    date = number_format(book, "yyyy-mm-dd");
    date_time = number_format(book, "yyyy-mm-dd hh:mm");
  }

  // The format for figures in `unit` (rates such as "GBP/year" follow their base unit).
  lxw_format* for_unit(const std::string& unit) const {
    const std::string base = unit.substr(0, unit.find('/'));
    if (base == "GBP") return money;
    if (unit == "share") return share;
    return figure;
  }

 private:
  static lxw_format* number_format(lxw_workbook* book, const char* text) {
    lxw_format* format = workbook_add_format(book);
    format_set_num_format(format, text);
    return format;
  }
};

// Days since 1899-12-30: the Excel (1900 system) serial of midnight of `date`.
double excel_serial(const engine::Date& date) {
  return static_cast<double>(engine::days_from_civil(date) -
                             engine::days_from_civil(engine::Date{1899, 12, 30}));
}

// The Excel serial of the instant `days` after midnight of `start`, to the minute.
double excel_instant(const engine::Date& start, double days) {
  return excel_serial(start) + std::round(days * 1440.0) / 1440.0;
}

// The Excel serials of a window's first and last dates (as window_first_date/last_date).
double window_first_serial(const model::ObservedWindow& window) {
  return excel_serial(window.calendar_start) + std::floor(std::round(window.from_days * 1440.0) / 1440.0);
}
double window_last_serial(const model::ObservedWindow& window) {
  const double end = std::max(std::round(window.to_days * 1440.0) - 1.0,
                              std::round(window.from_days * 1440.0));
  return excel_serial(window.calendar_start) + std::floor(end / 1440.0);
}

// ---------------------------------------------------------------------------------------
// One worksheet written row by row (the workbook is in constant-memory mode, so rows must
// come in order), with its columns' widths and an error check on every write.

struct Column {
  std::string header;
  double width = 12.0;
};

class Sheet {
 public:
  Sheet(lxw_workbook* book, const Formats& formats, std::string name, std::string path)
      : formats_(formats), name_(std::move(name)), path_(std::move(path)) {
    sheet_ = workbook_add_worksheet(book, name_.c_str());
    if (sheet_ == nullptr) throw ResultsError(path_ + ": cannot add worksheet '" + name_ + "'");
  }

  const std::string& name() const noexcept { return name_; }
  lxw_row_t row() const noexcept { return row_; }
  void next_row() { ++row_; }

  // Writes the header row of a table at the current row, sets the column widths, freezes
  // everything above and including it, and moves to the next row.
  void table_header(const std::vector<Column>& columns, bool freeze = true) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      check(worksheet_set_column(sheet_, col, col, columns[c].width, nullptr));
      text(c, columns[c].header, formats_.header);
    }
    if (freeze) worksheet_freeze_panes(sheet_, row_ + 1, 0);
    header_row_ = row_;
    header_columns_ = columns.size();
    ++row_;
  }

  // An autofilter over the table whose header table_header() wrote, to the last row written.
  void filter_table() {
    if (header_columns_ == 0 || row_ <= header_row_ + 1) return;
    check(worksheet_autofilter(sheet_, header_row_, 0, row_ - 1,
                               static_cast<lxw_col_t>(header_columns_ - 1)));
  }

  void text(std::size_t column, const std::string& value, lxw_format* format = nullptr) {
    if (value.empty()) return;
    check(worksheet_write_string(sheet_, row_, static_cast<lxw_col_t>(column), value.c_str(),
                                 format));
  }
  // Non-finite values (no figure) are left blank: a spreadsheet has no NaN.
  void number(std::size_t column, double value, lxw_format* format) {
    if (!std::isfinite(value)) return;
    check(worksheet_write_number(sheet_, row_, static_cast<lxw_col_t>(column), value, format));
  }
  void boolean(std::size_t column, bool value) {
    check(worksheet_write_boolean(sheet_, row_, static_cast<lxw_col_t>(column), value ? 1 : 0,
                                  nullptr));
  }
  // A label in column 0 and a text value in column 1, then the next row.
  void fact(const std::string& label, const std::string& value) {
    text(0, label, bold());
    text(1, value, formats_.wrap);
    ++row_;
  }
  void fact_number(const std::string& label, double value, lxw_format* format) {
    text(0, label, bold());
    number(1, value, format);
    ++row_;
  }

 private:
  lxw_format* bold() const { return formats_.header; }
  void check(lxw_error error) const {
    if (error != LXW_NO_ERROR) {
      throw ResultsError(fmt::format("{}: sheet '{}', row {}: {}", path_, name_, row_ + 1,
                                     lxw_strerror(error)));
    }
  }

  lxw_worksheet* sheet_ = nullptr;
  const Formats& formats_;
  std::string name_;
  std::string path_;
  lxw_row_t row_ = 0;
  lxw_row_t header_row_ = 0;
  std::size_t header_columns_ = 0;
};

// Owns the workbook until it is closed (written); an abandoned one is freed unwritten.
struct BookDeleter {
  void operator()(lxw_workbook* book) const noexcept { lxw_workbook_free(book); }
};
using Book = std::unique_ptr<lxw_workbook, BookDeleter>;

// An ISO 8601 UTC time ("2026-11-22T14:31:06Z") as time_t; 0 when it does not parse.
std::time_t utc_time(const std::string& iso) {
  std::tm tm{};
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
    return 0;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return timegm(&tm);
}

std::string file_name(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

std::string variant_text(const Variant& variant) {
  return variant.label;
}

// ---------------------------------------------------------------------------------------
// What the sheets show, worked out before anything is written.

struct Plan {
  const std::vector<WorkbookSource>* sources = nullptr;
  std::vector<std::string> names;  // per source: its file name, or the path when names clash
  std::vector<std::vector<VariantStatistics>> statistics;  // per source
  std::size_t daily_rows = 0;
  std::size_t max_replications = 0;
  bool daily_sub_daily = false;   // some series is sampled more often than daily
  bool has_costs = false;
  const Variant* compare_a = nullptr;
  const Variant* compare_b = nullptr;
};

bool is_money_total(const MeasureSummary& s) { return s.unit == "GBP" && s.is_total(); }

Plan make_plan(const std::vector<WorkbookSource>& sources, const WorkbookOptions& options) {
  if (sources.empty()) throw ResultsError("no results file to export");
  if (sources.size() > 2) {
    throw ResultsError(fmt::format("{} results files given: a workbook holds one, or two to "
                                   "compare (the first is the baseline)",
                                   sources.size()));
  }
  Plan plan;
  plan.sources = &sources;
  for (const auto& source : sources) plan.names.push_back(file_name(source.path));
  if (plan.names.size() == 2 && plan.names[0] == plan.names[1]) {
    plan.names = {sources[0].path, sources[1].path};
  }
  for (const auto& source : sources) {
    plan.statistics.push_back(variant_statistics(source.file));
    for (const auto& variant : source.file.variants) {
      if (variant.replications.empty()) continue;
      const auto& first = variant.replications.front();
      plan.max_replications = std::max(plan.max_replications, variant.replications.size());
      for (const auto& series : first.series) plan.daily_rows += series.values.size();
      if (!first.series.empty() &&
          std::abs(first.series_step_days - std::round(first.series_step_days)) > 1e-9) {
        plan.daily_sub_daily = true;
      }
    }
    for (const auto& statistics : plan.statistics.back()) {
      for (const auto& m : statistics.measures) plan.has_costs |= is_money_total(m.window);
    }
  }
  std::size_t summary_rows = 0;
  for (const auto& per_source : plan.statistics) {
    for (const auto& statistics : per_source) summary_rows += statistics.measures.size();
  }
  for (const std::size_t rows : {summary_rows, plan.daily_rows}) {
    if (rows + 1 > kMaxRows) {
      throw ResultsError(fmt::format(
          "{} rows do not fit in one worksheet (at most {}): export fewer variants, or use "
          "--csv, which has no such limit",
          rows, kMaxRows - 1));
    }
  }
  if (sources.size() == 2) {
    plan.compare_a = &find_variant(sources[0].file, options.variant_a, sources[0].path);
    plan.compare_b = &find_variant(sources[1].file, options.variant_b, sources[1].path);
    if (plan.compare_a->replications.empty() || plan.compare_b->replications.empty()) {
      throw ResultsError("a variant to compare holds no replications");
    }
  }
  return plan;
}

// ---------------------------------------------------------------------------------------
// The sheets.

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
        sheet.number(c++, window_first_serial(statistics.window), f.date);
        sheet.number(c++, window_last_serial(statistics.window), f.date);
        sheet.number(c++, statistics.window.days(), nullptr);
        sheet.number(c++, static_cast<double>(statistics.replications), f.count);
        sheet.number(c++, w.ci.mean, format);
        sheet.number(c++, w.ci.lower(), format);
        sheet.number(c++, w.ci.upper(), format);
        for (std::size_t p = 0; p < percentiles.size(); ++p, ++c) {
          if (same_percentiles) sheet.number(c, w.percentiles[p], format);
        }
        for (const auto* rate : {&m.per_day, &m.per_year}) {
          if (*rate) {
            sheet.number(c, (*rate)->ci.mean, format);
            sheet.number(c + 1, (*rate)->ci.lower(), format);
            sheet.number(c + 2, (*rate)->ci.upper(), format);
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
        sheet.number(c++, m.window.ci.lower(), f.money);
        sheet.number(c++, m.window.ci.upper(), f.money);
        sheet.number(c++, m.per_year->ci.mean, f.money);
        sheet.number(c++, m.per_year->ci.lower(), f.money);
        sheet.number(c++, m.per_year->ci.upper(), f.money);
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
  if (!comparison.only_in_a.empty() || !comparison.only_in_b.empty()) {
    sheet.next_row();
    const auto join = [](const std::vector<std::string>& names) {
      std::string text;
      for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
      return text;
    };
    if (!comparison.only_in_a.empty()) sheet.fact("Only in A (not compared)", join(comparison.only_in_a));
    if (!comparison.only_in_b.empty()) sheet.fact("Only in B (not compared)", join(comparison.only_in_b));
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

}  // namespace

WorkbookSource read_workbook_source(const std::string& path) {
  WorkbookSource source;
  source.path = path;
  source.file = read_results_file(path, {.patient_events = false});
  try {
    source.sizing = analysis::read_sizing_record(path);
  } catch (const analysis::AnalysisError& error) {
    throw ResultsError(error.what());
  }
  return source;
}

void check_workbook(const std::vector<WorkbookSource>& sources, const WorkbookOptions& options) {
  make_plan(sources, options);
}

std::vector<std::string> write_workbook(const std::string& path,
                                        const std::vector<WorkbookSource>& sources,
                                        const WorkbookOptions& options) {
  const Plan plan = make_plan(sources, options);
  std::vector<std::string> names{"About", "Summary"};
  if (plan.has_costs) names.push_back("Costs");
  if (plan.daily_rows > 0) names.push_back("Daily");
  if (plan.compare_a != nullptr) names.push_back("Comparison");
  // Described once in About, even when both files hold a sizing record.
  const auto any_source = [&](const auto& predicate) {
    return std::any_of(sources.begin(), sources.end(), predicate);
  };
  if (any_source([](const WorkbookSource& s) { return s.sizing.has_value(); })) {
    names.push_back("Sizing");
  }
  if (any_source([](const WorkbookSource& s) {
        return s.sizing && !s.sizing->frontier_first.empty();
      })) {
    names.push_back("Sizing frontier");
  }

  lxw_workbook_options book_options{};
  book_options.constant_memory = LXW_TRUE;  // rows go to disk as they are written
  const std::string directory = std::filesystem::path(path).has_parent_path()
                                    ? std::filesystem::path(path).parent_path().string()
                                    : std::string(".");
  std::string tmpdir = directory;
  book_options.tmpdir = tmpdir.data();
  Book book(workbook_new_opt(path.c_str(), &book_options));
  if (!book) throw ResultsError(path + ": cannot create the workbook");
  const Formats formats(book.get());

  std::string title = "bedflow results: " + sources.front().file.metadata.scenario_name;
  std::string author = "bedflow " + build_version();
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.author = author.data();
  // Dated by the first run's finish, not the export: the same files give the same bytes.
  properties.created = utc_time(sources.front().file.metadata.finished_at);
  workbook_set_properties(book.get(), &properties);

  std::vector<std::string> written;
  write_about(book.get(), formats, path, plan, names);
  written.push_back("About");
  write_summary(book.get(), formats, path, plan);
  written.push_back("Summary");
  if (plan.has_costs) {
    write_costs(book.get(), formats, path, plan);
    written.push_back("Costs");
  }
  if (plan.daily_rows > 0) {
    write_daily(book.get(), formats, path, plan);
    written.push_back("Daily");
  }
  if (plan.compare_a != nullptr) {
    write_comparison(book.get(), formats, path, plan);
    written.push_back("Comparison");
  }
  std::size_t sizing_count = 0;
  for (const auto& source : sources) {
    if (!source.sizing) continue;
    write_sizing(book.get(), formats, path, source,
                 sizing_count++ == 0 ? "" : fmt::format(" {}", sizing_count), written);
  }
  const lxw_error error = workbook_close(book.release());  // writes the file and frees it
  if (error != LXW_NO_ERROR) {
    throw ResultsError(fmt::format("{}: cannot write the workbook ({})", path, lxw_strerror(error)));
  }
  return written;
}

}  // namespace bedflow::results
