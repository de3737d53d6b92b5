import Foundation

/// Puts the process's standard streams in a known state before anything is opened.
enum StandardStreams {
    /// - A reader that goes away (`lrplot values SPEC | head`) ends the process by SIGPIPE,
    ///   quietly, as for other command-line tools (the Swift runtime may have ignored it).
    /// - A standard stream the caller closed (`lrplot values SPEC >&-`) is held by
    ///   `/dev/null`, opened so that writing fails: otherwise the first file lrplot opens
    ///   would take its number, and the values would be written into an output file. Writing
    ///   to a closed standard output is then an error, as it should be.
    static func prepare() {
        signal(SIGPIPE, SIG_DFL)
        unblock([SIGPIPE])
        for (fd, flags) in [(STDIN_FILENO, O_WRONLY), (STDOUT_FILENO, O_RDONLY), (STDERR_FILENO, O_RDONLY)] {
            guard fcntl(fd, F_GETFD) == -1, errno == EBADF else { continue }
            let held = open("/dev/null", flags | O_CLOEXEC)
            if held >= 0 && held != fd {
                dup2(held, fd)
                close(held)
            }
        }
    }

    /// Unblocks `signals` in the calling thread, which a parent may have blocked (a blocked
    /// mask is inherited across exec).
    static func unblock(_ signals: [Int32]) {
        var set = sigset_t()
        sigemptyset(&set)
        for s in signals { sigaddset(&set, s) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}
