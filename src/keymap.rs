//! One table from keys to actions. It dispatches keys and it is what the help screen shows,
//! so the two cannot disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::{Action, AppState, Overlay};

/// A key with its modifiers, written like "j", "Ctrl-d", "PageDown", "Space".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeySpec {
    /// The key.
    pub code: KeyCode,
    /// Ctrl or Alt (Shift is part of the character for printable keys).
    pub ctrl: bool,
}

impl KeySpec {
    /// Parses "j", "G", "?", "Ctrl-d", "Down", "PageDown", "Space", "Home", "Esc", "Enter".
    pub fn parse(s: &str) -> Option<Self> {
        let (ctrl, name) = match s.strip_prefix("Ctrl-").or_else(|| s.strip_prefix("C-")) {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let code = match name {
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "PageUp" | "PgUp" => KeyCode::PageUp,
            "PageDown" | "PgDn" => KeyCode::PageDown,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "Space" => KeyCode::Char(' '),
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Tab" => KeyCode::Tab,
            "Backspace" => KeyCode::Backspace,
            _ => {
                let mut chars = name.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCode::Char(c)
            }
        };
        Some(KeySpec { code, ctrl })
    }

    /// True when the event is this key.
    pub fn matches(&self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let code = match key.code {
            // Terminals report Shift+letter as the upper-case letter, sometimes with SHIFT.
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        code == self.code && ctrl == self.ctrl
    }

    /// How a config file writes the key ("Ctrl-d", "PageDown", "j").
    pub fn config_name(&self) -> String {
        let name = match self.code {
            KeyCode::Up => "Up".to_string(),
            KeyCode::Down => "Down".to_string(),
            KeyCode::Left => "Left".to_string(),
            KeyCode::Right => "Right".to_string(),
            KeyCode::PageUp => "PageUp".to_string(),
            KeyCode::PageDown => "PageDown".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }

    /// How the help screen writes the key: as in a config file, with arrows for the arrow
    /// keys and the short page-key names.
    pub fn label(&self) -> String {
        let name = self.config_name();
        match self.code {
            KeyCode::Up => name.replace("Up", "↑"),
            KeyCode::Down => name.replace("Down", "↓"),
            KeyCode::PageUp => name.replace("PageUp", "PgUp"),
            KeyCode::PageDown => name.replace("PageDown", "PgDn"),
            KeyCode::Backspace => name.replace("Backspace", "BS"),
            _ => name,
        }
    }
}

/// What the keys are for: the reader's own bindings (the configurable table), or one of
/// the fixed tables of what is open over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The reader (and the help screen, popups and the sidebar): [`Keymap::bindings`].
    Reader,
    /// A list (participants, questions, bookmarks, terms): [`LIST_KEYS`], then the reader's
    /// bindings (so j/k move).
    List,
    /// A prompt with a list under it (search, picker): [`PROMPT_KEYS`]; other characters are
    /// typed.
    Prompt,
    /// A one-line prompt (a note, the `:` line): [`NOTE_KEYS`]; other characters are typed.
    Note,
}

impl Mode {
    /// The mode of what is open.
    pub fn of(state: &AppState) -> Mode {
        match state.overlay {
            Overlay::Note { .. } | Overlay::GoTo { .. } => Mode::Note,
            Overlay::Search { .. } | Overlay::Picker { .. } => Mode::Prompt,
            // A list with its filter being typed takes text like a prompt.
            Overlay::Participants { .. } | Overlay::Questions { .. } | Overlay::Terms { .. }
                if state.list_filter.is_some() =>
            {
                Mode::Prompt
            }
            Overlay::Participants { .. }
            | Overlay::Questions { .. }
            | Overlay::Bookmarks { .. }
            | Overlay::Terms { .. } => Mode::List,
            _ => Mode::Reader,
        }
    }

    /// This mode's fixed keys: (key, with Ctrl, action).
    pub fn table(self) -> &'static [(KeyCode, bool, Action)] {
        match self {
            Mode::Reader => &[],
            Mode::List => LIST_KEYS,
            Mode::Prompt => PROMPT_KEYS,
            Mode::Note => NOTE_KEYS,
        }
    }
}

/// Keys of a list: Enter chooses, Esc closes, arrows move (j/k too, through the bindings).
pub const LIST_KEYS: &[(KeyCode, bool, Action)] = &[
    (KeyCode::Enter, false, Action::Confirm),
    (KeyCode::Esc, false, Action::Cancel),
    (KeyCode::Up, false, Action::SelectPrev),
    (KeyCode::Down, false, Action::SelectNext),
    (KeyCode::Tab, false, Action::SelectNext),
];

/// Keys of a prompt with a list under it: editing, moving in the list, choosing, closing.
pub const PROMPT_KEYS: &[(KeyCode, bool, Action)] = &[
    (KeyCode::Esc, false, Action::Cancel),
    (KeyCode::Enter, false, Action::Confirm),
    (KeyCode::Up, false, Action::SelectPrev),
    (KeyCode::Down, false, Action::SelectNext),
    (KeyCode::Tab, false, Action::SelectNext),
    (KeyCode::Char('p'), true, Action::SelectPrev),
    (KeyCode::Char('n'), true, Action::SelectNext),
    (KeyCode::Char('u'), true, Action::ClearPrompt),
    (KeyCode::Char('w'), true, Action::DeleteWord),
    (KeyCode::Backspace, false, Action::Backspace),
];

/// Keys of a one-line prompt (a note, the `:` line).
pub const NOTE_KEYS: &[(KeyCode, bool, Action)] = &[
    (KeyCode::Esc, false, Action::Cancel),
    (KeyCode::Enter, false, Action::Confirm),
    (KeyCode::Backspace, false, Action::Backspace),
    (KeyCode::Char('u'), true, Action::ClearPrompt),
];

/// A mode's fixed action for a key; in the prompts, an unbound character is typed.
fn fixed_action(mode: Mode, code: KeyCode, ctrl: bool) -> Option<Action> {
    let found = mode
        .table()
        .iter()
        .find(|(k, c, _)| *k == code && *c == ctrl)
        .map(|(_, _, a)| *a);
    match (found, mode, code) {
        (Some(a), ..) => Some(a),
        (None, Mode::Prompt | Mode::Note, KeyCode::Char(c)) if !ctrl => Some(Action::Input(c)),
        _ => None,
    }
}

/// The reader's bindings: the default table, which a config may change.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// (key, action) pairs; several keys may share an action.
    pub bindings: Vec<(KeySpec, Action)>,
}

