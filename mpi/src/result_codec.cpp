#include "bedflow/mpi/result_codec.hpp"

#include <cstring>
#include <type_traits>
#include <utility>

namespace bedflow::mpi {
namespace {

constexpr std::uint8_t kCodecVersion = 2;  // 2: the patient log as codes

class Writer {
 public:
  template <class T>
    requires std::is_arithmetic_v<T>
  void put(T value) {
    const auto* p = reinterpret_cast<const char*>(&value);
    bytes_.insert(bytes_.end(), p, p + sizeof(T));
  }
  // Not inlined: inlined into encode_reply, GCC 12 tracks the fresh vector's size wrongly
  // and reports a false overflow (-Wstringop-overflow).
  [[gnu::noinline]] void put(const std::string& text) {
    put<std::uint64_t>(text.size());
    bytes_.insert(bytes_.end(), text.begin(), text.end());
  }
  void put(const std::vector<double>& values) {
    put<std::uint64_t>(values.size());
    const auto* p = reinterpret_cast<const char*>(values.data());
    bytes_.insert(bytes_.end(), p, p + values.size() * sizeof(double));
  }
  Bytes take() { return std::move(bytes_); }

 private:
  Bytes bytes_;
};

class Reader {
 public:
  explicit Reader(const Bytes& bytes) : bytes_(bytes) {}

  template <class T>
    requires std::is_arithmetic_v<T>
  T get() {
    T value{};
    std::memcpy(&value, take(sizeof(T)), sizeof(T));
    return value;
  }
  std::string get_string() {
    const auto size = length(1);
    const char* p = take(size);
    return std::string(p, size);
  }
  std::vector<double> get_doubles() {
    const auto size = length(sizeof(double));
    std::vector<double> values(size);
    if (size > 0) std::memcpy(values.data(), take(size * sizeof(double)), size * sizeof(double));
    return values;
  }
  // A count of items of at least `item_bytes` each, checked against what is left (callers
  // still append items one by one, so a bad count cannot reserve memory up front).
  std::size_t length(std::size_t item_bytes) {
    const auto n = get<std::uint64_t>();
    if (n > (bytes_.size() - offset_) / item_bytes) throw CodecError("message truncated");
    return static_cast<std::size_t>(n);
  }
  void expect_end() const {
    if (offset_ != bytes_.size()) throw CodecError("message has trailing bytes");
  }

