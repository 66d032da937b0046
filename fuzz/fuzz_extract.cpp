// The spell-extract reader of `bedflow fit` over arbitrary bytes, reached as the command
// reaches it: the mapping file (when the input has one), read_extract, then the fit and the
// scenario text. An input holding a line "%%" is a mapping YAML (before it) and an extract
// CSV (after it); any other input is an extract read with the default column names.
// Refusals the command reports as bad input (ExtractError, std::invalid_argument) are
// expected; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "bedflow/fitting/extract.hpp"
#include "bedflow/fitting/fit_extract.hpp"
#include "bedflow/fitting/scenario_writer.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace fitting = bedflow::fitting;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view kSeparator = "\n%%\n";
  const auto split = bytes.find(kSeparator);
  try {
    fitting::ColumnMapping mapping;
    std::string_view csv = bytes;
    if (split != std::string_view::npos) {
      mapping = fitting::read_mapping(bedflow::fuzz::write_input("map.yaml", bytes.substr(0, split)));
      csv = bytes.substr(split + kSeparator.size());
    }
    const auto extract = fitting::read_extract(bedflow::fuzz::write_input("extract.csv", csv), mapping);
    // A census on the day after the first admission exercises that path too, when it exists.
    const auto census = extract.end - extract.start >= 1
                            ? std::optional<std::string>(fitting::format_date(extract.start + 1))
                            : std::nullopt;
    const auto fitted = fitting::fit_extract(extract, census);
    (void)fitting::scenario_yaml(fitted, {});
    (void)fitting::census_csv(fitted);
  } catch (const fitting::ExtractError&) {
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
