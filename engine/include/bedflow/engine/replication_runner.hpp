#pragma once
// Runs independent replications on a pool of threads.
//
// Invariants:
//  - Replication i's result lands in slot i whichever thread ran it and in whatever order
//    replications finished: results depend only on what `run(i)` computes, which depends only
//    on (scenario, seed, i). Hence bit-identical results for any number of threads.
//  - If any replication throws, the exception of the lowest-numbered failing replication is
//    rethrown after all threads have stopped; no thread is left running.
//  - `on_done(i)` is called once per finished replication, serialised under a lock (for
//    progress reporting); it must not throw.
//  - With a `window`, no replication starts `window` or more places after the oldest
//    unfinished one. A consumer that takes results in order (the streamed patient log) then
//    holds fewer than `window` finished replications waiting for their turn, however slow
//    one replication is. The oldest unfinished replication is never held back, so the
//    window cannot deadlock.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace bedflow::engine {

inline unsigned default_thread_count() noexcept {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

inline constexpr std::size_t kNoWindow = static_cast<std::size_t>(-1);

template <class Result, class Run, class OnDone>
std::vector<Result> run_replications(std::size_t first, std::size_t count, unsigned threads,
                                     Run&& run, OnDone&& on_done,
                                     std::size_t window = kNoWindow) {
  std::vector<Result> results(count);
  std::vector<std::exception_ptr> errors(count);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  const unsigned n = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(count)));
  std::mutex done_mutex;
  std::condition_variable window_moved;
  std::vector<char> finished(count, 0);
  std::size_t oldest_unfinished = 0;  // guarded by done_mutex
  auto finish = [&](std::size_t k) {
    finished[k] = 1;
    while (oldest_unfinished < count && finished[oldest_unfinished]) ++oldest_unfinished;
    window_moved.notify_all();
  };
  auto worker = [&] {
    while (!failed.load(std::memory_order_relaxed)) {
      const std::size_t k = next.fetch_add(1);
      if (k >= count) return;
      {
        std::unique_lock lock(done_mutex);
        window_moved.wait(lock, [&] { return failed.load() || k - oldest_unfinished < window; });
      }
      try {
        results[k] = run(first + k);
        std::lock_guard lock(done_mutex);
        on_done(first + k);
        finish(k);
      } catch (...) {
        errors[k] = std::current_exception();
        std::lock_guard lock(done_mutex);
        failed.store(true);
        finish(k);
      }
    }
  };
  if (n == 1) {
    worker();
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(n);
    for (unsigned t = 0; t < n; ++t) pool.emplace_back(worker);
  }
  for (auto& error : errors) {
    if (error) std::rethrow_exception(error);
  }
  return results;
}

template <class Result, class Run>
std::vector<Result> run_replications(std::size_t first, std::size_t count, unsigned threads,
                                     Run&& run) {
  return run_replications<Result>(first, count, threads, std::forward<Run>(run),
                                  [](std::size_t) {});
}

}  // namespace bedflow::engine