/// Forward and backward actions the help screen lists on one row, with the row's words.
const HELP_PAIRS: &[(Action, Action, &str)] = &[
    (
        Action::NextParagraph,
        Action::PrevParagraph,
        "next / previous paragraph",
    ),
    (Action::NextTurn, Action::PrevTurn, "next / previous turn"),
    (
        Action::NextSameSpeaker,
        Action::PrevSameSpeaker,
        "same speaker: next / prev",
    ),
    (
        Action::NextFinding,
        Action::PrevFinding,
        "next / previous finding",
    ),
    (
        Action::NextDifference,
        Action::PrevDifference,
        "two translations differ",
    ),
    (
        Action::NextSentence,
        Action::PrevSentence,
        "next / previous sentence",
    ),
    (
        Action::NextMatch,
        Action::PrevMatch,
        "next / previous match",
    ),
    (
        Action::NextBookmark,
        Action::PrevBookmark,
        "next / previous bookmark",
    ),
];

/// The default bindings, in the order the help screen lists them.
pub const DEFAULT_BINDINGS: &[(&str, Action)] = &[
    ("j", Action::NextParagraph),
    ("Down", Action::NextParagraph),
    ("k", Action::PrevParagraph),
    ("Up", Action::PrevParagraph),
    ("Ctrl-d", Action::HalfPageDown),
    ("Ctrl-u", Action::HalfPageUp),
    ("Space", Action::PageDown),
    ("PageDown", Action::PageDown),
    ("b", Action::PageUp),
    ("PageUp", Action::PageUp),
    ("g", Action::Top),
    ("Home", Action::Top),
    ("G", Action::Bottom),
    ("End", Action::Bottom),
    ("]", Action::NextTurn),
    ("[", Action::PrevTurn),
    ("}", Action::NextSameSpeaker),
    ("{", Action::PrevSameSpeaker),
    ("Q", Action::JumpToQa),
    ("!", Action::NextFinding),
    ("@", Action::PrevFinding),
    ("d", Action::DismissFinding),
    ("v", Action::NextDifference),
    ("V", Action::PrevDifference),
    ("T", Action::OpenTerms),
    (")", Action::NextSentence),
    ("(", Action::PrevSentence),
    ("i", Action::ShowFindings),
    ("/", Action::OpenSearch),
    ("o", Action::ToggleSidebar),
    ("m", Action::ToggleBookmark),
    ("M", Action::EditNote),
    ("u", Action::Undo),
    ("'", Action::OpenBookmarks),
    (">", Action::NextBookmark),
    ("<", Action::PrevBookmark),
    (":", Action::GoToLine),
    ("Tab", Action::ToggleFocus),
    ("n", Action::NextMatch),
    ("N", Action::PrevMatch),
    ("s", Action::OpenParticipants),
    ("a", Action::OpenQuestions),
    ("f", Action::ToggleFilter),
    ("l", Action::CycleLayout),
    ("x", Action::SwapPanes),
    ("t", Action::OpenPicker),
    ("y", Action::CopyPair),
    ("?", Action::ToggleHelp),
    ("H", Action::OpenHistory),
    ("Backspace", Action::Back),
    ("Ctrl-o", Action::Back),
    ("Ctrl-z", Action::Suspend),
    ("q", Action::Quit),
    ("Ctrl-c", Action::Quit),
];

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULT_BINDINGS
            .iter()
            .filter_map(|(k, a)| Some((KeySpec::parse(k)?, *a)))
            .collect();
        Keymap { bindings }
    }
}

