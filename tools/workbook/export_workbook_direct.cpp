// The workbook itself, in `bedflow-workbook` (export_workbook.hpp says why it is apart).
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "bedflow/results/results_error.hpp"
#include "bedflow/results/safe_output.hpp"
#include "bedflow/results/xlsx_export.hpp"
#include "cli/command_line.hpp"
#include "cli/exit_status.hpp"
#include "export_workbook.hpp"

namespace bedflow::cli {

int export_workbook(const std::vector<std::string>& /*arguments*/,
                    const boost::program_options::variables_map& values) {
  const auto path = values["results"].as<std::string>();
  const auto target = values["xlsx"].as<std::string>();
  const results::WorkbookOptions book{values["variant-a"].as<std::string>(),
                                      values["variant-b"].as<std::string>()};
  std::vector<results::WorkbookSource> sources;
  std::optional<results::SafeOutputFile> output;
  try {
    sources.push_back(results::read_workbook_source(path));
    if (values.count("second")) {
      sources.push_back(results::read_workbook_source(values["second"].as<std::string>()));
    }
    results::check_workbook(sources, book);
    std::vector<std::string> inputs{path};
    if (values.count("second")) inputs.push_back(values["second"].as<std::string>());
    output.emplace(target, values["force"].as<bool>(), inputs);
    for (const auto& note : output->notes()) std::cerr << "note: " << note << "\n";
  } catch (const results::ResultsError& error) {
    return report_error("export", error.what(), kBadInput);
  }
  try {
    const auto sheets = results::write_workbook(output->temporary_path(), sources, book);
    output->commit();
    std::string list;
    for (const auto& sheet : sheets) list += (list.empty() ? "" : ", ") + sheet;
    std::cout << fmt::format("Wrote {} ({})\n", target, list);
  } catch (const results::ResultsError& error) {
    return report_error("export", error.what(), kFailure);  // `output` removes the temporary
  }
  return kSuccess;
}

}  // namespace bedflow::cli
