#pragma once
// Boost.Program_options, included with one GCC warning silenced.
//
// Why: with optimisation, GCC 12 inlines program_options' notify() (an any_cast it has just
// checked) and reports a "potential null pointer dereference" inside Boost's own header.
// The pragma applies to code located in the Boost headers only; our code keeps the warning.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <boost/program_options.hpp>
#pragma GCC diagnostic pop
