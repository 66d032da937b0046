#pragma once
// The yardstick every benchmark case is measured against: the bed model M1 as a bare
// hand-written loop (one array binary heap of (time, seq, type, id), one pcg64 generator,
// inline samplers, no engine class), and the alternating measurement that gives each case
// its ratio to it.
//
// M1: Poisson arrivals (100 a day), lognormal stays (mean 5 days, sd 5 days), 560 beds, a
// FIFO line for a bed, 1,000 simulated days from empty; scaled versions multiply arrivals
// and beds together.
//
// Why a ratio: absolute rates on a shared machine vary by 1.6x from run to run, but a case
// and the bare loop timed alternately in one process see the same load, so their ratio is
// what a CI gate can compare with a stored baseline (tools/bench_gate.py).
#include <time.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <numbers>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <pcg_random.hpp>

namespace bedflow::bench {

struct BareM1 {
  double arrivals_per_day = 100.0;
  double stay_mean_days = 5.0;
  double stay_sd_days = 5.0;
  std::int64_t beds = 560;
  std::int64_t horizon_days = 1000;

  static BareM1 scaled(double factor, std::int64_t horizon_days) {
    BareM1 m;
    m.arrivals_per_day *= factor;
    m.beds = static_cast<std::int64_t>(std::llround(static_cast<double>(m.beds) * factor));
    m.horizon_days = horizon_days;
    return m;
  }
};

struct BareResult {
  std::uint64_t events = 0;
  std::uint64_t arrived = 0;
  std::uint64_t discharged = 0;
  double total_wait_days = 0.0;
};

struct BareEvent {
  std::int64_t time;
  std::uint64_t seq;
  std::uint32_t type;
  std::uint32_t id;
};

inline bool bare_before(const BareEvent& a, const BareEvent& b) {
  return a.time < b.time || (a.time == b.time && a.seq < b.seq);
}

class BareBinaryHeap {
 public:
  bool empty() const { return heap_.empty(); }
  const BareEvent& top() const { return heap_.front(); }
  void push(BareEvent e) {
    std::size_t i = heap_.size();
    heap_.push_back(e);
    while (i > 0) {
      const std::size_t parent = (i - 1) / 2;
      if (!bare_before(e, heap_[parent])) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = e;
  }
  BareEvent pop() {
    const BareEvent result = heap_.front();
    const BareEvent last = heap_.back();
    heap_.pop_back();
    const std::size_t n = heap_.size();
    if (n > 0) {
      std::size_t i = 0;
      while (true) {
        std::size_t child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && bare_before(heap_[child + 1], heap_[child])) ++child;
        if (!bare_before(heap_[child], last)) break;
        heap_[i] = heap_[child];
        i = child;
      }
      heap_[i] = last;
    }
    return result;
  }

