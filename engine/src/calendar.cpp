#include "bedflow/engine/calendar.hpp"

#include <charconv>
#include <cstdio>

namespace bedflow::engine {
namespace {
std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
}  // namespace

// Howard Hinnant's days_from_civil: exact for the whole proleptic Gregorian calendar.
std::int64_t days_from_civil(const Date& date) noexcept {
  std::int64_t y = date.year;
  const std::int64_t m = date.month;
  const std::int64_t d = date.day;
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(std::int64_t z) noexcept {
  z += 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = yoe + era * 400;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

bool is_valid_date(const Date& date) noexcept {
  if (date.year < 1 || date.year > 9999 || date.month < 1 || date.month > 12 || date.day < 1) {
    return false;
  }
  return civil_from_days(days_from_civil(date)) == date;
}

std::optional<Date> parse_iso_date(std::string_view text) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto field = [&](std::size_t pos, std::size_t len, int& out) {
    const char* first = text.data() + pos;
    const char* last = first + len;
    for (const char* p = first; p != last; ++p) {
      if (*p < '0' || *p > '9') return false;
    }
    return std::from_chars(first, last, out).ec == std::errc{};
  };
  Date date;
  if (!field(0, 4, date.year) || !field(5, 2, date.month) || !field(8, 2, date.day)) {
    return std::nullopt;
  }
  if (!is_valid_date(date)) return std::nullopt;
  return date;
}

std::string to_iso_string(const Date& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

Calendar::Calendar(Date start_date) noexcept
    : start_(start_date), start_day_(days_from_civil(start_date)) {
  // 1970-01-01 was a Thursday (ISO weekday index 3).
  start_weekday_ = static_cast<int>(((start_day_ % 7) + 7 + 3) % 7);
}

Time Calendar::time_of(const Date& date) const noexcept {
  return (days_from_civil(date) - start_day_) * kDay;
}

Date Calendar::date_at(Time t) const noexcept { return civil_from_days(start_day_ + day_index_at(t)); }

}  // namespace bedflow::engine
