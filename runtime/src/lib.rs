//! The Go runtime of mvm (not built yet): value layout and type descriptors, strings,
//! slices, maps, channels, interfaces, the goroutine scheduler, defer/panic, the
//! native functions behind bodiless std declarations, and the Go overlay sources that
//! replace runtime-facing std packages.
