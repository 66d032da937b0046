// Writing a backtest's CSV and HTML page, both or neither (see backtest_output.hpp).
#include "backtest_output.hpp"

#include <filesystem>
#include <fstream>

#include "bedflow/results/results_error.hpp"
#include "bedflow/results/safe_output.hpp"

namespace bedflow::cli {
namespace {

void write_one(const std::string& target, const std::string& text, const BacktestTargets& targets) {
  results::SafeOutputFile output(target, targets.force, targets.inputs);
  {
    std::ofstream out(output.temporary_path(), std::ios::binary);
    out << text;
    if (!out.flush()) throw results::ResultsError("cannot write " + output.temporary_path());
  }
  output.commit();
}

}  // namespace

report::BacktestReportInput backtest_view(const fitting::BacktestSummary& summary) {
  report::BacktestReportInput view;
  report::BacktestMeasureView occupancy{"occupancy", "Patients in acute beds", {}, {}, {}, {},
                                        summary.occupancy_mape, summary.occupancy_inside_share};
  report::BacktestMeasureView fit{"medically-fit", "Medically fit patients still in hospital",
                                  {}, {}, {}, {}, summary.medically_fit_mape,
                                  summary.medically_fit_inside_share};
  for (const auto& day : summary.days) {
    view.dates.push_back(day.date);
    for (auto [to, from] : {std::pair{&occupancy, &day.occupancy}, std::pair{&fit, &day.medically_fit}}) {
      to->actual.push_back(from->actual);
      to->mean.push_back(from->mean);
      to->p5.push_back(from->p5);
      to->p95.push_back(from->p95);
    }
  }
  view.measures = {std::move(occupancy), std::move(fit)};
  return view;
}

void write_backtest_outputs(const fitting::BacktestSummary& summary,
                            const report::BacktestReportInput& view,
                            const BacktestTargets& targets) {
  const std::string csv = fitting::backtest_csv(summary);
  std::string page;
  if (targets.page) page = report::build_backtest_report(view).html;
  if (targets.page) write_one(*targets.page, page, targets);
  try {
    write_one(targets.csv, csv, targets);
  } catch (...) {
    if (targets.page) {
      std::error_code ignored;
      std::filesystem::remove(*targets.page, ignored);
    }
    throw;
  }
}

}  // namespace bedflow::cli
