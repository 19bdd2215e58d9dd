import Glibc

/// GNU extensions of glibc that the Swift `Glibc` module hides (it is built without
/// `_GNU_SOURCE`), looked up once at run time by name.
struct GlibcExtensions: @unchecked Sendable {
    // @unchecked: C function pointers into libc, immutable after lookup.
    typealias AddChdir = @convention(c) (
        UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?
    ) -> Int32
    typealias AddClosefrom = @convention(c) (
        UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32
    ) -> Int32
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32

    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29).
    let addChdir: AddChdir?
    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34).
    let addClosefrom: AddClosefrom?
    /// `pipe2` (glibc 2.9).
    let pipe2: Pipe2?

    static let shared = GlibcExtensions()

    private init() {
        let handle = dlopen(nil, RTLD_NOW)
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            guard let handle, let address = dlsym(handle, name) else { return nil }
            return unsafeBitCast(address, to: type)
        }
        addChdir = symbol("posix_spawn_file_actions_addchdir_np", as: AddChdir.self)
        addClosefrom = symbol("posix_spawn_file_actions_addclosefrom_np", as: AddClosefrom.self)
        pipe2 = symbol("pipe2", as: Pipe2.self)
    }
}
