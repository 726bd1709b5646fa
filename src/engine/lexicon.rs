//! The curated lexicon of known actors (data in `data/lexicon.tsv`, compiled in).
//!
//! One line per actor: `kind<TAB>names<TAB>demonyms<TAB>capitals`, names separated by
//! `|` with the canonical name first (the file's header explains the kinds); kind `X`
//! lists places whose names hold an actor's ("Latin America"), so that they match nothing. Every
//! surface form goes into one case-sensitive byte trie; [`Lexicon::find`] walks it from each
//! word start and keeps the matches that end on a word boundary, longest first. (A trie of our
//! own, rather than an Aho-Corasick crate, keeps the page's wasm tens of kilobytes smaller.)

use super::schema::ActorKind;
use super::text::ascii_alphanumeric_run;
use super::Span;
use std::cmp::Ordering;
use std::sync::OnceLock;

/// The lexicon file as written; only its lines after the header ([`DATA`]) are compiled in.
const FILE: &str = include_str!("../../data/lexicon.tsv");

/// The length of the file's header: its leading comment lines (`#`).
const HEADER: usize = {
    let bytes = FILE.as_bytes();
    let mut at = 0;
    while at < bytes.len() && bytes[at] == b'#' {
        while at < bytes.len() && bytes[at] != b'\n' {
            at += 1;
        }
        at += 1;
    }
    if at > bytes.len() {
        bytes.len()
    } else {
        at
    }
};

/// The file's lines after the header, copied at compile time so that the header (documentation
/// for whoever edits the file) is not shipped in the wasm. Only [`DATA`] reads it, at compile time.
#[allow(clippy::large_const_arrays)]
const BODY: [u8; FILE.len() - HEADER] = {
    let mut body = [0; FILE.len() - HEADER];
    let mut i = 0;
    while i < body.len() {
        body[i] = FILE.as_bytes()[HEADER + i];
        i += 1;
    }
    body
};

/// The lexicon's lines, one actor each.
const DATA: &str = match std::str::from_utf8(&BODY) {
    Ok(data) => data,
    Err(_) => panic!("data/lexicon.tsv is not UTF-8"),
};

/// How a surface form names its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The name or an alias ("United States", "US").
    Name,
    /// A demonym ("American"): points at the actor without naming it.
    Demonym,
    /// A capital or seat ("Washington", "Kremlin"): the government only in context.
    Capital,
    /// A place whose name holds an actor's ("Latin America", "South China Sea"): never an actor,
    /// but it keeps the inner name from matching.
    Place,
}

/// One known actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Type.
    pub kind: ActorKind,
    /// Canonical name.
    pub name: &'static str,
}

/// A lexicon form found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Where, in bytes.
    pub span: Span,
    /// Index into [`Lexicon::entries`].
    pub entry: usize,
    /// How the form names the entry.
    pub form: Form,
}

/// The compiled lexicon.
pub struct Lexicon {
    /// Known actors, in file order.
    pub entries: Vec<Entry>,
    /// Per surface form: its entry and form.
    patterns: Vec<(usize, Form)>,
    forms: Trie,
}

/// A byte trie of surface forms, flattened once built: node `n`'s children are
/// `edges[first[n]..first[n + 1]]`, sorted by byte. Nodes with many children (the root, the
/// first letters of names) also have them in a table by byte, so the busiest steps are one load.
#[derive(Default)]
struct Trie {
    // Boxed slices, not `Vec`s: indexing them is inline, a `Vec`'s `Index` is a call at opt-level "z".
    /// Per node, where its children start in `edges` (one more entry, for the end of the last).
    first: Box<[u32]>,
    /// (byte, node) pairs, grouped by parent.
    edges: Box<[(u8, u32)]>,
    /// Per node: the form that ends there, if any.
    ends: Box<[Option<u32>]>,
    /// Per node: where its table of children by byte starts in `tables`, if it has one.
    table_at: Box<[Option<u32>]>,
    /// Tables of 256 children by byte (0 where none: the root is no one's child). The root's is first.
    tables: Box<[u32]>,
}

