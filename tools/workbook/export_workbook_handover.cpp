// `bedflow export --xlsx` hands over to `bedflow-workbook` (export_workbook.hpp says why).
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "cli/command_line.hpp"
#include "cli/exit_status.hpp"
#include "export_workbook.hpp"

namespace bedflow::cli {

int export_workbook(const std::vector<std::string>& arguments,
                    const boost::program_options::variables_map& /*values*/) {
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  const auto writer = (error ? std::filesystem::path() : self.parent_path()) / "bedflow-workbook";
  std::vector<std::string> words{writer.string(), "export"};
  words.insert(words.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  std::cout.flush();
  std::cerr.flush();
  ::execv(writer.c_str(), argv.data());
  // Only reached when the writer could not be started.
  return report_error("export",
                      "cannot start the workbook writer " + writer.string() + " (" +
                          std::strerror(errno) + "); it is built beside bedflow",
                      kFailure);
}

}  // namespace bedflow::cli
