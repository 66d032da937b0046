#pragma once
// Numbers as a board member reads them: three significant figures, thousands separators,
// shares as percentages, money in pounds (millions as "£1.23m").
//
// Invariants:
//  - format_value() picks the style from the unit: "share" -> percent, units starting with
//    "GBP" -> pounds, anything else -> a plain number. NaN and infinities print as "n/a".
//  - Rounding is to three significant figures, never to fewer integer digits than 1 (so 0.05
//    stays "0.05"); negative numbers carry a minus sign (U+2212), differences a sign always.
#include <string>

namespace bedflow::report {

std::string format_number(double value);           // 951.3 -> "951", 12345 -> "12,300"
std::string format_share(double value);            // 0.9345 -> "93.4%"
std::string format_gbp(double value);              // 4.2e8 -> "£420m", 45000 -> "£45,000"
std::string format_value(double value, const std::string& unit);
// A difference with its sign: "+12", "−3.4%", "+£1.2m" (shares as percentage points: "pp").
std::string format_difference(double value, const std::string& unit);
// A difference's interval: "+2.07 to +2.48 pp", "−£1.2m to +£0.3m".
std::string format_difference_range(double low, double high, const std::string& unit);
// "920–976" in the unit's style.
std::string format_range(double low, double high, const std::string& unit);
// Integers with thousands separators, exactly: 3040 -> "3,040".
std::string format_integer(long long value);

}  // namespace bedflow::report
