#pragma once
// The workbook's shared parts: cell formats, Excel dates, a sheet writer with column widths
// and frozen headers, and the plan of what each sheet shows (worked out before anything is
// written). Internal to bedflow_results_xlsx; the sheets are written by xlsx_*_sheets.cpp.
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
#include "bedflow/results/xlsx_export.hpp"

namespace bedflow::results::xlsx {

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
  lxw_format* month = nullptr;    // a calendar month: its first day, shown yyyy-mm

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
    month = number_format(book, "yyyy-mm");
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
inline double excel_serial(const engine::Date& date) {
  return static_cast<double>(engine::days_from_civil(date) -
                             engine::days_from_civil(engine::Date{1899, 12, 30}));
}

// The Excel serial of the instant `days` after midnight of `start`, to the minute.
inline double excel_instant(const engine::Date& start, double days) {
  return excel_serial(start) + std::round(days * 1440.0) / 1440.0;
}

// The Excel serials of a window's first and last dates (as window_first_date/last_date).
inline double window_first_serial(const model::ObservedWindow& window) {
  return excel_serial(window.calendar_start) + std::floor(std::round(window.from_days * 1440.0) / 1440.0);
}
inline double window_last_serial(const model::ObservedWindow& window) {
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
inline std::time_t utc_time(const std::string& iso) {
  std::tm tm{};
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
    return 0;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return timegm(&tm);
}

inline std::string file_name(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

inline std::string variant_text(const Variant& variant) {
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
  bool has_trusts = false;        // some variant has more than one acute service
  bool has_trust_months = false;  // ... and its ED waits per acute trust by month
  const Variant* compare_a = nullptr;
  const Variant* compare_b = nullptr;
};

// The acute services with per-acute measures (ed_mean_wait_hours_<acute>), in file order.
std::vector<std::string> acute_trusts(const VariantStatistics& statistics);
// The system's ED wait thresholds as written in measure names ("4", "12", "4p5").
std::vector<std::string> ed_wait_thresholds(const VariantStatistics& statistics);
// The calendar months ("2027_01") of the system's ED waits over `hours` by month
// (ed_waits_over_<hours>h_<yyyy>_<mm>), as dates sort.
std::vector<std::string> ed_wait_months(const VariantStatistics& statistics,
                                        const std::string& hours);
// The measure `name`'s statistics; null when the variant has none.
const MeasureStatistics* find_measure(const VariantStatistics& statistics, const std::string& name);
// Some acute trust has its ED waits counted by month (ed_waits_over_<h>h_<acute>_<yyyy>_<mm>).
bool has_trust_months(const VariantStatistics& statistics);

inline bool is_money_total(const MeasureSummary& s) { return s.unit == "GBP" && s.is_total(); }

inline Plan make_plan(const std::vector<WorkbookSource>& sources, const WorkbookOptions& options) {
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
      plan.has_trusts |= acute_trusts(statistics).size() >= 2;
      plan.has_trust_months |= has_trust_months(statistics);
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

// The sheets, in workbook order (xlsx_summary_sheets.cpp, xlsx_detail_sheets.cpp).
void write_about(lxw_workbook* book, const Formats& f, const std::string& path, const Plan& plan,
                 const std::vector<std::string>& sheet_names);
void write_summary(lxw_workbook* book, const Formats& f, const std::string& path,
                   const Plan& plan);
void write_costs(lxw_workbook* book, const Formats& f, const std::string& path,
                 const Plan& plan);
void write_trusts(lxw_workbook* book, const Formats& f, const std::string& path,
                  const Plan& plan);
void write_trust_months(lxw_workbook* book, const Formats& f, const std::string& path,
                        const Plan& plan);
void write_daily(lxw_workbook* book, const Formats& f, const std::string& path,
                 const Plan& plan);
void write_comparison(lxw_workbook* book, const Formats& f, const std::string& path,
                      const Plan& plan);
void write_sizing(lxw_workbook* book, const Formats& f, const std::string& path,
                  const WorkbookSource& source, const std::string& suffix,
                  std::vector<std::string>& names);

}  // namespace bedflow::results::xlsx
