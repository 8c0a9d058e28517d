//! Exact constant values, as Go's untyped constant arithmetic needs them.
//!
//! Integers are unbounded ([`BigInt`]). Floating-point constants are exact rationals
//! while their numerator and denominator stay small, and switch to a binary float with
//! a 512-bit mantissa ([`BigFloat`]) when they would grow past [`MAX_RAT_BITS`]: the
//! same policy as `go/constant`, so that `1e1000000` and long chains of divisions stay
//! cheap while everyday constants stay exact. Complex constants pair two real values.
//!
//! The checker owns the rules (which operation is legal on which kind, overflow of
//! typed constants); this module only computes.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;
use std::fmt;
use std::sync::Arc;

/// Mantissa precision of [`BigFloat`], in bits (go/constant uses 512).
pub const FLOAT_PREC: u64 = 512;

/// A rational whose numerator or denominator has more bits than this becomes a [`BigFloat`].
pub const MAX_RAT_BITS: u64 = 4096;

/// The kind of a constant value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The value of an erroneous expression; operations on it yield `Unknown` again.
    Unknown,
    /// `true` or `false`.
    Bool,
    /// A string.
    String,
    /// An integer (also runes).
    Int,
    /// A real number.
    Float,
    /// A complex number.
    Complex,
}

/// A binary float: `mant * 2^exp`, with `|mant|` below `2^FLOAT_PREC` after rounding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BigFloat {
    mant: BigInt,
    exp: i64,
}

/// A constant value.
#[derive(Clone, Debug)]
pub enum Value {
    /// Unknown (the result of an earlier error).
    Unknown,
    /// A boolean.
    Bool(bool),
    /// A string; shared because constants are copied into every use.
    Str(Arc<[u8]>),
    /// An integer.
    Int(BigInt),
    /// An exact real.
    Rat(BigRational),
    /// A real too large (or too finely divided) for an exact rational.
    Float(BigFloat),
    /// A complex number: real and imaginary parts, each `Int`, `Rat` or `Float`.
    Complex(Box<(Value, Value)>),
}

/// A binary operator on constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/` (exact for floats; see [`binary_op`] for integers)
    Div,
    /// `/` truncated, for integer operands
    Quo,
    /// `%`
    Rem,
    /// `&`
    And,
    /// `|`
    Or,
    /// `^`
    Xor,
    /// `&^`
    AndNot,
    /// `&&`
    LAnd,
    /// `||`
    LOr,
}

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

// ---------------------------------------------------------------------------
// BigFloat

impl BigFloat {
    /// Rounds `mant * 2^exp` to [`FLOAT_PREC`] bits (to nearest, ties to even).
    fn new(mant: BigInt, exp: i64) -> BigFloat {
        if mant.is_zero() {
            return BigFloat { mant, exp: 0 };
        }
        let bits = mant.bits();
        if bits <= FLOAT_PREC {
            return BigFloat { mant, exp }.trim();
        }
        let shift = bits - FLOAT_PREC;
        let neg = mant.is_negative();
        let mag = mant.abs();
        let q: BigInt = &mag >> shift;
        let rem: BigInt = &mag - (&q << shift);
        let half = BigInt::one() << (shift - 1);
        let q = match rem.cmp(&half) {
            Ordering::Greater => q + 1,
            Ordering::Equal if q.is_odd() => q + 1,
            _ => q,
        };
        let q = if neg { -q } else { q };
        BigFloat { mant: q, exp: exp.saturating_add(shift as i64) }.trim()
    }

    /// Removes trailing zero bits so that equal values have equal representations.
    fn trim(mut self) -> BigFloat {
        if let Some(tz) = self.mant.trailing_zeros()
            && tz > 0
        {
            self.mant >>= tz;
            self.exp = self.exp.saturating_add(tz as i64);
        }
        self
    }

    /// Rounds a rational to the nearest float.
    pub fn from_rat(r: &BigRational) -> BigFloat {
        let (n, d) = (r.numer(), r.denom());
        if n.is_zero() {
            return BigFloat { mant: BigInt::zero(), exp: 0 };
        }
        // Scale so the quotient keeps FLOAT_PREC + 2 significant bits, then round.
        let shift = (FLOAT_PREC as i64 + 2) - (n.bits() as i64 - d.bits() as i64);
        let (num, den) = if shift >= 0 {
            (n << (shift as u64), d.clone())
        } else {
            (n.clone(), d << ((-shift) as u64))
        };
        let (q, r) = num.div_rem(&den);
        // A nonzero remainder is folded in as a sticky bit so that rounding stays correct.
        let q = if r.is_zero() { q << 1u32 } else { (q << 1u32) + if n.is_negative() { -1 } else { 1 } };
        BigFloat::new(q, -shift - 1)
    }

    /// A rational truncated to about `bits` significant bits with a sticky low bit
    /// ("round to odd"): rounding this to fewer than `bits - 1` bits gives the correctly
    /// rounded result of the exact rational (no double rounding).
    fn from_rat_odd(r: &BigRational, bits: u64) -> BigFloat {
        let (n, d) = (r.numer(), r.denom());
        if n.is_zero() {
            return BigFloat { mant: BigInt::zero(), exp: 0 };
        }
        let mag = n.abs();
        let shift = bits as i64 + 2 - (mag.bits() as i64 - d.bits() as i64);
        let (num, den) = if shift >= 0 { (&mag << (shift as u64), d.clone()) } else { (mag, d << ((-shift) as u64)) };
        let (q, rem) = num.div_rem(&den);
        let q = if rem.is_zero() { q } else { q | BigInt::one() };
        let q = if n.is_negative() { -q } else { q };
        BigFloat { mant: q, exp: -shift }
    }

