#include "bedflow/results/csv_folder.hpp"

#include <unistd.h>

#include <filesystem>

#include <fmt/format.h>

#include "bedflow/results/csv_export.hpp"
#include "bedflow/results/results_error.hpp"

namespace bedflow::results {
namespace {

namespace fs = std::filesystem;

// Removes the hidden folder unless released: every early exit (an exception) tidies up.
class HiddenFolder {
 public:
  explicit HiddenFolder(fs::path path) : path_(std::move(path)) {}
  HiddenFolder(const HiddenFolder&) = delete;
  HiddenFolder& operator=(const HiddenFolder&) = delete;
  ~HiddenFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const noexcept { return path_; }

 private:
  fs::path path_;
};

fs::path folder_beside(const fs::path& target) {
  fs::path name = target.filename();
  if (name.empty()) name = target.parent_path().filename();  // "dir/" names "dir"
  fs::path parent = target.has_filename() ? target.parent_path() : target.parent_path().parent_path();
  if (parent.empty()) parent = ".";
  return parent / fmt::format(".{}.{}.partial", name.string(), ::getpid());
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

std::vector<std::string> export_csv_folder(const ResultsFile& file, const std::string& directory,
                                           const MoreCsvFiles& more) {
  const fs::path target(directory);
  HiddenFolder hidden(folder_beside(target));
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
  std::vector<std::string> written;
  for (const auto& name : names) {
    fs::rename(hidden.path() / name, target / name, error);
    if (error) {
      throw ResultsError(fmt::format("{}: cannot move {} into it ({})", directory, name,
                                     error.message()));
    }
    written.push_back((target / name).string());
  }
  return written;
}

}  // namespace bedflow::results
