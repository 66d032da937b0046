// Random streams: a pure function of (seed, replication, stream id), distinct streams are
// unrelated, uniforms stay strictly inside (0, 1), integer draws stay in range.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "bedflow/engine/random_stream.hpp"

using namespace bedflow::engine;

namespace {
std::vector<std::uint64_t> first_numbers(RandomStream stream, std::size_t n) {
  std::vector<std::uint64_t> out(n);
  for (auto& x : out) x = stream.next_u64();
  return out;
}
// Positions at which two sequences agree; for unrelated 64-bit streams this is 0.
std::size_t agreements(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  std::size_t same = 0;
  for (std::size_t i = 0; i < a.size(); ++i) same += a[i] == b[i] ? 1 : 0;
  return same;
}
}  // namespace

TEST_CASE("the same (seed, replication, stream) gives the same sequence", "[random]") {
  const auto a = first_numbers(RandomStream(42, 7, stream_id("arrivals")), 1000);
  const auto b = first_numbers(RandomStream(42, 7, stream_id("arrivals")), 1000);
  CHECK(a == b);
}

TEST_CASE("different seeds, replications or stream ids give unrelated sequences", "[random]") {
  const auto base = first_numbers(RandomStream(42, 7, stream_id("arrivals")), 1000);
  CHECK(agreements(base, first_numbers(RandomStream(43, 7, stream_id("arrivals")), 1000)) == 0);
  CHECK(agreements(base, first_numbers(RandomStream(42, 8, stream_id("arrivals")), 1000)) == 0);
  CHECK(agreements(base, first_numbers(RandomStream(42, 7, stream_id("service")), 1000)) == 0);
  // Neighbouring small integers must not collide either (seed 0/1, replication 0/1, stream 0/1).
  std::vector<std::vector<std::uint64_t>> all;
  for (std::uint64_t s = 0; s < 3; ++s)
    for (std::uint64_t r = 0; r < 3; ++r)
      for (std::uint64_t k = 0; k < 3; ++k) all.push_back(first_numbers(RandomStream(s, r, k), 64));
  for (std::size_t i = 0; i < all.size(); ++i)
    for (std::size_t j = i + 1; j < all.size(); ++j) CHECK(agreements(all[i], all[j]) == 0);
  // Swapping the roles of replication and stream must not give the same stream.
  CHECK(agreements(first_numbers(RandomStream(1, 2, 3), 64), first_numbers(RandomStream(1, 3, 2), 64)) == 0);
}

TEST_CASE("stream ids are stable hashes of the purpose's name", "[random]") {
  static_assert(stream_id("") == 0xcbf29ce484222325ULL, "FNV-1a offset basis");
  CHECK(stream_id("arrivals/emergency") == stream_id("arrivals/emergency"));
  CHECK(stream_id("arrivals/emergency") != stream_id("arrivals/elective"));
  CHECK(stream_id("ab") != stream_id("ba"));
}

TEST_CASE("uniform01 stays strictly inside (0, 1) and is uniform", "[random]") {
  RandomStream stream(5, 0, 1);
  constexpr std::size_t kDraws = 1'000'000;
  constexpr std::size_t kBins = 20;
  std::vector<std::size_t> bins(kBins, 0);
  double low = 1.0, high = 0.0;
  for (std::size_t i = 0; i < kDraws; ++i) {
    const double u = stream.uniform01();
    low = std::min(low, u);
    high = std::max(high, u);
    ++bins[static_cast<std::size_t>(u * kBins)];
  }
  CHECK(low > 0.0);
  CHECK(high < 1.0);
  // Chi-square with 19 degrees of freedom: the 0.9999 quantile is about 49.
  const double expected = static_cast<double>(kDraws) / kBins;
  double chi2 = 0.0;
  for (const std::size_t count : bins) {
    const double d = static_cast<double>(count) - expected;
    chi2 += d * d / expected;
  }
  CHECK(chi2 < 49.0);
}

TEST_CASE("below(n) stays under n and covers every value, bernoulli honours its edges", "[random]") {
  RandomStream stream(6, 0, 2);
  std::vector<std::size_t> seen(7, 0);
  for (int i = 0; i < 70'000; ++i) {
    const std::uint64_t k = stream.below(7);
    REQUIRE(k < 7);
    ++seen[k];
  }
  for (const std::size_t count : seen) CHECK(std::abs(static_cast<double>(count) - 10'000.0) < 4.5 * std::sqrt(10'000.0 * 6.0 / 7.0));
  CHECK(stream.below(1) == 0);
  int ones = 0, zeros = 0;
  for (int i = 0; i < 10'000; ++i) {
    ones += stream.bernoulli(1.0) ? 1 : 0;
    zeros += stream.bernoulli(0.0) ? 1 : 0;
  }
  CHECK(ones == 10'000);
  CHECK(zeros == 0);
  for (int i = 0; i < 1000; ++i) {
    const double u = stream.uniform(3.0, 5.0);
    REQUIRE(u > 3.0);
    REQUIRE(u < 5.0);
  }
}