/// Nodes with at least this many children get a table by byte (about fifty nodes).
const TABLE_FROM: usize = 6;

/// A trie being built: each node's children in a list linked through the nodes, sorted by byte
/// (no `Vec` per node: building the lexicon's trie allocated one per byte of its forms).
#[derive(Default)]
struct TrieBuilder {
    nodes: Vec<BuilderNode>,
}

/// A node of a [`TrieBuilder`]; node 0 is the root, no one's child, so 0 also means "none".
#[derive(Clone, Copy, Default)]
struct BuilderNode {
    /// The byte that leads to it from its parent.
    byte: u8,
    /// Its child with the smallest byte.
    first_child: u32,
    /// Its parent's child with the next larger byte.
    next_sibling: u32,
    /// How many children it has.
    children: u32,
    /// The form that ends here, if any.
    end: Option<u32>,
}

impl TrieBuilder {
    /// Adds `form` as form number `id`; false (and nothing changes) if it is there already.
    fn insert(&mut self, form: &str, id: u32) -> bool {
        if self.nodes.is_empty() {
            self.nodes.push(BuilderNode::default());
        }
        let mut node = 0;
        for &byte in form.as_bytes() {
            // The sibling before the place of `byte` (0: none, `byte` comes first) and the one there.
            let (mut before, mut at) = (0, self.nodes[node].first_child as usize);
            while at != 0 && self.nodes[at].byte < byte {
                (before, at) = (at, self.nodes[at].next_sibling as usize);
            }
            if at == 0 || self.nodes[at].byte != byte {
                let next = self.nodes.len();
                self.nodes.push(BuilderNode { byte, next_sibling: at as u32, ..BuilderNode::default() });
                match before {
                    0 => self.nodes[node].first_child = next as u32,
                    b => self.nodes[b].next_sibling = next as u32,
                }
                self.nodes[node].children += 1;
                at = next;
            }
            node = at;
        }
        if self.nodes[node].end.is_some() {
            return false;
        }
        self.nodes[node].end = Some(id);
        true
    }

    fn build(self) -> Trie {
        let nodes = &self.nodes[..];
        let mut first = Vec::with_capacity(nodes.len() + 1);
        let mut edges = Vec::with_capacity(nodes.len());
        let mut table_at = Vec::with_capacity(nodes.len());
        let mut tables = Vec::new();
        for (node, n) in nodes.iter().enumerate() {
            let from = edges.len();
            first.push(from as u32);
            let mut child = n.first_child as usize;
            while child != 0 {
                edges.push((nodes[child].byte, child as u32));
                child = nodes[child].next_sibling as usize;
            }
            if node == 0 || n.children as usize >= TABLE_FROM {
                let at = tables.len();
                tables.resize(at + 256, 0);
                for &(byte, child) in &edges[from..] {
                    tables[at + usize::from(byte)] = child;
                }
                table_at.push(Some(at as u32));
            } else {
                table_at.push(None);
            }
        }
        first.push(edges.len() as u32);
        Trie {
            first: first.into_boxed_slice(),
            edges: edges.into_boxed_slice(),
            ends: nodes.iter().map(|n| n.end).collect(),
            table_at: table_at.into_boxed_slice(),
            tables: tables.into_boxed_slice(),
        }
    }
}

impl Trie {
    fn child(&self, node: usize, byte: u8) -> Option<usize> {
        if let Some(at) = self.table_at.get(node).copied().flatten() {
            return self.tables.get(at as usize + usize::from(byte)).map(|&n| n as usize).filter(|&n| n != 0);
        }
        let children = self.edges.get(*self.first.get(node)? as usize..*self.first.get(node + 1)? as usize)?;
        children.binary_search_by_key(&byte, |&(b, _)| b).ok().map(|i| children[i].1 as usize)
    }

    /// Whether some form starts with `byte` (the root's table is the first).
    fn starts(&self, byte: u8) -> bool {
        self.tables.get(usize::from(byte)).is_some_and(|&n| n != 0)
    }

