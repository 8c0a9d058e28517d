//! The `print`/`println` builtins, formatted byte for byte as gc's runtime
//! (`runtime/print.go`): each function appends one operand's text to a buffer.
//!
//! Floats use `strconv`'s shortest `%g` form since Go 1.26 (`1e+21`, `0.1`, `NaN`,
//! `+Inf`); pointers, channels, maps, funcs and `unsafe.Pointer` print in hex as
//! `0x...`; a slice prints as `[len/cap]0xptr`; an interface as `(0xtype,0xdata)`.
//! `println` puts one space between operands and a newline after the last.

/// Appends a signed integer.
pub fn int(out: &mut Vec<u8>, v: i64) {
    out.extend_from_slice(v.to_string().as_bytes());
}

/// Appends an unsigned integer.
pub fn uint(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(v.to_string().as_bytes());
}

/// Appends `true` or `false`.
pub fn bool(out: &mut Vec<u8>, v: bool) {
    out.extend_from_slice(if v { b"true" } else { b"false" });
}

/// Appends a value in hex with a `0x` prefix (pointers, chans, maps, funcs, `uintptr`
/// printed through `unsafe.Pointer`).
pub fn hex(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(format!("{v:#x}").as_bytes());
}

/// Appends a float64 as gc: `strconv.AppendFloat(v, 'g', -1, 64)`.
pub fn float64(out: &mut Vec<u8>, v: f64) {
    if let Some(special) = special(v.is_nan(), v.is_infinite(), v.is_sign_negative()) {
        out.extend_from_slice(special.as_bytes());
        return;
    }
    shortest_g(out, &format!("{v:e}"));
}

/// Appends a float32 as gc: `strconv.AppendFloat(float64(v), 'g', -1, 32)` (the
/// shortest digits that round-trip through float32).
pub fn float32(out: &mut Vec<u8>, v: f32) {
    if let Some(special) = special(v.is_nan(), v.is_infinite(), v.is_sign_negative()) {
        out.extend_from_slice(special.as_bytes());
        return;
    }
    shortest_g(out, &format!("{v:e}"));
}

/// Appends a complex128 as `(re+imi)`.
pub fn complex128(out: &mut Vec<u8>, re: f64, im: f64) {
    out.push(b'(');
    float64(out, re);
    let at = out.len();
    float64(out, im);
    sign_imaginary(out, at);
    out.extend_from_slice(b"i)");
}

/// Appends a complex64 as `(re+imi)`, each part with float32 precision.
pub fn complex64(out: &mut Vec<u8>, re: f32, im: f32) {
    out.push(b'(');
    float32(out, re);
    let at = out.len();
    float32(out, im);
    sign_imaginary(out, at);
    out.extend_from_slice(b"i)");
}

/// Appends a slice header as `[len/cap]0xptr`.
pub fn slice(out: &mut Vec<u8>, ptr: u64, len: i64, cap: i64) {
    out.push(b'[');
    int(out, len);
    out.push(b'/');
    int(out, cap);
    out.push(b']');
    hex(out, ptr);
}

/// Appends an interface value as `(0xtype,0xdata)` (the itab for non-empty interfaces).
pub fn iface(out: &mut Vec<u8>, tab: u64, data: u64) {
    out.push(b'(');
    hex(out, tab);
    out.push(b',');
    hex(out, data);
    out.push(b')');
}

/// gc's spelling of NaN and the infinities.
fn special(nan: bool, inf: bool, neg: bool) -> Option<&'static str> {
    match (nan, inf, neg) {
        (true, _, _) => Some("NaN"),
        (false, true, true) => Some("-Inf"),
        (false, true, false) => Some("+Inf"),
        _ => None,
    }
}

/// Adds the `+` that `strconv.AppendComplex` puts before a non-negative imaginary part.
fn sign_imaginary(out: &mut Vec<u8>, at: usize) {
    if !matches!(out.get(at), Some(b'+' | b'-')) {
        out.insert(at, b'+');
    }
}

