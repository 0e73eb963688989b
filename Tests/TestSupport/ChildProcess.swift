import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a short command to its end with `posix_spawn` and a polling `waitpid`. Foundation's `Process` sometimes misses
/// the exit of a child that leaves a daemon behind (`runuser … pg_ctl start` stays a zombie and `isRunning` stays
/// true); polling never blocks one of the few threads the tests share.
public enum ChildProcess {
    /// Runs `executable` with `arguments`, output discarded; answers the exit status.
    public static func run(_ executable: String, _ arguments: [String]) async throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw TestSupportError("cannot start \(executable): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            try await Task.sleep(for: .milliseconds(20))
        }
        return (status >> 8) & 0xFF
    }
}
