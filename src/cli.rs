//! The command line: the reader and the non-interactive subcommands.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// callread: read bilingual (English + Chinese) earnings-call transcripts side by side.
///
/// With no PATH, opens the bundled sample transcripts. `callread +N FILE` opens FILE at its
/// line N.
#[derive(Debug, Parser)]
#[command(
    name = "callread",
    version,
    about,
    long_about = None,
    args_conflicts_with_subcommands = true,
    after_help = AFTER_HELP
)]
pub struct Cli {
    /// What to do; without a subcommand, open the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The reader's options.
    #[command(flatten)]
    pub read: ReadArgs,
    /// A Chinese translation of the one English transcript named, in a file of its own
    /// (paragraphs only): its paragraphs are paired with the English ones. Every subcommand
    /// takes it. In a directory, `X.txt` and `X.zh.txt` are paired without it.
    #[arg(long, global = true, value_name = "ZH")]
    pub zh: Option<PathBuf>,
}

/// Options of the reader (the default command).
#[derive(Debug, Clone, Args, Default)]
pub struct ReadArgs {
    /// Transcript files or directories (searched recursively for *.txt, *.md, *.text).
    pub paths: Vec<PathBuf>,
    /// Leave mouse capture off so the terminal's own text selection works.
    #[arg(long)]
    pub no_mouse: bool,
    /// Width of the plain-text output when stdout is not a terminal.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u16).range(20..=1000))]
    pub width: u16,
    /// Layout to start with (`l` cycles them in the reader).
    #[arg(long, value_name = "LAYOUT", value_enum)]
    pub layout: Option<LayoutArg>,
    /// Put the Chinese on the left.
    #[arg(long)]
    pub swap: bool,
    /// A second translation of the one file named (Chinese only, or a bilingual file of the
    /// same call): shown as a third column, where the two disagree marked ≠ (`v` / `V` walk
    /// them). `callread compare` lists the same places.
    #[arg(long, value_name = "OTHER")]
    pub compare: Option<PathBuf>,
    /// Neither read nor write the reading state (positions, bookmarks).
    #[arg(long)]
    pub no_state: bool,
    /// Print the effective configuration and where it is read from, then exit.
    #[arg(long)]
    pub print_config: bool,
    /// `+N` before the files (as in less and vim): open the first at line N of its file.
    #[arg(skip)]
    pub start_line: Option<usize>,
}

/// Parses the command line as [`Cli::parse`] does, taking a `+N` argument of the reader (`callread +120
/// call.txt`, as in less and vim) out first: clap would read it as a path.
pub fn parse() -> Cli {
    use clap::CommandFactory;
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let subcommand = args.get(1).and_then(|a| a.to_str()).is_some_and(|a| {
        Cli::command()
            .get_subcommands()
            .any(|c| c.get_name() == a || c.get_all_aliases().any(|x| x == a))
    });
    let mut start_line = None;
    if !subcommand
        && let Some(i) = args.iter().skip(1).position(|a| {
            a.to_str()
                .and_then(|a| a.strip_prefix('+'))
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
    {
        let arg = args.remove(i + 1);
        start_line = arg.to_str().and_then(|a| a[1..].parse().ok());
    }
    let mut cli = Cli::parse_from(args);
    cli.read.start_line = start_line;
    cli
}

/// `--layout`: the reader's layouts by their command-line names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LayoutArg {
    /// English and Chinese side by side.
    SideBySide,
    /// The Chinese under the English.
    Stacked,
    /// English only.
    English,
    /// Chinese only.
    Chinese,
}

impl From<LayoutArg> for crate::app::LayoutMode {
    fn from(a: LayoutArg) -> Self {
        match a {
            LayoutArg::SideBySide => Self::SideBySide,
            LayoutArg::Stacked => Self::Stacked,
            LayoutArg::English => Self::English,
            LayoutArg::Chinese => Self::Chinese,
        }
    }
}

/// `export --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Markdown for people.
    #[value(name = "md", alias = "markdown")]
    Markdown,
    /// JSON for scripts.
    Json,
}

