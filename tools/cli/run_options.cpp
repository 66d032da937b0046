#include "run_options.hpp"

#include "bedflow/engine/replication_runner.hpp"

namespace bedflow::cli {

namespace po = boost::program_options;

const CommandSyntax kRunSyntax{
    "bedflow run SCENARIO [-o results.h5] [options]",
    "Runs a scenario's replications on threads and writes their results to one HDF5 file\n"
    "(layout: docs/outputs.md), then prints each measure's mean and 95% confidence interval,\n"
    "headline measures first. Results are identical whatever the number of threads.\n"
    "Without -o the file is results/<scenario name>.h5 (the directory is created).\n"
    "The file appears only when the run has finished; an existing file is kept unless --force.\n"
    "With --sweep, one file holds every swept value as its own variant, all run with the same\n"
    "seed (common random numbers) so that differences between them are sharp.",
    {"scenario"}};

po::options_description run_options_description() {
  po::options_description options("Options");
  options.add_options()
      ("output,o", po::value<std::string>(), "results file to write (default results/<name>.h5)")
      ("replications,n", po::value<std::string>(),
       "replications to run, 1 to 100000 (default: the scenario's)")
      ("threads,t", po::value<long long>(),
       "threads to run replications on (default: all cores)")
      ("seed", po::value<std::string>(),
       "master seed, 0 to 18446744073709551615 (default: the scenario's)")
      ("set", po::value<std::vector<std::string>>()->composing(),
       "override a field, e.g. --set services.acute.capacity=3200 (repeatable)")
      ("sweep", po::value<std::string>(),
       "run one variant per value, e.g. --sweep services.reablement.capacity=600:800:50")
      ("precision", po::value<double>(),
       "add replications until each aimed-at measure's 95% CI half-width is within this "
       "share of its mean, e.g. 0.05 (default measures: acute_occupancy_share, "
       "delayed_patients_mean, delayed_bed_days, avoided_admissions_total, cost_total)")
      ("precision-measures", po::value<std::string>(),
       "the measures precision mode aims at instead, comma-separated, e.g. "
       "delayed_bed_days,ed_waits_over_12h")
      ("percentiles", po::bool_switch(),
       "also print each measure's replication percentiles (the scenario's "
       "outputs.percentiles; the spread of outcomes, not a CI)")
      ("max-replications", po::value<std::string>(),
       "cap on replications in precision mode, 2 to 100000 (default 1000)")
      ("events", po::bool_switch(), "also write the patient-level event log (/events)")
      ("force", po::bool_switch(), "overwrite the results file if it exists");
  return options;
}


RunOptions parse_run_options(const po::variables_map& values) {
  RunOptions options;
  options.scenario_path = values["scenario"].as<std::string>();
  if (values.count("output")) {
    options.output_path = values["output"].as<std::string>();
    if (options.output_path.empty()) throw UsageError("--output needs a file name");
  }
  if (values.count("replications")) {
    options.replications = replications_option(values, "replications");
  }
  options.threads = values.count("threads")
                        ? bounded_option<unsigned>(values, "threads", 1, 4096)
                        : engine::default_thread_count();
  if (values.count("seed")) {
    options.seed = seed_option(values);
  }
  if (values.count("set")) options.set = values["set"].as<std::vector<std::string>>();
  if (values.count("sweep")) options.sweep = values["sweep"].as<std::string>();
  if (values.count("precision")) {
    options.precision = values["precision"].as<double>();
    if (!(options.precision > 0.0 && options.precision < 1.0)) {
      throw UsageError("--precision must be a share between 0 and 1, e.g. 0.05");
    }
  }
  if (values.count("precision-measures")) {
    if (options.precision == 0.0) throw UsageError("--precision-measures needs --precision");
    const std::string list = values["precision-measures"].as<std::string>();
    std::size_t start = 0;
    while (start <= list.size()) {
      const std::size_t comma = std::min(list.find(',', start), list.size());
      std::string name = list.substr(start, comma - start);
      name.erase(0, name.find_first_not_of(' '));
      name.erase(name.find_last_not_of(' ') + 1);
      if (name.empty()) throw UsageError("--precision-measures has an empty name in '" + list + "'");
      options.precision_measures.push_back(name);
      start = comma + 1;
    }
  }
  if (values.count("max-replications")) {
    if (options.precision == 0.0) throw UsageError("--max-replications needs --precision");
    options.max_replications = replications_option(values, "max-replications", 2);
  }
  if (options.precision > 0.0 && options.replications &&
      *options.replications > options.max_replications) {
    throw UsageError("--replications is above --max-replications");
  }
  options.show_percentiles = values["percentiles"].as<bool>();
  options.events = values["events"].as<bool>();
  options.force = values["force"].as<bool>();
  return options;
}

}  // namespace bedflow::cli
