//! Reads the import paths of a Go file for tier classification. It only has to
//! understand the file header (package clause and import declarations), so it skips
//! comments and reads string literals without building a syntax tree.

/// Returns the import paths of `src`, in order of appearance.
pub fn scan(src: &str) -> Vec<String> {
    let toks = tokens(src);
    let mut out = Vec::new();
    let mut i = match toks.iter().position(|t| *t == Tok::Word("package")) {
        Some(p) => p + 2,
        None => return out,
    };
    while let Some(Tok::Word("import")) = toks.get(i) {
        i += 1;
        if toks.get(i) == Some(&Tok::Punct('(')) {
            i += 1;
            while let Some(t) = toks.get(i) {
                match t {
                    Tok::Punct(')') => break,
                    Tok::Str(s) => out.push(s.clone()),
                    _ => {}
                }
                i += 1;
            }
            i += 1;
        } else {
            while let Some(t) = toks.get(i) {
                i += 1;
                if let Tok::Str(s) = t {
                    out.push(s.clone());
                    break;
                }
            }
        }
        while toks.get(i) == Some(&Tok::Punct(';')) {
            i += 1;
        }
    }
    out
}

#[derive(Debug, PartialEq)]
enum Tok<'a> {
    Word(&'a str),
    Str(String),
    Punct(char),
}

fn tokens(src: &str) -> Vec<Tok<'_>> {
    let b = src.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if src[i..].starts_with("//") {
            i = src[i..].find('\n').map_or(b.len(), |n| i + n);
        } else if src[i..].starts_with("/*") {
            i = src[i + 2..].find("*/").map_or(b.len(), |n| i + 2 + n + 2);
        } else if c == b'"' || c == b'`' {
            let mut j = i + 1;
            while j < b.len() && b[j] != c {
                if c == b'"' && b[j] == b'\\' {
                    j += 1;
                }
                j += 1;
            }
            toks.push(Tok::Str(src.get(i + 1..j.min(b.len())).unwrap_or("").to_string()));
            i = j + 1;
        } else if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] >= 0x80) {
                i += 1;
            }
            toks.push(Tok::Word(&src[start..i]));
            // Only the header matters: stop at the first declaration after the imports.
            if matches!(&src[start..i], "func" | "var" | "const" | "type") {
                break;
            }
        } else {
            toks.push(Tok::Punct(c as char));
            i += 1;
        }
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::scan;

    #[test]
    fn reads_all_import_forms() {
        let src = "// run\n\n/* c */ package main\n\nimport \"fmt\"\nimport (\n\t_ \"unsafe\" // x\n\tr \"math/rand\"\n)\nimport . `os`\n\nfunc main() { _ = \"not/an/import\" }\n";
        assert_eq!(scan(src), ["fmt", "unsafe", "math/rand", "os"]);
    }

    #[test]
    fn no_imports() {
        assert!(scan("package main\nfunc main() {}\n").is_empty());
        assert!(scan("garbage").is_empty());
    }
}