/// Keys, environment and files, after the options in `--help`.
const AFTER_HELP: &str = "\
Keys in the reader (? shows them all, as bound):
  j/k move · ]/[ speaker turns · Q Q&A · / search (Ctrl-a: all calls) · n/N matches
  ! next finding · i finding in full · o guidance sidebar · H guide history · Backspace back
  m bookmark · M note · u undo · ' bookmarks · s participants · a questions · f one speaker
  l layout · x swap · t switch call · y copy · Ctrl-z suspend · q quit (in an overlay: close)
  5j, 3] count prefixes · 12G paragraph 12 · :120 line 120 of the file · > < bookmarks
  ) ( sentence by sentence (y, m and search then take the sentence)

Environment:
  CALLREAD_STATE_DIR   where positions and bookmarks are saved (default: the XDG state dir)
  CALLREAD_CONFIG_DIR  where config.toml is read (default: the XDG config dir)
  CALLREAD_READ_TIMEOUT_MS  give up a read that blocks after this many ms (default: 5000
                       for a transcript, 2000 for config.toml and state.json)
  NO_COLOR             monochrome theme

Files: callread --print-config shows the configuration file in use and every setting.
Exit codes: 0 done, 1 bad input (one line on stderr), 2 bad usage, 3 findings with check --strict.";

/// The non-interactive subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the parsed transcript as JSON (the shape is a stable contract): an object for
    /// one transcript, an array of them for several.
    Dump {
        /// Transcript files or directories (default: the bundled transcripts).
        paths: Vec<PathBuf>,
        /// Print JSON (the only format; accepted for clarity in scripts).
        #[arg(long)]
        json: bool,
    },
    /// Check the translation: changed, missing and extra figures, untranslated paragraphs,
    /// omissions. Exit code 0 when the check ran, whatever it found (3 with --strict).
    Check {
        /// Transcript files or directories (default: the bundled transcripts).
        paths: Vec<PathBuf>,
        /// Print JSON: [{"source","line","kind","en","zh","detail"}].
        #[arg(long)]
        json: bool,
        /// Exit with code 3 when there are findings.
        #[arg(long)]
        strict: bool,
        /// Report only these kinds (comma-separated): mismatch, missing, extra, direction,
        /// misaligned, untranslated, missing_translation, omission.
        #[arg(long, value_delimiter = ',', value_name = "KIND,...")]
        kinds: Vec<String>,
    },
    /// Search both languages (fzf syntax: 'exact ^prefix suffix$ !not; Chinese terms match as
    /// substrings; Simplified finds Traditional). Best matches first.
    Search {
        /// The query.
        query: String,
        /// Transcript files or directories (default: the bundled transcripts).
        paths: Vec<PathBuf>,
        /// Print JSON: [{"source","line","lang","score","speaker","text"}].
        #[arg(long)]
        json: bool,
        /// At most this many results.
        #[arg(long)]
        limit: Option<usize>,
    },
    /// Sentence alignment: for each paragraph pair, which Chinese sentences translate which
    /// English ones.
    Align {
        /// Transcript files or directories (default: the bundled transcripts).
        paths: Vec<PathBuf>,
        /// Print JSON: [{"source","pairs":[{"line","links":[{"en","en_range","zh","zh_range"}]}]}]
        /// (ranges are byte offsets in the paragraph; a side with no sentence is "" and null).
        #[arg(long)]
        json: bool,
    },
    /// Names and terms of each call (speakers, the company, capitalised names) and how the
    /// translation renders each: kept in Latin letters, Chinese renderings, not found.
    Terms {
        /// Transcript files or directories (default: the bundled transcripts).
        paths: Vec<PathBuf>,
        /// Print JSON: [{"source","terms":[{"english","source","pairs","renderings":[{"text","latin","count"}],"unmatched"}]}]
        /// (with --across: [{"english","calls","renderings":[{"text","latin","count","calls"}]}]).
        #[arg(long)]
        json: bool,
        /// Across the library: the terms of two or more calls that the translations render
        /// in more than one way, with each rendering's count and calls.
        #[arg(long)]
        across: bool,
    },
    /// List the guidance figures: every forward-looking figure, with the Chinese counterpart.
    Guidance {
        /// Transcript files or directories (default: the bundled transcripts).
        paths: Vec<PathBuf>,
        /// Print JSON.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV.
        #[arg(long)]
        csv: bool,
        /// The guidance history instead: for each company with two or more calls, every metric
        /// and period guided more than once, call by call (raised, lowered, reiterated ...),
        /// and the result a later call reported against the last guide.
        #[arg(long)]
        history: bool,
        /// Also the figures the model is unsure of (confidence under its threshold; each row
        /// has its `confidence`).
        #[arg(long, conflicts_with = "history")]
        all: bool,
    },
    /// Compare two translations of one call: figures, names, directions, omissions and
    /// untranslated paragraphs where they disagree. OTHER is a Chinese-only file (aligned to
    /// FILE's paragraphs as --zh aligns one) or a bilingual file of the same call.
    Compare {
        /// The transcript with the first translation (bilingual, or English with --zh).
        file: PathBuf,
        /// The second translation.
        other: PathBuf,
        /// Print JSON: [{"source","line","kind","first","second","detail"}].
        #[arg(long)]
        json: bool,
        /// Report only these kinds (comma-separated): figure, direction, name, omission,
        /// untranslated.
        #[arg(long, value_delimiter = ',', value_name = "KIND,...")]
        kinds: Vec<String>,
    },
    /// Export a transcript's bookmarks (with notes) and guidance table, for a research note
    /// (several transcripts: one after another in Markdown, an array in JSON).
    Export {
        /// Transcript files or directories, default the bundled ones (bookmarks are found by
        /// the transcript's content, whatever its name).
        paths: Vec<PathBuf>,
        /// md (Markdown) or json.
        #[arg(long, value_enum, default_value = "md")]
        format: ExportFormat,
    },
    /// List the participants: role, name, title or firm, turns and words.
    Speakers {
        /// Transcript files or directories (default: the bundled transcripts).
        paths: Vec<PathBuf>,
        /// Print JSON: [{"name","title","role","firm","firm_zh","turns","words"}] (for several
        /// transcripts: [{"source","participants"}]).
        #[arg(long)]
        json: bool,
    },
}
