// `bedflow export --xlsx` runs `bedflow-workbook` (export_workbook.hpp says why).
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <system_error>
#include <vector>

#include "cli/command_line.hpp"
#include "cli/exit_status.hpp"
#include "export_workbook.hpp"

namespace bedflow::cli {
namespace {

// Where the writer may be: beside the running executable (`bedflow` and `bedflow-workbook`
// are built, and may be copied, together), then where the build put it
// (BEDFLOW_WORKBOOK_WRITER, an absolute path: `bedflow-mpi` is built in another directory).
std::vector<std::filesystem::path> writer_candidates() {
  std::vector<std::filesystem::path> candidates;
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) candidates.push_back(self.parent_path() / "bedflow-workbook");
  // For `bedflow` in the build tree both are one file: try it once.
  if (candidates.empty() || candidates.front() != BEDFLOW_WORKBOOK_WRITER) {
    candidates.emplace_back(BEDFLOW_WORKBOOK_WRITER);
  }
  return candidates;
}

}  // namespace

int export_workbook(const std::vector<std::string>& arguments,
                    const boost::program_options::variables_map& /*values*/) {
  const auto candidates = writer_candidates();
  std::string tried;
  for (const auto& writer : candidates) {
    std::vector<std::string> words{writer.string(), "export"};
    words.insert(words.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (auto& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);
    std::cout.flush();
    std::cerr.flush();
    // Started as a child and waited for, not exec'd in place: `bedflow-mpi` must still end
    // its MPI session itself, or mpirun fails a job whose workbook was written.
    pid_t child = 0;
    const int error =
        ::posix_spawn(&child, writer.c_str(), nullptr, nullptr, argv.data(), environ);
    if (error != 0) {
      tried += (tried.empty() ? "" : ", ") + writer.string() + " (" + std::strerror(error) + ")";
      continue;
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0) {
      if (errno == EINTR) continue;
      return report_error("export", std::string("lost the workbook writer: ") +
                                        std::strerror(errno), kFailure);
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return report_error("export",
                        "the workbook writer stopped on signal " +
                            std::to_string(WTERMSIG(status)) + "; no workbook was written",
                        kFailure);
  }
  return report_error("export",
                      "cannot start the workbook writer bedflow-workbook, built beside bedflow: "
                      "tried " + tried,
                      kFailure);
}

}  // namespace bedflow::cli
