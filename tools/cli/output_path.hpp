#pragma once
// Where `bedflow run` writes when no -o is given.
//
// Invariants:
//  - The default is results/<scenario name>.h5 under the current directory (the scenario's
//    run name, else the file's stem), with any character outside [A-Za-z0-9._-] replaced by
//    '_' so a name can never climb out of results/. The directory is created on demand.
#include <string>

namespace bedflow::cli {

std::string default_output_path(const std::string& scenario_name,
                                const std::string& scenario_path);

}  // namespace bedflow::cli
