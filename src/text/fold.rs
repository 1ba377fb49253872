//! Folding text for search: full-width forms to half-width (Ｑ３ → Q3) and Traditional
//! Chinese to Simplified (營收 → 营收), so either form of a query finds either form of the
//! text. Both maps are one character to one character, so a match's character positions in
//! the folded text are its positions in the original.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Full-width ASCII variants and the ideographic space to their half-width forms.
pub fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Folds text for matching. Borrows when the text is ASCII (most English lines).
pub fn fold(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let half: String = s.chars().map(half_width).collect();
    if half.chars().any(crate::text::script::is_han) {
        Cow::Owned(fast2s::convert(&half))
    } else {
        Cow::Owned(half)
    }
}

/// Every character that folds to the same character as `c` (for a Han character: its
/// Simplified form and the Traditional forms that convert to it), `c` included.
pub fn variants(c: char) -> Vec<char> {
    static TABLE: OnceLock<HashMap<char, Vec<char>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut map: HashMap<char, Vec<char>> = HashMap::new();
        let mut buf = [0u8; 4];
        for cp in 0x4E00u32..=0x9FFF {
            let Some(t) = char::from_u32(cp) else {
                continue;
            };
            let s = fast2s::convert(t.encode_utf8(&mut buf));
            if let Some(simplified) = s.chars().next().filter(|s| *s != t) {
                map.entry(simplified).or_default().push(t);
            }
        }
        map
    });
    let folded = fold(c.encode_utf8(&mut [0u8; 4]))
        .chars()
        .next()
        .unwrap_or(c);
    let mut out = vec![c];
    if folded != c {
        out.push(folded);
    }
    for v in table.get(&folded).into_iter().flatten() {
        if !out.contains(v) {
            out.push(*v);
        }
    }
    if folded.is_ascii() {
        let full = char::from_u32(folded as u32 + 0xFEE0).filter(|_| folded != ' ');
        out.extend(full.filter(|f| !out.contains(f)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_and_scripts_fold_together() {
        assert_eq!(fold("Ｑ３ 營收"), fold("Q3 营收"));
        assert_eq!(fold("營收成長"), "营收成长");
        assert!(matches!(fold("plain ascii"), Cow::Borrowed(_)));
        assert_eq!(
            fold("營收").chars().count(),
            2,
            "one character to one character"
        );
    }

    #[test]
    fn variants_cover_both_scripts() {
        let v = variants('营');
        assert!(v.contains(&'營') && v.contains(&'营'), "{v:?}");
        let v = variants('營');
        assert!(v.contains(&'营'), "{v:?}");
        assert!(variants('Q').contains(&'Ｑ'));
    }
}
