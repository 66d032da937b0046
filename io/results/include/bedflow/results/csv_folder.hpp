#pragma once
// The CSV export written as a whole: into a hidden folder beside the target, moved in only
// when every file is complete, so a failure never leaves a mix of new and old files.
//
// Invariants:
//  - check_csv_folder() refuses (ResultsError) a target that exists and is not a folder, and
//    a folder that already holds files unless `overwrite`; nothing is written then.
//  - export_csv_folder() writes export_csv()'s files, then those of `more` (called with the
//    hidden folder; it returns the names it wrote there), into ".<name>.<pid>.partial" beside
//    the target, creates the target folder if missing and moves each file in (replacing a
//    file of the same name). On any failure the hidden folder is removed and ResultsError
//    names what could not be written; files already in the target are then untouched unless
//    the failure came while moving the finished files in.
//  - SIGINT, SIGTERM and SIGHUP while it runs remove the hidden folder (async-signal-safe
//    calls only), say so on stderr, then end the process with the signal's default action.
//    A folder left by an export killed outright (SIGKILL) is removed by the next export to
//    the same target once its process is gone (tidy_stale_partials()), and said in `notes`.
//  - Returns the paths in the target folder, in the order written.
#include <functional>
#include <string>
#include <vector>

#include "bedflow/results/results_file.hpp"

namespace bedflow::results {

void check_csv_folder(const std::string& directory, bool overwrite);

using MoreCsvFiles = std::function<std::vector<std::string>(const std::string& folder)>;

struct CsvFolderWritten {
  std::vector<std::string> files;  // in the target folder, in the order written
  std::vector<std::string> notes;  // stale temporary folders found and what was done
};

CsvFolderWritten export_csv_folder(const ResultsFile& file, const std::string& directory,
                                   const MoreCsvFiles& more = {});

}  // namespace bedflow::results
