#pragma once
// A civil calendar anchored at the simulation's start date.
//
// Invariants:
//  - Simulation time 0 is midnight at the start of `start_date` (local time, no daylight
//    saving: the models work in whole hours and days).
//  - Weekdays are numbered 0 = Monday .. 6 = Sunday (ISO 8601), hours 0..23.
//  - Dates use the proleptic Gregorian calendar; conversions are exact integer arithmetic.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bedflow/engine/time.hpp"

namespace bedflow::engine {

struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  friend bool operator==(const Date&, const Date&) = default;
};

// Days since 1970-01-01 (negative before it).
std::int64_t days_from_civil(const Date& date) noexcept;
Date civil_from_days(std::int64_t days) noexcept;
bool is_valid_date(const Date& date) noexcept;
// Parses "YYYY-MM-DD"; nullopt when malformed or not a real date (e.g. 2026-02-30).
std::optional<Date> parse_iso_date(std::string_view text) noexcept;
std::string to_iso_string(const Date& date);

class Calendar {
 public:
  explicit Calendar(Date start_date) noexcept;

  const Date& start_date() const noexcept { return start_; }
  // Simulation time of midnight at the start of `date` (negative if before the start).
  Time time_of(const Date& date) const noexcept;
  Date date_at(Time t) const noexcept;
  // Inline, with constant divisors the compiler turns into multiplications: the model asks
  // for the hour of every admission (ED waits by hour), so a call and a 64-bit division each
  // time showed in its profile.
  std::int64_t day_index_at(Time t) const noexcept {  // whole days since the start (floor)
    const std::int64_t q = t / kDay;
    return t % kDay < 0 ? q - 1 : q;
  }
  int weekday_at(Time t) const noexcept {  // 0 = Monday
    return static_cast<int>(((day_index_at(t) + start_weekday_) % 7 + 7) % 7);
  }
  int hour_at(Time t) const noexcept {  // 0..23
    return static_cast<int>((t - day_index_at(t) * kDay) / kHour);
  }

 private:
  Date start_;
  std::int64_t start_day_;   // days_from_civil(start_)
  int start_weekday_;        // weekday of the start date
};

}  // namespace bedflow::engine
