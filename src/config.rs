//! The user's settings: a TOML file in the config directory (`$XDG_CONFIG_HOME/callread/
//! config.toml` on Linux; `CALLREAD_CONFIG_DIR` overrides). Every setting has a default; a
//! setting that is unknown or has a bad value is reported with its line and skipped, and the
//! rest still applies.
//!
//! ```toml
//! layout = "stacked"          # side-by-side, stacked, english, chinese
//! theme = "light"             # dark, light, monochrome
//! mouse = false
//! forget_after_days = 365     # reading positions unopened this long are dropped; 0 = never
//! [keys]
//! next_paragraph = ["j", "Down", "Ctrl-n"]
//! quit = "Q"
//! ```

use std::path::PathBuf;

use crate::app::{Action, LayoutMode, ThemeKind};
use crate::keymap::{DEFAULT_BINDINGS, KeySpec, Keymap};

/// The effective settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Layout at start.
    pub layout: LayoutMode,
    /// Colours.
    pub theme: ThemeKind,
    /// Mouse capture (wheel scrolling) on.
    pub mouse: bool,
    /// Reading positions of transcripts not opened for this many days are forgotten (0:
    /// never). Bookmarks are always kept.
    pub forget_after_days: u64,
    /// Bindings changed by the user: action name → keys.
    pub keys: Vec<(String, Vec<String>)>,
    /// The file read, if any.
    pub path: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            layout: LayoutMode::SideBySide,
            theme: ThemeKind::Dark,
            mouse: true,
            forget_after_days: 365,
            keys: Vec::new(),
            path: None,
        }
    }
}

/// Where the config lives: `CALLREAD_CONFIG_DIR`, else the platform config directory.
pub fn config_path() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("CALLREAD_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir).join("config.toml"));
    }
    directories::ProjectDirs::from("", "", "callread").map(|d| d.config_dir().join("config.toml"))
}

/// 1-based line numbers of byte offsets in a text (binary search over line starts: a file of
/// thousands of keys is read in linear time).
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        Lines(
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
                .collect(),
        )
    }

    fn at(&self, offset: usize) -> usize {
        self.0.partition_point(|&s| s <= offset).max(1)
    }

    /// The byte offset where 0-based line `line` starts, if the text has it.
    fn start(&self, line: usize) -> Option<usize> {
        self.0.get(line).copied()
    }
}

/// A statement of a TOML text, by 0-based lines: a setting (with a value that may run over
/// several lines: an array, a multi-line string or inline table) or a table header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Statement {
    first: usize,
    last: usize,
    /// The value never closes: it runs to the end of the text, or (an array) to a line that
    /// starts a new setting.
    unclosed: bool,
}

/// Where each statement of a TOML text begins and ends, by a scan of strings, comments and
/// brackets (enough to find the extent of what a syntax error breaks; toml itself judges
/// the syntax).
fn statements(text: &str) -> Vec<Statement> {
    #[derive(PartialEq)]
    enum Mode {
        Normal,
        MultiBasic,
        MultiLiteral,
    }
    let mut out: Vec<Statement> = Vec::new();
    let mut mode = Mode::Normal;
    let mut brackets: Vec<u8> = Vec::new();
    let mut seen_eq = false;
    for (i, line) in text.split('\n').enumerate() {
        // An array still open when a line starts a new setting was never closed.
        if mode == Mode::Normal && brackets.last() == Some(&b'[') && starts_statement(line) {
            if let Some(s) = out.last_mut() {
                s.unclosed = true;
            }
            brackets.clear();
        }
        if mode == Mode::Normal && brackets.is_empty() {
            out.push(Statement {
                first: i,
                last: i,
                unclosed: false,
            });
            seen_eq = false;
        } else if let Some(s) = out.last_mut() {
            s.last = i;
        }
        let b = line.as_bytes();
        let mut j = 0;
        while j < b.len() {
            match mode {
                Mode::MultiBasic if b[j] == b'\\' => j += 2,
                Mode::MultiBasic if b[j..].starts_with(b"\"\"\"") => {
                    mode = Mode::Normal;
                    j += 3;
                }
                Mode::MultiLiteral if b[j..].starts_with(b"'''") => {
                    mode = Mode::Normal;
                    j += 3;
                }
                Mode::MultiBasic | Mode::MultiLiteral => j += 1,
                Mode::Normal => match b[j] {
                    b'#' => break,
                    b'"' if b[j..].starts_with(b"\"\"\"") => {
                        mode = Mode::MultiBasic;
                        j += 3;
                    }
                    b'\'' if b[j..].starts_with(b"'''") => {
                        mode = Mode::MultiLiteral;
                        j += 3;
                    }
                    b'"' => {
                        j += 1;
                        while j < b.len() && b[j] != b'"' {
                            j += if b[j] == b'\\' { 2 } else { 1 };
                        }
                        j += 1;
                    }
                    b'\'' => {
                        j += 1;
                        while j < b.len() && b[j] != b'\'' {
                            j += 1;
                        }
                        j += 1;
                    }
                    b'=' => {
                        seen_eq = true;
                        j += 1;
                    }
                    b'[' | b'{' if seen_eq => {
                        brackets.push(b[j]);
                        j += 1;
                    }
                    // A closer that does not match the opener closes nothing.
                    c @ (b']' | b'}') if seen_eq => {
                        let opener = if c == b']' { b'[' } else { b'{' };
                        if brackets.last() == Some(&opener) {
                            brackets.pop();
                        }
                        j += 1;
                    }
                    _ => j += 1,
                },
            }
        }
    }
    if (mode != Mode::Normal || !brackets.is_empty())
        && let Some(s) = out.last_mut()
    {
        s.unclosed = true;
    }
    out
}

