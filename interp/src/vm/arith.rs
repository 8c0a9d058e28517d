//! Go's numeric semantics where they differ from Rust's operators: shifts by large
//! counts, float → integer conversions (as gc on amd64), complex division.

/// `a << s` with Go's rule: counts of 64 or more give 0.
#[inline(always)]
pub fn shl(a: u64, s: u64) -> u64 {
    if s < 64 { a << s } else { 0 }
}

/// Arithmetic `a >> s`: counts of 64 or more give 0 or -1.
#[inline(always)]
pub fn shr_signed(a: u64, s: u64) -> u64 {
    ((a as i64) >> s.min(63)) as u64
}

/// Logical `a >> s`: counts of 64 or more give 0.
#[inline(always)]
pub fn shr_unsigned(a: u64, s: u64) -> u64 {
    if s < 64 { a >> s } else { 0 }
}

/// 2^63, the first float above the int64 range (exactly representable).
const TWO63: f64 = (1u64 << 63) as f64;

/// amd64's `CVTTSD2SQ`: truncation, with NaN and out-of-range values giving MinInt64.
#[inline]
pub fn f64_to_i64(x: f64) -> i64 {
    // -2^63 itself is in range; NaN fails the range test too.
    if !(-TWO63..TWO63).contains(&x) {
        i64::MIN
    } else {
        x as i64
    }
}

/// gc's float → uint64 sequence on amd64: below 2^63 convert signed, else convert
/// `x - 2^63` and set the top bit.
#[inline]
pub fn f64_to_u64(x: f64) -> u64 {
    if x < TWO63 { f64_to_i64(x) as u64 } else { (f64_to_i64(x - TWO63) as u64) | (1 << 63) }
}

/// complex128 multiplication as gc: `(a+bi)(c+di) = (ac-bd) + (ad+bc)i`.
#[inline]
pub fn complex_mul(a: f64, b: f64, c: f64, d: f64) -> (f64, f64) {
    (a * c - b * d, a * d + b * c)
}

fn inf2one(f: f64) -> f64 {
    let g: f64 = if f.is_infinite() { 1.0 } else { 0.0 };
    g.copysign(f)
}

/// complex128 division exactly as gc's `runtime.complex128div` (Smith's algorithm with
/// C99's corrections for infinities and zeros).
pub fn complex_div(a: f64, b: f64, c: f64, d: f64) -> (f64, f64) {
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
        let inf = f64::INFINITY;
        let finite = |x: f64| x.is_finite();
        if c == 0.0 && d == 0.0 && (!a.is_nan() || !b.is_nan()) {
            e = inf.copysign(c) * a;
            f = inf.copysign(c) * b;
        } else if (a.is_infinite() || b.is_infinite()) && finite(c) && finite(d) {
            let (a, b) = (inf2one(a), inf2one(b));
            e = inf * (a * c + b * d);
            f = inf * (b * c - a * d);
        } else if (c.is_infinite() || d.is_infinite()) && finite(a) && finite(b) {
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
    fn shifts_follow_go() {
        assert_eq!(shl(1, 63), 1 << 63);
        assert_eq!(shl(1, 64), 0);
        assert_eq!(shl(1, u64::MAX), 0);
        assert_eq!(shr_signed(-8i64 as u64, 1), -4i64 as u64);
        assert_eq!(shr_signed(-8i64 as u64, 200), u64::MAX);
        assert_eq!(shr_signed(8, 200), 0);
        assert_eq!(shr_unsigned(u64::MAX, 64), 0);
        assert_eq!(shr_unsigned(u64::MAX, 63), 1);
    }

    #[test]
    fn float_conversions_follow_amd64_gc() {
        assert_eq!(f64_to_i64(-1.9), -1);
        assert_eq!(f64_to_i64(f64::NAN), i64::MIN);
        assert_eq!(f64_to_i64(1e300), i64::MIN);
        assert_eq!(f64_to_i64(-TWO63), i64::MIN);
        assert_eq!(f64_to_i64(TWO63), i64::MIN);
        assert_eq!(f64_to_u64((u64::MAX - 2047) as f64), u64::MAX - 2047);
        assert_eq!(f64_to_u64(3.5), 3);
    }

    #[test]
    fn complex_division_matches_gc() {
        assert_eq!(complex_div(1.0, 2.0, 3.0, 4.0), (0.44, 0.08));
        let (e, f) = complex_div(1.0, 1.0, 0.0, 0.0);
        assert!(e.is_infinite() && f.is_infinite());
        assert_eq!(complex_div(1.0, 1.0, f64::INFINITY, 0.0), (0.0, 0.0));
    }
}
