//! `math/big`'s vector kernels (`arith_decl.go`), which gc writes in assembly: the
//! word loops under every big-number operation. Interpreting the portable Go versions
//! (`math_big_pure_go`) costs tens of instructions per word; these are Rust loops.
//!
//! Each follows its portable Go twin in `arith.go` (`addVV_g`, ...) word for word,
//! including the order in which it walks the words, so that overlapping operands
//! (`z` aliasing `x`, as `z.shl(z, s)` does) give the same result. A slice passes as
//! (ptr, len, cap); the loops run over `len(z)` and never read past a shorter operand.

use super::{NativeError, NativeFn, put};

/// The native `name` of package `pkg`.
pub(super) fn lookup(pkg: &str, name: &str) -> Option<NativeFn> {
    if pkg != "math/big" {
        return None;
    }
    Some(match name {
        "addVV" => |_, a, r| vv(a, r, add_with_carry),
        "subVV" => |_, a, r| vv(a, r, sub_with_borrow),
        "lshVU" => |_, a, r| lsh_vu(a, r),
        "rshVU" => |_, a, r| rsh_vu(a, r),
        "mulAddVWW" => |_, a, r| mul_add_vww(a, r),
        "addMulVVWW" => |_, a, r| add_mul_vvww(a, r),
        _ => return None,
    })
}

/// `addVV` (`op` adds with carry) and `subVV` (`op` subtracts with borrow): z = x op y,
/// word by word from the bottom, returning the final carry or borrow (0 or 1).
fn vv(a: &[u64], r: &mut [u64], op: fn(u64, u64, u64) -> (u64, u64)) -> Result<(), NativeError> {
    let [zp, zl, _, xp, xl, _, yp, yl, _] = a else {
        return Err("addVV/subVV: arguments".into());
    };
    let n = (*zl).min(*xl).min(*yl) as usize;
    let mut c = 0u64;
    for i in 0..n {
        // SAFETY: i is below the length of each slice.
        unsafe {
            let (w, c1) = op(word(*xp, i), word(*yp, i), c);
            set(*zp, i, w);
            c = c1;
        }
    }
    put(r, &[c]);
    Ok(())
}

fn add_with_carry(x: u64, y: u64, c: u64) -> (u64, u64) {
    let (s, c1) = x.overflowing_add(y);
    let (s, c2) = s.overflowing_add(c);
    (s, u64::from(c1 | c2))
}

fn sub_with_borrow(x: u64, y: u64, b: u64) -> (u64, u64) {
    let (d, b1) = x.overflowing_sub(y);
    let (d, b2) = d.overflowing_sub(b);
    (d, u64::from(b1 | b2))
}

/// `lshVU`.
fn lsh_vu(a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let [zp, zl, _, xp, xl, _, s] = a else {
        return Err("lshVU: arguments".into());
    };
    let n = (*zl).min(*xl) as usize;
    let s = (*s & 63) as u32;
    let mut c = 0;
    if n > 0 {
        // SAFETY: indices below n; from the top down, as lshVU_g.
        unsafe {
            if s == 0 {
                std::ptr::copy(*xp as *const u64, *zp as *mut u64, n);
            } else {
                c = word(*xp, n - 1) >> (64 - s);
                for i in (1..n).rev() {
                    set(*zp, i, word(*xp, i) << s | word(*xp, i - 1) >> (64 - s));
                }
                set(*zp, 0, word(*xp, 0) << s);
            }
        }
    }
    put(r, &[c]);
    Ok(())
}

/// `rshVU`.
fn rsh_vu(a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let [zp, zl, _, xp, xl, _, s] = a else {
        return Err("rshVU: arguments".into());
    };
    let n = (*zl).min(*xl) as usize;
    let s = (*s & 63) as u32;
    let mut c = 0;
    if n > 0 {
        // SAFETY: indices below n; from the bottom up, as rshVU_g.
        unsafe {
            if s == 0 {
                std::ptr::copy(*xp as *const u64, *zp as *mut u64, n);
            } else {
                c = word(*xp, 0) << (64 - s);
                for i in 1..n {
                    set(*zp, i - 1, word(*xp, i - 1) >> s | word(*xp, i) << (64 - s));
                }
                set(*zp, n - 1, word(*xp, n - 1) >> s);
            }
        }
    }
    put(r, &[c]);
    Ok(())
}

