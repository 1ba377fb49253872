//! Turning a file's bytes into text: BOMs, UTF-16, Big5 and GB18030 without any option.

use std::fmt;

/// The encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Encoding {
    /// UTF-8, with or without a BOM.
    Utf8,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// A legacy encoding guessed from the bytes (Big5, GBK/GB18030, Windows-1252, ...).
    Legacy(&'static str),
    /// UTF-8 with a few bytes that are not (a damaged byte, a download cut mid-character):
    /// read with U+FFFD in their place.
    Utf8Repaired {
        /// Byte offset of the first bad byte.
        first_bad: usize,
        /// How many bytes were bad.
        bad: usize,
    },
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Encoding::Utf8 => f.write_str("UTF-8"),
            Encoding::Utf16Le => f.write_str("UTF-16LE"),
            Encoding::Utf16Be => f.write_str("UTF-16BE"),
            Encoding::Legacy(name) => f.write_str(name),
            Encoding::Utf8Repaired { first_bad, bad } => write!(
                f,
                "UTF-8 with {bad} bad byte{} (the first at byte {first_bad}) replaced by U+FFFD",
                if *bad == 1 { "" } else { "s" }
            ),
        }
    }
}

/// Why bytes could not be read as a transcript's text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Nothing but white space.
    #[error("the file is empty")]
    Empty,
    /// NUL bytes or many control characters: not a text file.
    #[error("this is a binary file, not a text transcript")]
    Binary,
}

/// Decodes a file's bytes into text, detecting the encoding.
///
/// Order: a BOM decides; otherwise valid UTF-8 is UTF-8; otherwise NUL bytes in a UTF-16
/// pattern mean UTF-16; more than a few other NULs mean binary (a few are damage, replaced);
/// anything else is given to chardetng,
/// which tells Big5 from GB18030 and the single-byte encodings.
pub fn decode(bytes: Vec<u8>) -> Result<(String, Encoding), DecodeError> {
    let (text, enc) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (utf8_lossy_owned(rest.to_vec()), Encoding::Utf8)
    } else if bytes.starts_with(b"\xFF\xFE") {
        (decode_utf16(&bytes[2..], true), Encoding::Utf16Le)
    } else if bytes.starts_with(b"\xFE\xFF") {
        (decode_utf16(&bytes[2..], false), Encoding::Utf16Be)
    } else if let Some(le) = utf16_without_bom(&bytes) {
        (
            decode_utf16(&bytes, le),
            if le {
                Encoding::Utf16Le
            } else {
                Encoding::Utf16Be
            },
        )
    } else if let Some(first) = memchr::memchr(0, &bytes) {
        // A NUL or two in a text file is damage (a flipped byte); many mean a binary file.
        let nuls = memchr::memchr_iter(0, &bytes).count();
        if nuls > (bytes.len() / 1000).clamp(1, 64) {
            return Err(DecodeError::Binary);
        }
        let cleaned: Vec<u8> = bytes
            .split(|&b| b == 0)
            .collect::<Vec<_>>()
            .join("\u{FFFD}".as_bytes());
        let text = String::from_utf8_lossy(&cleaned).into_owned();
        match mostly_utf8(&cleaned) {
            Some((_, bad)) => (
                text,
                Encoding::Utf8Repaired {
                    first_bad: first,
                    bad: bad + nuls,
                },
            ),
            None if std::str::from_utf8(&cleaned).is_ok() => (
                text,
                Encoding::Utf8Repaired {
                    first_bad: first,
                    bad: nuls,
                },
            ),
            None => return Err(DecodeError::Binary),
        }
    } else {
        match String::from_utf8(bytes) {
            Ok(s) => (s, Encoding::Utf8),
            Err(e) => match mostly_utf8(e.as_bytes()) {
                Some((first_bad, bad)) => (
                    String::from_utf8_lossy(e.as_bytes()).into_owned(),
                    Encoding::Utf8Repaired { first_bad, bad },
                ),
                None => decode_legacy(e.into_bytes()),
            },
        }
    };
    // Old Mac exports end lines with CR alone: read them like LF.
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if looks_binary(&text) {
        return Err(DecodeError::Binary);
    }
    Ok((text, enc))
}

/// UTF-8 but for a few bad bytes (at most one in a thousand, and at most 64): the first bad
/// byte's offset and how many there are. A legacy-encoded file has a bad sequence in nearly
/// every Chinese character, so it is never taken for damaged UTF-8.
fn mostly_utf8(bytes: &[u8]) -> Option<(usize, usize)> {
    let (mut first, mut bad, mut at) = (None, 0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            first.get_or_insert(at);
            bad += chunk.invalid().len();
            at += chunk.invalid().len();
        }
    }
    let limit = (bytes.len() / 1000).clamp(1, 64);
    first.filter(|_| bad <= limit).map(|f| (f, bad))
}

