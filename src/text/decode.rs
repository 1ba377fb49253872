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
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Encoding::Utf8 => f.write_str("UTF-8"),
            Encoding::Utf16Le => f.write_str("UTF-16LE"),
            Encoding::Utf16Be => f.write_str("UTF-16BE"),
            Encoding::Legacy(name) => f.write_str(name),
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
/// pattern mean UTF-16; any other NUL means binary; anything else is given to chardetng,
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
    } else if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    } else {
        match String::from_utf8(bytes) {
            Ok(s) => (s, Encoding::Utf8),
            Err(e) => decode_legacy(e.into_bytes()),
        }
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if looks_binary(&text) {
        return Err(DecodeError::Binary);
    }
    Ok((text, enc))
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
