# Sanitizers as an INTERFACE target, so that turning them on touches every bedflow target at once.
add_library(bedflow_sanitizers INTERFACE)
if(BEDFLOW_SANITIZE)
  target_compile_options(bedflow_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(bedflow_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
# The fuzzing build (clang): every library carries libFuzzer's coverage instrumentation as
# well; only the harnesses in fuzz/ link libFuzzer's main.
if(BEDFLOW_FUZZ)
  target_compile_options(bedflow_sanitizers INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
    -fno-omit-frame-pointer -g)
  target_link_options(bedflow_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