fn utf8_lossy_owned(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

fn decode_utf16(bytes: &[u8], little_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|p| {
        if little_endian {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// UTF-16 without a BOM: most ASCII text puts a NUL in every other byte. Returns
/// `Some(true)` for little-endian, `Some(false)` for big-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // Chinese text in UTF-16 has few NULs, but English text and line breaks have many.
    if odd_nul * 5 >= pairs && even_nul * 20 < pairs {
        Some(true)
    } else if even_nul * 5 >= pairs && odd_nul * 20 < pairs {
        Some(false)
    } else {
        None
    }
}

fn decode_legacy(bytes: Vec<u8>) -> (String, Encoding) {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(&bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, _) = encoding.decode(&bytes);
    (text.into_owned(), Encoding::Legacy(encoding.name()))
}

/// More than 1% control characters (other than tab, CR, LF, FF) or replacement characters
/// in the first 16 KiB: what random bytes and most binary formats look like after decoding.
fn looks_binary(text: &str) -> bool {
    let mut end = text.len().min(16 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let bytes = sample.as_bytes();
    let c0 = bytes
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
        .count();
    let other = if bytes.iter().any(|&b| b == 0xC2 || b == 0xEF) {
        sample
            .chars()
            .filter(|&c| ('\u{80}'..='\u{9F}').contains(&c) || c == char::REPLACEMENT_CHARACTER)
            .count()
    } else {
        0
    };
    let total = sample.chars().count().max(1);
    (c0 + other) * 100 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str =
        "Operator\nOperator\nHello, everybody.\n大家好。歡迎參加財報網路研討會。\n";

    #[test]
    fn a_damaged_byte_or_a_cut_character_is_repaired_not_refused() {
        let text = SAMPLE.repeat(50);
        let mut damaged = text.as_bytes().to_vec();
        damaged.push(0xFF);
        let (decoded, enc) = decode(damaged).unwrap();
        assert_eq!(
            enc,
            Encoding::Utf8Repaired {
                first_bad: text.len(),
                bad: 1
            }
        );
        assert!(decoded.starts_with(&text) && decoded.ends_with('\u{FFFD}'));
        // A download cut in the middle of a Chinese character.
        let cut = &text.as_bytes()[..text.len() - 5];
        let (_, enc) = decode(cut.to_vec()).unwrap();
        assert!(matches!(enc, Encoding::Utf8Repaired { .. }), "{enc:?}");
        // Old Mac line ends.
        let (cr, _) = decode(SAMPLE.replace('\n', "\r").into_bytes()).unwrap();
        assert_eq!(cr, SAMPLE);
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(SAMPLE.as_bytes().to_vec()).unwrap().0, SAMPLE);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(SAMPLE.as_bytes());
        assert_eq!(decode(bom).unwrap(), (SAMPLE.to_string(), Encoding::Utf8));
    }

    #[test]
    fn utf16_both_orders_with_and_without_bom() {
        let le: Vec<u8> = SAMPLE.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = SAMPLE.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(
            decode(le.clone()).unwrap(),
            (SAMPLE.into(), Encoding::Utf16Le)
        );
        assert_eq!(
            decode(be.clone()).unwrap(),
            (SAMPLE.into(), Encoding::Utf16Be)
        );
        let mut le_bom = vec![0xFF, 0xFE];
        le_bom.extend(le);
        assert_eq!(decode(le_bom).unwrap().0, SAMPLE);
        let mut be_bom = vec![0xFE, 0xFF];
        be_bom.extend(be);
        assert_eq!(decode(be_bom).unwrap().0, SAMPLE);
    }

    #[test]
    fn big5_and_gb18030() {
        let text = SAMPLE.repeat(4);
        let (big5, _, _) = encoding_rs::BIG5.encode(&text);
        let (decoded, enc) = decode(big5.into_owned()).unwrap();
        assert_eq!(decoded, text);
        assert_eq!(enc, Encoding::Legacy("Big5"));
        let (gb, _, _) = encoding_rs::GB18030.encode(&text);
        let (decoded, enc) = decode(gb.into_owned()).unwrap();
        assert_eq!(decoded, text);
        assert!(matches!(enc, Encoding::Legacy("GBK" | "gb18030")), "{enc}");
    }

    #[test]
    fn empty_and_binary() {
        assert_eq!(decode(vec![]), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\r\n\t".to_vec()), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
            Err(DecodeError::Binary)
        );
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8 | 1)
            .collect();
        assert_eq!(decode(noise), Err(DecodeError::Binary));
    }
}
