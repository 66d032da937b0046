// The extract reader: every class of bad input refused with its file, line and column (by
// the library and by `bedflow fit`: exit 2, nothing written); odd rows counted; dates in
// both accepted forms.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "bedflow/fitting/extract.hpp"
#include "child_process.hpp"

namespace fs = std::filesystem;
using namespace bedflow::fitting;
using bedflow::test::run_bedflow;
using bedflow::test::scratch_directory;

namespace {

const std::string kHeader =
    "spell_id,admitted,discharged,admission_method,cohort,pathway,ready_for_discharge\n";
const std::string kGoodRow = "A1,2025-03-01T10:00,2025-03-05T12:00,emergency,frail,P1,2025-03-04T09:00\n";

std::string write(const std::string& directory, const std::string& name, const std::string& text) {
  const auto path = (fs::path(directory) / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

struct Refusal {
  std::string name;
  std::string text;
  std::size_t line;
  std::string column;
  std::string words;  // part of the message
};

const std::vector<Refusal>& refusals() {
  static const std::vector<Refusal> cases = {
      {"unparseable date", kHeader + kGoodRow + "A2,2025-13-01T10:00,,emergency,frail,,\n", 3,
       "admitted", "expected a date-time"},
      {"impossible date", kHeader + kGoodRow + "A2,31/02/2025 10:00,,emergency,frail,,\n", 3,
       "admitted", "31/02/2025"},
      {"discharge before admission",
       kHeader + kGoodRow + "A2,2025-03-02T10:00,2025-03-01T10:00,emergency,frail,P0,\n", 3,
       "discharged", "before admission"},
      {"duplicate spell id", kHeader + kGoodRow + kGoodRow, 3, "spell_id", "first on line 2"},
      {"unknown admission method", kHeader + kGoodRow + "A2,2025-03-02T10:00,,maternity,frail,,\n",
       3, "admission_method", "unknown admission method 'maternity'"},
      {"empty cohort", kHeader + "A2,2025-03-02T10:00,,emergency,,,\n", 2, "cohort", "empty cohort"},
      {"bad pathway", kHeader + "A2,2025-03-02T10:00,2025-03-03T10:00,emergency,frail,P7,\n", 2,
       "pathway", "pathway 0-3"},
      {"short row", kHeader + kGoodRow + "A2,2025-03-02T10:00\n", 3, "", "the row has 2 fields"},
      {"binary file", std::string("\x89HDF\r\n\x1a\n\0\0\0", 11), 1, "", "not a CSV file"},
      {"gzip file", std::string("\x1f\x8b\x08\x00\0\0\0\0\x02\x03", 10), 1, "",
       "gzip-compressed: decompress it first"},
      {"unterminated quote", kHeader + "\"A2,2025-03-02T10:00,,emergency,frail,,\n", 2, "",
       "never ends"},
      {"header only", kHeader, 1, "", "no spells"},
  };
  return cases;
}

}  // namespace

TEST_CASE("each class of bad extract is refused with its file, line and column") {
  const auto directory = scratch_directory("fit_reader_refusals");
  for (const auto& c : refusals()) {
    INFO(c.name);
    const auto path = write(directory, "extract.csv", c.text);
    try {
      read_extract(path);
      FAIL("accepted");
    } catch (const ExtractError& error) {
      CHECK(error.file == path);
      CHECK(error.line == c.line);
      CHECK(error.column == c.column);
      CHECK(std::string(error.what()).find(c.words) != std::string::npos);
      CHECK(std::string(error.what()).rfind(path + ":" + std::to_string(c.line) + ":", 0) == 0);
    }
  }
}

TEST_CASE("a mapping naming a missing column is refused naming the column, and a good one maps") {
  const auto directory = scratch_directory("fit_reader_mapping");
  const auto extract = write(directory, "extract.csv",
                             "Spell,AdmDate,DisDate,Method,Group,Pathway\n"
                             "1,01/03/2025 10:00,05/03/2025 12:00,21,frail,1\n"
                             "2,02/03/2025 10:00,,11,frail,\n");
  auto mapping = read_mapping(write(directory, "good.yaml",
                                    "spell_id: Spell\nadmitted: AdmDate\ndischarged: DisDate\n"
                                    "admission_method: Method\ncohort: Group\npathway: Pathway\n"));
  const auto e = read_extract(extract, mapping);
  REQUIRE(e.spells.size() == 2);
  CHECK(e.spells[0].method == Method::emergency);   // 21: an emergency code
  CHECK(e.spells[1].method == Method::elective);    // 11: an elective code
  CHECK(e.spells[0].pathway == 1);
  CHECK(e.spells[1].discharged == kMissing);        // censored, kept
  CHECK(e.spells[0].discharged - e.spells[0].admitted == Approx(4 + 2.0 / 24));
  CHECK_FALSE(e.has_ready);

  mapping.admitted = "AdmissionDate";
  try {
    read_extract(extract, mapping);
    FAIL("accepted");
  } catch (const ExtractError& error) {
    CHECK(error.line == 1);
    CHECK(error.column == "AdmissionDate");
    CHECK(std::string(error.what()).find("AdmDate") != std::string::npos);  // lists the header
  }
  // Every missing column at once, each with its field, and a hint when one is close.
  mapping.discharged = "DisDte";
  try {
    read_extract(extract, mapping);
    FAIL("accepted");
  } catch (const ExtractError& error) {
    const std::string message = error.what();
    INFO(message);
    CHECK(error.column == "AdmissionDate");
    CHECK(message.find("'AdmissionDate' (the admitted field)") != std::string::npos);
    CHECK(message.find("'DisDte' (the discharged field) - did you mean 'DisDate'?") !=
          std::string::npos);
  }
  mapping.discharged = "DisDate";
  try {
    read_mapping(write(directory, "bad.yaml", "spell_id: Spell\nadmited: AdmDate\n"));
    FAIL("accepted");
  } catch (const ExtractError& error) {
    CHECK(error.line == 2);
    CHECK(error.column == "admited");
    CHECK(std::string(error.what()).find("did you mean 'admitted'?") != std::string::npos);
  }
}

TEST_CASE("odd but plausible rows are counted, not silently used") {
  const auto directory = scratch_directory("fit_reader_odd");
  const auto path = write(directory, "extract.csv",
                          kHeader + kGoodRow +
                              "A2,2024-01-01T10:00,2025-03-05T12:00,emergency,frail,P0,\n"
                              "A3,2025-03-01T10:00,2025-03-02T10:00,emergency,frail,P0,2025-03-03T10:00\n"
                              "A4,2025-03-01T10:00,2025-03-02T10:00,emergency,frail,P0,2025-02-03T10:00\n"
                              "\n"
                              "\"A5\",\"2025-03-01 10:00\",\"2025-03-01 10:00\",emergency,\"fr\"\"ail, old\",0,\n");
  const auto e = read_extract(path);
  CHECK(e.rows == 5);
  CHECK(e.odd.stays_over_a_year == 1);
  CHECK(e.odd.ready_after_discharge == 1);
  CHECK(e.odd.ready_before_admission == 1);
  CHECK(e.odd.zero_length_stays == 1);
  CHECK(e.odd.blank_lines == 1);
  CHECK(e.spells[2].ready == kMissing);  // dropped, stay kept
  // A quoted label with a quote and a comma becomes a valid scenario name.
  REQUIRE(e.cohorts.size() == 2);
  CHECK(e.cohorts[1] == "fr_ail__old");
}

TEST_CASE("bedflow fit refuses each bad extract with exit 2, the location, and nothing written") {
  const auto directory = scratch_directory("fit_cli_refusals");
  for (const auto& c : refusals()) {
    INFO(c.name);
    const auto path = write(directory, "extract.csv", c.text);
    const auto out = (fs::path(directory) / "fitted.yaml").string();
    const auto result = run_bedflow({"fit", path, "-o", out, "--census-date", "2025-03-02"});
    CHECK(result.exit_status == 2);
    CHECK(result.err.find(path + ":" + std::to_string(c.line) + ":") != std::string::npos);
    if (!c.column.empty()) CHECK(result.err.find("column '" + c.column + "'") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(directory)) ++files;
    CHECK(files == 1);  // the extract alone
  }
}
