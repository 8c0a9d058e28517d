//! The heap and the precise mark-sweep collector of mvm (not built yet).
