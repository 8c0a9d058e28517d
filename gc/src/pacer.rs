//! Pacing: when the next collection starts, from `GOGC` and `GOMEMLIMIT`.
//!
//! The heap goal is `live + (live + stacks + globals) × GOGC/100` (Go's rule since 1.18), never
//! below 4 MiB × GOGC/100. A collection is requested when the allocated heap reaches the goal.
//! `GOGC=off` (or any negative percentage) disables that goal. A memory limit adds a second
//! goal, `limit − (stacks + globals)`, and the lower goal wins; so that a live heap near the
//! limit does not collect after every allocation, the limit goal never drops below
//! `live + max(live/16, 1 MiB)` (Go bounds the same death spiral with a GC CPU limiter).

/// Go's minimum heap goal at `GOGC=100`.
const HEAP_MINIMUM: usize = 4 << 20;
/// "No memory limit" (Go's `math.MaxInt64`).
pub const NO_MEMORY_LIMIT: i64 = i64::MAX;

pub(crate) struct Pacer {
    gc_percent: i32,
    /// Soft memory limit in bytes ([`NO_MEMORY_LIMIT`]: none).
    memory_limit: i64,
    /// Heap size at which the next cycle starts.
    pub next_gc: usize,
    /// Inputs of the last goal computation, kept so `SetGCPercent` can recompute it.
    last_live: usize,
    last_roots: usize,
}

impl Pacer {
    pub fn new(gc_percent: i32, memory_limit: i64) -> Self {
        let mut p = Pacer {
            gc_percent: -1,
            memory_limit,
            next_gc: 0,
            last_live: 0,
            last_roots: 0,
        };
        p.set_percent(gc_percent);
        p
    }

    /// Whether allocation triggers collections.
    pub fn enabled(&self) -> bool {
        self.gc_percent >= 0 || self.memory_limit != NO_MEMORY_LIMIT
    }

    pub fn memory_limit(&self) -> i64 {
        self.memory_limit
    }

    /// `debug.SetMemoryLimit`: sets the limit (a negative value only queries it) and returns the
    /// previous one.
    pub fn set_memory_limit(&mut self, limit: i64) -> i64 {
        let old = self.memory_limit;
        if limit >= 0 {
            self.memory_limit = limit;
            self.recompute();
        }
        old
    }

    pub fn percent(&self) -> i32 {
        self.gc_percent
    }

    /// `debug.SetGCPercent`: sets the percentage (negative: off) and returns the previous one.
    pub fn set_percent(&mut self, p: i32) -> i32 {
        let old = self.gc_percent;
        self.gc_percent = if p < 0 { -1 } else { p };
        self.recompute();
        old
    }

    /// Records the outcome of a cycle: `live` heap bytes marked, `roots` bytes of stacks and
    /// globals scanned.
    pub fn cycle_done(&mut self, live: usize, roots: usize) {
        self.last_live = live;
        self.last_roots = roots;
        self.recompute();
    }

    fn recompute(&mut self) {
        let gogc_goal = if self.gc_percent < 0 {
            usize::MAX
        } else {
            let p = self.gc_percent as usize;
            let grow = (self.last_live.saturating_add(self.last_roots)).saturating_mul(p) / 100;
            let min = HEAP_MINIMUM.saturating_mul(p) / 100;
            self.last_live.saturating_add(grow).max(min)
        };
        let limit_goal = if self.memory_limit == NO_MEMORY_LIMIT {
            usize::MAX
        } else {
            let limit = usize::try_from(self.memory_limit).unwrap_or(usize::MAX);
            let floor = self
                .last_live
                .saturating_add((self.last_live / 16).max(1 << 20));
            limit.saturating_sub(self.last_roots).max(floor)
        };
        self.next_gc = gogc_goal.min(limit_goal);
    }
}

