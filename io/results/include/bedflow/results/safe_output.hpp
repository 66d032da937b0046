#pragma once
// An output file that appears at its target path only when complete.
//
// Invariants:
//  - Data go to a temporary file beside the target (same directory, so rename is atomic),
//    named ".<target name>.<pid>.partial": never a name that looks like a finished file.
//    It is created exclusively (O_EXCL | O_NOFOLLOW): a file or symbolic link planted at
//    that predictable name is never written through, and commit() refuses to move a file
//    that is no longer the one created.
//  - Anything at the target, a dangling symbolic link included, counts as existing.
//  - Temporary files of the same target left by earlier runs (SIGKILL, power loss) are
//    removed when their process is gone, or reported when it still runs (notes()).
//  - commit() renames the temporary file onto the target; until then the target is never
//    created or touched. Without `overwrite`, an existing target is refused both when the
//    SafeOutputFile is made and at commit.
//  - If the object dies without commit() (exception, early return), the temporary file is
//    removed. SIGINT, SIGTERM and SIGHUP remove it too, then end the process with the signal's
//    default action (the handler only calls async-signal-safe functions). SIGKILL cannot be
//    caught: then the temporary file remains, but the target is still never created.
//  - scratch_path() names a file beside the temporary one (".<target name>.<pid>.partial.
//    scratch") for data that live only while the file is written, such as the patient
//    log's spool: whoever creates it, the destructor, SIGINT and SIGTERM remove it.
//  - At most one SafeOutputFile is live at a time per process (the signal handler holds a
//    single path); making a second throws.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace bedflow::results {

// Temporary files and folders (".<target name>.<pid>.partial", "....partial.scratch") left in
// `directory` by earlier runs that were killed (SIGKILL, power loss): removed when their
// process is gone and they belong to this user, reported when it still runs. One line each,
// for the user.
std::vector<std::string> tidy_stale_partials(const std::filesystem::path& directory,
                                             const std::string& target_name);

class SafeOutputFile {
 public:
  // Throws ResultsError when the target exists and !overwrite, when it is the same file as
  // one of `inputs` (even with overwrite: the run would destroy what it reads), when its
  // directory does not exist, or when the temporary file cannot be created.
  SafeOutputFile(std::string target, bool overwrite, const std::vector<std::string>& inputs = {});
  SafeOutputFile(const SafeOutputFile&) = delete;
  SafeOutputFile& operator=(const SafeOutputFile&) = delete;
  ~SafeOutputFile();

  const std::string& temporary_path() const noexcept { return temporary_; }
  const std::string& target_path() const noexcept { return target_; }
  const std::string& scratch_path() const noexcept { return scratch_; }

  // Moves the finished temporary file to the target. Throws ResultsError on failure (the
  // temporary file is then removed).
  void commit();

  // What was found and done about stale temporary files, for the user (one line each).
  const std::vector<std::string>& notes() const noexcept { return notes_; }

 private:
  std::string target_;
  std::string temporary_;
  std::string scratch_;
  bool overwrite_ = false;
  bool committed_ = false;
  dev_t device_ = 0;
  ino_t inode_ = 0;
  std::vector<std::string> notes_;
};

}  // namespace bedflow::results
