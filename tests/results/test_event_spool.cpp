// The patient log's spool: rows handed over in blocks and whole replications, in any order,
// come out as the table the direct writer makes from the same rows.
#include <catch2/catch.hpp>

#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "bedflow/results/event_spool.hpp"
#include "bedflow/results/h5/read.hpp"
#include "bedflow/results/read_results.hpp"
#include "bedflow/results/results_error.hpp"
#include "bedflow/results/write_results.hpp"
#include "fake_results.hpp"

using namespace bedflow;

namespace {

// Four replications with logs of different lengths, several chunks in all.
results::ResultsFile logged_file() {
  auto file = test::fake_file(3, 4, /*with_events=*/true);
  for (auto& rep : file.variants.front().replications) {
    const std::uint32_t rows = 9000 + 7000 * rep.replication;
    for (std::uint32_t p = 0; p < rows; ++p) {
      rep.patient_events.push_back({0.001 * p + rep.replication, p, static_cast<std::uint16_t>(p % 3),
                                    0, static_cast<model::PatientEventKind>(p % 14), p < 50});
    }
  }
  return file;
}

std::vector<char> stored_rows(const std::string& path) {
  const auto file = results::h5::open_file_read_only(path);
  const auto dataset = results::h5::open_dataset(file.get(), "events");
  const results::h5::Datatype type(H5Dget_type(dataset.get()));
  std::vector<char> bytes(results::h5::row_count(dataset.get(), "events") *
                          H5Tget_size(type.get()));
  REQUIRE(H5Dread(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, bytes.data()) >= 0);
  return bytes;
}

// Replication k of `file` with only its rows from `first` on (the tail take() gets).
model::ReplicationResult tail_of(const results::ResultsFile& file, std::uint32_t k,
                                 std::size_t first) {
  auto result = file.variants.front().replications[k];
  result.patient_events.erase(result.patient_events.begin(),
                              result.patient_events.begin() + static_cast<std::ptrdiff_t>(first));
  return result;
}

}  // namespace

TEST_CASE("the spool appends rows in replication order whatever order they come in") {
  const auto file = logged_file();
  const auto direct = test::scratch_path("spool_direct.h5");
  results::write_results_file(direct, file);

  results::EventSpool spool(test::scratch_path("spool_order.scratch"));
  const auto variant = spool.begin_variant();
  const auto& reps = file.variants.front().replications;
  // Hands rows [first, first + count) of replication k over as a block; the spool takes them.
  const auto add_block = [&](std::uint32_t k, std::size_t first, std::size_t count) {
    const auto from = reps[k].patient_events.begin() + static_cast<std::ptrdiff_t>(first);
    std::vector<model::PatientEvent> block(from, from + static_cast<std::ptrdiff_t>(count));
    spool.add_block(k, block);
    REQUIRE(block.empty());
  };
  // Replication 2 starts before 0 and 3 finishes first; 1 is last to finish.
  add_block(2, 0, 1000);
  add_block(0, 0, 5000);
  auto whole3 = tail_of(file, 3, 0);
  spool.take(whole3);
  REQUIRE(whole3.patient_events.empty());  // moved out
  add_block(1, 0, 100);
  add_block(2, 1000, 2000);
  auto rest2 = tail_of(file, 2, 3000);
  spool.take(rest2);
  auto rest0 = tail_of(file, 0, 5000);
  spool.take(rest0);  // 0 done: 1's first block is appended, 1 now streams straight in
  add_block(1, 100, 10000);
  auto rest1 = tail_of(file, 1, 10100);
  spool.take(rest1);
  spool.finish_variant();

  auto spooled = file;
  for (auto& rep : spooled.variants.front().replications) rep.patient_events.clear();
  spooled.variants.front().event_spool = &spool;
  spooled.variants.front().event_spool_variant = variant;
  const auto through_spool = test::scratch_path("spool_written.h5");
  results::write_results_file(through_spool, spooled);
  REQUIRE(stored_rows(through_spool) == stored_rows(direct));
  const auto back = results::read_results_file(through_spool);
  for (std::size_t k = 0; k < reps.size(); ++k) {
    REQUIRE(back.variants.front().replications[k].patient_events == reps[k].patient_events);
    REQUIRE(back.variants.front().replications[k].event_codes == reps[k].event_codes);
  }
}

TEST_CASE("the spool refuses a replication twice and a log with a replication missing") {
  const auto file = logged_file();
  const auto path = test::scratch_path("spool_missing.scratch");
  {
    results::EventSpool spool(path);
    spool.begin_variant();
    auto one = tail_of(file, 1, 0);
    spool.take(one);
    auto again = tail_of(file, 1, 0);
    REQUIRE_THROWS_WITH(spool.take(again), Catch::Contains("replication 1 handed to the spool twice"));
    REQUIRE_THROWS_WITH(spool.finish_variant(), Catch::Contains("misses replication 0"));
    REQUIRE(std::filesystem::exists(path));
  }
  REQUIRE_FALSE(std::filesystem::exists(path));  // removed with the spool
}
