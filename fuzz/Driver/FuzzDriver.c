// The declaration in include/FuzzDriver.h is all this target provides; libFuzzer
// (linked by -sanitize=fuzzer) defines the function.
#include "FuzzDriver.h"
