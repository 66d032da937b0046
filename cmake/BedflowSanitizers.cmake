# Sanitizers as an INTERFACE target, so that turning them on touches every bedflow target at once.
add_library(bedflow_sanitizers INTERFACE)
if(BEDFLOW_SANITIZE)
  target_compile_options(bedflow_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(bedflow_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