    /// The exact rational value, or `None` if it is too large to expand.
    pub fn to_rat(&self) -> Option<BigRational> {
        if self.exp.unsigned_abs() > 1 << 20 {
            return None;
        }
        Some(if self.exp >= 0 {
            BigRational::from_integer(&self.mant << (self.exp as u64))
        } else {
            BigRational::new(self.mant.clone(), BigInt::one() << ((-self.exp) as u64))
        })
    }

    fn add(&self, o: &BigFloat) -> BigFloat {
        if self.mant.is_zero() {
            return o.clone();
        }
        if o.mant.is_zero() {
            return self.clone();
        }
        // Align on the smaller exponent; if the gap is enormous the smaller term is below
        // the rounding precision and only perturbs the result as a sticky bit would.
        let (hi, lo) = if self.exp >= o.exp { (self, o) } else { (o, self) };
        let gap = (hi.exp as i128 - lo.exp as i128) as u128;
        let top = hi.mant.bits() as u128 + gap;
        if top > lo.mant.bits() as u128 + FLOAT_PREC as u128 * 2 + 4 && gap > FLOAT_PREC as u128 * 2 + 4 {
            let shift = FLOAT_PREC * 2 + 4;
            let m = (&hi.mant << shift) + lo.mant.signum();
            return BigFloat::new(m, hi.exp - shift as i64);
        }
        let m = (&hi.mant << (gap as u64)) + &lo.mant;
        BigFloat::new(m, lo.exp)
    }

    fn neg(&self) -> BigFloat {
        BigFloat { mant: -&self.mant, exp: self.exp }
    }

    fn mul(&self, o: &BigFloat) -> BigFloat {
        BigFloat::new(&self.mant * &o.mant, self.exp.saturating_add(o.exp))
    }

    fn div(&self, o: &BigFloat) -> Option<BigFloat> {
        if o.mant.is_zero() {
            return None;
        }
        let shift = FLOAT_PREC + 2 + o.mant.bits();
        let num = &self.mant << shift;
        let (q, r) = num.div_rem(&o.mant);
        let sticky = if self.mant.sign() == o.mant.sign() { 1 } else { -1 };
        let q = if r.is_zero() { q << 1u32 } else { (q << 1u32) + sticky };
        Some(BigFloat::new(q, self.exp.saturating_sub(o.exp).saturating_sub(shift as i64 + 1)))
    }

    fn cmp(&self, o: &BigFloat) -> Ordering {
        match self.add(&o.neg()).mant.sign() {
            Sign::Minus => Ordering::Less,
            Sign::NoSign => Ordering::Equal,
            Sign::Plus => Ordering::Greater,
        }
    }

    /// The number of bits before the binary point (the binary exponent of the value).
    fn magnitude_bits(&self) -> i64 {
        if self.mant.is_zero() { i64::MIN } else { (self.mant.bits() as i64).saturating_add(self.exp) }
    }

    /// `10^e` rounded to [`FLOAT_PREC`] bits.
    fn pow10(e: u64) -> BigFloat {
        let mut result = BigFloat { mant: BigInt::one(), exp: 0 };
        let mut base = BigFloat { mant: BigInt::from(10), exp: 0 };
        let mut e = e;
        while e > 0 {
            if e & 1 == 1 {
                result = result.mul(&base);
            }
            base = base.mul(&base);
            e >>= 1;
        }
        result
    }

    /// The nearest `f64` (infinite if out of range).
    pub fn to_f64(&self) -> f64 {
        if self.mant.is_zero() {
            return 0.0;
        }
        // Keep 64 bits of mantissa; the final rounding to 53 happens in the conversion.
        let bits = self.mant.bits();
        let (m, e) = if bits > 64 {
            let s = bits - 64;
            let mag: BigInt = self.mant.abs() >> s;
            // Keep a sticky bit so that double rounding cannot go wrong at a tie.
            let mag = if (self.mant.abs() - (&mag << s)).is_zero() { mag } else { mag | BigInt::one() };
            (mag, self.exp.saturating_add(s as i64))
        } else {
            (self.mant.abs(), self.exp)
        };
        let m = m.to_u64().unwrap_or(u64::MAX);
        let v = ldexp(m as f64, e);
        // `m as f64` may already round; that is a single rounding of a 64-bit value.
        // A negative value too small for a float64 becomes +0, as in gc: constants
        // have no negative zero.
        if self.mant.is_negative() && v != 0.0 { -v } else { v }
    }
}

/// `x * 2^e` without intermediate overflow for the ranges that matter.
fn ldexp(x: f64, e: i64) -> f64 {
    let mut x = x;
    let mut e = e.clamp(-1_000_000, 1_000_000);
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * 2f64.powi(e as i32)
}

// ---------------------------------------------------------------------------
// Constructors and accessors

impl Value {
    /// An integer constant.
    pub fn int(v: impl Into<BigInt>) -> Value {
        Value::Int(v.into())
    }

    /// A string constant.
    pub fn string(s: &str) -> Value {
        Value::Str(Arc::from(s.as_bytes()))
    }

    /// A float constant from an `f64` (exact: every finite `f64` is a rational).
    pub fn from_f64(f: f64) -> Value {
        if !f.is_finite() {
            return Value::Unknown;
        }
        BigRational::from_float(f).map(normalize_rat).unwrap_or(Value::Unknown)
    }

