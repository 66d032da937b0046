#pragma once
// How the results layer's terminal tables print a number (summary and comparison tables).
//
// Invariants:
//  - Four significant figures, except that values from 1,000 up to 10^15 print whole with
//    thousands grouped by commas (1,234,567: GBP a year, bed-days), and zero prints as "0";
//    very small values (under 0.001), larger ones and non-finite ones use exponent notation.
//  - The same value always prints the same way in every table, so tables line up by eye.
#include <string>

namespace bedflow::results {

std::string table_number(double value);

}  // namespace bedflow::results
