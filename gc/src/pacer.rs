//! Pacing: when the next collection starts, from `GOGC`.
//!
//! The heap goal is `live + (live + stacks + globals) × GOGC/100` (Go's rule since 1.18), never
//! below 4 MiB × GOGC/100. A collection is requested when the allocated heap reaches the goal.
//! `GOGC=off` (or any negative percentage) disables collection except when forced.

/// Go's minimum heap goal at `GOGC=100`.
const HEAP_MINIMUM: usize = 4 << 20;

pub(crate) struct Pacer {
    gc_percent: i32,
    /// Heap size at which the next cycle starts.
    pub next_gc: usize,
    /// Inputs of the last goal computation, kept so `SetGCPercent` can recompute it.
    last_live: usize,
    last_roots: usize,
}

impl Pacer {
    pub fn new(gc_percent: i32) -> Self {
        let mut p = Pacer { gc_percent: -1, next_gc: 0, last_live: 0, last_roots: 0 };
        p.set_percent(gc_percent);
        p
    }

    /// Whether allocation triggers collections.
    pub fn enabled(&self) -> bool {
        self.gc_percent >= 0
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
        self.next_gc = if self.gc_percent < 0 {
            usize::MAX
        } else {
            let p = self.gc_percent as usize;
            let grow = (self.last_live.saturating_add(self.last_roots)).saturating_mul(p) / 100;
            let min = HEAP_MINIMUM.saturating_mul(p) / 100;
            self.last_live.saturating_add(grow).max(min)
        };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goal_follows_gogc() {
        let mut p = Pacer::new(100);
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
    fn gogc_parsing() {
        assert_eq!(parse_gogc(Some("off")), -1);
        assert_eq!(parse_gogc(Some("200")), 200);
        assert_eq!(parse_gogc(Some("bogus")), 100);
        assert_eq!(parse_gogc(Some("-3")), -1);
        assert_eq!(parse_gogc(None), 100);
    }
}
