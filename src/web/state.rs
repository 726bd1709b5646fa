//! The page's one state and the actions that change it (a reducer, as in Yew's function_todomvc).

use std::rc::Rc;

use yew::prelude::*;

use super::analysis::{Analysis, Target};
use super::corrections::{Lexicon, Rule};
use super::browser;

/// The longest text the page highlights (4 MB); longer ones are shown as plain text, with a message,
/// so the tab stays responsive (the command line annotates texts of any size).
pub const MAX_ANNOTATED_BYTES: usize = 4 * 1024 * 1024;

/// Shown when the open articles cannot be saved (quota exceeded or storage turned off).
const NOT_SAVED: &str = "Not saved: this browser's storage is full or turned off. Your text stays open in this tab; export it to keep a copy.";

/// Shown when the active text is longer than [`MAX_ANNOTATED_BYTES`].
const TOO_LONG: &str = "This article is over 4 MB: too long to highlight in the page, so it is shown as plain text. The command line (muster annotate) annotates texts of any size.";

/// The three kinds of annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// Troop figures.
    Figure,
    /// Actors (each mention).
    Actor,
    /// Reported claims.
    Claim,
}

impl Category {
    /// All categories, in legend order.
    pub const ALL: [Category; 3] = [Category::Figure, Category::Actor, Category::Claim];

    /// The name used in `data-kind` and CSS.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Figure => "figure",
            Category::Actor => "actor",
            Category::Claim => "claim",
        }
    }

    /// The plural label shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            Category::Figure => "Figures",
            Category::Actor => "Actors",
            Category::Claim => "Claims",
        }
    }

    /// Parses a `data-kind` value.
    pub fn parse(name: &str) -> Option<Self> {
        Category::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// Outer marks rank lower: a claim holds figures, a figure holds actors.
    pub fn nesting_rank(self) -> u8 {
        match self {
            Category::Claim => 0,
            Category::Figure => 1,
            Category::Actor => 2,
        }
    }

    fn index(self) -> usize {
        self.nesting_rank() as usize
    }
}

/// One open article (one tab).
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The tab's title.
    pub title: Rc<str>,
    /// The article text, exactly as typed or loaded.
    pub text: Rc<str>,
}

impl Article {
    /// An empty, untitled article.
    pub fn blank() -> Self {
        Article { title: "".into(), text: "".into() }
    }

    /// The title to show: the given one, else the text's first words.
    pub fn display_title(&self) -> String {
        if !self.title.trim().is_empty() {
            return self.title.to_string();
        }
        let first_line = self.text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
        if first_line.is_empty() {
            return "Untitled".to_string();
        }
        let mut words = String::new();
        for word in first_line.split_whitespace() {
            if words.chars().count() + word.chars().count() > 32 {
                words.push('…');
                break;
            }
            if !words.is_empty() {
                words.push(' ');
            }
            words.push_str(word);
        }
        if words.is_empty() {
            first_line.chars().take(32).collect()
        } else {
            words
        }
    }
}

/// What the reader has chosen to see.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filters {
    /// Hidden categories, indexed by nesting rank (claim, figure, actor).
    hidden: [bool; 3],
    /// Hidden sub-kinds (`force`, `casualty`, actor kinds).
    pub hidden_subs: Vec<&'static str>,
    /// Show only contested claims.
    pub contested_only: bool,
}

impl Filters {
    /// Whether a category is shown.
    pub fn shows(&self, category: Category) -> bool {
        !self.hidden[category.index()]
    }

    /// Whether one annotation is shown.
    pub fn shows_target(&self, target: &Target) -> bool {
        self.shows(target.kind)
            && !self.hidden_subs.contains(&target.sub)
            && !(self.contested_only && target.kind == Category::Claim && !target.contested)
    }

    /// The reading view's CSS classes: `document`, and those that hide what is filtered out.
    /// (A string, not Yew's `Classes`: the page builds no `Classes` at all, which keeps its
    /// set type out of the wasm.)
    pub fn classes(&self) -> String {
        let mut classes = String::from("document");
        for category in Category::ALL {
            if !self.shows(category) {
                classes.push_str(" hide-");
                classes.push_str(category.as_str());
            }
        }
        for sub in &self.hidden_subs {
            classes.push_str(" hide-");
            classes.push_str(sub);
        }
        if self.contested_only {
            classes.push_str(" contested-only");
        }
        classes
    }
}

/// How a selection was made: hovering shows details in place, a jump also scrolls and focuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// Pointer hover: show details, move nothing.
    Hover,
    /// Click or tap: show details and keep them open.
    Click,
    /// Keyboard or link: show details, scroll there and focus the mark.
    Jump,
}

