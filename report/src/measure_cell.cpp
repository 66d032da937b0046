#include "measure_cell.hpp"

#include "format.hpp"
#include "html.hpp"

namespace bedflow::report {

std::string measure_cell(const results::MeasureSummary* summary) {
  if (summary == nullptr) return "<span class=\"absent\">not in file</span>";
  std::string text = html::escape(format_value(summary->ci.mean, summary->unit));
  if (summary->ci.n >= 2 && summary->ci.half_width > 0.0) {
    const results::ShownInterval shown = results::shown_interval(*summary);
    text += " <span class=\"ci\">(" +
            html::escape(format_range(shown.lower, shown.upper, summary->unit)) + ")</span>";
  }
  return text;
}

}  // namespace bedflow::report
