#pragma once
// `bedflow export ... --xlsx BOOK.xlsx`, once its arguments have been checked.
//
// Two definitions, one per executable, chosen at link time:
//  - export_workbook_direct.cpp, linked into `bedflow-workbook`: reads the results files and
//    writes the workbook with libxlsxwriter.
//  - export_workbook_handover.cpp, linked into `bedflow` and `bedflow-mpi`: runs
//    `bedflow-workbook export ARGUMENTS...`, found beside the running executable or else
//    where the build put it (BEDFLOW_WORKBOOK_WRITER), waits for it and returns its exit
//    status. So libxlsxwriter, and the OpenSSL library Debian builds it with (21,000
//    relocations to process), load only when a workbook is written, not at the start of
//    every run.
// Either returns an exit status (exit_status.hpp) after reporting its own errors on stderr;
// the handover reports kFailure itself when no `bedflow-workbook` can be started (naming the
// paths tried) or the writer is killed by a signal.
#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace bedflow::cli {

// `arguments`: the export command's arguments (after `export`), as given; `values`: the
// same, parsed by the export command.
int export_workbook(const std::vector<std::string>& arguments,
                    const boost::program_options::variables_map& values);

}  // namespace bedflow::cli
