#include "child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace bedflow::test {
namespace fs = std::filesystem;

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string& small_scenario() {
  static const std::string path = source_path("tests/scenario/fixtures/good/small.yaml");
  return path;
}

std::string bedflow_binary() { return std::string(BEDFLOW_BINARY_DIR) + "/tools/bedflow"; }

std::string source_path(const std::string& relative) {
  return std::string(BEDFLOW_SOURCE_DIR) + "/" + relative;
}

std::string scratch_directory(const std::string& name) {
  const auto path = fs::path(BEDFLOW_BINARY_DIR) / "tests" / "cli-scratch" / name;
  fs::remove_all(path);
  fs::create_directories(path);
  return path.string();
}

namespace {

pid_t spawn(const std::string& program, const std::vector<std::string>& arguments,
            const std::string& working_directory, const std::string& out_path,
            const std::string& err_path) {
  std::vector<std::string> argv_storage{program};
  argv_storage.insert(argv_storage.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& argument : argv_storage) argv.push_back(argument.data());
  argv.push_back(nullptr);
  const pid_t child = ::fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    // In the child: only async-signal-safe calls until exec.
    if (!working_directory.empty() && ::chdir(working_directory.c_str()) != 0) ::_exit(127);
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0 || err < 0) ::_exit(127);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return child;
}

}  // namespace

ChildResult wait_for(pid_t child, double timeout_seconds) {
  ChildResult result;
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::duration<double>(timeout_seconds);
  int status = 0;
  while (true) {
    const pid_t done = ::waitpid(child, &status, WNOHANG);
    if (done == child) break;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(child, SIGKILL);
      ::waitpid(child, &status, 0);
      result.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (WIFEXITED(status)) result.exit_status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

ChildResult run_bedflow(const std::vector<std::string>& arguments,
                        const std::string& working_directory, double timeout_seconds) {
  return run_program(bedflow_binary(), arguments, working_directory, timeout_seconds);
}

ChildResult run_program(const std::string& program, const std::vector<std::string>& arguments,
                        const std::string& working_directory, double timeout_seconds) {
  static int counter = 0;
  const auto capture = fs::path(BEDFLOW_BINARY_DIR) / "tests" / "cli-capture";
  fs::create_directories(capture);
  const std::string stem = (capture / std::to_string(::getpid())).string() + "-" +
                           std::to_string(counter++);
  const pid_t child =
      spawn(program, arguments, working_directory, stem + ".out", stem + ".err");
  auto result = wait_for(child, timeout_seconds);
  result.out = read_text(stem + ".out");
  result.err = read_text(stem + ".err");
  fs::remove(stem + ".out");
  fs::remove(stem + ".err");
  return result;
}

pid_t start_bedflow(const std::vector<std::string>& arguments,
                    const std::string& working_directory) {
  return start_program(bedflow_binary(), arguments, working_directory);
}

pid_t start_program(const std::string& program, const std::vector<std::string>& arguments,
                    const std::string& working_directory) {
  return spawn(program, arguments, working_directory,
               (fs::path(working_directory) / "stdout.txt").string(),
               (fs::path(working_directory) / "stderr.txt").string());
}

std::vector<std::string> files_in(const std::string& directory) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(directory)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace bedflow::test