/// Formats the shortest round-trip digits (Rust's `{:e}` output, e.g. `-1.25e-7`, which
/// has exactly those digits) the way `strconv` formats `%g` with precision -1: `%e` when
/// the decimal exponent is below -4 or at least 6 (the "shortest" rule uses 6), else
/// `%f`; exponents have at least two digits.
fn shortest_g(out: &mut Vec<u8>, sci: &str) {
    let (neg, sci) = match sci.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, sci),
    };
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    if neg {
        out.push(b'-');
    }
    // Zero has no digits in strconv's decimal form: it prints as "0".
    if digits.iter().all(|&d| d == b'0') {
        out.push(b'0');
        return;
    }
    let nd = digits.len() as i32;
    let dp = exp + 1; // position of the decimal point relative to the digits
    if !(-4..6).contains(&exp) {
        out.push(digits[0]);
        if nd > 1 {
            out.push(b'.');
            out.extend_from_slice(&digits[1..]);
        }
        out.push(b'e');
        out.push(if exp < 0 { b'-' } else { b'+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push(b'0');
        }
        out.extend_from_slice(e.to_string().as_bytes());
        return;
    }
    // %f with max(nd - dp, 0) fraction digits.
    if dp > 0 {
        for i in 0..dp {
            out.push(digits.get(i as usize).copied().unwrap_or(b'0'));
        }
    } else {
        out.push(b'0');
    }
    let frac = (nd - dp).max(0);
    if frac > 0 {
        out.push(b'.');
        for i in 0..frac {
            let j = dp + i;
            let d = if j >= 0 { digits.get(j as usize).copied().unwrap_or(b'0') } else { b'0' };
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f64s(v: f64) -> String {
        let mut out = Vec::new();
        float64(&mut out, v);
        String::from_utf8_lossy(&out).into_owned()
    }

    fn f32s(v: f32) -> String {
        let mut out = Vec::new();
        float32(&mut out, v);
        String::from_utf8_lossy(&out).into_owned()
    }

    // Expected strings are what `println` printed with go1.26.
    #[test]
    fn floats_match_gc() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1"),
            (2.5, "2.5"),
            (-3.25e100, "-3.25e+100"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "+Inf"),
            (f64::NEG_INFINITY, "-Inf"),
            (0.0, "0"),
            (-0.0, "-0"),
            (1e21, "1e+21"),
            (1e20, "1e+20"),
            (123456789.0, "1.23456789e+08"),
            (1e-7, "1e-07"),
            (0.1, "0.1"),
            (1e6, "1e+06"),
            (1e-5, "1e-05"),
            (100000.0, "100000"),
            (123456.5, "123456.5"),
            (0.0001234, "0.0001234"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
        ];
        for &(v, want) in cases {
            assert_eq!(f64s(v), want, "float64 {v:e}");
        }
        assert_eq!(f32s(1.5), "1.5");
        assert_eq!(f32s(0.1), "0.1");
        assert_eq!(f32s(16777216.0), "1.6777216e+07");
    }

    #[test]
    fn other_operands_match_gc() {
        let mut out = Vec::new();
        complex128(&mut out, 1.0, 2.0);
        out.push(b' ');
        complex64(&mut out, -1.5, f32::INFINITY);
        out.push(b' ');
        complex128(&mut out, 0.0, f64::NAN);
        out.push(b' ');
        int(&mut out, i64::MIN);
        out.push(b' ');
        uint(&mut out, u64::MAX);
        out.push(b' ');
        bool(&mut out, true);
        out.push(b' ');
        hex(&mut out, 0);
        out.push(b' ');
        iface(&mut out, 0, 0);
        out.push(b' ');
        slice(&mut out, 0, 0, 0);
        out.push(b' ');
        slice(&mut out, 0xc000012345, 3, 8);
        assert_eq!(
            String::from_utf8_lossy(&out),
            "(1+2i) (-1.5+Infi) (0+NaNi) -9223372036854775808 18446744073709551615 true 0x0 (0x0,0x0) [0/0]0x0 [3/8]0xc000012345"
        );
    }
}