    /// The kind of this value.
    pub fn kind(&self) -> Kind {
        match self {
            Value::Unknown => Kind::Unknown,
            Value::Bool(_) => Kind::Bool,
            Value::Str(_) => Kind::String,
            Value::Int(_) => Kind::Int,
            Value::Rat(_) | Value::Float(_) => Kind::Float,
            Value::Complex(_) => Kind::Complex,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        if let Value::Bool(b) = self { Some(*b) } else { None }
    }

    /// The string's bytes, if this is one (Go strings may hold invalid UTF-8, so a
    /// constant keeps its bytes).
    pub fn as_bytes(&self) -> Option<&[u8]> {
        if let Value::Str(s) = self { Some(s) } else { None }
    }

    /// The value as an `i64` if it is an integer (or an integral real) that fits.
    pub fn to_i64(&self) -> Option<i64> {
        self.to_int().and_then(|v| if let Value::Int(i) = v { i.to_i64() } else { None })
    }

    /// The value as a `u64` if it is an integer (or an integral real) that fits.
    pub fn to_u64(&self) -> Option<u64> {
        self.to_int().and_then(|v| if let Value::Int(i) = v { i.to_u64() } else { None })
    }

    /// The integer value, if this value is exactly an integer (reals and complex numbers
    /// with zero imaginary part qualify).
    pub fn to_int(&self) -> Option<Value> {
        match self {
            Value::Int(_) => Some(self.clone()),
            Value::Rat(r) => r.is_integer().then(|| Value::Int(r.to_integer())),
            Value::Float(f) => {
                if f.exp >= 0 {
                    // Limit the expansion: such a number overflows every Go integer anyway,
                    // but untyped integer constants may still hold it.
                    (f.exp < 1 << 16).then(|| Value::Int(&f.mant << (f.exp as u64)))
                } else {
                    None
                }
            }
            Value::Complex(c) => {
                if c.1.is_zero() { c.0.to_int() } else { None }
            }
            _ => None,
        }
    }

    /// The value as a real (Int, Rat or Float), if it has no imaginary part.
    pub fn to_float(&self) -> Option<Value> {
        match self {
            Value::Int(i) => Some(normalize_rat(BigRational::from_integer(i.clone()))),
            Value::Rat(_) | Value::Float(_) => Some(self.clone()),
            Value::Complex(c) => {
                if c.1.is_zero() { c.0.to_float() } else { None }
            }
            _ => None,
        }
    }

    /// The value as a complex number.
    pub fn to_complex(&self) -> Option<Value> {
        match self {
            Value::Int(_) | Value::Rat(_) | Value::Float(_) => {
                Some(Value::Complex(Box::new((self.clone(), Value::Int(BigInt::zero())))))
            }
            Value::Complex(_) => Some(self.clone()),
            _ => None,
        }
    }

    /// Real and imaginary parts (the imaginary part of a real is 0).
    pub fn parts(&self) -> Option<(Value, Value)> {
        match self {
            Value::Int(_) | Value::Rat(_) | Value::Float(_) => Some((self.clone(), Value::Int(BigInt::zero()))),
            Value::Complex(c) => Some((c.0.clone(), c.1.clone())),
            _ => None,
        }
    }

    /// Whether this is a numeric zero.
    pub fn is_zero(&self) -> bool {
        match self {
            Value::Int(i) => i.is_zero(),
            Value::Rat(r) => r.is_zero(),
            Value::Float(f) => f.mant.is_zero(),
            Value::Complex(c) => c.0.is_zero() && c.1.is_zero(),
            _ => false,
        }
    }

    /// The sign of a real value: -1, 0 or 1 (0 for non-reals).
    pub fn sign(&self) -> i32 {
        let s = match self {
            Value::Int(i) => i.sign(),
            Value::Rat(r) => r.numer().sign(),
            Value::Float(f) => f.mant.sign(),
            _ => Sign::NoSign,
        };
        match s {
            Sign::Minus => -1,
            Sign::NoSign => 0,
            Sign::Plus => 1,
        }
    }

    /// Whether a float constant's exponent is beyond what Go's constants represent
    /// (go/constant's floats have a 32-bit exponent; results past it are errors).
    pub fn is_out_of_range(&self) -> bool {
        const LIMIT: i64 = 1 << 31;
        match self {
            Value::Float(f) => !f.mant.is_zero() && f.magnitude_bits().abs() > LIMIT,
            Value::Complex(c) => c.0.is_out_of_range() || c.1.is_out_of_range(),
            _ => false,
        }
    }

    /// The number of bits of an integer's magnitude (0 for others).
    pub fn bit_len(&self) -> u64 {
        if let Value::Int(i) = self { i.bits() } else { 0 }
    }

    /// The nearest `f64` of a real value (infinite when out of range).
    pub fn to_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(BigFloat::new(i.clone(), 0).to_f64()),
            Value::Rat(r) => Some(BigFloat::from_rat_odd(r, 64).to_f64()),
            Value::Float(f) => Some(f.to_f64()),
            Value::Complex(c) if c.1.is_zero() => c.0.to_f64(),
            _ => None,
        }
    }

    /// Rounds a real to the nearest `float32` (`f32 == true`) or `float64` value; `None`
    /// if it overflows to infinity.
    pub fn round_float(&self, f32: bool) -> Option<Value> {
        let f = self.to_f64()?;
        let r = if f32 {
            let g = round_to_f32(self)?;
            g as f64
        } else {
            f
        };
        if r.is_infinite() {
            return None;
        }
        Some(Value::from_f64(r))
    }
}

