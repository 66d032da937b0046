// Date-times in the extract: ISO 8601 or the UK `dd/mm/yyyy hh:mm` that spreadsheets write,
// parsed by Howard Hinnant's date library (which also refuses impossible dates such as 31/02).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include <date/date.h>

#include "bedflow/fitting/extract.hpp"

namespace bedflow::fitting {
namespace {

using Seconds = std::chrono::time_point<std::chrono::system_clock, std::chrono::seconds>;

// The one format a text of this shape can be in: choosing it up front keeps a million rows
// to one parse each, and a wrong shape fails with the same message as a wrong value.
const char* format_for(const std::string& text) {
  const bool uk = text.find('/') != std::string::npos;
  const auto colons = std::count(text.begin(), text.end(), ':');
  if (uk) return colons == 0 ? "%d/%m/%Y" : colons == 1 ? "%d/%m/%Y %H:%M" : "%d/%m/%Y %H:%M:%S";
  const bool t = text.find('T') != std::string::npos;
  if (colons == 0) return "%Y-%m-%d";
  if (colons == 1) return t ? "%Y-%m-%dT%H:%M" : "%Y-%m-%d %H:%M";
  return t ? "%Y-%m-%dT%H:%M:%S" : "%Y-%m-%d %H:%M:%S";
}

// Only the characters of the accepted forms, in digit runs of at most 4, every ':' followed
// by two digits: the date library reads seconds as a long double, and given anything but
// digits after "hh:mm:" (other bytes, or nothing) it can make a NaN of them, whose rounding
// to whole seconds is undefined behaviour (found by fuzzing).
bool plausible(const std::string& text) {
  const auto digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!digit(i) && c != '-' && c != '/' && c != ':' && c != 'T' && c != ' ') return false;
    if (c == ':' && !(digit(i + 1) && digit(i + 2))) return false;
    run = digit(i) ? run + 1 : 0;
    if (run > 4) return false;
  }
  return true;
}

}  // namespace

double parse_date_time(const std::string& text) {
  thread_local std::istringstream in;
  in.clear();
  in.str(text);
  Seconds when{};
  if (plausible(text)) date::from_stream(in, format_for(text), when);
  if (!plausible(text) || in.fail() || in.peek() != std::char_traits<char>::eof()) {
    throw std::invalid_argument("expected a date-time such as 2026-10-01T08:30 or "
                                "01/10/2026 08:30, found '" + text + "'");
  }
  const auto seconds = when.time_since_epoch().count();
  const double days = static_cast<double>(seconds) / 86400.0;
  // Years 1900-2200, as the scenario format allows: anything else is a typo.
  if (days < -25567.0 || days > 84006.0) {
    throw std::invalid_argument("date-time '" + text + "' is outside the years 1900-2200");
  }
  return days;
}

std::string format_date(double days) {
  const date::sys_days day{date::days{static_cast<long>(std::floor(days))}};
  return date::format("%F", day);
}

}  // namespace bedflow::fitting
