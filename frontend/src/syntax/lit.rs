//! Decoding of literal values: string and rune literals to their bytes and code
//! points, number literals to their digits. The scanner has already checked the
//! syntax; these functions tolerate bad input anyway (they never panic) and return
//! `None` for text that is not a valid literal.

/// The value of a string literal (interpreted or raw) as bytes. Interpreted strings
/// may hold any bytes through `\x` and octal escapes, so the value is not always UTF-8.
/// Carriage returns are removed from raw strings, as the spec requires.
pub fn string_value(text: &str) -> Option<Vec<u8>> {
    let b = text.as_bytes();
    if b.len() >= 2 && b[0] == b'`' && b[b.len() - 1] == b'`' {
        return Some(b[1..b.len() - 1].iter().copied().filter(|&c| c != b'\r').collect());
    }
    if b.len() < 2 || b[0] != b'"' || b[b.len() - 1] != b'"' {
        return None;
    }
    let body = &text[1..text.len() - 1];
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('\\') {
            let (v, n) = escape(r, b'"')?;
            match v {
                Unit::Byte(x) => out.push(x),
                Unit::Char(c) => {
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
            }
            rest = &r[n..];
        } else {
            let c = rest.chars().next()?;
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            rest = &rest[c.len_utf8()..];
        }
    }
    Some(out)
}

/// The code point of a rune literal such as `'a'`, `'\n'`, `'\377'` or `'\u00e9'`.
pub fn rune_value(text: &str) -> Option<u32> {
    let body = text.strip_prefix('\'')?.strip_suffix('\'')?;
    if let Some(r) = body.strip_prefix('\\') {
        let (v, n) = escape(r, b'\'')?;
        if n != r.len() {
            return None;
        }
        return Some(match v {
            Unit::Byte(x) => x as u32,
            Unit::Char(c) => c as u32,
        });
    }
    let mut it = body.chars();
    let c = it.next()?;
    if it.next().is_some() {
        return None;
    }
    Some(c as u32)
}

/// The radix of an integer or float literal and its digits with the prefix and the
/// `_` separators removed, e.g. `0x_1F` → `(16, "1F")`, `017` → `(8, "17")`, `1.5e3`
/// → `(10, "1.5e3")`. A trailing `i` (imaginary) is removed too.
pub fn number_digits(text: &str) -> (u32, String) {
    let t = text.strip_suffix('i').unwrap_or(text);
    let lower = t.get(..2).map(|p| p.to_ascii_lowercase());
    let (radix, body) = match lower.as_deref() {
        Some("0x") => (16, &t[2..]),
        Some("0o") => (8, &t[2..]),
        Some("0b") => (2, &t[2..]),
        _ if t.len() > 1 && t.starts_with('0') && t.bytes().all(|c| c.is_ascii_digit() || c == b'_') => (8, &t[1..]),
        _ => (10, t),
    };
    (radix, body.chars().filter(|&c| c != '_').collect())
}

enum Unit {
    Byte(u8),
    Char(char),
}

/// Decodes one escape (the text after the backslash); returns the unit and the
/// number of bytes consumed.
fn escape(r: &str, quote: u8) -> Option<(Unit, usize)> {
    let b = r.as_bytes();
    let c = *b.first()?;
    let simple = match c {
        b'a' => Some(7),
        b'b' => Some(8),
        b'f' => Some(12),
        b'n' => Some(10),
        b'r' => Some(13),
        b't' => Some(9),
        b'v' => Some(11),
        b'\\' => Some(b'\\'),
        c if c == quote => Some(c),
        _ => None,
    };
    if let Some(v) = simple {
        return Some((Unit::Byte(v), 1));
    }
    let (n, radix, start) = match c {
        b'0'..=b'7' => (3, 8, 0),
        b'x' => (2, 16, 1),
        b'u' => (4, 16, 1),
        b'U' => (8, 16, 1),
        _ => return None,
    };
    let digits = r.get(start..start + n)?;
    let v = u32::from_str_radix(digits, radix).ok()?;
    match c {
        b'0'..=b'7' | b'x' => Some((Unit::Byte(u8::try_from(v).ok()?), start + n)),
        _ => Some((Unit::Char(char::from_u32(v)?), start + n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings() {
        assert_eq!(string_value(r#""a\tb""#).unwrap(), b"a\tb");
        assert_eq!(string_value(r#""\xff\377\u00e9""#).unwrap(), b"\xff\xff\xc3\xa9");
        assert_eq!(string_value("`a\r\nb`").unwrap(), b"a\nb");
        assert_eq!(string_value(r#""日本""#).unwrap(), "日本".as_bytes());
        assert!(string_value(r#""\q""#).is_none());
    }

    #[test]
    fn runes() {
        assert_eq!(rune_value("'a'"), Some(97));
        assert_eq!(rune_value(r"'\n'"), Some(10));
        assert_eq!(rune_value(r"'\''"), Some(39));
        assert_eq!(rune_value(r"'\377'"), Some(255));
        assert_eq!(rune_value(r"'\U0010FFFF'"), Some(0x10FFFF));
        assert_eq!(rune_value("'ab'"), None);
    }

    #[test]
    fn numbers() {
        assert_eq!(number_digits("0x_1F"), (16, "1F".into()));
        assert_eq!(number_digits("017"), (8, "17".into()));
        assert_eq!(number_digits("1_000"), (10, "1000".into()));
        assert_eq!(number_digits("0"), (10, "0".into()));
        assert_eq!(number_digits("09.5"), (10, "09.5".into()));
        assert_eq!(number_digits("0b101i"), (2, "101".into()));
    }
}
