//! The Go type checker (not built yet: see the type checker issue).
