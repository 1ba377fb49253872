//! Removing characters that must never reach a terminal.
//!
//! Transcripts are untrusted text: an ESC byte could move the cursor or retitle the window,
//! and bidi overrides can make displayed text differ from what is stored. Both are removed at
//! load time ([`clean_line`]) and again on plain-text output paths ([`sanitize`]).

use std::borrow::Cow;

/// True for characters that are stripped from transcript text: C0 controls other than tab,
/// DEL, C1 controls, bidi embeddings/overrides/isolates, and the BOM / zero-width no-break
/// space when it appears inside text.
pub fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{A}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Cleans one line of input: removes forbidden characters, turns tabs into spaces and trims
/// surrounding white space. Borrows when nothing has to change, which is the common case.
pub fn clean_line(line: &str) -> Cow<'_, str> {
    let trimmed = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    if !may_contain_forbidden(trimmed.as_bytes()) {
        return Cow::Borrowed(trimmed);
    }
    let cleaned: String = trimmed
        .chars()
        .filter(|&c| !is_forbidden(c))
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    Cow::Owned(cleaned.trim().to_string())
}

/// A fast byte scan: false guarantees that `s` holds no forbidden character and no tab.
/// The UTF-8 forms: C0 and DEL are single bytes, C1 is 0xC2 0x80..=0x9F, the bidi controls
/// are 0xE2 0x80 0xAA..=0xAE and 0xE2 0x81 0xA6..=0xA9, the BOM is 0xEF 0xBB 0xBF.
fn may_contain_forbidden(s: &[u8]) -> bool {
    // Vectorised pre-check: most lines have no byte that could start a forbidden character.
    if !s
        .iter()
        .any(|&b| b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2 || b == 0xEF)
    {
        return false;
    }
    for (i, &b) in s.iter().enumerate() {
        if b >= 0x20 && b != 0x7F && b != 0xC2 && b != 0xE2 && b != 0xEF {
            continue;
        }
        let (n1, n2) = (s.get(i + 1).copied(), s.get(i + 2).copied());
        let forbidden = match b {
            0xC2 => matches!(n1, Some(0x80..=0x9F)),
            0xE2 => matches!(
                (n1, n2),
                (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
            ),
            0xEF => n1 == Some(0xBB) && n2 == Some(0xBF),
            _ => true,
        };
        if forbidden {
            return true;
        }
    }
    false
}

/// Removes forbidden characters from text headed for a terminal or a pipe, keeping
/// newlines. Use on every plain-text output path, even for text that was cleaned at load.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| c == '\n' || !is_forbidden(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|&c| c == '\n' || !is_forbidden(c))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escape_sequences_and_bidi() {
        let dirty = "Revenue\u{1b}[31m up\u{202E}evil\u{2066} \u{9b}2J\u{7f}\t10%\r";
        assert_eq!(clean_line(dirty), "Revenue[31m upevil 2J 10%");
    }

    #[test]
    fn borrows_clean_text() {
        assert!(matches!(
            clean_line("  營收 up 3%  "),
            Cow::Borrowed("營收 up 3%")
        ));
    }

    #[test]
    fn byte_scan_agrees_with_char_test() {
        for c in [
            '\u{0}', '\u{1b}', '\t', '\u{7f}', '\u{85}', '\u{9f}', '\u{202a}', '\u{202e}',
            '\u{2066}', '\u{2069}', '\u{feff}', 'a', '，', '—', '\u{a0}', '\u{2065}', '\u{202f}',
        ] {
            let s = format!("x{c}y");
            assert_eq!(
                may_contain_forbidden(s.as_bytes()),
                is_forbidden(c) || c == '\t',
                "{c:?}"
            );
        }
    }

    #[test]
    fn sanitize_keeps_newlines() {
        assert_eq!(sanitize("a\u{1b}]0;x\u{7}\nb"), "a]0;x\nb");
    }
}
