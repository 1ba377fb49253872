//! Colours, or their absence.

use ratatui::style::{Color, Modifier, Style};

use crate::app::ThemeKind;

/// Every style the UI uses.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// English text.
    pub en: Style,
    /// Chinese text.
    pub zh: Style,
    /// A second translation (`--compare`), told apart from the first where they share a pane.
    pub zh2: Style,
    /// The translation notice and other secondary text.
    pub dim: Style,
    /// Background of the paragraph pair under the cursor.
    pub cursor: Style,
    /// The bar in the gutter beside the cursor pair.
    pub cursor_bar: Style,
    /// Speaker dividers.
    pub divider: Style,
    /// The pane separator.
    pub separator: Style,
    /// Flag marks in the gutter.
    pub flag: Style,
    /// The status bar.
    pub status: Style,
    /// Emphasised parts of the status bar.
    pub status_strong: Style,
    /// The Chinese summary block.
    pub summary: Style,
    /// The summary's title row.
    pub summary_title: Style,
    /// Popup text.
    pub popup: Style,
    /// The selected row of a popup list.
    pub selected: Style,
}

impl Theme {
    /// The theme for a kind.
    pub fn new(kind: ThemeKind) -> Self {
        match kind {
            ThemeKind::Dark => Theme {
                en: Style::new(),
                zh: Style::new().fg(Color::Indexed(253)),
                zh2: Style::new().fg(Color::Indexed(151)),
                dim: Style::new().fg(Color::Indexed(244)),
                cursor: Style::new().bg(Color::Indexed(236)),
                cursor_bar: Style::new().fg(Color::Indexed(214)),
                divider: Style::new()
                    .fg(Color::Indexed(110))
                    .add_modifier(Modifier::BOLD),
                separator: Style::new().fg(Color::Indexed(240)),
                flag: Style::new()
                    .fg(Color::Indexed(203))
                    .add_modifier(Modifier::BOLD),
                status: Style::new().bg(Color::Indexed(237)).fg(Color::Indexed(252)),
                status_strong: Style::new()
                    .bg(Color::Indexed(237))
                    .fg(Color::Indexed(214))
                    .add_modifier(Modifier::BOLD),
                summary: Style::new().fg(Color::Indexed(180)),
                summary_title: Style::new()
                    .fg(Color::Indexed(180))
                    .add_modifier(Modifier::BOLD),
                popup: Style::new().bg(Color::Indexed(235)).fg(Color::Indexed(252)),
                selected: Style::new().bg(Color::Indexed(24)).fg(Color::Indexed(255)),
            },
            ThemeKind::Light => Theme {
                en: Style::new().fg(Color::Indexed(235)),
                zh: Style::new().fg(Color::Indexed(236)),
                zh2: Style::new().fg(Color::Indexed(23)),
                dim: Style::new().fg(Color::Indexed(244)),
                cursor: Style::new().bg(Color::Indexed(254)),
                cursor_bar: Style::new().fg(Color::Indexed(166)),
                divider: Style::new()
                    .fg(Color::Indexed(25))
                    .add_modifier(Modifier::BOLD),
                separator: Style::new().fg(Color::Indexed(248)),
                flag: Style::new()
                    .fg(Color::Indexed(160))
                    .add_modifier(Modifier::BOLD),
                status: Style::new().bg(Color::Indexed(252)).fg(Color::Indexed(235)),
                status_strong: Style::new()
                    .bg(Color::Indexed(252))
                    .fg(Color::Indexed(166))
                    .add_modifier(Modifier::BOLD),
                summary: Style::new().fg(Color::Indexed(94)),
                summary_title: Style::new()
                    .fg(Color::Indexed(94))
                    .add_modifier(Modifier::BOLD),
                popup: Style::new().bg(Color::Indexed(255)).fg(Color::Indexed(235)),
                selected: Style::new().bg(Color::Indexed(153)).fg(Color::Indexed(232)),
            },
            ThemeKind::Monochrome => {
                let plain = Style::new().fg(Color::Reset).bg(Color::Reset);
                Theme {
                    en: plain,
                    zh: plain,
                    zh2: plain.add_modifier(Modifier::ITALIC),
                    dim: plain.add_modifier(Modifier::DIM),
                    cursor: plain.add_modifier(Modifier::BOLD),
                    cursor_bar: plain.add_modifier(Modifier::BOLD),
                    divider: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                    separator: plain,
                    flag: plain.add_modifier(Modifier::BOLD),
                    status: plain.add_modifier(Modifier::REVERSED),
                    status_strong: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
                    summary: plain,
                    summary_title: plain.add_modifier(Modifier::BOLD),
                    popup: plain,
                    selected: plain.add_modifier(Modifier::REVERSED),
                }
            }
        }
    }
}
