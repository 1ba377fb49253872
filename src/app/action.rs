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
    /// Jump to the next speaker turn.
    NextTurn,
    /// Jump to the previous speaker turn (or the start of this one).
    PrevTurn,
    /// Jump to the next turn by the current speaker.
    NextSameSpeaker,
    /// Jump to the previous turn by the current speaker.
    PrevSameSpeaker,
    /// Jump to the start of the Q&A.
    JumpToQa,
    /// Jump to the next paragraph with a translation finding.
    NextFinding,
    /// Move the sentence cursor to the next sentence link (on to the next pair at the end).
    NextSentence,
    /// Move the sentence cursor to the previous sentence link.
    PrevSentence,
    /// Open the call's names and terms with their Chinese renderings.
    OpenTerms,
    /// Jump to the previous pair with a translation finding.
    PrevFinding,
    /// Jump to the next pair whose two translations disagree (`--compare`).
    NextDifference,
    /// Jump to the previous pair whose two translations disagree.
    PrevDifference,
    /// Dismiss the findings on the current pair (saved; `u` undoes).
    DismissFinding,
    /// Show the current paragraph's translation findings in full.
    ShowFindings,
    /// Open the search prompt.
    OpenSearch,
    /// Open the guidance sidebar with the keys in it, or close it.
    ToggleSidebar,
    /// Bookmark the current paragraph, or remove its bookmark.
    ToggleBookmark,
    /// Write or edit the note of the current paragraph's bookmark.
    EditNote,
    /// Put back the bookmark (and its note) removed last.
    Undo,
    /// List the bookmarks of all open transcripts.
    OpenBookmarks,
    /// Move the keys' focus between the reader and the sidebar.
    ToggleFocus,
    /// Go to the next match of the last search.
    NextMatch,
    /// Go to the previous match of the last search.
    PrevMatch,
    /// Search this transcript or every loaded one.
    #[serde(skip)]
    ToggleScope,
    /// Open the participants panel.
    OpenParticipants,
    /// Open the list of analyst questions.
    OpenQuestions,
    /// Show only the current (or selected) speaker's turns; again to show everyone.
    ToggleFilter,
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
    /// The guidance history of the selected sidebar figure: its guides call by call, as bars.
    OpenHistory,
    /// Go back along the jump list (where `]`, `Q`, `!`, a search or a sidebar jump came
    /// from), across calls.
    Back,
    /// Open the `:` prompt: go to a line of the source file (as `check` and `guidance` print
    /// them).
    GoToLine,
    /// Jump to the next bookmark of this call.
    NextBookmark,
    /// Jump to the previous bookmark of this call.
    PrevBookmark,
    /// Suspend to the shell (as Ctrl-z in less and vim); `fg` resumes.
    Suspend,
    /// Quit callread.
    Quit,
    /// Scroll the view by rows (mouse wheel); negative is up.
    #[serde(skip)]
    ScrollRows(i16),
    /// A digit of a count prefix (`5j`, `3]`; `12G` goes to paragraph 12).
    #[serde(skip)]
    Count(u8),
    /// A left click at (column, row): selects the paragraph there, or a list's entry.
    #[serde(skip)]
    Click(u16, u16),
    /// The terminal has a new size (columns, rows).
    #[serde(skip)]
    Resize(u16, u16),
    /// A character typed into a prompt.
    #[serde(skip)]
    Input(char),
    /// Delete the last character of a prompt.
    #[serde(skip)]
    Backspace,
    /// Clear a prompt (Ctrl-u).
    #[serde(skip)]
    ClearPrompt,
    /// Delete the last word of a prompt (Ctrl-w).
    #[serde(skip)]
    DeleteWord,
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
    /// True for jumps the jump list records (Ctrl-o goes back from them), as opposed to
    /// steps (`j`, `PgDn`).
    pub fn is_jump(self) -> bool {
        matches!(
            self,
            Action::Top
                | Action::Bottom
                | Action::NextTurn
                | Action::PrevTurn
                | Action::NextSameSpeaker
                | Action::PrevSameSpeaker
                | Action::JumpToQa
                | Action::NextFinding
                | Action::PrevFinding
                | Action::NextDifference
                | Action::PrevDifference
                | Action::NextMatch
                | Action::PrevMatch
                | Action::NextBookmark
                | Action::PrevBookmark
        )
    }

    /// True for movements a count prefix repeats (`5j`, `3]`, `2!`).
    pub fn repeats(self) -> bool {
        matches!(
            self,
            Action::NextParagraph
                | Action::PrevParagraph
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::PageDown
                | Action::PageUp
                | Action::NextTurn
                | Action::PrevTurn
                | Action::NextSameSpeaker
                | Action::PrevSameSpeaker
                | Action::NextFinding
                | Action::PrevFinding
                | Action::NextDifference
                | Action::PrevDifference
                | Action::NextSentence
                | Action::PrevSentence
                | Action::NextMatch
                | Action::PrevMatch
                | Action::NextBookmark
                | Action::PrevBookmark
        )
    }

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
            Action::NextTurn => "next speaker turn",
            Action::PrevTurn => "previous speaker turn",
            Action::NextSameSpeaker => "next turn, same speaker",
            Action::PrevSameSpeaker => "prev turn, same speaker",
            Action::JumpToQa => "jump to the Q&A",
            Action::NextFinding => "next translation finding",
            Action::PrevFinding => "previous finding",
            Action::NextDifference => "where the translations differ",
            Action::PrevDifference => "previous such place",
            Action::OpenTerms => "names and terms",
            Action::NextSentence => "next sentence (both panes)",
            Action::PrevSentence => "previous sentence",
            Action::DismissFinding => "dismiss findings here",
            Action::ShowFindings => "this finding in full",
            Action::OpenSearch => "search both languages",
            Action::ToggleSidebar => "guidance, keys in it",
            Action::ToggleBookmark => "bookmark pair/sentence",
            Action::EditNote => "note on the bookmark",
            Action::Undo => "undo removal, dismissal",
            Action::OpenBookmarks => "list bookmarks",
            Action::ToggleFocus => "keys: sidebar/reader; fwd",
            Action::NextMatch => "next match",
            Action::PrevMatch => "previous match",
            Action::ToggleScope => "this call / all calls",
            Action::OpenParticipants => "participants",
            Action::OpenQuestions => "analyst questions",
            Action::ToggleFilter => "only this speaker (Esc)",
            Action::CycleLayout => "cycle the layout",
            Action::SwapPanes => "swap the panes",
            Action::ToggleHelp => "this help",
            Action::OpenPicker => "switch transcript",
            Action::CopyPair => "copy the pair (OSC 52)",
            Action::OpenHistory => "a figure's guide history",
            Action::Back => "back along the jumps",
            Action::GoToLine => "go to a source line (:N)",
            Action::NextBookmark => "next bookmark",
            Action::PrevBookmark => "previous bookmark",
            Action::Suspend => "suspend (fg resumes)",
            Action::Quit => "quit",
            Action::ScrollRows(_) => "scroll",
            Action::Count(_) => "count prefix",
            Action::Click(..) => "select what was clicked",
            Action::Resize(..) => "resize",
            Action::Input(_) => "type",
            Action::Backspace => "delete a character",
            Action::ClearPrompt => "clear the prompt",
            Action::DeleteWord => "delete a word",
            Action::SelectNext => "next entry",
            Action::SelectPrev => "previous entry",
            Action::Confirm => "choose",
            Action::Cancel => "close, or clear the speaker filter",
        }
    }
}
