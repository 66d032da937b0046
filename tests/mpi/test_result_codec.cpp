// Replication results sent between MPI ranks come back exactly as they were computed.
#include <catch2/catch.hpp>

#include <cstring>

#include "bedflow/mpi/result_codec.hpp"
#include "fake_results.hpp"

using namespace bedflow;

namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void require_same(const model::ReplicationResult& a, const model::ReplicationResult& b) {
  REQUIRE(a.replication == b.replication);
  REQUIRE(a.window == b.window);
  REQUIRE(a.scalars.size() == b.scalars.size());
  for (std::size_t i = 0; i < a.scalars.size(); ++i) {
    REQUIRE(a.scalars[i].name == b.scalars[i].name);
    REQUIRE(a.scalars[i].unit == b.scalars[i].unit);
    REQUIRE(same_bits(a.scalars[i].value, b.scalars[i].value));
    REQUIRE(a.scalars[i].headline == b.scalars[i].headline);
    REQUIRE(a.scalars[i].accumulation == b.scalars[i].accumulation);
    REQUIRE(a.scalars[i].precision == b.scalars[i].precision);
  }
  REQUIRE(same_bits(a.series_start_days, b.series_start_days));
  REQUIRE(same_bits(a.series_step_days, b.series_step_days));
  REQUIRE(a.series.size() == b.series.size());
  for (std::size_t i = 0; i < a.series.size(); ++i) {
    REQUIRE(a.series[i].group == b.series[i].group);
    REQUIRE(a.series[i].measure == b.series[i].measure);
    REQUIRE(a.series[i].unit == b.series[i].unit);
    REQUIRE(a.series[i].values.size() == b.series[i].values.size());
    REQUIRE(std::memcmp(a.series[i].values.data(), b.series[i].values.data(),
                        a.series[i].values.size() * sizeof(double)) == 0);
  }
  REQUIRE(a.patient_events.size() == b.patient_events.size());
  for (std::size_t i = 0; i < a.patient_events.size(); ++i) {
    REQUIRE(a.patient_events[i].patient == b.patient_events[i].patient);
    REQUIRE(same_bits(a.patient_events[i].time_days, b.patient_events[i].time_days));
    REQUIRE(a.patient_events[i].event == b.patient_events[i].event);
    REQUIRE(a.patient_events[i].place == b.patient_events[i].place);
    REQUIRE(a.patient_events[i].cohort == b.patient_events[i].cohort);
    REQUIRE(a.patient_events[i].warmup == b.patient_events[i].warmup);
  }
  REQUIRE(a.warnings == b.warnings);
  REQUIRE(a.event_codes == b.event_codes);
  REQUIRE(a.events_processed == b.events_processed);
}

}  // namespace

TEST_CASE("a reply of results decodes to the same results, bit for bit") {
  mpi::RankReply reply;
  for (std::uint32_t r : {1u, 4u, 7u}) reply.results.push_back(test::fake_replication(5, r, true));
  reply.results[1].scalars[0].value = -0.0;  // a sign bit a printed number could lose
  reply.results[2].series[0].values[0] = 0.1 + 0.2;
  reply.results[1].warnings = {"gridlock from day 4.6: 'ward_a', 'ward_b'"};
  const auto decoded = mpi::decode_reply(mpi::encode_reply(reply));
  REQUIRE_FALSE(decoded.failed);
  REQUIRE(decoded.results.size() == reply.results.size());
  REQUIRE_FALSE(decoded.results[0].patient_events.empty());
  for (std::size_t i = 0; i < reply.results.size(); ++i) {
    require_same(reply.results[i], decoded.results[i]);
  }
}

TEST_CASE("a failed reply carries its replication and message") {
  mpi::RankReply reply;
  reply.failed = true;
  reply.failed_replication = 12;
  reply.error = "replication 12: the model stopped";
  const auto decoded = mpi::decode_reply(mpi::encode_reply(reply));
  REQUIRE(decoded.failed);
  REQUIRE(decoded.failed_replication == 12);
  REQUIRE(decoded.error == reply.error);
}

TEST_CASE("a batch decodes to the same job and range") {
  mpi::Batch batch;
  batch.job.scenario_path = "scenarios/kent-medway/baseline.yaml";
  batch.job.overrides = {{"services.acute.capacity", "3100"}, {"scenario.description", "a=b"}};
  batch.job.seed = 0xfedcba9876543210ULL;
  batch.job.options.patient_events = true;
  batch.job.threads = 3;
  batch.first = 10;
  batch.count = 25;
  const auto decoded = mpi::decode_batch(mpi::encode_batch(batch));
  REQUIRE(decoded.job.scenario_path == batch.job.scenario_path);
  REQUIRE(decoded.job.overrides == batch.job.overrides);
  REQUIRE(decoded.job.seed == batch.job.seed);
  REQUIRE(decoded.job.options.patient_events);
  REQUIRE(decoded.job.threads == 3);
  REQUIRE(decoded.first == 10);
  REQUIRE(decoded.count == 25);
}

TEST_CASE("every truncation of a message is refused, never read past its end") {
  mpi::RankReply reply;
  reply.results.push_back(test::fake_replication(3, 0, false));
  const auto bytes = mpi::encode_reply(reply);
  for (std::size_t keep = 0; keep < bytes.size(); ++keep) {
    const mpi::Bytes cut(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(keep));
    REQUIRE_THROWS_AS(mpi::decode_reply(cut), mpi::CodecError);
  }
  auto longer = bytes;
  longer.push_back('\0');
  REQUIRE_THROWS_AS(mpi::decode_reply(longer), mpi::CodecError);
}
