//! Summary statistics over repeated timings.

use std::time::Duration;

/// The smallest of `samples`, or `None` when there is none.
pub fn min(samples: &[Duration]) -> Option<Duration> {
    samples.iter().min().copied()
}

/// The median of `samples` (the mean of the middle two for an even count),
/// or `None` when there is none.
pub fn median(samples: &[Duration]) -> Option<Duration> {
    let mut sorted = samples.to_vec();
    sorted.sort_unstable();
    let mid = sorted.len() / 2;
    match sorted.len() {
        0 => None,
        n if n % 2 == 1 => sorted.get(mid).copied(),
        _ => Some((*sorted.get(mid - 1)? + *sorted.get(mid)?) / 2),
    }
}

/// The geometric mean of positive, finite `ratios`; `None` when there is no
/// such value. Non-positive or non-finite values are skipped: they cannot come
/// from two positive timings and would poison the mean.
pub fn geomean(ratios: &[f64]) -> Option<f64> {
    let logs: Vec<f64> = ratios
        .iter()
        .filter(|r| r.is_finite() && **r > 0.0)
        .map(|r| r.ln())
        .collect();
    if logs.is_empty() {
        return None;
    }
    Some((logs.iter().sum::<f64>() / logs.len() as f64).exp())
}

/// `a / b` in seconds, or `None` when `b` is zero.
pub fn ratio(a: Duration, b: Duration) -> Option<f64> {
    // Integer nanoseconds divide without the rounding of two float conversions.
    let b = b.as_nanos() as f64;
    (b > 0.0).then(|| a.as_nanos() as f64 / b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(v: &[u64]) -> Vec<Duration> {
        v.iter().map(|&m| Duration::from_millis(m)).collect()
    }

    #[test]
    fn min_and_median() {
        assert_eq!(min(&ms(&[30, 10, 20])), Some(Duration::from_millis(10)));
        assert_eq!(median(&ms(&[30, 10, 20])), Some(Duration::from_millis(20)));
        assert_eq!(
            median(&ms(&[40, 10, 20, 30])),
            Some(Duration::from_millis(25))
        );
        assert_eq!(median(&ms(&[7])), Some(Duration::from_millis(7)));
        assert_eq!(median(&[]), None);
        assert_eq!(min(&[]), None);
    }

    #[test]
    fn geomean_of_ratios() {
        let g = geomean(&[2.0, 8.0]).unwrap_or(0.0);
        assert!((g - 4.0).abs() < 1e-12, "{g}");
        let g = geomean(&[10.0, f64::NAN, 0.0, -1.0, 1000.0]).unwrap_or(0.0);
        assert!((g - 100.0).abs() < 1e-9, "{g}");
        assert_eq!(geomean(&[]), None);
        assert_eq!(geomean(&[0.0]), None);
    }

    #[test]
    fn ratios() {
        assert_eq!(
            ratio(Duration::from_millis(300), Duration::from_millis(100)),
            Some(3.0)
        );
        assert_eq!(ratio(Duration::from_millis(1), Duration::ZERO), None);
    }
}