/// True for a line that starts a setting (`key =`, `a."b".c =`) or is a table header
/// (`[keys]`, `[[x]]`).
fn starts_statement(line: &str) -> bool {
    /// The end of a dotted key at the start of `s` (after white space), if there is one.
    fn key_end(s: &[u8]) -> Option<usize> {
        let mut j = 0;
        loop {
            while s.get(j).is_some_and(|c| matches!(c, b' ' | b'\t')) {
                j += 1;
            }
            match s.get(j)? {
                q @ (b'"' | b'\'') => {
                    let close = s[j + 1..].iter().position(|c| c == q)?;
                    j += close + 2;
                }
                c if c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-') => {
                    while s
                        .get(j)
                        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-'))
                    {
                        j += 1;
                    }
                }
                _ => return None,
            }
            while s.get(j).is_some_and(|c| matches!(c, b' ' | b'\t')) {
                j += 1;
            }
            if s.get(j) == Some(&b'.') {
                j += 1;
            } else {
                return Some(j);
            }
        }
    }
    let s = line.trim_start().as_bytes();
    if let Some(header) = s.strip_prefix(b"[") {
        let header = header.strip_prefix(b"[").unwrap_or(header);
        return key_end(header).is_some_and(|end| header.get(end) == Some(&b']'));
    }
    key_end(s).is_some_and(|end| s.get(end) == Some(&b'='))
}

