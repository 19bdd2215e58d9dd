// DeferLab is a Linux program: it reads /proc, watches files with inotify and starts
// processes with posix_spawn through Glibc. Say so at build time anywhere else.
#if !os(Linux)
#error("DeferLab runs on Linux only (it uses /proc, inotify and Glibc)")
#endif
