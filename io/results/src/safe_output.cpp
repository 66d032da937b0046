#include "bedflow/results/safe_output.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
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

// What an interruption kept and removed, said by the handler; written beforehand, since a
// handler may not allocate or format.
char g_interrupt_note[2 * kMaxPath + 512];
std::size_t g_interrupt_note_size = 0;

void prepare_interrupt_note(const std::string& temporary, const std::string& target) {
  std::string note = "\nbedflow: interrupted: removed the unfinished " + temporary + "; " +
                     target + " was not written";
  if (std::filesystem::exists(target)) note += " (the existing " + target + " is kept as it was)";
  note += "\n";
  g_interrupt_note_size = std::min(note.size(), sizeof g_interrupt_note);
  std::memcpy(g_interrupt_note, note.data(), g_interrupt_note_size);
}

extern "C" void remove_pending_and_reraise(int signal_number) {
  if (g_pending.load()) {
    ::unlink(g_pending_path);
    const ssize_t ignored = ::write(STDERR_FILENO, g_interrupt_note, g_interrupt_note_size);
    static_cast<void>(ignored);
    ::unlink(g_scratch_path);
  }
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

// A closed terminal (SIGHUP) ends a run like Ctrl-C or `kill` does: the partial file goes.
constexpr int kCaughtSignals[] = {SIGINT, SIGTERM, SIGHUP};
using SignalHandler = void (*)(int);
SignalHandler g_previous[std::size(kCaughtSignals)] = {SIG_DFL, SIG_DFL, SIG_DFL};

void install_handlers() {
  for (std::size_t k = 0; k < std::size(kCaughtSignals); ++k) {
    g_previous[k] = std::signal(kCaughtSignals[k], remove_pending_and_reraise);
    // A hang-up the caller chose to ignore (nohup) stays ignored.
    if (kCaughtSignals[k] == SIGHUP && g_previous[k] == SIG_IGN) std::signal(SIGHUP, SIG_IGN);
  }
}

void restore_handlers() {
  for (std::size_t k = 0; k < std::size(kCaughtSignals); ++k) {
    std::signal(kCaughtSignals[k], g_previous[k]);
  }
}

std::string errno_text() { return std::strerror(errno); }

// True when anything at all is at `path`, a dangling symbolic link included.
bool something_at(const std::filesystem::path& path) {
  struct stat info {};
  return ::lstat(path.c_str(), &info) == 0;
}

// The pid in a temporary name ".<target>.<pid>.partial" (a file, or the CSV export's
// folder) or ".<target>.<pid>.partial.scratch" (the patient log's spool), or 0 when `name` is
// neither.
pid_t partial_file_pid(const std::string& name, const std::string& target_name) {
  const std::string prefix = "." + target_name + ".";
  std::string suffix = ".partial";
  const std::string scratch = ".partial.scratch";
  if (name.size() > scratch.size() &&
      name.compare(name.size() - scratch.size(), scratch.size(), scratch) == 0)
    suffix = scratch;
  if (name.size() <= prefix.size() + suffix.size()) return 0;
  if (name.compare(0, prefix.size(), prefix) != 0) return 0;
  if (name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) return 0;
  const std::string digits = name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
  if (digits.empty() || digits.size() > 9) return 0;
  pid_t pid = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return 0;
    pid = pid * 10 + (c - '0');
  }
  return pid;
}

}  // namespace

std::vector<std::string> tidy_stale_partials(const std::filesystem::path& directory,
                                             const std::string& target_name) {
  namespace fs = std::filesystem;
  std::vector<std::string> notes;
  std::error_code error;
  for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    const pid_t pid = partial_file_pid(name, target_name);
    if (pid <= 0 || pid == ::getpid()) continue;
    const bool alive = ::kill(pid, 0) == 0 || errno == EPERM;
    struct stat info {};
    const bool ours = ::lstat(it->path().c_str(), &info) == 0 && info.st_uid == ::geteuid();
    const bool regular = ours && S_ISREG(info.st_mode);
    const bool folder = ours && S_ISDIR(info.st_mode);  // an unfinished CSV export
    std::error_code removal;
    if (alive) {
      notes.push_back(it->path().string() + ": being written by process " + std::to_string(pid) +
                      " (another run with the same output?)");
    } else if ((regular && ::unlink(it->path().c_str()) == 0) ||
               (folder && fs::remove_all(it->path(), removal) > 0 && !removal)) {
      notes.push_back("removed " + it->path().string() + ", left unfinished by process " +
                      std::to_string(pid) + " (no longer running)");
    } else {
      notes.push_back(it->path().string() + ": left by process " + std::to_string(pid) +
                      " (no longer running); not removed: remove it by hand");
    }
  }
  return notes;
}

namespace {

// Creates `path` exclusively: never follows a link planted there, never opens another's file.
int create_exclusively(const std::string& path) {
  return ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
}

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
  if (!overwrite_ && something_at(target_path)) {
    throw ResultsError(target_ + ": already exists" +
                       (fs::is_symlink(fs::symlink_status(target_path)) ? " (a symbolic link)"
                                                                        : std::string()) +
                       " (use --force to overwrite it)");
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
  notes_ = tidy_stale_partials(directory, target_path.filename().string());
  int fd = create_exclusively(temporary_);
  if (fd < 0 && errno == EEXIST) {
    // Our own pid's name is taken: left by a dead process that had our pid, or planted.
    // Unlinking removes the entry only (never what a link points to); then create afresh.
    ::unlink(temporary_.c_str());
    fd = create_exclusively(temporary_);
  }
  if (fd < 0) throw ResultsError(temporary_ + ": cannot create (" + errno_text() + ")");
  struct stat info {};
  ::fstat(fd, &info);
  device_ = info.st_dev;
  inode_ = info.st_ino;
  ::close(fd);
  std::memcpy(g_pending_path, temporary_.c_str(), temporary_.size() + 1);
  std::memcpy(g_scratch_path, scratch_.c_str(), scratch_.size() + 1);
  g_pending.store(true);
  prepare_interrupt_note(temporary_, target_);
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
  if (!overwrite_ && something_at(target_)) {
    throw ResultsError(target_ + ": appeared while the run was going (use --force to "
                       "overwrite it)");
  }
  // The file to be moved must still be the one created exclusively, not a substitute.
  struct stat info {};
  if (::lstat(temporary_.c_str(), &info) != 0 || !S_ISREG(info.st_mode) ||
      info.st_dev != device_ || info.st_ino != inode_) {
    throw ResultsError(temporary_ + ": was replaced by another file while being written; "
                       "nothing was moved into place");
  }
  if (std::rename(temporary_.c_str(), target_.c_str()) != 0) {
    throw ResultsError(target_ + ": cannot move the finished file into place (" +
                       errno_text() + ")");
  }
  committed_ = true;
}

}  // namespace bedflow::results