    /// Calls `found(form, length in bytes)` for every form that `bytes` starts with, shortest first.
    fn prefixes(&self, bytes: &[u8], mut found: impl FnMut(usize, usize)) {
        let mut node = 0;
        let mut len = 0;
        while let Some(next) = bytes.get(len).and_then(|&b| self.child(node, b)) {
            node = next;
            len += 1;
            if let Some(form) = self.ends[node] {
                found(form as usize, len);
            }
        }
    }
}

/// The lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(DATA))
}

fn kind_of(code: &str) -> Option<ActorKind> {
    Some(match code {
        "S" => ActorKind::State,
        "M" => ActorKind::Military,
        "G" => ActorKind::ArmedGroup,
        "N" => ActorKind::Media,
        "O" => ActorKind::Organization,
        "P" => ActorKind::Person,
        "X" => ActorKind::Organization,
        _ => return None,
    })
}

/// Whether `c` continues a word (a letter or digit), so that no form ends or starts next to it.
/// ASCII is tested inline first: `char::is_alphanumeric` is a call at opt-level "z".
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric())
}

impl Lexicon {
    /// Parses lexicon data; malformed lines are skipped, a repeated form keeps its first entry.
    pub fn parse(data: &'static str) -> Lexicon {
        let mut entries = Vec::new();
        let mut patterns = Vec::new();
        let mut forms = TrieBuilder::default();
        for line in data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut cols = line.split('\t');
            let code = cols.next();
            let (Some(kind), Some(names)) = (code.and_then(kind_of), cols.next()) else { continue };
            let name_form = if code == Some("X") { Form::Place } else { Form::Name };
            let Some(name) = names.split('|').next() else { continue };
            let entry = entries.len();
            entries.push(Entry { kind, name });
            let columns = [names, cols.next().unwrap_or(""), cols.next().unwrap_or("")];
            for (col, form) in columns.into_iter().zip([name_form, Form::Demonym, Form::Capital]) {
                for f in col.split('|').filter(|f| !f.is_empty()) {
                    if forms.insert(f, patterns.len() as u32) {
                        patterns.push((entry, form));
                    }
                }
            }
        }
        Lexicon { entries, patterns, forms: forms.build() }
    }

    /// Every form in `text` on word boundaries; where forms overlap, the longest wins.
    /// Sorted by position.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        // About one form per hundred bytes of news text.
        let mut hits = Vec::with_capacity(text.len() / 64);
        let bytes = text.as_bytes();
        // The char at byte `at` (on a char boundary): whether it is a word char, and its length.
        let char_at = |at: usize| {
            let c = text.get(at..).and_then(|rest| rest.chars().next()).unwrap_or(char::REPLACEMENT_CHARACTER);
            (is_word_char(c), c.len_utf8())
        };
        // `start` never follows a word char: forms start only there.
        let mut start = 0;
        while let Some(&byte) = bytes.get(start) {
            if self.forms.starts(byte) {
                self.forms.prefixes(&bytes[start..], |pattern, len| {
                    let end = start + len;
                    // A form ends on a char boundary (it is valid UTF-8 matched byte for byte).
                    let next = text.get(end..).and_then(|rest| rest.chars().next());
                    if !next.is_some_and(is_word_char) {
                        let (entry, form) = self.patterns[pattern];
                        hits.push(Hit { span: Span::new(start, end), entry, form });
                    }
                });
            }
            // Past this char; after a word char, past the rest of the word and the char that ends it
            // (ASCII letters and digits eight at a time: words are most of a text).
            loop {
                start += ascii_alphanumeric_run(bytes.get(start..).unwrap_or(&[]));
                let Some(&byte) = bytes.get(start) else { break };
                let (word, len) = if byte.is_ascii() { (false, 1) } else { char_at(start) };
                start += len;
                if !word {
                    break;
                }
            }
        }
        // Hits come by start (shorter first); where they overlap, the longest wins.
        keep_winners(hits, |h| h.span, |h| (std::cmp::Reverse(h.span.end - h.span.start), h.span.start))
    }
}

