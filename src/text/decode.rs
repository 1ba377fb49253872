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
/// bytes that are not valid UTF-8 are judged by [`judge`]: damaged UTF-8 (read with U+FFFD
/// and [`Encoding::Utf8Repaired`]) unless a legacy encoding chardetng guesses fits them. A
/// file is binary for what it holds (NULs, control characters), not for how many UTF-8
/// sequences are broken ([`looks_binary`]).
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
        match String::from_utf8(cleaned) {
            Ok(text) => (
                text,
                Encoding::Utf8Repaired {
                    first_bad: first,
                    bad: nuls,
                },
            ),
            // Offsets in `cleaned` before the first NUL are the file's own.
            Err(e) => match judge(e.as_bytes()) {
                Judgement::Utf8 { first_bad, bad } => (
                    String::from_utf8_lossy(e.as_bytes()).into_owned(),
                    Encoding::Utf8Repaired {
                        first_bad: first.min(first_bad),
                        bad: bad + nuls,
                    },
                ),
                // NULs in a legacy-encoded file: not a text file this reader knows.
                Judgement::Legacy(_) => return Err(DecodeError::Binary),
            },
        }
    } else {
        match String::from_utf8(bytes) {
            Ok(s) => (s, Encoding::Utf8),
            Err(e) => match judge(e.as_bytes()) {
                Judgement::Utf8 { first_bad, bad } => (
                    String::from_utf8_lossy(e.as_bytes()).into_owned(),
                    Encoding::Utf8Repaired { first_bad, bad },
                ),
                Judgement::Legacy(encoding) => {
                    // BOMs were handled above.
                    let (text, _) = encoding.decode_without_bom_handling(e.as_bytes());
                    (text.into_owned(), Encoding::Legacy(encoding.name()))
                }
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

/// What bytes that are not valid UTF-8 are taken for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Judgement {
    /// UTF-8 with damaged bytes: the first bad byte's offset, and how many are bad.
    Utf8 { first_bad: usize, bad: usize },
    /// Text in a legacy encoding.
    Legacy(&'static encoding_rs::Encoding),
}

/// Judges bytes that are not valid UTF-8: damaged UTF-8, or a legacy encoding.
///
/// Why this way: damage is no rarer in a long file than in a short one, and one flipped lead
/// byte of a Chinese character breaks three bytes, so no cap on the number of bad bytes can
/// tell damage from an encoding (the cap of 64 this replaces called a 100 KB call with 33
/// flipped bytes binary). What tells them apart is how the bytes look:
///
/// 1. Count the valid multi-byte UTF-8 characters V and the bytes that are not UTF-8 B. A
///    legacy file has almost no valid multi-byte sequences (they happen by chance), so
///    `V >= B` is UTF-8 with damage: a bilingual call has thousands of Chinese characters.
/// 2. Otherwise chardetng guesses an encoding, which is taken only when the bytes fit it:
///    for a CJK (double-byte) guess, three quarters of the two-byte characters must stand in
///    runs of two or more ([`fits_double_byte`]: Chinese text is written in runs, a damaged
///    byte stands alone); for a single-byte guess, three quarters of the bytes that are not
///    UTF-8 must be the usual ones of English text ([`fits_single_byte`]: curly quotes,
///    dashes, ellipsis, NBSP, a few accented letters) or letters in runs (a word of a
///    non-Latin script). Random damage is spread evenly over 0x80-0xFF, so under a third of
///    it is "usual" by chance and it does not fit (a few bad bytes that all happen to be
///    curly quotes or accented letters cannot be told from them: read as windows-1252).
/// 3. What fits nothing is damaged UTF-8: read with U+FFFD and a warning, not silently as
///    `ÿ` letters.
fn judge(bytes: &[u8]) -> Judgement {
    let (mut valid_multibyte, mut bad, mut first_bad, mut at) = (0usize, 0usize, None, 0usize);
    for chunk in bytes.utf8_chunks() {
        // Lead bytes of the valid part: one per multi-byte character.
        valid_multibyte += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            first_bad.get_or_insert(at);
            bad += chunk.invalid().len();
            at += chunk.invalid().len();
        }
    }
    let damaged = Judgement::Utf8 {
        first_bad: first_bad.unwrap_or(0),
        bad,
    };
    if valid_multibyte >= bad {
        return damaged;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let fits = if encoding.is_single_byte() {
        fits_single_byte(bytes, encoding)
    } else {
        fits_double_byte(bytes)
    };
    if fits {
        Judgement::Legacy(encoding)
    } else {
        damaged
    }
}

/// True when most high bytes form runs of two-byte characters, as Chinese, Japanese and
/// Korean text does in Big5, GBK/GB18030, Shift_JIS and EUC-KR/EUC-JP. One model serves them
/// all: a lead byte 0x81-0xFE takes the next byte when it is a trail byte (0x40-0xFE but
/// 0x7F); a high byte that cannot lead stands alone. At least three quarters of the
/// characters (and lone high bytes) must be in runs of two or more characters.
fn fits_double_byte(bytes: &[u8]) -> bool {
    let (mut in_runs, mut total, mut run) = (0usize, 0usize, 0usize);
    let mut close = |run: &mut usize, total: &mut usize| {
        *total += *run;
        if *run >= 2 {
            in_runs += *run;
        }
        *run = 0;
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            close(&mut run, &mut total);
            i += 1;
        } else if (0x81..=0xFE).contains(&b)
            && bytes
                .get(i + 1)
                .is_some_and(|&t| (0x40..=0xFE).contains(&t) && t != 0x7F)
        {
            run += 1;
            i += 2;
        } else {
            close(&mut run, &mut total);
            total += 1;
            i += 1;
        }
    }
    close(&mut run, &mut total);
    total > 0 && in_runs * 4 >= total * 3
}

/// True when most bytes that are not UTF-8 are what text in this single-byte encoding holds:
/// the usual characters of English text ([`usual_in_english`]) or letters in a run of two or
/// more (a word in Cyrillic or Greek). At least three quarters of them must be.
fn fits_single_byte(bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> bool {
    // What each high byte is in this encoding.
    let mut chars = ['\u{FFFD}'; 128];
    for (b, c) in (0x80u8..=0xFF).zip(chars.iter_mut()) {
        let byte = [b];
        let (text, _) = encoding.decode_without_bom_handling(&byte);
        *c = text.chars().next().unwrap_or('\u{FFFD}');
    }
    let of = |b: u8| chars[usize::from(b & 0x7F)];
    // The current run of bad bytes: (length, how many are usual, all letters).
    let (mut fit, mut total) = (0usize, 0usize);
    let mut run = (0usize, 0usize, true);
    let close = |run: &mut (usize, usize, bool), fit: &mut usize| {
        let (len, usual, letters) = *run;
        *fit += if len >= 2 && letters { len } else { usual };
        *run = (0, 0, true);
    };
    for chunk in bytes.utf8_chunks() {
        if !chunk.valid().is_empty() {
            close(&mut run, &mut fit);
        }
        for &b in chunk.invalid() {
            let c = of(b);
            total += 1;
            run.0 += 1;
            run.1 += usize::from(usual_in_english(c));
            run.2 &= c.is_alphabetic();
        }
    }
    close(&mut run, &mut fit);
    total > 0 && fit * 4 >= total * 3
}

/// Characters outside ASCII that English text in a single-byte encoding usually holds: curly
/// quotes, dashes, the ellipsis, NBSP, a few symbols, and the accented letters of names and
/// loan words (Nestlé, Zürich, São Paulo, façade). Kept short on purpose: 37 of the bytes
/// 0x80-0xFF in windows-1252, so random damage rarely passes for them.
fn usual_in_english(c: char) -> bool {
    matches!(
        c,
        '\u{2018}'
            ..='\u{201D}'
                | '\u{2013}'
                | '\u{2014}'
                | '\u{2026}'
                | '\u{A0}'
                | '€'
                | '£'
                | '©'
                | '®'
                | '™'
                | '°'
                | '·'
                | 'é'
                | 'è'
                | 'à'
                | 'á'
                | 'â'
                | 'ã'
                | 'ä'
                | 'ç'
                | 'ê'
                | 'í'
                | 'ñ'
                | 'ó'
                | 'ô'
                | 'ö'
                | 'ú'
                | 'ü'
                | 'ß'
                | 'É'
                | 'Ä'
                | 'Ö'
                | 'Ü'
    )
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

/// Binary content: more than 1% control characters (other than tab, CR, LF, FF; C1 controls
/// count too), or more than 10% replacement characters, in the first 16 KiB. Random bytes and
/// binary formats are full of control bytes; damaged text has a replacement character here
/// and there, and is read.
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
    let (c1, replaced) = if bytes.iter().any(|&b| b == 0xC2 || b == 0xEF) {
        sample.chars().fold((0, 0), |(c1, r), c| {
            (
                c1 + usize::from(('\u{80}'..='\u{9F}').contains(&c)),
                r + usize::from(c == char::REPLACEMENT_CHARACTER),
            )
        })
    } else {
        (0, 0)
    };
    let total = sample.chars().count().max(1);
    (c0 + c1) * 100 > total || replaced * 10 > total
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

    /// The "usual" bytes of English text are 37 of 0x80-0xFF in windows-1252 (29%), so random
    /// damage of more than a few bytes passes the three-quarters test only by a long chance.
    #[test]
    fn usual_bytes_are_a_quarter_of_the_high_bytes() {
        let usual = (0x80u8..=0xFF)
            .filter(|&b| {
                let byte = [b];
                let (c, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
                c.chars().next().is_some_and(usual_in_english)
            })
            .count();
        assert!((30..=40).contains(&usual), "{usual}");
    }

    #[test]
    fn runs_of_two_byte_characters_fit_and_scattered_bytes_do_not() {
        let text = SAMPLE.repeat(20);
        let (big5, _, _) = encoding_rs::BIG5.encode(&text);
        assert!(fits_double_byte(&big5));
        // One high byte here and there in English: every "character" stands alone.
        let mut english = b"Revenue grew twelve percent this quarter. ".repeat(40);
        for (i, at) in (5..english.len()).step_by(97).enumerate() {
            english[at] = 0xA1 + (i as u8 % 90);
        }
        assert!(!fits_double_byte(&english));
        assert!(!fits_double_byte(b"plain ASCII"));
    }

    #[test]
    fn curly_quotes_fit_windows_1252_and_random_bytes_do_not() {
        let text = "We\u{2019}re \u{201C}pleased\u{201D} \u{2014} Nestl\u{e9}\u{2026} ".repeat(30);
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
        assert!(fits_single_byte(&bytes, encoding_rs::WINDOWS_1252));
        // Cyrillic words in windows-1251: letters in runs.
        let words = "Выручка выросла. ".repeat(30);
        let (cyrillic, _, _) = encoding_rs::WINDOWS_1251.encode(&words);
        assert!(fits_single_byte(&cyrillic, encoding_rs::WINDOWS_1251));
        // Every high byte once, each alone in ASCII: what even damage looks like.
        let spread: Vec<u8> = (0x80u8..=0xFF).flat_map(|b| [b, b'a', b'b']).collect();
        assert!(!fits_single_byte(&spread, encoding_rs::WINDOWS_1252));
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