 private:
  std::vector<BareEvent> heap_;
};

inline BareResult run_bare_m1(const BareM1& m, std::uint64_t seed) {
  constexpr std::uint32_t kArrive = 0, kLeave = 1;
  constexpr double kTicksPerDay = 86400.0;
  pcg64 generator(seed);
  auto uniform01 = [&generator] {
    return (static_cast<double>(generator() >> 11) + 0.5) * 0x1.0p-53;
  };
  auto ticks = [](double days) { return static_cast<std::int64_t>(std::nearbyint(days * kTicksPerDay)); };
  const double sigma2 =
      std::log1p((m.stay_sd_days * m.stay_sd_days) / (m.stay_mean_days * m.stay_mean_days));
  const double mu = std::log(m.stay_mean_days) - 0.5 * sigma2;
  const double sigma = std::sqrt(sigma2);
  auto stay = [&] {
    const double u1 = uniform01();
    const double u2 = uniform01();
    const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    return ticks(std::exp(mu + sigma * z));
  };
  auto interarrival = [&] { return ticks(-std::log(uniform01()) / m.arrivals_per_day); };

  // The FIFO line holds arrival times in a power-of-two ring.
  std::vector<std::int64_t> line(1024);
  std::size_t head = 0, waiting = 0;

  BareBinaryHeap heap;
  std::uint64_t seq = 0;
  std::int64_t free_beds = m.beds;
  const std::int64_t horizon = m.horizon_days * static_cast<std::int64_t>(kTicksPerDay);
  BareResult r;
  heap.push({interarrival(), seq++, kArrive, 0});
  while (!heap.empty() && heap.top().time <= horizon) {
    const BareEvent e = heap.pop();
    ++r.events;
    if (e.type == kArrive) {
      heap.push({e.time + interarrival(), seq++, kArrive, 0});
      const auto id = static_cast<std::uint32_t>(r.arrived++);
      if (free_beds > 0 && waiting == 0) {
        --free_beds;
        heap.push({e.time + stay(), seq++, kLeave, id});
      } else {
        if (waiting == line.size()) {
          std::vector<std::int64_t> bigger(line.size() * 2);
          for (std::size_t i = 0; i < waiting; ++i) bigger[i] = line[(head + i) & (line.size() - 1)];
          line.swap(bigger);
          head = 0;
        }
        line[(head + waiting++) & (line.size() - 1)] = e.time;
      }
    } else {
      ++r.discharged;
      ++free_beds;
      if (waiting > 0) {
        const std::int64_t arrived = line[head];
        head = (head + 1) & (line.size() - 1);
        --waiting;
        --free_beds;
        r.total_wait_days += static_cast<double>(e.time - arrived) / kTicksPerDay;
        heap.push({e.time + stay(), seq++, kLeave, e.id});
      }
    }
  }
  return r;
}

// CPU time of the calling thread: unlike wall time it does not count the moments another
// process holds the core.
inline double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

// BEDFLOW_BENCH_SLOWDOWN=f (f > 1) makes every measured case take f times its CPU time, by
// spinning after it: how tests show that the gate catches a slower build. Unset: 1.
inline double injected_slowdown() {
  const char* text = std::getenv("BEDFLOW_BENCH_SLOWDOWN");
  if (text == nullptr) return 1.0;
  const double f = std::strtod(text, nullptr);
  return f > 1.0 ? f : 1.0;
}

inline void spin_for_cpu_seconds(double seconds) {
  const double until = thread_cpu_seconds() + seconds;
  volatile double sink = 0.0;
  while (thread_cpu_seconds() < until) sink = sink + 1.0;
}

// Times `run_case` (which returns the events it processed) and the bare loop `bare`
// alternately, once per benchmark iteration, and reports the case's events per CPU second,
// the bare loop's, and their ratio (`ratio_to_bare_loop`, what the gate checks).
template <class RunCase>
void measure_against_bare_loop(benchmark::State& state, RunCase&& run_case, const BareM1& bare) {
  const double slowdown = injected_slowdown();
  double case_seconds = 0.0, bare_seconds = 0.0;
  std::uint64_t case_events = 0, bare_events = 0, round = 0;
  for (auto _ : state) {
    const double t0 = thread_cpu_seconds();
    case_events += run_case(round);
    const double t1 = thread_cpu_seconds();
    if (slowdown > 1.0) spin_for_cpu_seconds((slowdown - 1.0) * (t1 - t0));
    const double t2 = thread_cpu_seconds();
    const BareResult result = run_bare_m1(bare, 20260101 + round);
    const double t3 = thread_cpu_seconds();
    benchmark::DoNotOptimize(result);
    bare_events += result.events;
    case_seconds += t2 - t0;
    bare_seconds += t3 - t2;
    ++round;
  }
  const double case_rate = static_cast<double>(case_events) / case_seconds;
  const double bare_rate = static_cast<double>(bare_events) / bare_seconds;
  state.counters["events_per_second"] = case_rate;
  state.counters["bare_loop_events_per_second"] = bare_rate;
  state.counters["ratio_to_bare_loop"] = case_rate / bare_rate;
}

}  // namespace bedflow::bench