/// Parses config text with toml's recoverable parser; on syntax errors, blanks what each
/// error breaks and parses again, so that one error costs only its own setting.
///
/// toml's recovery gives up on the rest of the file after some errors (`a b = 1` on line 1
/// lost every later setting), so the repair is done here, a round at a time: the statement
/// with the first error is replaced by spaces (byte for byte: spans and line numbers stay
/// those of the file), a multi-line value with it, and the text parsed again (later errors
/// may only follow from the first); a value that never closes loses its first line (what
/// followed is read again on its own), or, an array ended by a new setting, its lines. At most
/// [`MAX_REPAIRS`] rounds; then the keys on lines with errors are skipped. Returns the text
/// to read (the file's, with what is broken blanked), the lines whose keys are skipped
/// (1-based) and one warning per broken statement (line, message).
fn parse_repaired(
    text: &str,
    lines: &Lines,
) -> (
    String,
    std::collections::HashSet<usize>,
    Vec<(usize, String)>,
) {
    let skipped = "this setting is skipped, the rest of the file applies";
    let mut fixed = text.as_bytes().to_vec();
    let mut warnings: Vec<(usize, String)> = Vec::new();
    // Lines of a value that never closed: errors there were said once, at its first line.
    let mut inside_unclosed = std::collections::HashSet::new();
    let mut round = 0;
    loop {
        let current = String::from_utf8_lossy(&fixed).into_owned();
        let (_, errors) = toml::de::DeTable::parse_recoverable(&current);
        let line_of = |e: &toml::de::Error| e.span().map_or(1, |s| lines.at(s.start));
        let message = |e: &toml::de::Error| e.message().trim_end_matches('\n').replace('\n', " ");
        round += 1;
        if errors.is_empty() || round > MAX_REPAIRS {
            let broken: std::collections::HashSet<usize> = errors.iter().map(line_of).collect();
            for e in &errors {
                let line = line_of(e);
                if !warnings.iter().any(|(l, _)| *l == line) {
                    warnings.push((line, format!("{}; {skipped}", message(e))));
                }
            }
            return (current, broken, warnings);
        }
        let found = statements(&current);
        let containing = |line: usize| {
            found
                .iter()
                .find(|s| s.first <= line && line <= s.last)
                .copied()
        };
        let last_line = current.split('\n').count() - 1;
        let mut blank: Vec<(usize, usize)> = Vec::new();
        let unclosed: Vec<Statement> = found.iter().filter(|s| s.unclosed).copied().collect();
        if unclosed.is_empty() {
            // The first error only: later ones may follow from it (toml's recovery reads
            // on inside what it broke), and show again in the next round if they do not.
            let first = errors
                .iter()
                .min_by_key(|e| e.span().map_or(0, |s| s.start));
            if let Some(e) = first {
                let line = line_of(e);
                if let Some(s) = containing(line - 1) {
                    if !(s.first..=s.last).any(|l| inside_unclosed.contains(&l)) {
                        warnings.push((line, format!("{}; {skipped}", message(e))));
                    }
                    blank.push((s.first, s.last));
                }
            }
        } else {
            // Errors after a value that never closed follow from it: its lines go first.
            for s in unclosed {
                let what = errors
                    .iter()
                    .find(|e| (s.first + 1..=s.last + 1).contains(&line_of(e)))
                    .map_or("a value that never closes".to_string(), message);
                warnings.push((s.first + 1, format!("{what}; {skipped}")));
                inside_unclosed.extend(s.first..=s.last);
                if s.last == last_line {
                    blank.push((s.first, s.first));
                } else {
                    blank.push((s.first, s.last));
                }
            }
        }
        let mut changed = false;
        for (first, last) in blank {
            let len = fixed.len();
            let start = lines.start(first).unwrap_or(len);
            let end = lines.start(last + 1).map_or(len, |s| s - 1);
            // Line breaks stay: line numbers are the file's.
            for b in &mut fixed[start..end] {
                if *b != b' ' && *b != b'\n' {
                    *b = b' ';
                    changed = true;
                }
            }
        }
        if !changed {
            // Nothing left to blank: what toml still refuses is skipped by line.
            round = MAX_REPAIRS;
        }
    }
}

/// Rounds of repair [`parse_repaired`] makes before skipping by line.
const MAX_REPAIRS: usize = 100;

