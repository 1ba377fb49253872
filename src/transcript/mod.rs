//! The transcript model and its parser. Nothing here knows about terminals.

mod layouts;
pub mod model;
pub mod parse;
pub mod roles;
pub mod translation;

pub use model::{Flag, Lang, Layout, Paragraph, Role, Section, Speaker, Transcript, Turn};
pub use parse::{ParseError, is_untranslated, parse};
