//! The user's settings: a TOML file in the config directory (`$XDG_CONFIG_HOME/callread/
//! config.toml` on Linux; `CALLREAD_CONFIG_DIR` overrides). Every setting has a default; a
//! setting that is unknown or has a bad value is reported with its line and skipped, and the
//! rest still applies.
//!
//! ```toml
//! layout = "stacked"          # side-by-side, stacked, english, chinese
//! theme = "light"             # dark, light, monochrome
//! mouse = false
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

/// The 1-based line where `key` is set, in `[section]` (or at the top when `section` is "").
fn line_of(text: &str, section: &str, key: &str) -> usize {
    let mut current = String::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if let Some(name) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            current = name.trim().to_string();
            continue;
        }
        let k = t.split('=').next().unwrap_or("").trim().trim_matches('"');
        if current == section && k == key {
            return i + 1;
        }
    }
    0
}

/// Parses config text. Returns the config and one warning per problem, naming the line.
pub fn parse(text: &str, path: Option<PathBuf>) -> (Config, Vec<String>) {
    let mut config = Config {
        path: path.clone(),
        ..Config::default()
    };
    let mut warnings = Vec::new();
    let name = path
        .as_ref()
        .map_or("config".to_string(), |p| p.display().to_string());
    let table: toml::Table = match text.parse() {
        Ok(t) => t,
        Err(e) => {
            let line = e.span().map_or(0, |s| {
                text[..s.start.min(text.len())].lines().count().max(1)
            });
            warnings.push(format!(
                "{name}:{line}: {}; using the defaults",
                e.message()
            ));
            return (config, warnings);
        }
    };
    let mut warn = |section: &str, key: &str, what: String| {
        warnings.push(format!("{name}:{}: {what}", line_of(text, section, key)))
    };
    for (key, value) in &table {
        match (key.as_str(), value) {
            ("layout", toml::Value::String(s)) => match LayoutMode::parse(s) {
                Some(l) => config.layout = l,
                None => warn(
                    "",
                    key,
                    format!("layout {s:?} is not one of side-by-side, stacked, english, chinese"),
                ),
            },
            ("theme", toml::Value::String(s)) => match s.as_str() {
                "dark" => config.theme = ThemeKind::Dark,
                "light" => config.theme = ThemeKind::Light,
                "monochrome" | "mono" => config.theme = ThemeKind::Monochrome,
                _ => warn(
                    "",
                    key,
                    format!("theme {s:?} is not one of dark, light, monochrome"),
                ),
            },
            ("mouse", toml::Value::Boolean(b)) => config.mouse = *b,
            ("keys", toml::Value::Table(keys)) => {
                for (action, keys_value) in keys {
                    let list: Vec<String> = match keys_value {
                        toml::Value::String(s) => vec![s.clone()],
                        toml::Value::Array(a) if a.iter().all(|v| v.is_str()) => a
                            .iter()
                            .filter_map(|v| v.as_str().map(str::to_string))
                            .collect(),
                        _ => {
                            warn(
                                "keys",
                                action,
                                format!("keys for {action} must be a string or a list of strings"),
                            );
                            continue;
                        }
                    };
                    if action_named(action).is_none() {
                        warn(
                            "keys",
                            action,
                            format!(
                                "unknown action {action:?} (callread --print-config lists every action's name)"
                            ),
                        );
                        continue;
                    }
                    if let Some(bad) = list.iter().find(|k| KeySpec::parse(k).is_none()) {
                        warn(
                            "keys",
                            action,
                            format!(
                                "cannot read the key {bad:?} (write keys like \"j\", \"Ctrl-d\", \"PageDown\")"
                            ),
                        );
                        continue;
                    }
                    config.keys.push((action.clone(), list));
                }
                for w in key_conflicts(&config.keys) {
                    let (action, what) = w;
                    warn("keys", &action, what);
                }
            }
            ("layout" | "theme" | "mouse" | "keys", v) => warn(
                "",
                key,
                format!("{key} has the wrong type ({})", v.type_str()),
            ),
            _ => warn(
                "",
                key,
                format!("unknown setting {key:?} (known: layout, theme, mouse, [keys])"),
            ),
        }
    }
    // In the order of the file, not of the table.
    warnings.sort_by_key(|w| {
        w.split(':')
            .nth(1)
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(0)
    });
    (config, warnings)
}

/// Reads the config file; a missing file is the defaults without warnings.
pub fn load() -> (Config, Vec<String>) {
    let Some(path) = config_path() else {
        return (Config::default(), Vec::new());
    };
    // A config is a few lines: a megabyte is plenty, and a FIFO or device is never opened.
    let text = crate::library::read_regular(&path, 1 << 20)
        .and_then(|b| String::from_utf8(b).map_err(|_| std::io::Error::other("not UTF-8 text")));
    match text {
        Ok(text) => parse(&text, Some(path)),
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
            vec![format!("{}: {e}; using the defaults", path.display())],
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
            "layout = {:?}\ntheme = {theme:?}\nmouse = {}\n\n[keys]\n",
            self.layout.name(),
            self.mouse
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
