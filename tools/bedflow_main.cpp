// The `bedflow` executable.
#include "cli/command_line_main.hpp"

int main(int argc, char** argv) { return bedflow::cli::run_command_line(argc, argv); }