/// Rounds a real constant to `f32` directly (not via `f64`, which could round twice).
fn round_to_f32(v: &Value) -> Option<f32> {
    let bf = match v {
        Value::Int(i) => BigFloat::new(i.clone(), 0),
        Value::Rat(r) => BigFloat::from_rat_odd(r, 64),
        Value::Float(f) => f.clone(),
        Value::Complex(c) if c.1.is_zero() => return round_to_f32(&c.0),
        _ => return None,
    };
    if bf.mant.is_zero() {
        return Some(0.0);
    }
    // Round the mantissa to 24 bits (ties to even), then scale; subnormals round at their
    // own precision, which the conversion from an exact f64 gets right.
    let bits = bf.mant.bits();
    let top = bf.magnitude_bits();
    let keep: u64 = if top < -125 { (24 - (-125 - top)).max(0) as u64 } else { 24 };
    let (m, e) = if bits > keep {
        let s = bits - keep;
        let mag = bf.mant.abs();
        let q: BigInt = &mag >> s;
        let rem = &mag - (&q << s);
        let half = BigInt::one() << (s - 1);
        let q = match rem.cmp(&half) {
            Ordering::Greater => q + 1,
            Ordering::Equal if q.is_odd() => q + 1,
            _ => q,
        };
        (q, bf.exp.saturating_add(s as i64))
    } else {
        (bf.mant.abs(), bf.exp)
    };
    let f = ldexp(m.to_f64().unwrap_or(f64::INFINITY), e) as f32;
    Some(if bf.mant.is_negative() { -f } else { f })
}

/// Keeps a rational exact unless it has grown too large.
fn normalize_rat(r: BigRational) -> Value {
    if r.numer().bits() > MAX_RAT_BITS || r.denom().bits() > MAX_RAT_BITS {
        Value::Float(BigFloat::from_rat(&r))
    } else {
        Value::Rat(r)
    }
}

/// A real value as a BigFloat (for mixed arithmetic).
fn as_bigfloat(v: &Value) -> Option<BigFloat> {
    match v {
        Value::Int(i) => Some(BigFloat::new(i.clone(), 0)),
        Value::Rat(r) => Some(BigFloat::from_rat(r)),
        Value::Float(f) => Some(f.clone()),
        _ => None,
    }
}

/// A real value as an exact rational, if that is cheap.
fn as_rat(v: &Value) -> Option<BigRational> {
    match v {
        Value::Int(i) => Some(BigRational::from_integer(i.clone())),
        Value::Rat(r) => Some(r.clone()),
        Value::Float(_) => None,
        _ => None,
    }
}

/// Returns a BigFloat as a value, going back to an exact rational when it is small.
fn float_value(f: BigFloat) -> Value {
    if f.exp.unsigned_abs() < MAX_RAT_BITS
        && let Some(r) = f.to_rat()
    {
        return normalize_rat(r);
    }
    Value::Float(f)
}

// ---------------------------------------------------------------------------
// Literals

/// Errors from [`from_literal`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LiteralError {
    /// Not a well-formed literal of that kind.
    Malformed,
}

/// The kinds of literal tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LitKind {
    /// An integer literal such as `0x1F` or `1_000`.
    Int,
    /// A floating-point literal such as `1.5e3` or `0x1p-2`.
    Float,
    /// An imaginary literal such as `2i`.
    Imag,
    /// A rune literal such as `'a'` or `'\n'`.
    Char,
    /// An interpreted or raw string literal.
    String,
}

/// The value of a literal token's source text.
pub fn from_literal(text: &str, kind: LitKind) -> Result<Value, LiteralError> {
    match kind {
        LitKind::Int => parse_int(text).map(Value::Int),
        LitKind::Float => parse_float(text),
        LitKind::Imag => {
            let body = text.strip_suffix('i').ok_or(LiteralError::Malformed)?;
            // `0123i` is decimal for backward compatibility; a float form covers it.
            let im = match parse_int(body) {
                Ok(i) if !is_legacy_octal(body) => Value::Int(i),
                _ => parse_float(body)?,
            };
            Ok(Value::Complex(Box::new((Value::Int(BigInt::zero()), im))))
        }
        LitKind::Char => {
            let s = unquote(text).ok_or(LiteralError::Malformed)?;
            match s {
                Unquoted::Char(c) => Ok(Value::Int(BigInt::from(c))),
                Unquoted::Str(_) => Err(LiteralError::Malformed),
            }
        }
        LitKind::String => match unquote(text).ok_or(LiteralError::Malformed)? {
            Unquoted::Str(s) => Ok(Value::Str(Arc::from(s))),
            Unquoted::Char(_) => Err(LiteralError::Malformed),
        },
    }
}

fn is_legacy_octal(s: &str) -> bool {
    s.len() > 1 && s.starts_with('0') && s[1..].bytes().all(|b| b.is_ascii_digit() || b == b'_')
}

fn parse_int(text: &str) -> Result<BigInt, LiteralError> {
    let t = text.replace('_', "");
    let (radix, digits) = if let Some(r) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        (16, r.to_string())
    } else if let Some(r) = t.strip_prefix("0b").or_else(|| t.strip_prefix("0B")) {
        (2, r.to_string())
    } else if let Some(r) = t.strip_prefix("0o").or_else(|| t.strip_prefix("0O")) {
        (8, r.to_string())
    } else if t.len() > 1 && t.starts_with('0') {
        (8, t[1..].to_string())
    } else {
        (10, t.clone())
    };
    if digits.is_empty() {
        return Err(LiteralError::Malformed);
    }
    BigInt::parse_bytes(digits.as_bytes(), radix).ok_or(LiteralError::Malformed)
}

