#pragma once
// How the results layer's terminal tables print a number (summary and comparison tables).
//
// Invariants:
//  - Four significant figures, except that values from 1,000 up to a million print whole, and
//    zero prints as "0"; very large or very small values fall back to exponent notation.
//  - The same value always prints the same way in every table, so tables line up by eye.
#include <string>

namespace bedflow::results {

std::string table_number(double value);

}  // namespace bedflow::results