/// The annotation whose details are open.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    /// The annotation (for an actor, one mention).
    pub target: Target,
    /// How it was selected.
    pub via: Via,
    /// A pinned popover stays open when the pointer leaves.
    pub pinned: bool,
    /// Bumped on every jump so the page scrolls again even to the same mark.
    pub serial: u64,
}

/// The side panel's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelTab {
    /// The figures table.
    Figures,
    /// Actors grouped by kind.
    Actors,
    /// Claims and contested pairs.
    Claims,
    /// Every open article side by side.
    Ledger,
}

/// Columns the figures table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureColumn {
    /// Position in the text.
    Position,
    /// The figure's text.
    Text,
    /// The number.
    Value,
    /// Force or casualty.
    Kind,
    /// The owner's name.
    Owner,
    /// The location.
    Location,
    /// The action.
    Action,
}

/// A message under the toolbar, optionally offering to undo the last clear or close.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// What happened.
    pub text: String,
    /// Whether it is a problem (shown as an alert).
    pub error: bool,
    /// Whether an Undo button goes with it.
    pub undoable: bool,
}

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Open articles, one per tab.
    pub articles: Vec<Article>,
    /// The index of the article shown.
    pub active: usize,
    /// Revision of the active text; bumped on every edit.
    pub rev: u64,
    /// Bumped when the editor's content must be replaced (load, switch, undo).
    pub loaded: u64,
    /// Annotations of the active article (possibly of a slightly older revision while typing).
    pub analysis: Rc<Analysis>,
    /// What is shown.
    pub filters: Filters,
    /// The annotation whose details are open.
    pub selection: Option<Selection>,
    /// The actor whose mentions are lit, and which mention is current.
    pub lit_actor: Option<(Rc<str>, usize)>,
    /// The side panel's tab.
    pub panel: PanelTab,
    /// The figures table's sort column and direction (true = ascending).
    pub sort: (FigureColumn, bool),
    /// Whether the keyboard help is open.
    pub help: bool,
    /// A message to the reader.
    pub notice: Option<Notice>,
    /// The articles before the last clear or close, for Undo.
    pub undo: Option<(Vec<Article>, usize)>,
    /// The reader's corrections.
    pub lexicon: Rc<Lexicon>,
    /// Annotations of the latest text, made but not shown yet.
    pub fresh: Option<Rc<Analysis>>,
    /// Whether a long text waits to be annotated (a notice says so).
    pub busy: bool,
    /// Counter for unique revisions and selection serials.
    serial: u64,
}

/// Everything that can happen on the page.
pub enum Action {
    /// The reader edited the active article.
    Edit(Rc<str>),
    /// The worker annotated this text (byte offsets): ready to [`Action::Present`] if it is still the active text.
    Annotated(Rc<str>, crate::engine::schema::Annotations),
    /// Annotate the active article's latest text (if not done already), ready to [`Action::Present`].
    Analyse,
    /// Show the annotations made by the last [`Action::Analyse`] (a separate step, so that
    /// annotating and rendering a long text are two shorter tasks rather than one long one).
    Present,
    /// Say that a long text is about to be annotated.
    Busy,
    /// Open a text in a tab (replacing the active one if it is empty).
    Open { title: String, text: String },
    /// Show another tab.
    Switch(usize),
    /// Open an empty tab.
    NewTab,
    /// Close a tab (undoable).
    Close(usize),
    /// Close every tab (undoable).
    ClearAll,
    /// Bring back what the last clear or close removed.
    Undo,
    /// Show or hide a category.
    Toggle(Category),
    /// Show or hide a sub-kind.
    ToggleSub(&'static str),
    /// Show only contested claims, or all.
    ToggleContested,
    /// Open the details of an annotation.
    Select(Target, Via),
    /// Close the details (pointer left), unless pinned.
    Leave,
    /// Pin the open details (or unpin them), or open the first annotation's.
    Pin,
    /// Keep the open details open (the pointer moved onto them).
    Hold,
    /// Move to the next (+1) or previous (-1) visible annotation.
    Step(i32),
    /// Light up every mention of an actor (or none).
    LightActor(Option<Rc<str>>),
    /// Move through the lit actor's mentions.
    StepActor(i32),
    /// Show a panel tab.
    Panel(PanelTab),
    /// Sort the figures table by a column (again: reverse).
    Sort(FigureColumn),
    /// Open or close the keyboard help.
    Help(bool),
    /// Escape: close the innermost open thing.
    Escape,
    /// Show a message.
    Notify { text: String, error: bool },
    /// Hide the message.
    Dismiss,
    /// Add a correction and re-annotate.
    Correct(Rule),
    /// Remove the correction at this index and re-annotate.
    Uncorrect(usize),
    /// Add imported corrections and re-annotate.
    ImportLexicon(Lexicon),
    /// Another browser tab saved the articles or corrections: take what it saved (last writer wins).
    Refresh,
}

/// Texts up to this many bytes are saved on every edit; longer ones when they are annotated.
const SAVE_EVERY_KEY: usize = 64 * 1024;

fn text_len(state: &State) -> usize {
    state.current().text.len()
}

impl State {
    /// The page as it was left (from local storage), or a first visit's empty tab.
    pub fn restore() -> Self {
        let (articles, active) = browser::load_articles().unwrap_or_else(|| (vec![Article::blank()], 0));
        let active = active.min(articles.len().saturating_sub(1));
        let mut state = State {
            articles,
            active,
            rev: 0,
            loaded: 1,
            analysis: Rc::new(Analysis::default()),
            filters: Filters::default(),
            selection: None,
            lit_actor: None,
            panel: PanelTab::Figures,
            sort: (FigureColumn::Position, true),
            help: false,
            notice: None,
            undo: None,
            lexicon: Rc::new(browser::load_lexicon().unwrap_or_default()),
            fresh: None,
            busy: false,
            serial: 0,
        };
        state.analyse_now();
        state
    }

