//! The engine: pure Rust, text in, annotations out. It knows nothing of the DOM,
//! of JavaScript or of files; native and wasm builds run the same code.
//!
//! Pipeline (each stage reads the ones before it):
//! [`text`] tokens → [`sentences`] → [`actors`] → [`numbers`] → [`figures`] → [`claims`].
//! Stages work on byte offsets ([`Span`]); [`offsets`] converts them to the caller's
//! unit only when the result is assembled.

pub mod actors;
pub mod claims;
pub mod figures;
pub mod ledger;
pub mod lexicon;
pub mod numbers;
pub mod offsets;
pub mod schema;
pub mod sort;
pub mod sentences;
pub mod text;
pub mod wordset;

use offsets::OffsetMap;
use schema::{Actor, Annotations, Claim, Figure, Mention};
pub use offsets::OffsetUnit;

/// A byte range `[start, end)` in the input, always on `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The text this span covers.
    /// Inlined with the bound and boundary checks written out: `&text[a..b]` is a call chain at
    /// opt-level "z" (the wasm's), and this runs for nearly every token several times.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        let bytes = text.as_bytes();
        // A UTF-8 continuation byte is 0b10xx_xxxx, -64..-1 as i8; the end of the text is a boundary too.
        let boundary = |i: usize| bytes.get(i).map_or(i == bytes.len(), |&b| (b as i8) >= -0x40);
        if self.start <= self.end && boundary(self.start) && boundary(self.end) {
            // SAFETY: both ends are within `text` and on char boundaries, in order, so the slice is valid UTF-8.
            unsafe { text.get_unchecked(self.start..self.end) }
        } else {
            &text[self.start..self.end]
        }
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies wholly inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// The input with what every stage shares: its tokens and sentences.
pub struct Doc<'t> {
    /// The article, exactly as given.
    pub text: &'t str,
    /// Words, numbers and punctuation, in order.
    pub tokens: Vec<text::Token>,
    /// Sentence regions, in order, covering every token.
    pub sentences: Vec<Span>,
}

impl<'t> Doc<'t> {
    /// Tokenises and segments `text`.
    pub fn new(text: &'t str) -> Self {
        let tokens = text::tokenize(text);
        let sentences = sentences::split(text, &tokens);
        Doc { text, tokens, sentences }
    }
}

/// An output id, `prefix` then `n` in decimal ("f1", "a12"): written by hand, as `format!` costs
/// hundreds of instructions a call at opt-level "z" and every annotation has an id.
fn id(prefix: char, n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(1 + digits.len() - at);
    id.push(prefix);
    // Decimal digits are ASCII, so always UTF-8; pushed at once, not char by char.
    id.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
    id
}

/// Annotates one article; offsets are Unicode code points (Python string indices).
pub fn annotate(text: &str) -> Annotations {
    annotate_with(text, OffsetUnit::CodePoint)
}

/// Annotates one article with offsets in the given unit.
pub fn annotate_with(text: &str, unit: OffsetUnit) -> Annotations {
    let doc = Doc::new(text);
    let found_actors = actors::find(&doc);
    let found_figures = figures::find(&doc, &found_actors);
    let found_claims = claims::find(&doc, &found_actors, &found_figures);
    let map = OffsetMap::new(text, unit);
    // Listed actors, then the adjective-only ones ("Ukrainian soldiers" with no "Ukraine") that a
    // figure or claim points at: a reader expects the owner to resolve, even with no mention to show.
    let mut reported: Vec<usize> = (0..found_actors.listed).collect();
    let mut output_index: Vec<Option<usize>> = (0..found_actors.actors.len()).map(|i| (i < found_actors.listed).then_some(i)).collect();
    let referenced = found_figures.iter().map(|f| f.owner).chain(found_claims.iter().map(|c| c.source));
    for i in referenced.flatten() {
        if let Some(slot @ None) = output_index.get_mut(i) {
            *slot = Some(reported.len());
            reported.push(i);
        }
    }
    let actor_id = |i: usize| output_index.get(i).copied().flatten().map(|k| id('a', k + 1));
    let claim_id = |i: usize| id('c', i + 1);
    Annotations {
        figures: found_figures
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let (start, end) = map.span(f.span);
                Figure {
                    id: id('f', i + 1),
                    start,
                    end,
                    text: f.span.of(text).to_string(),
                    kind: f.kind,
                    value: f.value,
                    min: f.min,
                    max: f.max,
                    qualifier: f.qualifier,
                    owner: f.owner.and_then(actor_id),
                    location: f.location.clone(),
                    action: f.action.map(str::to_string),
                }
            })
            .collect(),
        actors: reported
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let a = &found_actors.actors[i];
                Actor {
                    id: id('a', k + 1),
                    name: a.name.clone(),
                    kind: a.kind,
                    role: a.role.clone(),
                    mentions: a
                        .mentions
                        .iter()
                        .map(|m| {
                            let (start, end) = map.span(*m);
                            Mention { start, end, text: m.of(text).to_string() }
                        })
                        .collect(),
                }
            })
            .collect(),
        claims: found_claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let (start, end) = map.span(c.span);
                Claim {
                    id: claim_id(i),
                    start,
                    end,
                    text: c.span.of(text).to_string(),
                    source: c.source.and_then(actor_id),
                    cue: c.cue.clone(),
                    stance: c.stance,
                    contested: c.contested,
                    contested_by: c.contested_by.iter().map(|&j| claim_id(j)).collect(),
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::id;

    #[test]
    fn ids_are_a_letter_and_a_decimal_number() {
        assert_eq!([id('f', 1), id('a', 12), id('c', 100), id('a', usize::MAX)], ["f1", "a12", "c100", &format!("a{}", usize::MAX)]);
    }
}
