//! The curated lexicon of known actors (data in `data/lexicon.tsv`, compiled in).
//!
//! One line per actor: `kind<TAB>names<TAB>demonyms<TAB>capitals`, names separated by
//! `|` with the canonical name first (the file's header explains the kinds); kind `X`
//! lists places whose names hold an actor's ("Latin America"), so that they match nothing. Every
//! surface form goes into one case-sensitive byte trie; [`Lexicon::find`] walks it from each
//! word start and keeps the matches that end on a word boundary, longest first. (A trie of our
//! own, rather than an Aho-Corasick crate, keeps the page's wasm tens of kilobytes smaller.)

use super::schema::ActorKind;
use super::Span;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/lexicon.tsv");

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

/// A trie being built: per node, its children as (byte, node), sorted by byte.
#[derive(Default)]
struct TrieBuilder {
    children: Vec<Vec<(u8, u32)>>,
    ends: Vec<Option<u32>>,
}

impl TrieBuilder {
    /// Adds `form` as form number `id`; false (and nothing changes) if it is there already.
    fn insert(&mut self, form: &str, id: u32) -> bool {
        if self.children.is_empty() {
            self.children.push(Vec::new());
            self.ends.push(None);
        }
        let mut node = 0;
        for &byte in form.as_bytes() {
            node = match self.children[node].binary_search_by_key(&byte, |&(b, _)| b) {
                Ok(i) => self.children[node][i].1 as usize,
                Err(i) => {
                    let next = self.children.len();
                    self.children[node].insert(i, (byte, next as u32));
                    self.children.push(Vec::new());
                    self.ends.push(None);
                    next
                }
            };
        }
        if self.ends[node].is_some() {
            return false;
        }
        self.ends[node] = Some(id);
        true
    }

    fn build(self) -> Trie {
        let mut first = Vec::with_capacity(self.children.len() + 1);
        let mut edges = Vec::new();
        let mut table_at = Vec::with_capacity(self.children.len());
        let mut tables = Vec::new();
        for (node, children) in self.children.iter().enumerate() {
            first.push(edges.len() as u32);
            edges.extend_from_slice(children);
            if node == 0 || children.len() >= TABLE_FROM {
                let at = tables.len();
                tables.resize(at + 256, 0);
                for &(byte, child) in children {
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
            ends: self.ends.into_boxed_slice(),
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

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
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
                start += ascii_word_run(bytes.get(start..).unwrap_or(&[]));
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

/// How many bytes at the start of `bytes` are ASCII letters or digits, tested eight at a time.
fn ascii_word_run(bytes: &[u8]) -> usize {
    const LANES: u64 = 0x0101_0101_0101_0101;
    const TOP: u64 = 0x80 * LANES;
    // A lane's top bit: the byte is at or past `from` (for ASCII bytes, whose top bit is clear).
    let at_least = |x: u64, from: u8| (x + u64::from(0x80 - from) * LANES) & TOP;
    let mut run = 0;
    while let Some(eight) = bytes.get(run..run + 8).and_then(|b| <[u8; 8]>::try_from(b).ok()) {
        let x = u64::from_le_bytes(eight);
        let low7 = x & !TOP;
        let folded = low7 | (0x20 * LANES);
        let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
        let digit = at_least(low7, b'0') & !at_least(low7, b'9' + 1);
        let other = !((letter | digit) & !x) & TOP;
        if other != 0 {
            return run + (other.trailing_zeros() / 8) as usize;
        }
        run += 8;
    }
    run + bytes.get(run..).unwrap_or(&[]).iter().take_while(|b| b.is_ascii_alphanumeric()).count()
}

/// Keeps, from `items` in text order (sorted by start), those that win where they overlap: the
/// first by `priority` (a stable order), then the next that overlaps none kept, and so on. Returns
/// them in text order. Only items that overlap compete, so the choice runs on each cluster of
/// overlapping items alone, and most clusters are one item. O(n log n).
pub fn keep_winners<T, K: Ord>(items: Vec<T>, span: impl Fn(&T) -> Span, priority: impl Fn(&T) -> K) -> Vec<T> {
    // An empty span still takes its start, as in `keep_disjoint`.
    let end_of = |item: &T| span(item).end.max(span(item).start + 1);
    let mut kept = Vec::with_capacity(items.len());
    let mut cluster: Vec<T> = Vec::new();
    let mut end = 0;
    for item in items {
        if span(&item).start >= end {
            keep_disjoint(&mut cluster, &mut kept, &span, &priority);
        }
        end = end.max(end_of(&item));
        cluster.push(item);
    }
    keep_disjoint(&mut cluster, &mut kept, &span, &priority);
    kept
}

/// Moves to `kept`, from one `cluster` of overlapping items, each one that overlaps none kept
/// before it in `priority` order, in text order; leaves `cluster` empty.
fn keep_disjoint<T, K: Ord>(cluster: &mut Vec<T>, kept: &mut Vec<T>, span: impl Fn(&T) -> Span, priority: impl Fn(&T) -> K) {
    if cluster.len() <= 1 {
        kept.append(cluster);
        return;
    }
    crate::engine::sort::sort_by_key(cluster, &priority);
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let from = kept.len();
    for item in cluster.drain(..) {
        let s = span(&item);
        let clash = taken.range(..s.end.max(s.start + 1)).next_back().is_some_and(|(&start, &end)| end > s.start || start == s.start);
        if !clash {
            taken.insert(s.start, s.end);
            kept.push(item);
        }
    }
    crate::engine::sort::sort_by_key(&mut kept[from..], |i| span(i).start);
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
    fn word_runs_end_at_the_first_byte_that_is_no_ascii_letter_or_digit() {
        for b in 0..=255u8 {
            for at in 0..12 {
                let mut bytes = *b"aZ09mQxy7Kzb";
                bytes[at] = b;
                let expected = bytes.iter().take_while(|x| x.is_ascii_alphanumeric()).count();
                assert_eq!(ascii_word_run(&bytes), expected, "byte {b:#x} at {at}");
            }
        }
    }

    #[test]
    fn every_line_parses() {
        let lines = DATA.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).count();
        assert_eq!(lexicon().entries.len(), lines);
    }
}
