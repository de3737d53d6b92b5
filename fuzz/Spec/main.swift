// Runs libFuzzer on `fuzzSpec` (SwiftPM gives an executable target its own main, so libFuzzer's is
// not used): libFuzzer reads the command line, e.g. -runs=N, -max_total_time=S, a corpus.
import FuzzDriver
import Glibc

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
// libFuzzer passes a valid pointer, also for an empty input.
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in data.map { fuzzSpec($0, size) } ?? 0 })