/// A string, or a list of strings, as key names.
fn key_list(value: &toml::de::DeValue) -> Option<Vec<String>> {
    match value {
        toml::de::DeValue::String(s) => Some(vec![s.to_string()]),
        toml::de::DeValue::Array(a) => a
            .iter()
            .map(|v| match v.get_ref() {
                toml::de::DeValue::String(s) => Some(s.to_string()),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

fn type_name(value: &toml::de::DeValue) -> &'static str {
    match value {
        toml::de::DeValue::String(_) => "string",
        toml::de::DeValue::Integer(_) => "integer",
        toml::de::DeValue::Float(_) => "float",
        toml::de::DeValue::Boolean(_) => "boolean",
        toml::de::DeValue::Datetime(_) => "datetime",
        toml::de::DeValue::Array(_) => "array",
        toml::de::DeValue::Table(_) => "table",
    }
}

/// A problem in the config file: where, and what (shown as "config.toml:3: what").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigWarning {
    /// The file as shown ("config" when it has no path).
    pub file: String,
    /// 1-based line; None for the whole file (it could not be read).
    pub line: Option<usize>,
    /// What is wrong, and what callread does about it.
    pub message: String,
}

impl std::fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Parses config text. Returns the config and one warning per problem, naming the line where
/// the key is written (also inside inline tables and dotted keys). A syntax error costs only
/// what it breaks (the statement it is in, said once): the rest of the file still applies
/// ([`parse_repaired`]).
pub fn parse(text: &str, path: Option<PathBuf>) -> (Config, Vec<ConfigWarning>) {
    use toml::de::DeValue;
    let mut config = Config {
        path: path.clone(),
        ..Config::default()
    };
    let name = path
        .as_ref()
        .map_or("config".to_string(), |p| p.display().to_string());
    let lines = Lines::new(text);
    let (repaired, broken, mut warnings) = parse_repaired(text, &lines);
    let (table, _) = toml::de::DeTable::parse_recoverable(&repaired);
    for (key, value) in table.get_ref() {
        let line = lines.at(key.span().start);
        if broken.contains(&line) {
            continue;
        }
        let mut warn = |what: String| warnings.push((line, what));
        match (key.get_ref().as_ref(), value.get_ref()) {
            ("layout", DeValue::String(s)) => match LayoutMode::parse(s) {
                Some(l) => config.layout = l,
                None => warn(format!(
                    "layout {s:?} is not one of side-by-side, stacked, english, chinese"
                )),
            },
            ("theme", DeValue::String(s)) => match s.as_ref() {
                "dark" => config.theme = ThemeKind::Dark,
                "light" => config.theme = ThemeKind::Light,
                "monochrome" | "mono" => config.theme = ThemeKind::Monochrome,
                _ => warn(format!("theme {s:?} is not one of dark, light, monochrome")),
            },
            ("mouse", DeValue::Boolean(b)) => config.mouse = *b,
            ("forget_after_days", DeValue::Integer(n)) => {
                match n.to_string().replace('_', "").parse::<u64>() {
                    Ok(n) => config.forget_after_days = n,
                    Err(_) => {
                        warn("forget_after_days must be a whole number of days, 0 for never".into())
                    }
                }
            }
            ("keys", DeValue::Table(keys)) => {
                let mut lines_of = Vec::new();
                for (action, keys_value) in keys {
                    let line = lines.at(action.span().start);
                    if broken.contains(&line) {
                        continue;
                    }
                    let action = action.get_ref().to_string();
                    let Some(list) = key_list(keys_value.get_ref()) else {
                        warnings.push((
                            line,
                            format!("keys for {action} must be a string or a list of strings"),
                        ));
                        continue;
                    };
                    if action_named(&action).is_none() {
                        warnings.push((
                            line,
                            format!(
                                "unknown action {action:?} (callread --print-config lists every action's name)"
                            ),
                        ));
                        continue;
                    }
                    if let Some(bad) = list.iter().find(|k| KeySpec::parse(k).is_none()) {
                        warnings.push((
                            line,
                            format!(
                                "cannot read the key {bad:?} (write keys like \"j\", \"Ctrl-d\", \"PageDown\")"
                            ),
                        ));
                        continue;
                    }
                    lines_of.push((action.clone(), line));
                    config.keys.push((action, list));
                }
                for (action, what) in key_conflicts(&config.keys) {
                    let line = lines_of
                        .iter()
                        .find(|(a, _)| *a == action)
                        .map_or(line, |(_, l)| *l);
                    warnings.push((line, what));
                }
            }
            ("layout" | "theme" | "mouse" | "keys" | "forget_after_days", v) => {
                warn(format!("{key} has the wrong type ({})", type_name(v)))
            }
            (key, _) => warn(format!(
                "unknown setting {key:?} (known: layout, theme, mouse, forget_after_days, [keys])"
            )),
        }
    }
    // In the order of the file, not of the table; a problem said once.
    warnings.sort_by_key(|(line, _)| *line);
    warnings.dedup();
    let warnings = warnings
        .into_iter()
        .map(|(line, message)| ConfigWarning {
            file: name.clone(),
            line: Some(line),
            message,
        })
        .collect();
    (config, warnings)
}

/// Reads the config file; a missing file is the defaults without warnings.
pub fn load() -> (Config, Vec<ConfigWarning>) {
    let Some(path) = config_path() else {
        return (Config::default(), Vec::new());
    };
    // A config is a few lines: a megabyte is plenty, and a FIFO or device is never opened; a
    // file that blocks on read is given up after a moment, and the defaults apply.
    match crate::library::read_regular(&path, 1 << 20, crate::library::SETTINGS_READ_TIMEOUT) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => parse(&text, Some(path)),
            Err(e) => {
                // A bad byte (a Latin-1 comment, say) costs its line, not the file.
                let at = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let line = 1 + memchr::memchr_iter(b'\n', &bytes[..at]).count();
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let (config, mut warnings) = parse(&text, Some(path.clone()));
                warnings.insert(
                    0,
                    ConfigWarning {
                        file: path.display().to_string(),
                        line: Some(line),
                        message: format!(
                            "not UTF-8 text (byte {at}); read with the bad bytes replaced"
                        ),
                    },
                );
                (config, warnings)
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (
            Config {
                path: Some(path),
                ..Config::default()
            },
            Vec::new(),
        ),
        Err(e) => (
            Config {
                path: Some(path.clone()),
                ..Config::default()
            },
            vec![ConfigWarning {
                file: path.display().to_string(),
                line: None,
                message: format!("{e}; using the defaults"),
            }],
        ),
    }
}

/// The config name of an action ("next_match").
pub fn action_name(action: Action) -> String {
    serde_json::to_value(action)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Keys a binding takes from another action: (the binding's action, the warning). A key the
/// defaults give another action leaves that action (saying whether it keeps another key); a
/// key two bindings name goes to the later one.
fn key_conflicts(keys: &[(String, Vec<String>)]) -> Vec<(String, String)> {
    let rebound: Vec<Option<Action>> = keys.iter().map(|(a, _)| action_named(a)).collect();
    let mut out = Vec::new();
    let mut taken: Vec<(KeySpec, &str)> = Vec::new();
    for (name, list) in keys {
        for key in list {
            let Some(spec) = KeySpec::parse(key) else {
                continue;
            };
            if let Some((_, earlier)) = taken.iter().find(|(k, a)| *k == spec && a != name) {
                out.push((
                    name.clone(),
                    format!("key {key:?} is also bound to {earlier}: {name} takes it"),
                ));
            } else if let Some((_, other)) = DEFAULT_BINDINGS
                .iter()
                .filter_map(|(k, a)| Some((KeySpec::parse(k)?, *a)))
                .find(|(k, a)| *k == spec && action_name(*a) != *name)
                .filter(|(_, a)| !rebound.contains(&Some(*a)))
            {
                let left: Vec<&str> = DEFAULT_BINDINGS
                    .iter()
                    .filter(|(k, a)| *a == other && KeySpec::parse(k).is_some_and(|k| k != spec))
                    .map(|(k, _)| *k)
                    .collect();
                let other_name = action_name(other);
                let rest = if left.is_empty() {
                    format!("{other_name} now has no key")
                } else {
                    format!("{other_name} keeps {}", left.join(", "))
                };
                out.push((
                    name.clone(),
                    format!("key {key:?} was {other_name}'s: {name} takes it, {rest}"),
                ));
            }
            taken.push((spec, name));
        }
    }
    out
}

/// The action a config names ("next_paragraph").
pub fn action_named(name: &str) -> Option<Action> {
    serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
}

impl Config {
    /// The keymap: the defaults, with each rebound action's keys replaced.
    pub fn keymap(&self) -> Keymap {
        let mut map = Keymap::default();
        for (name, keys) in &self.keys {
            let Some(action) = action_named(name) else {
                continue;
            };
            let specs: Vec<KeySpec> = keys.iter().filter_map(|k| KeySpec::parse(k)).collect();
            // The new keys leave whatever they were bound to.
            map.bindings
                .retain(|(k, a)| *a != action && !specs.contains(k));
            let at = map.bindings.len();
            let position = DEFAULT_BINDINGS
                .iter()
                .position(|(_, a)| *a == action)
                .unwrap_or(at)
                .min(at);
            for (i, spec) in specs.into_iter().enumerate() {
                map.bindings
                    .insert((position + i).min(map.bindings.len()), (spec, action));
            }
        }
        map
    }

    /// The effective config as TOML (for `--print-config`).
    pub fn to_toml(&self) -> String {
        let theme = match self.theme {
            ThemeKind::Dark => "dark",
            ThemeKind::Light => "light",
            ThemeKind::Monochrome => "monochrome",
        };
        let mut out = format!(
            "layout = {:?}\ntheme = {theme:?}\nmouse = {}\nforget_after_days = {}\n\n[keys]\n",
            self.layout.name(),
            self.mouse,
            self.forget_after_days
        );
        let map = self.keymap();
        let mut seen: Vec<Action> = Vec::new();
        for (_, action) in &map.bindings {
            if seen.contains(action) {
                continue;
            }
            seen.push(*action);
            let name = action_name(*action);
            let keys: Vec<String> = map
                .bindings
                .iter()
                .filter(|(_, a)| a == action)
                .map(|(k, _)| format!("{:?}", k.config_name()))
                .collect();
            out.push_str(&format!("{name} = [{}]\n", keys.join(", ")));
        }
        out
    }
}
