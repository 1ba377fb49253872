//! callread: a reader for bilingual (English + Traditional Chinese) earnings-call transcripts.
//!
//! Everything here works without a terminal: decoding and parsing transcripts, the model,
//! and the analyses. The terminal UI lives in [`app`], [`ui`] and [`tui`].

pub mod align;
pub mod app;
pub mod check;
pub mod cli;
pub mod compare;
pub mod config;
pub mod guidance;
pub mod history;
pub mod input;
pub mod keymap;
pub mod library;
pub mod parallel;
pub mod plain;
pub mod run;
pub mod search;
pub mod speakers;
pub mod state;
pub mod text;
pub mod transcript;
pub mod tui;
pub mod ui;