/// Keeps, from `items` in text order (sorted by start), those that win where they overlap: the
/// first by `priority` (a stable order), then the next that overlaps none kept, and so on. Returns
/// them in text order. Only items that overlap compete, so the choice runs on each cluster of
/// overlapping items alone, and most clusters are one item. O(n log n).
pub fn keep_winners<T, K: Ord>(items: Vec<T>, span: impl Fn(&T) -> Span, priority: impl Fn(&T) -> K) -> Vec<T> {
    let spans: Vec<Span> = items.iter().map(span).collect();
    let wins = winners(&spans, &mut |a, b| priority(&items[a]).cmp(&priority(&items[b])));
    items.into_iter().zip(wins).filter_map(|(item, wins)| wins.then_some(item)).collect()
}

/// The byte past a span, at least one past its start: an empty span still takes its start.
fn reach(s: &Span) -> usize {
    s.end.max(s.start + 1)
}

/// Which of `spans` (sorted by start) [`keep_winners`] keeps; `compare` orders two indices by
/// priority. (Not generic: one copy serves every item type.)
fn winners(spans: &[Span], compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<bool> {
    let mut wins = vec![false; spans.len()];
    let (mut first, mut end) = (0, 0);
    for (i, s) in spans.iter().enumerate() {
        if s.start >= end {
            keep_disjoint(spans, first..i, &mut wins, compare);
            first = i;
        }
        end = end.max(reach(s));
    }
    keep_disjoint(spans, first..spans.len(), &mut wins, compare);
    wins
}

/// Marks in `wins`, within one `cluster` of overlapping spans, each one that overlaps none marked
/// before it in `compare`'s order.
fn keep_disjoint(spans: &[Span], cluster: std::ops::Range<usize>, wins: &mut [bool], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    let (Some(spans), Some(wins)) = (spans.get(cluster.clone()), wins.get_mut(cluster.clone())) else { return };
    match wins {
        [] => return,
        [only] => {
            *only = true;
            return;
        }
        _ => {}
    }
    let n = spans.len();
    let order = crate::engine::sort::sorted_order(n, &mut |a, b| compare(cluster.start + a, cluster.start + b)).unwrap_or_else(|| (0..n).collect());
    // A Fenwick tree of the furthest reach of a kept span among the first k spans: kept spans are
    // disjoint, so a span overlaps one iff a kept span starting before its reach reaches past its start.
    let mut furthest = vec![0; n + 1];
    for i in order {
        let s = &spans[i];
        let (mut k, mut most) = (spans.partition_point(|t| t.start < reach(s)), 0);
        while k > 0 {
            most = most.max(furthest[k]);
            k &= k - 1;
        }
        if most <= s.start {
            wins[i] = true;
            let mut k = i + 1;
            while k <= n {
                furthest[k] = furthest[k].max(reach(s));
                k += k & k.wrapping_neg();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(&str, &str)> {
        let lx = lexicon();
        lx.find(text).iter().map(|h| (h.span.of(text), lx.entries[h.entry].name)).collect()
    }

    #[test]
    fn matches_case_sensitively_on_word_boundaries() {
        assert_eq!(names("let us go"), []);
        assert_eq!(names("US-led and U.S. troops"), [("US", "United States"), ("U.S.", "United States")]);
        assert_eq!(names("USAID"), []);
    }

    #[test]
    fn places_shadow_the_names_inside_them() {
        let lx = lexicon();
        let hits = lx.find("Latin America and the South China Sea");
        assert!(hits.iter().all(|h| h.form == Form::Place), "{hits:?}");
    }

    #[test]
    fn longest_form_wins() {
        assert_eq!(names("Kataib Hezbollah"), [("Kataib Hezbollah", "Kataib Hezbollah")]);
        assert_eq!(names("Islamic Resistance in Iraq"), [("Islamic Resistance in Iraq", "Islamic Resistance in Iraq")]);
    }

    #[test]
    fn every_line_parses() {
        let lines = DATA.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).count();
        assert_eq!(lexicon().entries.len(), lines);
        // The compiled-in lines are the file's, but for its header.
        assert!(FILE.starts_with('#') && !DATA.starts_with('#') && FILE.ends_with(DATA) && DATA.starts_with("S\t"));
    }
}
