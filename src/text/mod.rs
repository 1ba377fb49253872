//! Text handling shared by the parser, the checks and the UI: decoding bytes, removing
//! dangerous characters, telling scripts apart, and (for the reader) CJK-aware wrapping.

pub mod clean;
pub mod decode;
pub mod fold;
pub mod numbers;
pub mod script;
pub mod wrap;

pub use clean::{clean_line, sanitize};
pub use decode::{DecodeError, Encoding, decode};
pub use script::{cjk_fraction, is_cjk, latin_words};

/// "1 match", "3 matches": a count with its noun in the number it takes.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
