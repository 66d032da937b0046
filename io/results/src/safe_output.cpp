#include "bedflow/results/safe_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>

#include "bedflow/results/results_error.hpp"

namespace bedflow::results {
namespace {

// The path the signal handler removes: a fixed buffer, since a handler may not allocate.
constexpr std::size_t kMaxPath = 4096;
char g_pending_path[kMaxPath];
char g_scratch_path[kMaxPath];
std::atomic<bool> g_pending{false};

extern "C" void remove_pending_and_reraise(int signal_number) {
  if (g_pending.load()) {
    ::unlink(g_pending_path);
    ::unlink(g_scratch_path);
  }
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

struct PreviousHandlers {
  void (*interrupt)(int) = SIG_DFL;
  void (*terminate)(int) = SIG_DFL;
};
PreviousHandlers g_previous;

void install_handlers() {
  g_previous.interrupt = std::signal(SIGINT, remove_pending_and_reraise);
  g_previous.terminate = std::signal(SIGTERM, remove_pending_and_reraise);
}

void restore_handlers() {
  std::signal(SIGINT, g_previous.interrupt);
  std::signal(SIGTERM, g_previous.terminate);
}

std::string errno_text() { return std::strerror(errno); }

}  // namespace

SafeOutputFile::SafeOutputFile(std::string target, bool overwrite,
                               const std::vector<std::string>& inputs)
    : target_(std::move(target)), overwrite_(overwrite) {
  namespace fs = std::filesystem;
  const fs::path target_path(target_);
  if (target_path.filename().empty()) throw ResultsError(target_ + ": not a file name");
  if (fs::is_directory(target_path)) throw ResultsError(target_ + ": is a directory");
  for (const auto& input : inputs) {
    std::error_code error;
    if (fs::exists(target_path, error) && fs::equivalent(target_path, input, error)) {
      throw ResultsError(target_ + ": is also an input (" + input +
                         "); writing it would destroy what is read: choose another output");
    }
  }
  if (!overwrite_ && fs::exists(target_path)) {
    throw ResultsError(target_ + ": already exists (use --force to overwrite it)");
  }
  const fs::path directory =
      target_path.has_parent_path() ? target_path.parent_path() : fs::path(".");
  if (!fs::is_directory(directory)) {
    throw ResultsError(target_ + ": directory '" + directory.string() + "' does not exist");
  }
  std::string hidden_name(".");
  hidden_name.append(target_path.filename().string());
  hidden_name.append(".").append(std::to_string(::getpid())).append(".partial");
  temporary_ = (directory / hidden_name).string();
  scratch_ = temporary_ + ".scratch";
  if (scratch_.size() >= kMaxPath) throw ResultsError(target_ + ": path too long");
  if (g_pending.load()) throw ResultsError("another output file is already being written");
  const int fd = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw ResultsError(temporary_ + ": cannot create (" + errno_text() + ")");
  ::close(fd);
  std::memcpy(g_pending_path, temporary_.c_str(), temporary_.size() + 1);
  std::memcpy(g_scratch_path, scratch_.c_str(), scratch_.size() + 1);
  g_pending.store(true);
  install_handlers();
}

SafeOutputFile::~SafeOutputFile() {
  if (!committed_) ::unlink(temporary_.c_str());
  ::unlink(scratch_.c_str());
  g_pending.store(false);
  restore_handlers();
}

void SafeOutputFile::commit() {
  if (committed_) return;
  if (!overwrite_ && std::filesystem::exists(target_)) {
    throw ResultsError(target_ + ": appeared while the run was going (use --force to "
                       "overwrite it)");
  }
  if (std::rename(temporary_.c_str(), target_.c_str()) != 0) {
    throw ResultsError(target_ + ": cannot move the finished file into place (" +
                       errno_text() + ")");
  }
  committed_ = true;
}

}  // namespace bedflow::results