fn parse_float(text: &str) -> Result<Value, LiteralError> {
    let t = text.replace('_', "");
    if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        return parse_hex_float(h);
    }
    let (mant, exp) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], t[i + 1..].parse::<i64>().map_err(|_| LiteralError::Malformed)?),
        None => (&t[..], 0),
    };
    let (int_part, frac_part) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    let digits = format!("{int_part}{frac_part}");
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(LiteralError::Malformed);
    }
    let m = BigInt::parse_bytes(digits.as_bytes(), 10).ok_or(LiteralError::Malformed)?;
    let e10 = exp.saturating_sub(frac_part.len() as i64);
    Ok(scale10(m, e10))
}

/// `m * 10^e`, exact when reasonable.
fn scale10(m: BigInt, e: i64) -> Value {
    if m.is_zero() {
        return Value::Rat(BigRational::zero());
    }
    if e.unsigned_abs() <= 1200 {
        let p = num_traits::pow(BigInt::from(10), e.unsigned_abs() as usize);
        let r = if e >= 0 { BigRational::from_integer(m * p) } else { BigRational::new(m, p) };
        return normalize_rat(r);
    }
    let p = BigFloat::pow10(e.unsigned_abs());
    let mf = BigFloat::new(m, 0);
    let f = if e >= 0 { mf.mul(&p) } else { mf.div(&p).unwrap_or(mf) };
    Value::Float(f)
}

fn parse_hex_float(h: &str) -> Result<Value, LiteralError> {
    let (mant, exp) = match h.find(['p', 'P']) {
        Some(i) => (&h[..i], h[i + 1..].parse::<i64>().map_err(|_| LiteralError::Malformed)?),
        None => return Err(LiteralError::Malformed),
    };
    let (int_part, frac_part) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    let digits = format!("{int_part}{frac_part}");
    if digits.is_empty() {
        return Err(LiteralError::Malformed);
    }
    let m = BigInt::parse_bytes(digits.as_bytes(), 16).ok_or(LiteralError::Malformed)?;
    let e2 = exp.saturating_sub(4 * frac_part.len() as i64);
    Ok(float_value(BigFloat::new(m, e2)))
}

/// The result of unquoting a rune or string literal.
enum Unquoted {
    Char(u32),
    Str(Vec<u8>),
}

/// Decodes a Go rune, interpreted-string or raw-string literal.
fn unquote(text: &str) -> Option<Unquoted> {
    let b = text.as_bytes();
    if b.len() < 2 {
        return None;
    }
    let (q, last) = (b[0], b[b.len() - 1]);
    if q != last {
        return None;
    }
    let body = &text[1..text.len() - 1];
    match q {
        b'`' => Some(Unquoted::Str(body.replace('\r', "").into_bytes())),
        b'"' => {
            let mut out = Vec::new();
            let mut chars = body.char_indices().peekable();
            while let Some((_, c)) = chars.next() {
                if c != '\\' {
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    continue;
                }
                decode_escape(&mut chars, b'"', &mut out)?;
            }
            Some(Unquoted::Str(out))
        }
        b'\'' => {
            let mut chars = body.char_indices().peekable();
            let (_, c) = chars.next()?;
            let v = if c == '\\' {
                let mut out = Vec::new();
                decode_escape(&mut chars, b'\'', &mut out)?
            } else {
                c as u32
            };
            if chars.next().is_some() {
                return None;
            }
            Some(Unquoted::Char(v))
        }
        _ => None,
    }
}