 private:
  const char* take(std::size_t n) {
    if (n > bytes_.size() - offset_) throw CodecError("message truncated");
    const char* p = bytes_.data() + offset_;
    offset_ += n;
    return p;
  }
  const Bytes& bytes_;
  std::size_t offset_ = 0;
};

void put_result(Writer& w, const model::ReplicationResult& r) {
  w.put(r.replication);
  w.put<std::int32_t>(r.window.calendar_start.year);
  w.put<std::int32_t>(r.window.calendar_start.month);
  w.put<std::int32_t>(r.window.calendar_start.day);
  w.put(r.window.from_days);
  w.put(r.window.to_days);
  w.put<std::uint64_t>(r.scalars.size());
  for (const auto& s : r.scalars) {
    w.put(s.name);
    w.put(s.unit);
    w.put(s.value);
    w.put<std::uint8_t>(s.headline ? 1 : 0);
    w.put(static_cast<std::uint8_t>(s.accumulation));
    w.put<std::uint8_t>(s.precision ? 1 : 0);
  }
  w.put(r.series_start_days);
  w.put(r.series_step_days);
  w.put<std::uint64_t>(r.series.size());
  for (const auto& s : r.series) {
    w.put(s.group);
    w.put(s.measure);
    w.put(s.unit);
    w.put(s.values);
  }
  w.put<std::uint64_t>(r.patient_events.size());
  for (const auto& e : r.patient_events) {
    w.put(e.time_days);
    w.put(e.patient);
    w.put(e.place);
    w.put(e.cohort);
    w.put(static_cast<std::uint8_t>(e.event));
    w.put<std::uint8_t>(e.warmup ? 1 : 0);
  }
  for (const auto* names : {&r.event_codes.places, &r.event_codes.cohorts}) {
    w.put<std::uint64_t>(names->size());
    for (const auto& name : *names) w.put(name);
  }
  w.put<std::uint64_t>(r.warnings.size());
  for (const auto& warning : r.warnings) w.put(warning);
  w.put(r.events_processed);
  w.put(r.wall_seconds);
}

bool get_flag(Reader& r) {
  const auto v = r.get<std::uint8_t>();
  if (v > 1) throw CodecError("bad flag in message");
  return v == 1;
}

model::ReplicationResult get_result(Reader& r) {
  model::ReplicationResult out;
  out.replication = r.get<std::uint32_t>();
  out.window.calendar_start.year = r.get<std::int32_t>();
  out.window.calendar_start.month = r.get<std::int32_t>();
  out.window.calendar_start.day = r.get<std::int32_t>();
  out.window.from_days = r.get<double>();
  out.window.to_days = r.get<double>();
  for (auto n = r.length(1); n > 0; --n) {
    auto& s = out.scalars.emplace_back();
    s.name = r.get_string();
    s.unit = r.get_string();
    s.value = r.get<double>();
    s.headline = get_flag(r);
    const auto accumulation = r.get<std::uint8_t>();
    if (accumulation > static_cast<std::uint8_t>(model::Accumulation::total)) {
      throw CodecError("bad accumulation in message");
    }
    s.accumulation = static_cast<model::Accumulation>(accumulation);
    s.precision = get_flag(r);
  }
  out.series_start_days = r.get<double>();
  out.series_step_days = r.get<double>();
  for (auto n = r.length(1); n > 0; --n) {
    auto& s = out.series.emplace_back();
    s.group = r.get_string();
    s.measure = r.get_string();
    s.unit = r.get_string();
    s.values = r.get_doubles();
  }
  for (auto n = r.length(1); n > 0; --n) {
    auto& e = out.patient_events.emplace_back();
    e.time_days = r.get<double>();
    e.patient = r.get<std::uint32_t>();
    e.place = r.get<std::uint16_t>();
    e.cohort = r.get<std::uint16_t>();
    const auto event = r.get<std::uint8_t>();
    if (event >= model::kPatientEventNames.size()) throw CodecError("bad event code in message");
    e.event = static_cast<model::PatientEventKind>(event);
    e.warmup = get_flag(r);
  }
  for (auto* names : {&out.event_codes.places, &out.event_codes.cohorts}) {
    for (auto n = r.length(1); n > 0; --n) names->push_back(r.get_string());
  }
  for (auto n = r.length(1); n > 0; --n) out.warnings.push_back(r.get_string());
  out.events_processed = r.get<std::uint64_t>();
  out.wall_seconds = r.get<double>();
  return out;
}

void expect_version(Reader& r) {
  if (r.get<std::uint8_t>() != kCodecVersion) throw CodecError("message from another version");
}

}  // namespace

Bytes encode_batch(const Batch& batch) {
  Writer w;
  w.put(kCodecVersion);
  w.put(batch.job.scenario_path);
  w.put<std::uint64_t>(batch.job.overrides.size());
  for (const auto& [path, value] : batch.job.overrides) {
    w.put(path);
    w.put(value);
  }
  w.put(batch.job.seed);
  w.put<std::uint8_t>(batch.job.options.patient_events ? 1 : 0);
  w.put<std::uint32_t>(batch.job.threads);
  w.put(batch.first);
  w.put(batch.count);
  return w.take();
}

Batch decode_batch(const Bytes& bytes) {
  Reader r(bytes);
  expect_version(r);
  Batch batch;
  batch.job.scenario_path = r.get_string();
  for (auto n = r.length(1); n > 0; --n) {
    auto path = r.get_string();
    batch.job.overrides.emplace_back(std::move(path), r.get_string());
  }
  batch.job.seed = r.get<std::uint64_t>();
  batch.job.options.patient_events = get_flag(r);
  batch.job.threads = r.get<std::uint32_t>();
  batch.first = r.get<std::uint32_t>();
  batch.count = r.get<std::uint32_t>();
  r.expect_end();
  return batch;
}

Bytes encode_reply(const RankReply& reply) {
  Writer w;
  w.put(kCodecVersion);
  w.put<std::uint8_t>(reply.failed ? 1 : 0);
  w.put(reply.failed_replication);
  w.put(reply.error);
  w.put<std::uint64_t>(reply.results.size());
  for (const auto& result : reply.results) put_result(w, result);
  return w.take();
}

RankReply decode_reply(const Bytes& bytes) {
  Reader r(bytes);
  expect_version(r);
  RankReply reply;
  reply.failed = get_flag(r);
  reply.failed_replication = r.get<std::uint32_t>();
  reply.error = r.get_string();
  for (auto n = r.length(1); n > 0; --n) reply.results.push_back(get_result(r));
  r.expect_end();
  return reply;
}

}  // namespace bedflow::mpi
