//! Complex arithmetic as gc computes it. Addition, subtraction and multiplication are
//! the textbook formulas in the component type (gc lowers them to float operations of
//! that width, with no fused multiply-add on amd64); division is gc's
//! `runtime.complex128div` (Smith's algorithm with C99's corrections for infinities and
//! zeros), and `complex64` division goes through it in double precision, as in gc.

/// A `complex128` as its real and imaginary parts.
pub type C128 = (f64, f64);

/// `n * m`.
pub fn mul(n: C128, m: C128) -> C128 {
    let ((a, b), (c, d)) = (n, m);
    (a * c - b * d, a * d + b * c)
}

/// `n * m` for `complex64`, in single precision.
pub fn mul64(n: (f32, f32), m: (f32, f32)) -> (f32, f32) {
    let ((a, b), (c, d)) = (n, m);
    (a * c - b * d, a * d + b * c)
}

/// `n / m` (never panics: division by zero gives infinities or NaNs).
pub fn div(n: C128, m: C128) -> C128 {
    let (a, b) = n;
    let (c, d) = m;
    let (mut e, mut f);
    if c.abs() >= d.abs() {
        let ratio = d / c;
        let denom = c + ratio * d;
        e = (a + b * ratio) / denom;
        f = (b - a * ratio) / denom;
    } else {
        let ratio = c / d;
        let denom = d + ratio * c;
        e = (a * ratio + b) / denom;
        f = (b * ratio - a) / denom;
    }
    if e.is_nan() && f.is_nan() {
        let inf2one = |x: f64| (if x.is_infinite() { 1.0f64 } else { 0.0 }).copysign(x);
        if c == 0.0 && d == 0.0 && (!a.is_nan() || !b.is_nan()) {
            e = f64::INFINITY.copysign(c) * a;
            f = f64::INFINITY.copysign(c) * b;
        } else if (a.is_infinite() || b.is_infinite()) && c.is_finite() && d.is_finite() {
            let (a, b) = (inf2one(a), inf2one(b));
            e = f64::INFINITY * (a * c + b * d);
            f = f64::INFINITY * (b * c - a * d);
        } else if (c.is_infinite() || d.is_infinite()) && a.is_finite() && b.is_finite() {
            let (c, d) = (inf2one(c), inf2one(d));
            e = 0.0 * (a * c + b * d);
            f = 0.0 * (b * c - a * d);
        }
    }
    (e, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn division_follows_smith_and_c99() {
        assert_eq!(div((1.0, 2.0), (3.0, 4.0)), (0.44, 0.08));
        let (e, f) = div((1.0, 1.0), (0.0, 0.0));
        assert!(e.is_infinite() && f.is_infinite() && e > 0.0);
        let (e, f) = div((f64::INFINITY, 1.0), (2.0, 0.0));
        assert!(e.is_infinite() && f.is_nan());
        assert_eq!(div((1.0, 1.0), (f64::INFINITY, 0.0)), (0.0, 0.0));
        assert!(div((f64::NAN, 0.0), (0.0, 0.0)).0.is_nan());
    }

    #[test]
    fn multiplication_is_componentwise() {
        assert_eq!(mul((1.0, 2.0), (3.0, 4.0)), (-5.0, 10.0));
        assert_eq!(mul64((1.5, -2.0), (2.0, 0.5)), (4.0, -3.25));
    }
}
