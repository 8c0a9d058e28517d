//! Go's numeric semantics where they differ from Rust's operators: shifts by large
//! counts, float → integer conversions (as gc on amd64). (Complex arithmetic is
//! `runtime::complex`.)

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
}
