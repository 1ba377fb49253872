//! Everything the user (or the event loop) can ask of the app.

use serde::{Deserialize, Serialize};

/// One step for [`super::update`]. Key-bound actions have stable snake_case names so a config
/// file can name them; the others come from the event loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Move the cursor to the next paragraph pair.
    NextParagraph,
    /// Move the cursor to the previous paragraph pair.
    PrevParagraph,
    /// Scroll half a page down.
    HalfPageDown,
    /// Scroll half a page up.
    HalfPageUp,
    /// Scroll a page down.
    PageDown,
    /// Scroll a page up.
    PageUp,
    /// Go to the first paragraph.
    Top,
    /// Go to the last paragraph.
    Bottom,
    /// Cycle the layout: side by side, stacked, English only, Chinese only.
    CycleLayout,
    /// Swap the left and right panes.
    SwapPanes,
    /// Show or hide the help screen.
    ToggleHelp,
    /// Open the transcript picker.
    OpenPicker,
    /// Copy the current paragraph pair to the clipboard (OSC 52).
    CopyPair,
    /// Quit callread.
    Quit,
    /// Scroll the view by rows (mouse wheel); negative is up.
    #[serde(skip)]
    ScrollRows(i16),
    /// The terminal has a new size (columns, rows).
    #[serde(skip)]
    Resize(u16, u16),
    /// A character typed into a prompt.
    #[serde(skip)]
    Input(char),
    /// Delete the last character of a prompt.
    #[serde(skip)]
    Backspace,
    /// Select the next entry of a list.
    #[serde(skip)]
    SelectNext,
    /// Select the previous entry of a list.
    #[serde(skip)]
    SelectPrev,
    /// Accept the selected entry.
    #[serde(skip)]
    Confirm,
    /// Close the overlay or prompt.
    #[serde(skip)]
    Cancel,
}

impl Action {
    /// What the help screen says the action does.
    pub fn description(self) -> &'static str {
        match self {
            Action::NextParagraph => "next paragraph",
            Action::PrevParagraph => "previous paragraph",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::Top => "first paragraph",
            Action::Bottom => "last paragraph",
            Action::CycleLayout => "layout: side by side, stacked, English, Chinese",
            Action::SwapPanes => "swap the panes",
            Action::ToggleHelp => "this help",
            Action::OpenPicker => "switch transcript",
            Action::CopyPair => "copy the paragraph pair (OSC 52)",
            Action::Quit => "quit",
            Action::ScrollRows(_) => "scroll",
            Action::Resize(..) => "resize",
            Action::Input(_) => "type",
            Action::Backspace => "delete a character",
            Action::SelectNext => "next entry",
            Action::SelectPrev => "previous entry",
            Action::Confirm => "choose",
            Action::Cancel => "close",
        }
    }
}