/// Parses a `GOGC` value as the Go runtime does: `off` disables collection, an integer is the
/// percentage, anything else (or unset) means 100.
pub fn parse_gogc(v: Option<&str>) -> i32 {
    match v {
        Some("off") => -1,
        Some(s) => s.parse::<i32>().map_or(100, |n| if n < 0 { -1 } else { n }),
        None => 100,
    }
}

/// Parses a `GOMEMLIMIT` value as the Go runtime does: `off`, or a byte count with an optional
/// unit (`B`, `KiB`, `MiB`, `GiB`, `TiB`). Unset means no limit; `None` means malformed (Go
/// stops with a fatal error).
pub fn parse_gomemlimit(v: Option<&str>) -> Option<i64> {
    let Some(s) = v else {
        return Some(NO_MEMORY_LIMIT);
    };
    if s == "off" {
        return Some(NO_MEMORY_LIMIT);
    }
    let (digits, shift) = [("TiB", 40), ("GiB", 30), ("MiB", 20), ("KiB", 10), ("B", 0)]
        .iter()
        .find_map(|&(unit, shift)| s.strip_suffix(unit).map(|d| (d, shift)))
        .unwrap_or((s, 0));
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = digits.parse().ok()?;
    n.checked_mul(1 << shift)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goal_follows_gogc() {
        let mut p = Pacer::new(100, NO_MEMORY_LIMIT);
        assert_eq!(p.next_gc, 4 << 20);
        p.cycle_done(10 << 20, 0);
        assert_eq!(p.next_gc, 20 << 20);
        p.cycle_done(10 << 20, 2 << 20);
        assert_eq!(p.next_gc, 22 << 20);
        assert_eq!(p.set_percent(50), 100);
        assert_eq!(p.next_gc, 16 << 20);
        assert_eq!(p.set_percent(-5), 50);
        assert!(!p.enabled());
        assert_eq!(p.next_gc, usize::MAX);
        assert_eq!(p.percent(), -1);
    }

    #[test]
    fn memory_limit_lowers_the_goal() {
        let mut p = Pacer::new(-1, NO_MEMORY_LIMIT);
        assert!(!p.enabled());
        assert_eq!(p.set_memory_limit(64 << 20), NO_MEMORY_LIMIT);
        assert!(p.enabled());
        p.cycle_done(10 << 20, 1 << 20);
        assert_eq!(p.next_gc, 63 << 20);
        assert_eq!(p.set_percent(100), -1);
        assert_eq!(p.next_gc, 21 << 20);
        // Live heap at the limit: the goal keeps some headroom.
        p.cycle_done(64 << 20, 0);
        assert_eq!(p.next_gc, 68 << 20);
        assert_eq!(p.set_memory_limit(-1), 64 << 20);
        assert_eq!(p.memory_limit(), 64 << 20);
    }

    #[test]
    fn gomemlimit_parsing() {
        assert_eq!(parse_gomemlimit(None), Some(NO_MEMORY_LIMIT));
        assert_eq!(parse_gomemlimit(Some("off")), Some(NO_MEMORY_LIMIT));
        assert_eq!(parse_gomemlimit(Some("1000")), Some(1000));
        assert_eq!(parse_gomemlimit(Some("512MiB")), Some(512 << 20));
        assert_eq!(parse_gomemlimit(Some("2GiB")), Some(2 << 30));
        assert_eq!(parse_gomemlimit(Some("7B")), Some(7));
        assert_eq!(parse_gomemlimit(Some("MiB")), None);
        assert_eq!(parse_gomemlimit(Some("-5")), None);
        assert_eq!(parse_gomemlimit(Some("5MB")), None);
        assert_eq!(parse_gomemlimit(Some("99999999999TiB")), None);
    }

    #[test]
    fn gogc_parsing() {
        assert_eq!(parse_gogc(Some("off")), -1);
        assert_eq!(parse_gogc(Some("200")), 200);
        assert_eq!(parse_gogc(Some("bogus")), 100);
        assert_eq!(parse_gogc(Some("-3")), -1);
        assert_eq!(parse_gogc(None), 100);
    }
}
