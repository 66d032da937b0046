#pragma once
// A domain-free multi-server queueing station built from the kernel's parts: Poisson
// arrivals, c identical servers (a CountedCapacity), service times from a Distribution, and
// either a first-in, first-out waiting line or loss (a customer who finds every server busy
// leaves at once). It is the reference workload of the kernel: the theory tests compare it
// with Erlang B, Erlang C and M/G/infinity, and the benchmarks time it.
//
// Invariants:
//  - A station is a pure function of its configuration: (seed, replication) fix two random
//    streams, one per purpose ("arrivals" and "service"), so the same configuration gives
//    bit-identical results on every queue implementation, thread and run.
//  - Every customer is counted exactly once: arrived = served + blocked + inside at the end
//    (inside = in service + waiting).
//  - Customer records live in slots recycled through a free list: memory grows with the
//    most customers ever inside at once (peak_slots), never with the number simulated.
//  - Counts in `whole run` fields cover [0, horizon] from an empty start; `window` fields and
//    time-weighted means cover [warmup, horizon] only, so the empty start can be discarded.
//  - Time-weighted areas and per-customer presence are both integers of customer-seconds, so
//    the finite-window form of Little's law (area of the number in system = summed time that
//    customers spent inside the window) holds exactly, not approximately.
//  - Same-instant order follows event.hpp: departures (release) before arrivals, so a server
//    freed at t serves a customer arriving at t; the warm-up reset (observation) comes last.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include "bedflow/engine/counted_capacity.hpp"
#include "bedflow/engine/distribution.hpp"
#include "bedflow/engine/event.hpp"
#include "bedflow/engine/random_stream.hpp"
#include "bedflow/engine/simulator.hpp"
#include "bedflow/engine/statistics.hpp"
#include "bedflow/engine/time.hpp"

namespace bedflow::engine {

// What happens to a customer who finds every server busy.
enum class WaitingRule { fifo_line, loss };

// A server count large enough never to bind: an M/G/infinity station.
inline constexpr std::int64_t kUnlimitedServers = std::numeric_limits<std::int64_t>::max();

struct QueueingStationConfig {
  double arrivals_per_day = 1.0;  // Poisson rate
  std::int64_t servers = 1;
  DistributionParams service = DistributionParams::exponential(1.0);  // in days
  WaitingRule rule = WaitingRule::fifo_line;
  Time warmup = 0;  // statistics of the window start here
  Time horizon = 100 * kDay;
  std::uint64_t seed = 1;
  std::uint64_t replication = 0;
};

struct QueueingStationResult {
  // Whole run [0, horizon].
  std::uint64_t arrived = 0;
  std::uint64_t served = 0;   // left after service
  std::uint64_t blocked = 0;  // left at once (loss rule)
  std::uint64_t in_service_at_end = 0;
  std::uint64_t waiting_at_end = 0;
  std::uint64_t events_processed = 0;
  std::size_t peak_slots = 0;       // customer records ever allocated
  std::uint64_t peak_inside = 0;    // most customers inside at once
  // Window [warmup, horizon].
  double window_days = 0.0;
  std::uint64_t window_arrived = 0;
  std::uint64_t window_blocked = 0;
  std::uint64_t window_served = 0;  // departures inside the window
  // Wait before service of customers who arrived in the window and started service.
  std::uint64_t wait_count = 0;
  double mean_wait_days = 0.0;
  double max_wait_days = 0.0;
  // Time in system of customers who arrived in the window and left after service.
  double mean_sojourn_days = 0.0;
  // Time-weighted means over the window.
  double mean_in_system = 0.0;
  double mean_in_service = 0.0;
  double mean_waiting = 0.0;
  // Little's law in its exact finite-window form, both in customer-seconds.
  double area_in_system = 0.0;            // integral of the number in system
  std::int64_t presence_in_window = 0;    // sum over customers of their time in the window

  std::uint64_t inside_at_end() const noexcept { return in_service_at_end + waiting_at_end; }
  friend bool operator==(const QueueingStationResult&, const QueueingStationResult&) = default;
};

template <class Queue = RadixEventQueue>
class QueueingStation {
 public:
  // Throws std::invalid_argument (DistributionError for the service time) on a bad config.
  explicit QueueingStation(const QueueingStationConfig& config)
      : config_(validated(config)),
        interarrival_(DistributionParams::exponential(1.0 / config.arrivals_per_day)),
        service_(config.service),
        arrival_stream_(config.seed, config.replication, stream_id("arrivals")),
        service_stream_(config.seed, config.replication, stream_id("service")),
        servers_(config.servers, 0),
        in_system_(0) {}

  // Runs the station from empty over [0, horizon]; call once.
  QueueingStationResult run() {
    if (ran_) throw std::logic_error("a queueing station runs once");
    ran_ = true;
    if (config_.warmup > 0) simulator_.schedule_at(config_.warmup, Priority::observation, kWarmupEnd);
    schedule_next_arrival();
    simulator_.run_until(config_.horizon, [this](const Event& event) { handle(event); });
    return finish();
  }

  std::size_t peak_slots() const noexcept { return arrival_time_.size(); }