/// Keys every mode has that are not bindings of their own, for the help screen.
const HELP_FIXED: &[(&str, &str)] = &[
    ("Enter", "jump (lists, sidebar)"),
    ("Esc", "close; clear mark/filter"),
    ("Ctrl-a", "search: this call or all"),
];

/// The help screen's columns and whether it scrolls, for `rows` rows over a body of `width` ×
/// `height`: one column when it fits; two side by side when the terminal is wide enough (80×24
/// shows every key); else one column that scrolls.
pub fn help_shape(width: u16, height: u16, rows: usize) -> (usize, bool) {
    let room = usize::from(height.saturating_sub(2));
    let columns = if rows <= room || width < 76 { 1 } else { 2 };
    (columns, rows.div_ceil(columns) > room)
}

impl Keymap {
    /// The action for a key in the app's current mode.
    pub fn action_for(&self, key: &KeyEvent, state: &AppState) -> Option<Action> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            return Some(Action::Quit);
        }
        let mode = Mode::of(state);
        // The search prompt's scope key.
        if ctrl && key.code == KeyCode::Char('a') && matches!(state.overlay, Overlay::Search { .. })
        {
            return Some(Action::ToggleScope);
        }
        // Prompts: their table, and typing goes to the prompt.
        if matches!(mode, Mode::Prompt | Mode::Note) {
            return fixed_action(mode, key.code, ctrl);
        }
        if state.overlay == Overlay::None && state.sidebar_focus && key.code == KeyCode::Enter {
            return Some(Action::Confirm);
        }
        // Lists: their table first, then the reader's bindings (j/k move).
        if let Some(a) = fixed_action(mode, key.code, ctrl) {
            return Some(a);
        }
        let bound = self
            .bindings
            .iter()
            .find(|(k, _)| k.matches(key))
            .map(|(_, a)| *a);
        match (bound, key.code) {
            // Unbound digits in the reader are a count prefix ("0" only after another digit);
            // in a list they choose the entry of that number (`a 5 Enter`).
            (None, KeyCode::Char(c @ '0'..='9'))
                if !ctrl
                    && (state.overlay == Overlay::None || mode == Mode::List)
                    && (c != '0' || state.count.is_some()) =>
            {
                Some(Action::Count(c as u8 - b'0'))
            }
            // In an overlay the quit key closes the overlay, as in less and vim (Ctrl-c, caught
            // above, still quits).
            (Some(Action::Quit), _) if state.overlay != Overlay::None => Some(Action::Cancel),
            (Some(a), _) => Some(a),
            (None, KeyCode::Esc) => Some(Action::Cancel),
            // Any key closes the help screen.
            (None, _) if matches!(state.overlay, Overlay::Help | Overlay::Findings) => {
                Some(Action::Cancel)
            }
            _ => None,
        }
    }

    /// The key an on-screen hint names for an action: its first binding ("unbound" when a
    /// config took them all), so hints follow the bindings in force.
    pub fn key(&self, action: Action) -> String {
        self.bindings
            .iter()
            .find(|(_, a)| *a == action)
            .map_or_else(|| "(unbound)".to_string(), |(k, _)| k.label())
    }

    /// Rows of the help screen: the keys of each action, and what it does.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        let mut rows: Vec<(Action, Vec<String>)> = Vec::new();
        for (key, action) in &self.bindings {
            match rows.iter_mut().find(|(a, _)| a == action) {
                Some((_, keys)) => keys.push(key.label()),
                None => rows.push((*action, vec![key.label()])),
            }
        }
        // A forward and a backward key of one kind share a row ("! @  next / previous
        // finding"): the whole table fits one screen at 80×24.
        let mut out: Vec<(String, &'static str)> = Vec::new();
        let mut merged: Vec<Action> = Vec::new();
        for (a, keys) in &rows {
            if merged.contains(a) {
                continue;
            }
            let pair =
                HELP_PAIRS
                    .iter()
                    .find(|(next, _, _)| next == a)
                    .and_then(|(_, prev, what)| {
                        rows.iter()
                            .find(|(b, _)| b == prev)
                            .map(|(_, prev_keys)| (prev, prev_keys, what))
                    });
            match pair {
                Some((prev, prev_keys, what)) => {
                    merged.push(*prev);
                    out.push((format!("{} {}", keys.join(" "), prev_keys.join(" ")), what));
                }
                None => out.push((keys.join(" "), a.description())),
            }
        }
        out.into_iter()
            .chain(HELP_FIXED.iter().map(|(k, what)| (k.to_string(), *what)))
            .collect()
    }
}
