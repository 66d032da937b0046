# Warnings as an INTERFACE target: every bedflow target links it, third-party headers stay quiet.
add_library(bedflow_warnings INTERFACE)
target_compile_options(bedflow_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(BEDFLOW_WERROR)
  target_compile_options(bedflow_warnings INTERFACE -Werror)
endif()