    /// The article shown.
    pub fn current(&self) -> &Article {
        &self.articles[self.active]
    }

    fn next_serial(&mut self) -> u64 {
        self.serial += 1;
        self.serial
    }

    fn analyse_now(&mut self) {
        self.rev = self.next_serial();
        self.analyse();
        self.lit_actor = None;
        self.busy = false;
        self.fresh = None;
    }

    /// Shows annotations of the latest text (made in the background while the reader typed).
    fn show(&mut self, analysis: Rc<Analysis>) {
        self.analysis = analysis;
        self.fresh = None;
        self.busy = false;
        if text_len(self) > SAVE_EVERY_KEY {
            self.save();
        }
        self.selection = None;
        if let Some((id, _)) = &self.lit_actor {
            if self.analysis.actor(id).is_none() {
                self.lit_actor = None;
            }
        }
    }

    /// Annotates the active text as revision `self.rev`, or shows it plain when it is too long.
    fn analyse(&mut self) {
        self.analysis = Rc::new(self.analysis_of_current());
        self.selection = None;
    }

    /// The annotations of the active text as revision `self.rev`, or the text plain (with a
    /// message) when it is too long to annotate.
    fn analysis_of_current(&mut self) -> Analysis {
        let text = self.current().text.clone();
        let (rev, lexicon) = (self.rev, self.lexicon.clone());
        if text.len() > MAX_ANNOTATED_BYTES {
            self.warn(TOO_LONG);
            Analysis::plain(text, rev, lexicon)
        } else {
            browser::measure("muster:annotate", || Analysis::new(text, rev, lexicon))
        }
    }

    /// Saves the open articles; says so when they cannot be saved, and stops saying so once they can.
    fn save(&mut self) {
        let saved = browser::save_articles(&self.articles, self.active);
        if !saved {
            self.warn(NOT_SAVED);
        } else if self.notice.as_ref().is_some_and(|n| n.error && n.text.contains(NOT_SAVED)) {
            self.notice = None;
        }
    }

    /// Shows a problem; adds it to the message about the other problem (too long, not saved) if that one is shown.
    fn warn(&mut self, text: &str) {
        match &mut self.notice {
            Some(notice) if notice.error && (notice.text.contains(TOO_LONG) || notice.text.contains(NOT_SAVED)) => {
                if !notice.text.contains(text) {
                    notice.text = format!("{} {text}", notice.text);
                }
            }
            _ => self.notice = Some(Notice { text: text.to_string(), error: true, undoable: false }),
        }
    }

    fn set_lexicon(&mut self, lexicon: Lexicon) {
        if !browser::save_lexicon(&lexicon) {
            self.notice = Some(Notice { text: "Could not save corrections: storage is full or unavailable.".into(), error: true, undoable: false });
        }
        self.lexicon = Rc::new(lexicon);
        self.analyse_now();
    }

    fn show_article(&mut self, index: usize) {
        self.active = index.min(self.articles.len().saturating_sub(1));
        self.loaded = self.next_serial();
        self.analyse_now();
    }

