#include "bedflow/results/csv_folder.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iterator>

#include <fmt/format.h>

#include "bedflow/results/csv_export.hpp"
#include "bedflow/results/results_error.hpp"
#include "bedflow/results/safe_output.hpp"

namespace bedflow::results {
namespace {

namespace fs = std::filesystem;

// The hidden folder a signal handler removes: fixed buffers, since a handler may not allocate.
constexpr std::size_t kMaxPath = 4096;
char g_folder[kMaxPath];
char g_note[kMaxPath + 256];
std::size_t g_note_size = 0;
std::atomic<bool> g_folder_pending{false};

// Removes the files of `folder` (one level: the export writes no subfolders) and the folder,
// with system calls only (open, getdents64, unlinkat, rmdir are async-signal-safe). Entries
// removed while listing can shift the listing, so it starts over until the folder is empty.
void remove_folder_from_handler(const char* folder) {
  for (int pass = 0; pass < 64 && ::rmdir(folder) != 0; ++pass) {
    const int fd = ::open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return;
    alignas(dirent64) char buffer[8192];
    for (ssize_t n; (n = ::getdents64(fd, buffer, sizeof buffer)) > 0;) {
      for (ssize_t offset = 0; offset < n;) {
        const auto* entry = reinterpret_cast<const dirent64*>(buffer + offset);
        const char* name = entry->d_name;
        const bool dots = name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'));
        if (!dots) ::unlinkat(fd, name, 0);
        offset += entry->d_reclen;
      }
    }
    ::close(fd);
  }
}

constexpr int kCaughtSignals[] = {SIGINT, SIGTERM, SIGHUP};
using SignalHandler = void (*)(int);
SignalHandler g_previous[std::size(kCaughtSignals)] = {SIG_DFL, SIG_DFL, SIG_DFL};

extern "C" void remove_folder_and_reraise(int signal_number) {
  if (g_folder_pending.exchange(false)) {
    remove_folder_from_handler(g_folder);
    const ssize_t ignored = ::write(STDERR_FILENO, g_note, g_note_size);
    static_cast<void>(ignored);
  }
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

// Removes the hidden folder unless released: every early exit (an exception) tidies up, and
// so does an interrupting signal while it lives.
class HiddenFolder {
 public:
  HiddenFolder(fs::path path, const std::string& target) : path_(std::move(path)) {
    const std::string folder = path_.string();
    if (folder.size() >= kMaxPath) throw ResultsError(target + ": path too long");
    std::memcpy(g_folder, folder.c_str(), folder.size() + 1);
    const std::string note = fmt::format(
        "\nbedflow: interrupted: removed the unfinished {}; nothing was moved into {}\n", folder,
        target);
    g_note_size = std::min(note.size(), sizeof g_note);
    std::memcpy(g_note, note.data(), g_note_size);
    g_folder_pending.store(true);
    for (std::size_t k = 0; k < std::size(kCaughtSignals); ++k) {
      g_previous[k] = std::signal(kCaughtSignals[k], remove_folder_and_reraise);
      // A hang-up the caller chose to ignore (nohup) stays ignored.
      if (kCaughtSignals[k] == SIGHUP && g_previous[k] == SIG_IGN) std::signal(SIGHUP, SIG_IGN);
    }
  }
  HiddenFolder(const HiddenFolder&) = delete;
  HiddenFolder& operator=(const HiddenFolder&) = delete;
  ~HiddenFolder() {
    g_folder_pending.store(false);
    for (std::size_t k = 0; k < std::size(kCaughtSignals); ++k) {
      std::signal(kCaughtSignals[k], g_previous[k]);
    }
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const noexcept { return path_; }

 private:
  fs::path path_;
};

// The target's name and the folder it is in ("dir/" names "dir").
std::pair<fs::path, std::string> parent_and_name(const fs::path& target) {
  fs::path name = target.filename();
  if (name.empty()) name = target.parent_path().filename();
  fs::path parent = target.has_filename() ? target.parent_path() : target.parent_path().parent_path();
  if (parent.empty()) parent = ".";
  return {parent, name.string()};
}

}  // namespace

void check_csv_folder(const std::string& directory, bool overwrite) {
  std::error_code error;
  const auto status = fs::symlink_status(directory, error);
  if (error || !fs::exists(status)) return;
  if (!fs::is_directory(fs::status(directory, error))) {
    throw ResultsError(directory + ": exists and is not a folder; give a folder for --csv");
  }
  if (!overwrite && !fs::is_empty(directory, error)) {
    throw ResultsError(directory +
                       ": the folder exists and holds files; pass --force to replace the CSV "
                       "files of the same names there, or give a new folder");
  }
}

CsvFolderWritten export_csv_folder(const ResultsFile& file, const std::string& directory,
                                   const MoreCsvFiles& more) {
  const fs::path target(directory);
  const auto [parent, name] = parent_and_name(target);
  CsvFolderWritten result;
  result.notes = tidy_stale_partials(parent, name);
  HiddenFolder hidden(parent / fmt::format(".{}.{}.partial", name, ::getpid()), directory);
  std::error_code error;
  if (!fs::create_directory(hidden.path(), error) || error) {
    throw ResultsError(fmt::format("{}: cannot create the temporary folder {} ({})", directory,
                                   hidden.path().string(), error.message()));
  }
  std::vector<std::string> names;
  for (const auto& path : export_csv(file, hidden.path().string())) {
    names.push_back(fs::path(path).filename().string());
  }
  if (more) {
    for (const auto& path : more(hidden.path().string())) {
      names.push_back(fs::path(path).filename().string());
    }
  }
  fs::create_directories(target, error);
  if (error || !fs::is_directory(target)) {
    throw ResultsError(directory + ": cannot create folder (" + error.message() + ")");
  }
  for (const auto& file_name : names) {
    fs::rename(hidden.path() / file_name, target / file_name, error);
    if (error) {
      throw ResultsError(fmt::format("{}: cannot move {} into it ({})", directory, file_name,
                                     error.message()));
    }
    result.files.push_back((target / file_name).string());
  }
  return result;
}

}  // namespace bedflow::results
