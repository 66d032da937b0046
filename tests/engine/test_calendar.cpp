// Calendar: known dates and weekdays, day-by-day round trips over the whole supported range,
// and rejection of dates that do not exist.
#include <catch2/catch.hpp>

#include "bedflow/engine/calendar.hpp"

using namespace bedflow::engine;

namespace {
int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}
}  // namespace

TEST_CASE("known dates map to their day numbers and weekdays", "[calendar]") {
  struct Known {
    Date date;
    std::int64_t days_since_1970;
    int weekday;  // 0 = Monday
  };
  // Day counts and weekdays from the civil calendar (1970-01-01 was a Thursday,
  // 2000-01-01 a Saturday, 2026-04-01 a Wednesday).
  const Known known[] = {
      {{1970, 1, 1}, 0, 3},         {{2000, 1, 1}, 10957, 5},   {{2000, 2, 29}, 11016, 1},
      {{2026, 1, 1}, 20454, 3},     {{2026, 4, 1}, 20544, 2},   {{1900, 3, 1}, -25508, 3},
      {{1, 1, 1}, -719162, 0},      {{9999, 12, 31}, 2932896, 4},
  };
  for (const auto& k : known) {
    INFO(to_iso_string(k.date));
    CHECK(days_from_civil(k.date) == k.days_since_1970);
    CHECK(civil_from_days(k.days_since_1970) == k.date);
    const Calendar calendar(k.date);
    CHECK(calendar.weekday_at(0) == k.weekday);
    CHECK(calendar.weekday_at(kDay - 1) == k.weekday);
    CHECK(calendar.weekday_at(kDay) == (k.weekday + 1) % 7);
  }
}

TEST_CASE("every day from year 1 to 9999 round-trips and follows its predecessor", "[calendar]") {
  const std::int64_t first = days_from_civil({1, 1, 1});
  const std::int64_t last = days_from_civil({9999, 12, 31});
  Date previous = civil_from_days(first);
  REQUIRE(previous == Date{1, 1, 1});
  std::int64_t failures = 0;
  for (std::int64_t d = first + 1; d <= last; ++d) {
    const Date date = civil_from_days(d);
    // The successor of `previous` by the rules of the Gregorian calendar.
    Date expected = previous;
    if (++expected.day > days_in_month(expected.year, expected.month)) {
      expected.day = 1;
      if (++expected.month > 12) {
        expected.month = 1;
        ++expected.year;
      }
    }
    if (!(date == expected) || days_from_civil(date) != d || !is_valid_date(date)) ++failures;
    previous = date;
  }
  CHECK(failures == 0);
  CHECK(previous == Date{9999, 12, 31});
}

TEST_CASE("calendar gives date, weekday and hour from simulation time", "[calendar]") {
  const Calendar calendar({2026, 4, 1});  // a Wednesday
  CHECK(calendar.date_at(0) == Date{2026, 4, 1});
  CHECK(calendar.hour_at(0) == 0);
  CHECK(calendar.hour_at(13 * kHour + 59 * kMinute) == 13);
  CHECK(calendar.hour_at(kDay - 1) == 23);
  CHECK(calendar.date_at(30 * kDay) == Date{2026, 5, 1});
  CHECK(calendar.weekday_at(5 * kDay) == 0);  // Monday 6 April
  CHECK(calendar.day_index_at(kDay - 1) == 0);
  CHECK(calendar.day_index_at(kDay) == 1);
  // Before the start: the previous day, late evening.
  CHECK(calendar.date_at(-1) == Date{2026, 3, 31});
  CHECK(calendar.hour_at(-1) == 23);
  CHECK(calendar.weekday_at(-1) == 1);
  CHECK(calendar.day_index_at(-1) == -1);
  CHECK(calendar.time_of({2026, 4, 2}) == kDay);
  CHECK(calendar.time_of({2027, 4, 1}) == 365 * kDay);
  CHECK(calendar.time_of({2026, 3, 31}) == -kDay);
}

TEST_CASE("dates that do not exist are rejected", "[calendar]") {
  CHECK(is_valid_date({2024, 2, 29}));
  CHECK(is_valid_date({2000, 2, 29}));
  CHECK_FALSE(is_valid_date({2023, 2, 29}));
  CHECK_FALSE(is_valid_date({1900, 2, 29}));
  CHECK_FALSE(is_valid_date({2026, 4, 31}));
  CHECK_FALSE(is_valid_date({2026, 13, 1}));
  CHECK_FALSE(is_valid_date({2026, 0, 10}));
  CHECK_FALSE(is_valid_date({2026, 1, 0}));
  CHECK_FALSE(is_valid_date({2026, 1, 32}));
  CHECK_FALSE(is_valid_date({0, 1, 1}));
  CHECK_FALSE(is_valid_date({10000, 1, 1}));
}

TEST_CASE("ISO dates parse strictly and print back", "[calendar]") {
  REQUIRE(parse_iso_date("2026-04-01").has_value());
  CHECK(*parse_iso_date("2026-04-01") == Date{2026, 4, 1});
  CHECK(*parse_iso_date("2024-02-29") == Date{2024, 2, 29});
  for (const char* bad : {"2026-02-30", "2026-4-01", "2026-04-1", "26-04-01", "2026/04/01",
                          "2026-04-01 ", "abcd-ef-gh", "2026-+4-01", "", "2026-13-01"}) {
    INFO(bad);
    CHECK_FALSE(parse_iso_date(bad).has_value());
  }
  for (const Date& date : {Date{2026, 4, 1}, Date{1, 1, 1}, Date{9999, 12, 31}}) {
    CHECK(parse_iso_date(to_iso_string(date)) == date);
  }
  CHECK(to_iso_string({2026, 4, 1}) == "2026-04-01");
}