    fn remember(&mut self, what: &str) {
        self.undo = Some((self.articles.clone(), self.active));
        self.notice = Some(Notice { text: what.to_string(), error: false, undoable: true });
    }

    fn jump_to(&mut self, target: Target) {
        let serial = self.next_serial();
        self.selection = Some(Selection { target, via: Via::Jump, pinned: true, serial });
    }

    fn step(&mut self, delta: i32) {
        let order = &self.analysis.order;
        let visible: Vec<&Target> = order.iter().filter(|t| self.filters.shows_target(t)).collect();
        if visible.is_empty() {
            return;
        }
        let here = self.selection.as_ref().and_then(|s| visible.iter().position(|t| **t == s.target));
        let next = match (here, delta >= 0) {
            (None, true) => 0,
            (None, false) => visible.len() - 1,
            (Some(i), true) => (i + 1) % visible.len(),
            (Some(i), false) => (i + visible.len() - 1) % visible.len(),
        };
        let target = visible[next].clone();
        self.jump_to(target);
    }

    fn mention_target(&self, actor_id: &str, index: usize) -> Option<Target> {
        self.analysis.order.iter().filter(|t| t.kind == Category::Actor && &*t.id == actor_id).nth(index).cloned()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            Action::Edit(text) => {
                if *state.current().text == *text {
                    return self;
                }
                let active = state.active;
                state.articles[active].text = text;
                state.rev = state.next_serial();
                // Long texts are saved when annotated, not on every key.
                if text_len(&state) <= SAVE_EVERY_KEY {
                    state.save();
                }
            }
            Action::Busy => {
                if state.busy {
                    return self;
                }
                state.busy = true;
            }
            Action::Analyse => {
                let rev = state.rev;
                if state.analysis.rev == rev || state.fresh.as_ref().is_some_and(|f| f.rev == rev) {
                    return self;
                }
                state.fresh = Some(Rc::new(state.analysis_of_current()));
            }
            Action::Present => {
                let Some(fresh) = state.fresh.take() else { return self };
                if fresh.rev == state.rev {
                    state.show(fresh);
                }
            }
            Action::Annotated(text, annotations) => {
                if state.analysis.rev == state.rev || *state.current().text != *text {
                    return self;
                }
                let rev = state.rev;
                let text = state.current().text.clone();
                state.fresh = Some(Rc::new(Analysis::from_annotations(text, rev, annotations, state.lexicon.clone())));
            }
            Action::Open { title, text } => {
                let article = Article { title: title.into(), text: text.into() };
                if state.current().text.trim().is_empty() {
                    let active = state.active;
                    state.articles[active] = article;
                } else {
                    state.articles.push(article);
                    state.active = state.articles.len() - 1;
                }
                let active = state.active;
                state.show_article(active);
                state.save();
            }
            Action::Switch(index) => {
                if index == state.active || index >= state.articles.len() {
                    return self;
                }
                state.show_article(index);
                state.save();
            }
            Action::NewTab => {
                state.articles.push(Article::blank());
                let last = state.articles.len() - 1;
                state.show_article(last);
                state.save();
            }
            Action::Close(index) => {
                if index >= state.articles.len() {
                    return self;
                }
                let title = state.articles[index].display_title();
                state.remember(&format!("Closed “{title}”."));
                state.articles.remove(index);
                if state.articles.is_empty() {
                    state.articles.push(Article::blank());
                }
                let active = if state.active > index { state.active - 1 } else { state.active };
                state.show_article(active);
                state.save();
            }
            Action::ClearAll => {
                state.remember("Cleared all articles.");
                state.articles = vec![Article::blank()];
                state.show_article(0);
                state.save();
            }
            Action::Undo => {
                let Some((articles, active)) = state.undo.take() else { return self };
                state.articles = articles;
                state.notice = None;
                state.show_article(active);
                state.save();
            }
            Action::Toggle(category) => {
                let slot = &mut state.filters.hidden[category.index()];
                *slot = !*slot;
                state.selection = None;
            }
            Action::ToggleSub(sub) => {
                let subs = &mut state.filters.hidden_subs;
                match subs.iter().position(|s| *s == sub) {
                    Some(i) => {
                        subs.remove(i);
                    }
                    None => subs.push(sub),
                }
                state.selection = None;
            }
            Action::ToggleContested => {
                state.filters.contested_only = !state.filters.contested_only;
                state.selection = None;
            }
            Action::Select(target, via) => {
                if via == Via::Hover && state.selection.as_ref().is_some_and(|s| s.pinned || s.target == target) {
                    return self;
                }
                match via {
                    Via::Jump => state.jump_to(target),
                    Via::Click => state.selection = Some(Selection { target, via, pinned: true, serial: 0 }),
                    Via::Hover => state.selection = Some(Selection { target, via, pinned: false, serial: 0 }),
                }
            }
            Action::Leave => {
                if state.selection.as_ref().is_none_or(|s| s.pinned) {
                    return self;
                }
                state.selection = None;
            }
            Action::Pin => match &mut state.selection {
                Some(selection) => selection.pinned = !selection.pinned,
                None => state.step(1),
            },
            Action::Hold => match &mut state.selection {
                Some(selection) if !selection.pinned => selection.pinned = true,
                _ => return self,
            },
            Action::Step(delta) => state.step(delta),
            Action::LightActor(id) => {
                state.lit_actor = id.map(|id| (id, 0));
                state.panel = PanelTab::Actors;
                if let Some((id, _)) = state.lit_actor.clone() {
                    if let Some(target) = state.mention_target(&id, 0) {
                        state.jump_to(target);
                    }
                }
            }
            Action::StepActor(delta) => {
                let Some((id, index)) = state.lit_actor.clone() else { return self };
                let count = state.analysis.actor(&id).map_or(0, |a| a.mentions.len());
                if count == 0 {
                    return self;
                }
                let next = (index as i64 + delta as i64).rem_euclid(count as i64) as usize;
                state.lit_actor = Some((id.clone(), next));
                if let Some(target) = state.mention_target(&id, next) {
                    state.jump_to(target);
                }
            }
            Action::Panel(tab) => state.panel = tab,
            Action::Sort(column) => {
                state.sort = if state.sort.0 == column { (column, !state.sort.1) } else { (column, true) };
            }
            Action::Help(open) => {
                state.help = open;
                if open {
                    // Once the dialog is drawn (rendering ends the current task), its Close button takes the focus.
                    browser::after(std::time::Duration::ZERO, || browser::focus_id("help-close"));
                }
            }
            Action::Escape => {
                if state.help {
                    state.help = false;
                } else if state.selection.is_some() {
                    state.selection = None;
                } else if state.lit_actor.is_some() {
                    state.lit_actor = None;
                } else if state.notice.is_some() {
                    state.notice = None;
                } else {
                    return self;
                }
            }
            Action::Notify { text, error } => state.notice = Some(Notice { text, error, undoable: false }),
            Action::Dismiss => state.notice = None,
            Action::Correct(rule) => {
                let mut lexicon = (*state.lexicon).clone();
                if !lexicon.rules.contains(&rule) {
                    lexicon.rules.push(rule);
                }
                state.set_lexicon(lexicon);
            }
            Action::Uncorrect(index) => {
                let mut lexicon = (*state.lexicon).clone();
                if index < lexicon.rules.len() {
                    lexicon.rules.remove(index);
                }
                state.set_lexicon(lexicon);
            }
            Action::ImportLexicon(imported) => {
                let mut lexicon = (*state.lexicon).clone();
                let before = lexicon.rules.len();
                for rule in imported.rules {
                    if !lexicon.rules.contains(&rule) {
                        lexicon.rules.push(rule);
                    }
                }
                let added = lexicon.rules.len() - before;
                state.set_lexicon(lexicon);
                state.notice = Some(Notice { text: format!("Imported {added} correction(s)."), error: false, undoable: false });
            }
            Action::Refresh => {
                let lexicon = browser::load_lexicon().unwrap_or_default();
                let new_lexicon = lexicon != *state.lexicon;
                let stored = browser::load_articles().map(|(articles, _)| articles).filter(|a| *a != state.articles);
                if !new_lexicon && stored.is_none() {
                    return self;
                }
                let shown = state.current().clone();
                if let Some(articles) = stored {
                    // Keep showing the same article: the same one, else one of the same title, else the same tab.
                    let active = articles
                        .iter()
                        .position(|a| *a == shown)
                        .or_else(|| articles.iter().position(|a| !shown.title.is_empty() && a.title == shown.title))
                        .unwrap_or(state.active);
                    state.articles = articles;
                    state.active = active.min(state.articles.len() - 1);
                }
                if new_lexicon {
                    state.lexicon = Rc::new(lexicon);
                }
                if state.current().text != shown.text {
                    state.loaded = state.next_serial();
                }
                if new_lexicon || state.current().text != shown.text {
                    state.analyse_now();
                }
            }
        }
        Rc::new(state)
    }
}