 private:
  enum EventType : std::uint32_t { kArrival = 0, kDeparture = 1, kWarmupEnd = 2 };
  static constexpr Time kFreeSlot = -1;

  static const QueueingStationConfig& validated(const QueueingStationConfig& config) {
    if (!(config.arrivals_per_day > 0.0) || !(config.arrivals_per_day < 1e12)) {
      throw std::invalid_argument("arrival rate must be a positive finite number per day");
    }
    if (config.servers < 1) throw std::invalid_argument("servers must be at least 1");
    if (config.warmup < 0 || config.horizon < config.warmup) {
      throw std::invalid_argument("need 0 <= warmup <= horizon");
    }
    return config;
  }

  void handle(const Event& event) {
    switch (event.type) {
      case kArrival: on_arrival(); break;
      case kDeparture: on_departure(event.subject); break;
      case kWarmupEnd: on_warmup_end(); break;
      default: break;
    }
  }

  void schedule_next_arrival() {
    simulator_.schedule_in(from_days(interarrival_.sample(arrival_stream_)), Priority::arrival,
                           kArrival);
  }

  bool in_window(Time t) const noexcept { return t >= config_.warmup; }

  void on_arrival() {
    const Time now = simulator_.now();
    schedule_next_arrival();
    ++result_.arrived;
    if (in_window(now)) ++result_.window_arrived;
    if (servers_.try_seize(now)) {
      start_service(allocate_slot(now), now);
    } else if (config_.rule == WaitingRule::loss) {
      ++result_.blocked;
      if (in_window(now)) ++result_.window_blocked;
      return;
    } else {
      servers_.enqueue(now, allocate_slot(now));
    }
    in_system_.set(now, static_cast<double>(++inside_));
    result_.peak_inside = std::max(result_.peak_inside, inside_);
  }

  void start_service(std::uint32_t slot, Time now) {
    const Time arrived = arrival_time_[slot];
    if (in_window(arrived)) waits_.add(to_days(now - arrived));
    simulator_.schedule_in(from_days(service_.sample(service_stream_)), Priority::release,
                           kDeparture, slot);
  }

  void on_departure(std::uint32_t slot) {
    const Time now = simulator_.now();
    const Time arrived = arrival_time_[slot];
    servers_.release(now);
    ++result_.served;
    if (in_window(now)) {
      ++result_.window_served;
      result_.presence_in_window += now - std::max(arrived, config_.warmup);
    }
    if (in_window(arrived)) sojourns_.add(to_days(now - arrived));
    free_slot(slot);
    in_system_.set(now, static_cast<double>(--inside_));
    if (const auto next = servers_.admit_next(now)) start_service(*next, now);
  }

  void on_warmup_end() {
    const Time now = simulator_.now();
    servers_.reset_statistics(now);
    in_system_.reset(now);
  }

  std::uint32_t allocate_slot(Time now) {
    std::uint32_t slot;
    if (free_slots_.empty()) {
      slot = static_cast<std::uint32_t>(arrival_time_.size());
      arrival_time_.push_back(now);
    } else {
      slot = free_slots_.back();
      free_slots_.pop_back();
      arrival_time_[slot] = now;
    }
    return slot;
  }

  void free_slot(std::uint32_t slot) {
    arrival_time_[slot] = kFreeSlot;
    free_slots_.push_back(slot);
  }

  QueueingStationResult finish() {
    const Time end = config_.horizon;
    QueueingStationResult& r = result_;
    r.in_service_at_end = static_cast<std::uint64_t>(servers_.in_use());
    r.waiting_at_end = servers_.waiting();
    r.events_processed = simulator_.events_processed();
    r.peak_slots = arrival_time_.size();
    r.window_days = to_days(end - config_.warmup);
    r.wait_count = waits_.count();
    r.mean_wait_days = waits_.mean();
    r.max_wait_days = waits_.max();
    r.mean_sojourn_days = sojourns_.mean();
    r.mean_in_system = in_system_.mean(end);
    r.mean_in_service = servers_.occupancy().mean(end);
    r.mean_waiting = servers_.line_length().mean(end);
    r.area_in_system = in_system_.area(end);
    for (const Time arrived : arrival_time_) {
      if (arrived != kFreeSlot) r.presence_in_window += end - std::max(arrived, config_.warmup);
    }
    return r;
  }

  QueueingStationConfig config_;
  Distribution interarrival_;
  Distribution service_;
  RandomStream arrival_stream_;
  RandomStream service_stream_;
  Simulator<Queue> simulator_;
  CountedCapacity servers_;
  TimeWeighted in_system_;
  std::uint64_t inside_ = 0;
  Tally waits_;
  Tally sojourns_;
  std::vector<Time> arrival_time_;         // per slot; kFreeSlot when the slot is free
  std::vector<std::uint32_t> free_slots_;  // a stack of free slot indices
  QueueingStationResult result_;
  bool ran_ = false;
};

// One call: build, run, return.
template <class Queue = RadixEventQueue>
QueueingStationResult run_queueing_station(const QueueingStationConfig& config) {
  return QueueingStation<Queue>(config).run();
}

}  // namespace bedflow::engine
