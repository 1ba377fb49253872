//! Telling English from Chinese lines, cheaply.

/// True for Han ideographs and the CJK punctuation and full-width forms the translations use.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'   // CJK symbols and punctuation (。、「」)
        | '\u{3400}'..='\u{4DBF}' // extension A
        | '\u{4E00}'..='\u{9FFF}' // unified ideographs
        | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
        | '\u{FF01}'..='\u{FF60}' // full-width forms (，：；！？（）)
        | '\u{20000}'..='\u{2FA1F}')
}

/// True for Han ideographs only (no punctuation).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// Share of CJK characters among the non-space characters of `s` (0.0 for an empty string).
pub fn cjk_fraction(s: &str) -> f32 {
    let bytes = s.as_bytes();
    // Every CJK code point has a lead byte of 0xE3 or more; English lines have none, and
    // this check vectorises.
    if !bytes.iter().any(|&b| b >= 0xE3) {
        return 0.0;
    }
    let (mut cjk, mut total) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            total += usize::from(!b.is_ascii_whitespace());
            i += 1;
            continue;
        }
        let len = match b {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => {
                i += 1;
                continue;
            }
        };
        let c = if len == 3 && i + 2 < bytes.len() {
            // Decode the three-byte form by hand: it is the common case in Chinese text.
            let cp = (u32::from(b & 0x0F) << 12)
                | (u32::from(bytes[i + 1] & 0x3F) << 6)
                | u32::from(bytes[i + 2] & 0x3F);
            char::from_u32(cp)
        } else {
            s.get(i..).and_then(|rest| rest.chars().next())
        };
        match c {
            Some(c) if c.is_whitespace() => {}
            Some(c) => {
                total += 1;
                cjk += usize::from(is_cjk(c));
            }
            None => total += 1,
        }
        i += len;
    }
    if total == 0 {
        0.0
    } else {
        cjk as f32 / total as f32
    }
}

/// Number of CJK characters in `s`.
pub fn cjk_count(s: &str) -> usize {
    s.chars().filter(|&c| is_cjk(c)).count()
}

/// The Latin-script words of `s`, lower-cased: runs of ASCII letters, digits and apostrophes
/// that contain at least one letter.
pub fn latin_words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .map(|w| w.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions() {
        assert_eq!(cjk_fraction(""), 0.0);
        assert_eq!(cjk_fraction("Yes."), 0.0);
        assert!(cjk_fraction("是的。") > 0.99);
        let mixed = cjk_fraction("Pat Walravens,公民 JMP。");
        assert!(mixed > 0.1 && mixed < 0.3, "{mixed}");
    }

    #[test]
    fn byte_scan_matches_char_scan() {
        for s in [
            "",
            "Yes.",
            "是的。",
            "Pat Walravens,公民 JMP。",
            "a\u{3000}b\u{2003}c",
            "𠀀x",
            "é—ü，",
        ] {
            let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
            let expect = if chars.is_empty() {
                0.0
            } else {
                chars.iter().filter(|c| is_cjk(**c)).count() as f32 / chars.len() as f32
            };
            assert_eq!(cjk_fraction(s), expect, "{s:?}");
        }
    }

    #[test]
    fn words() {
        assert_eq!(
            latin_words("Zoom's Q3, 2.3% 營收 AI"),
            ["zoom's", "q3", "ai"]
        );
    }
}