/// `mulAddVWW`.
fn mul_add_vww(a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let [zp, zl, _, xp, xl, _, y, carry] = a else {
        return Err("mulAddVWW: arguments".into());
    };
    let n = (*zl).min(*xl) as usize;
    let mut c = *carry;
    for i in 0..n {
        // SAFETY: i is below the length of each slice.
        unsafe {
            let t = u128::from(word(*xp, i)) * u128::from(*y) + u128::from(c);
            set(*zp, i, t as u64);
            c = (t >> 64) as u64;
        }
    }
    put(r, &[c]);
    Ok(())
}

/// `addMulVVWW`.
fn add_mul_vvww(a: &[u64], r: &mut [u64]) -> Result<(), NativeError> {
    let [zp, zl, _, xp, xl, _, yp, yl, _, m, carry] = a else {
        return Err("addMulVVWW: arguments".into());
    };
    let n = (*zl).min(*xl).min(*yl) as usize;
    let mut c = *carry;
    for i in 0..n {
        // SAFETY: i is below the length of each slice. y*m + x + c fits in 128 bits.
        unsafe {
            let t = u128::from(word(*yp, i)) * u128::from(*m)
                + u128::from(word(*xp, i))
                + u128::from(c);
            set(*zp, i, t as u64);
            c = (t >> 64) as u64;
        }
    }
    put(r, &[c]);
    Ok(())
}

/// Word `i` of the slice at `p`.
///
/// # Safety
/// `i` must be below the slice's length.
unsafe fn word(p: u64, i: usize) -> u64 {
    // SAFETY: the caller's contract.
    unsafe { *(p as *const u64).add(i) }
}

/// Sets word `i` of the slice at `p`.
///
/// # Safety
/// `i` must be below the slice's length.
unsafe fn set(p: u64, i: usize, w: u64) {
    // SAFETY: the caller's contract.
    unsafe { *(p as *mut u64).add(i) = w }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Calls native `name` with the words of `args`; returns its one result.
    fn call(name: &str, args: &[u64]) -> u64 {
        type Kernel = fn(&[u64], &mut [u64]) -> Result<(), NativeError>;
        let f: Kernel = match name {
            "addVV" => |a, r| vv(a, r, add_with_carry),
            "subVV" => |a, r| vv(a, r, sub_with_borrow),
            "lshVU" => lsh_vu,
            "rshVU" => rsh_vu,
            _ => mul_add_vww,
        };
        let mut r = [0u64];
        f(args, &mut r).expect("native failed");
        r[0]
    }

    fn sl(v: &mut [u64]) -> [u64; 3] {
        [v.as_mut_ptr() as u64, v.len() as u64, v.len() as u64]
    }

    #[test]
    fn kernels_match_the_portable_go() {
        let mut x = [u64::MAX, 1, 0];
        let mut y = [1, u64::MAX, 5];
        let mut z = [0u64; 3];
        let (xs, ys, zs) = (sl(&mut x), sl(&mut y), sl(&mut z));
        assert_eq!(
            call(
                "addVV",
                &[
                    zs[0], zs[1], zs[2], xs[0], xs[1], xs[2], ys[0], ys[1], ys[2]
                ]
            ),
            0
        );
        assert_eq!(z, [0, 1, 6]);
        assert_eq!(
            call(
                "subVV",
                &[
                    zs[0], zs[1], zs[2], xs[0], xs[1], xs[2], ys[0], ys[1], ys[2]
                ]
            ),
            1
        );
        assert_eq!(z, [u64::MAX - 1, 2, u64::MAX - 5]);
        // In place, as z.shl(z, s) does: the top word's high bits come out.
        let mut v = [0x8000_0000_0000_0001u64, 0x4000_0000_0000_0000];
        let vs = sl(&mut v);
        assert_eq!(
            call("lshVU", &[vs[0], vs[1], vs[2], vs[0], vs[1], vs[2], 2]),
            1
        );
        assert_eq!(v, [4, 2]);
        assert_eq!(
            call("rshVU", &[vs[0], vs[1], vs[2], vs[0], vs[1], vs[2], 2]),
            0
        );
        assert_eq!(v, [0x8000_0000_0000_0001, 0]);
        let mut m = [u64::MAX, 2];
        let ms = sl(&mut m);
        assert_eq!(
            call(
                "mulAddVWW",
                &[ms[0], ms[1], ms[2], ms[0], ms[1], ms[2], 3, 7]
            ),
            0
        );
        assert_eq!(m, [4, 9]);
    }
}