/// Decodes one escape after a backslash, appending its bytes; returns the code point
/// (or the byte value for `\x` and octal escapes).
fn decode_escape(
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    quote: u8,
    out: &mut Vec<u8>,
) -> Option<u32> {
    let (_, e) = chars.next()?;
    let simple = match e {
        'a' => Some(7),
        'b' => Some(8),
        'f' => Some(12),
        'n' => Some(10),
        'r' => Some(13),
        't' => Some(9),
        'v' => Some(11),
        '\\' => Some(b'\\' as u32),
        '\'' if quote == b'\'' => Some(b'\'' as u32),
        '"' if quote == b'"' => Some(b'"' as u32),
        _ => None,
    };
    if let Some(v) = simple {
        out.push(v as u8);
        return Some(v);
    }
    let mut take = |n: usize, radix: u32| -> Option<u32> {
        let mut v: u32 = 0;
        for _ in 0..n {
            let (_, d) = chars.next()?;
            v = v.checked_mul(radix)?.checked_add(d.to_digit(radix)?)?;
        }
        Some(v)
    };
    match e {
        'x' => {
            let v = take(2, 16)?;
            out.push(v as u8);
            Some(v)
        }
        '0'..='7' => {
            let rest = take(2, 8)?;
            let v = (e as u32 - '0' as u32) * 64 + rest;
            if v > 255 {
                return None;
            }
            out.push(v as u8);
            Some(v)
        }
        'u' | 'U' => {
            let v = take(if e == 'u' { 4 } else { 8 }, 16)?;
            let c = char::from_u32(v)?;
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            Some(v)
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Operations

/// Brings two numeric values to a common representation (Int < Rat/Float < Complex).
fn match_kinds(x: &Value, y: &Value) -> Option<(Value, Value)> {
    let rank = |v: &Value| match v {
        Value::Int(_) => Some(0),
        Value::Rat(_) | Value::Float(_) => Some(1),
        Value::Complex(_) => Some(2),
        _ => None,
    };
    let r = rank(x)?.max(rank(y)?);
    let up = |v: &Value| match r {
        0 => Some(v.clone()),
        1 => v.to_float(),
        _ => v.to_complex(),
    };
    Some((up(x)?, up(y)?))
}

/// Unary `-x`, `+x`, `^x` (with `bits` set for typed unsigned `^`: the result is masked
/// to that width) and `!x`.
pub fn unary_op(op: char, x: &Value, unsigned_bits: Option<u32>) -> Value {
    match (op, x) {
        ('+', _) => x.clone(),
        ('-', Value::Int(i)) => Value::Int(-i),
        ('-', Value::Rat(r)) => Value::Rat(-r),
        ('-', Value::Float(f)) => Value::Float(f.neg()),
        ('-', Value::Complex(c)) => {
            Value::Complex(Box::new((unary_op('-', &c.0, None), unary_op('-', &c.1, None))))
        }
        ('^', Value::Int(i)) => match unsigned_bits {
            Some(b) => {
                let mask = (BigInt::one() << b) - 1;
                Value::Int(i ^ mask)
            }
            None => Value::Int(-i - 1),
        },
        ('!', Value::Bool(b)) => Value::Bool(!b),
        _ => Value::Unknown,
    }
}

/// `x op y`. Integer `Div` yields an exact rational (untyped constant division of two
/// integer constants is integer division in Go: use `Quo` for that). Division by zero
/// returns `None`; the checker reports it.
pub fn binary_op(x: &Value, op: BinOp, y: &Value) -> Option<Value> {
    use BinOp::*;
    match (x, y) {
        (Value::Bool(a), Value::Bool(b)) => {
            return match op {
                LAnd => Some(Value::Bool(*a && *b)),
                LOr => Some(Value::Bool(*a || *b)),
                _ => Some(Value::Unknown),
            };
        }
        (Value::Str(a), Value::Str(b)) if op == Add => {
            let mut s = Vec::with_capacity(a.len() + b.len());
            s.extend_from_slice(a);
            s.extend_from_slice(b);
            return Some(Value::Str(Arc::from(s)));
        }
        (Value::Unknown, _) | (_, Value::Unknown) => return Some(Value::Unknown),
        _ => {}
    }
    let (x, y) = match_kinds(x, y)?;
    match (&x, &y) {
        (Value::Int(a), Value::Int(b)) => {
            let r = match op {
                Add => a + b,
                Sub => a - b,
                Mul => a * b,
                Div => {
                    if b.is_zero() {
                        return None;
                    }
                    return Some(normalize_rat(BigRational::new(a.clone(), b.clone())));
                }
                Quo => {
                    if b.is_zero() {
                        return None;
                    }
                    a / b
                }
                Rem => {
                    if b.is_zero() {
                        return None;
                    }
                    a % b
                }
                And => a & b,
                Or => a | b,
                Xor => a ^ b,
                AndNot => a & !b,
                LAnd | LOr => return Some(Value::Unknown),
            };
            Some(Value::Int(r))
        }
        (Value::Complex(a), Value::Complex(b)) => {
            let (ar, ai, br, bi) = (&a.0, &a.1, &b.0, &b.1);
            let (re, im) = match op {
                Add => (binary_op(ar, Add, br)?, binary_op(ai, Add, bi)?),
                Sub => (binary_op(ar, Sub, br)?, binary_op(ai, Sub, bi)?),
                Mul => {
                    let re = binary_op(&binary_op(ar, Mul, br)?, Sub, &binary_op(ai, Mul, bi)?)?;
                    let im = binary_op(&binary_op(ar, Mul, bi)?, Add, &binary_op(ai, Mul, br)?)?;
                    (re, im)
                }
                Div | Quo => {
                    let d = binary_op(&binary_op(br, Mul, br)?, Add, &binary_op(bi, Mul, bi)?)?;
                    if d.is_zero() {
                        return None;
                    }
                    let re_n = binary_op(&binary_op(ar, Mul, br)?, Add, &binary_op(ai, Mul, bi)?)?;
                    let im_n = binary_op(&binary_op(ai, Mul, br)?, Sub, &binary_op(ar, Mul, bi)?)?;
                    (real_div(&re_n, &d)?, real_div(&im_n, &d)?)
                }
                _ => return Some(Value::Unknown),
            };
            Some(Value::Complex(Box::new((re, im))))
        }
        _ => {
            // Reals: exact rationals when both are, else 512-bit floats.
            if let (Some(a), Some(b)) = (as_rat(&x), as_rat(&y)) {
                let r = match op {
                    Add => a + b,
                    Sub => a - b,
                    Mul => a * b,
                    Div | Quo => {
                        if b.is_zero() {
                            return None;
                        }
                        a / b
                    }
                    _ => return Some(Value::Unknown),
                };
                return Some(normalize_rat(r));
            }
            let (a, b) = (as_bigfloat(&x)?, as_bigfloat(&y)?);
            let r = match op {
                Add => a.add(&b),
                Sub => a.add(&b.neg()),
                Mul => a.mul(&b),
                Div | Quo => a.div(&b)?,
                _ => return Some(Value::Unknown),
            };
            Some(float_value(r))
        }
    }
}

/// Real division where integers divide exactly.
fn real_div(a: &Value, b: &Value) -> Option<Value> {
    binary_op(a, BinOp::Div, b)
}

/// `x << s` or `x >> s` for an integer `x` (arithmetic shift right, as Go's).
pub fn shift(x: &Value, left: bool, s: u64) -> Value {
    match x {
        Value::Int(i) => {
            if left {
                if i.is_zero() { Value::Int(BigInt::zero()) } else { Value::Int(i << s) }
            } else {
                Value::Int(i >> s)
            }
        }
        _ => Value::Unknown,
    }
}

/// Compares two constants of matching kinds; `None` for incomparable operands.
pub fn compare(x: &Value, op: CmpOp, y: &Value) -> Option<bool> {
    let ord = match (x, y) {
        (Value::Bool(a), Value::Bool(b)) => {
            return match op {
                CmpOp::Eq => Some(a == b),
                CmpOp::Ne => Some(a != b),
                _ => None,
            };
        }
        (Value::Str(a), Value::Str(b)) => a.cmp(b),
        _ => {
            let (x, y) = match_kinds(x, y)?;
            match (&x, &y) {
                (Value::Int(a), Value::Int(b)) => a.cmp(b),
                (Value::Complex(a), Value::Complex(b)) => {
                    let eq = compare(&a.0, CmpOp::Eq, &b.0)? && compare(&a.1, CmpOp::Eq, &b.1)?;
                    return match op {
                        CmpOp::Eq => Some(eq),
                        CmpOp::Ne => Some(!eq),
                        _ => None,
                    };
                }
                _ => match (as_rat(&x), as_rat(&y)) {
                    (Some(a), Some(b)) => a.cmp(&b),
                    _ => as_bigfloat(&x)?.cmp(&as_bigfloat(&y)?),
                },
            }
        }
    };
    Some(match op {
        CmpOp::Eq => ord == Ordering::Equal,
        CmpOp::Ne => ord != Ordering::Equal,
        CmpOp::Lt => ord == Ordering::Less,
        CmpOp::Le => ord != Ordering::Greater,
        CmpOp::Gt => ord == Ordering::Greater,
        CmpOp::Ge => ord != Ordering::Less,
    })
}

/// Whether an integer value lies in `[min, max]` for a machine integer of `bits` width.
pub fn int_fits(v: &BigInt, bits: u32, signed: bool) -> bool {
    if signed {
        let lim = BigInt::one() << (bits - 1);
        *v >= -&lim && *v < lim
    } else {
        !v.is_negative() && v.bits() <= bits as u64
    }
}

// ---------------------------------------------------------------------------
// Formatting (as go/constant's String, which gc's messages use)

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Unknown => write!(f, "unknown"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Str(s) => {
                let q = quote(&String::from_utf8_lossy(s));
                // Long strings are shortened like go/constant does.
                const MAX: usize = 72;
                if q.chars().count() > MAX {
                    let cut: String = q.chars().take(MAX - 3).collect();
                    write!(f, "{cut}...")
                } else {
                    write!(f, "{q}")
                }
            }
            Value::Int(i) => write!(f, "{i}"),
            Value::Rat(_) | Value::Float(_) => write!(f, "{}", format_real(self)),
            Value::Complex(c) => write!(f, "({} + {}i)", format_real(&c.0), format_real(&c.1)),
        }
    }
}

/// Formats a real like Go's `%.6g`, with an exact integer form for integral rationals.
fn format_real(v: &Value) -> String {
    match v {
        Value::Int(i) => i.to_string(),
        Value::Rat(r) if r.is_integer() && r.numer().bits() <= 64 => r.numer().to_string(),
        _ => {
            let f = v.to_f64().unwrap_or(0.0);
            if f.is_infinite() {
                // Too large for a float64: print an approximate decimal exponent.
                let bf = as_bigfloat(v).unwrap_or(BigFloat { mant: BigInt::zero(), exp: 0 });
                let e10 = (bf.magnitude_bits() as f64 * std::f64::consts::LOG10_2) as i64;
                return format!("{}1e+{e10}", if bf.mant.is_negative() { "-" } else { "" });
            }
            format_g(f, 6)
        }
    }
}

/// Go's `%.{prec}g` for an `f64`.
pub fn format_g(f: f64, prec: usize) -> String {
    if f == 0.0 {
        return if f.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let s = format!("{:.*e}", prec.saturating_sub(1), f);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let trim = |m: &str| -> String {
        if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.').to_string() } else { m.to_string() }
    };
    if exp < -4 || exp >= prec as i32 {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{}e{}{:02}", trim(mant), sign, exp.abs())
    } else {
        let decimals = (prec as i32 - 1 - exp).max(0) as usize;
        trim(&format!("{:.*}", decimals, f))
    }
}

/// Quotes a string as Go's `strconv.Quote` does (printable runes kept, others escaped).
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\x0b' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            '\u{fffd}' => out.push_str("\\ufffd"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str, k: LitKind) -> Value {
        from_literal(s, k).unwrap()
    }

    #[test]
    fn integer_literals_in_every_base() {
        assert_eq!(lit("0x_1F", LitKind::Int).to_i64(), Some(31));
        assert_eq!(lit("0b101", LitKind::Int).to_i64(), Some(5));
        assert_eq!(lit("0o17", LitKind::Int).to_i64(), Some(15));
        assert_eq!(lit("017", LitKind::Int).to_i64(), Some(15));
        assert_eq!(lit("1_000_000", LitKind::Int).to_i64(), Some(1_000_000));
        assert!(from_literal("0x", LitKind::Int).is_err());
        assert!(from_literal("09", LitKind::Int).is_err());
    }

    #[test]
    fn float_literals_are_exact() {
        let v = lit("0.1", LitKind::Float);
        let three = binary_op(&v, BinOp::Mul, &Value::int(3)).unwrap();
        assert!(compare(&three, CmpOp::Eq, &lit("0.3", LitKind::Float)).unwrap());
        assert_eq!(lit("0x1p-2", LitKind::Float).to_f64(), Some(0.25));
        assert_eq!(lit("1e3", LitKind::Float).to_i64(), Some(1000));
        assert_eq!(lit("1.5", LitKind::Float).to_int().map(|v| v.kind()), None);
    }

    #[test]
    fn huge_exponents_stay_cheap_and_ordered() {
        let big = lit("1e100000", LitKind::Float);
        assert_eq!(big.kind(), Kind::Float);
        assert!(big.to_f64().unwrap().is_infinite());
        let bigger = binary_op(&big, BinOp::Mul, &Value::int(10)).unwrap();
        assert!(compare(&bigger, CmpOp::Gt, &big).unwrap());
        let tiny = lit("1e-100000", LitKind::Float);
        assert!(tiny.sign() > 0);
        assert_eq!(tiny.to_f64(), Some(0.0));
        // The quotient of the two is 1e200000: back to an ordered, finite-in-BigFloat value.
        let q = binary_op(&big, BinOp::Div, &tiny).unwrap();
        assert!(compare(&q, CmpOp::Gt, &bigger).unwrap());
    }

    #[test]
    fn integer_division_and_remainder() {
        let q = binary_op(&Value::int(-7), BinOp::Quo, &Value::int(2)).unwrap();
        assert_eq!(q.to_i64(), Some(-3));
        let r = binary_op(&Value::int(-7), BinOp::Rem, &Value::int(2)).unwrap();
        assert_eq!(r.to_i64(), Some(-1));
        assert!(binary_op(&Value::int(1), BinOp::Quo, &Value::int(0)).is_none());
        let d = binary_op(&Value::int(1), BinOp::Div, &Value::int(3)).unwrap();
        assert_eq!(d.kind(), Kind::Float);
    }

    #[test]
    fn bit_operations_and_shifts() {
        assert_eq!(unary_op('^', &Value::int(0), None).to_i64(), Some(-1));
        assert_eq!(unary_op('^', &Value::int(0), Some(8)).to_i64(), Some(255));
        assert_eq!(shift(&Value::int(1), true, 100).bit_len(), 101);
        assert_eq!(shift(&Value::int(-8), false, 1).to_i64(), Some(-4));
        assert_eq!(binary_op(&Value::int(6), BinOp::AndNot, &Value::int(3)).unwrap().to_i64(), Some(4));
    }

    #[test]
    fn complex_arithmetic() {
        let i = lit("1i", LitKind::Imag);
        let m1 = binary_op(&i, BinOp::Mul, &i).unwrap();
        assert!(compare(&m1, CmpOp::Eq, &Value::int(-1)).unwrap());
        assert_eq!(m1.to_i64(), Some(-1));
        assert_eq!(lit("0123i", LitKind::Imag).parts().unwrap().1.to_i64(), Some(123));
        assert_eq!(format!("{}", binary_op(&Value::int(1), BinOp::Add, &i).unwrap()), "(1 + 1i)");
    }

    #[test]
    fn runes_and_strings() {
        assert_eq!(lit("'a'", LitKind::Char).to_i64(), Some(97));
        assert_eq!(lit(r"'\n'", LitKind::Char).to_i64(), Some(10));
        assert_eq!(lit(r"'\u00e9'", LitKind::Char).to_i64(), Some(0xe9));
        assert_eq!(lit(r"'\377'", LitKind::Char).to_i64(), Some(255));
        assert!(from_literal("'ab'", LitKind::Char).is_err());
        assert_eq!(lit(r#""a\tb\x41""#, LitKind::String).as_bytes(), Some(&b"a\tbA"[..]));
        assert_eq!(lit("`a\\n`", LitKind::String).as_bytes(), Some(&b"a\\n"[..]));
        // Invalid UTF-8 stays as written.
        assert_eq!(lit(r#""\x80\xff""#, LitKind::String).as_bytes(), Some(&b"\x80\xff"[..]));
        assert_eq!(format!("{}", Value::string("a\"b\n")), r#""a\"b\n""#);
    }

    #[test]
    fn float_rounding_to_machine_types() {
        let third = binary_op(&Value::int(1), BinOp::Div, &Value::int(3)).unwrap();
        let f = third.round_float(false).unwrap();
        assert_eq!(f.to_f64(), Some(1.0 / 3.0));
        let f32v = third.round_float(true).unwrap();
        assert_eq!(f32v.to_f64(), Some((1.0f32 / 3.0) as f64));
        assert!(lit("1e309", LitKind::Float).round_float(false).is_none());
        assert!(lit("1e39", LitKind::Float).round_float(true).is_none());
    }

    #[test]
    fn conversion_to_float64_rounds_once() {
        // Just below the midpoint between the largest float64 and 2^1024: rounds down.
        let max = lit("0x1.fffffffffffffp1023", LitKind::Float);
        let half_ulp = lit("0x1p970", LitKind::Float);
        let below = binary_op(&binary_op(&max, BinOp::Add, &half_ulp).unwrap(), BinOp::Sub, &Value::int(1)).unwrap();
        assert_eq!(below.round_float(false).and_then(|v| v.to_f64()), Some(f64::MAX));
        let at = binary_op(&max, BinOp::Add, &half_ulp).unwrap();
        assert!(at.round_float(false).is_none(), "the midpoint rounds to even: 2^1024 overflows");
    }

    #[test]
    fn formatting_matches_go() {
        assert_eq!(format!("{}", lit("1.5", LitKind::Float)), "1.5");
        assert_eq!(format!("{}", lit("1e100", LitKind::Float)), "1e+100");
        assert_eq!(format!("{}", lit("0.000001", LitKind::Float)), "1e-06");
        assert_eq!(format!("{}", lit("3.0", LitKind::Float)), "3");
        assert_eq!(format_g(123456789.0, 6), "1.23457e+08");
        assert_eq!(format!("{}", Value::int(300)), "300");
    }

    #[test]
    fn machine_integer_ranges() {
        assert!(int_fits(&BigInt::from(255), 8, false));
        assert!(!int_fits(&BigInt::from(256), 8, false));
        assert!(int_fits(&BigInt::from(-128), 8, true));
        assert!(!int_fits(&BigInt::from(128), 8, true));
        assert!(!int_fits(&BigInt::from(-1), 64, false));
    }
}
