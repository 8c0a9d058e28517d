//! Scanner and parser for Go source files (not built yet: see the parser issue).
