#include "bedflow/results/xlsx_export.hpp"

#include "workbook_parts.hpp"

namespace bedflow::results {

using namespace xlsx;

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
  if (plan.has_trusts) names.push_back("Trusts");
  if (plan.has_trust_months) names.push_back("Trusts by month");
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
  if (plan.has_trusts) {
    write_trusts(book.get(), formats, path, plan);
    written.push_back("Trusts");
  }
  if (plan.has_trust_months) {
    write_trust_months(book.get(), formats, path, plan);
    written.push_back("Trusts by month");
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
