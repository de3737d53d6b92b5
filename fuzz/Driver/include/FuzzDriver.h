// libFuzzer's entry point for programs that have their own main (compiler-rt's
// FuzzerInterface.h): SwiftPM links an executable target's main itself, so each fuzz
// target's main.swift hands libFuzzer its arguments and the function to fuzz.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
