#pragma once
// Random-number streams for common random numbers.
//
// Invariants:
//  - A stream is a pure function of (master seed, replication, stream id): no global
//    generator, no dependence on thread, rank or creation order. Two scenarios that differ
//    only in a capacity therefore draw the same arrivals and the same stays for the same
//    purposes (common random numbers), and a replication gives the same numbers whichever
//    thread runs it.
//  - Give each purpose its own stream id (each arrival source, each stay distribution,
//    each routing choice), so that one purpose consuming more numbers never shifts another.
//  - uniform01() is in the open interval (0, 1): safe for log() and quantile functions.
//  - The generator is PCG-XSL-RR 128/64 (pcg-cpp); (seed, replication, stream) are mixed
//    with SplitMix64 into its 128-bit state and its 127-bit stream selector.
#include <cstdint>
#include <string_view>

#include <pcg_random.hpp>

namespace bedflow::engine {

// A stable 64-bit id for a named purpose (FNV-1a): "arrivals/emergency" is the same stream
// in every build and every scenario that names it.
constexpr std::uint64_t stream_id(std::string_view name) noexcept {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

constexpr std::uint64_t splitmix64(std::uint64_t x) noexcept {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

class RandomStream {
 public:
  RandomStream(std::uint64_t master_seed, std::uint64_t replication, std::uint64_t stream)
      : generator_(make_state(master_seed, replication, stream, 0x5eedULL),
                   make_state(master_seed, replication, stream, 0x57aeULL)) {}

  std::uint64_t next_u64() noexcept { return generator_(); }

  // Uniform on (0, 1), 53 random bits, never exactly 0 or 1.
  double uniform01() noexcept {
    return (static_cast<double>(generator_() >> 11) + 0.5) * 0x1.0p-53;
  }
  double uniform(double low, double high) noexcept { return low + (high - low) * uniform01(); }
  bool bernoulli(double p) noexcept { return uniform01() < p; }
  // Uniform integer in [0, n), n > 0 (Lemire's multiply-shift; bias below 2^-64 * n).
  std::uint64_t below(std::uint64_t n) noexcept {
    return static_cast<std::uint64_t>((static_cast<pcg_extras::pcg128_t>(generator_()) * n) >> 64);
  }

 private:
  static pcg_extras::pcg128_t make_state(std::uint64_t seed, std::uint64_t replication,
                                         std::uint64_t stream, std::uint64_t salt) noexcept {
    const std::uint64_t a = splitmix64(seed ^ splitmix64(replication ^ splitmix64(stream ^ salt)));
    const std::uint64_t b = splitmix64(a ^ 0xd1b54a32d192ed03ULL);
    return (static_cast<pcg_extras::pcg128_t>(a) << 64) | b;
  }

  pcg64 generator_;
};

}  // namespace bedflow::engine
