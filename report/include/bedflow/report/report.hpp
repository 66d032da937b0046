#pragma once
// The HTML report: one self-contained page presenting one or more results files (and a
// sizing record when a file holds one) to planners and boards.
//
// Invariants:
//  - The page needs nothing beside itself: style, page script, charting library and data are
//    inline; a Content-Security-Policy meta tag forbids every network request.
//  - Every section present in the sources is shown; a section whose data the sources lack is
//    replaced by a sentence saying what is missing, never left blank.
//  - The first scenario is the baseline: differences are always "scenario - baseline".
//  - Nothing here knows a hospital beyond the measure and series names it presents.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "bedflow/analysis/sizing_record.hpp"
#include "bedflow/results/results_file.hpp"

namespace bedflow::report {

// One input file as read: its results and, for a `bedflow size -o` file, the sizing record.
struct ReportSource {
  std::string path;
  results::ResultsFile file;
  std::optional<analysis::StoredSizingRecord> sizing;
};

// Reads a results file (and its /sizing group, if any). Throws ReportError naming the file
// when it cannot be read, is unfinished or is of a format version this bedflow refuses.
ReportSource load_report_source(const std::string& path);

struct ReportOptions {
  // Series longer than this are thinned to every k-th point (the page says so).
  std::size_t max_points_per_series = 400;
};

struct Report {
  std::string html;
  std::vector<std::string> notes;  // what was missing or thinned, also stated in the page
  std::size_t charts = 0;          // charts the page script will draw
};

// Builds the page. Throws ReportError when `sources` is empty.
Report build_report(const std::vector<ReportSource>& sources, const ReportOptions& options = {});

}  // namespace bedflow::report
