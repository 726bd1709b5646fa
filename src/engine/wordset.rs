//! Fast membership tests for closed word lists, for every stage.
//!
//! A [`WordIndex`] maps each word of up to 32 lists (64 with `u64` bits) to the set of lists holding it, so
//! one hash lookup answers "is it a title? a month? a head word?" at once: far cheaper
//! than a binary search (a string comparison per step) or a linear scan per list.
//! Build it once, in a `static` [`std::sync::OnceLock`].

use std::ops::{BitAnd, BitOr, Shl};

/// The bit set of a [`WordIndex`]: `u32` (32 lists, the default) or `u64` (64 lists).
pub trait Classes: Copy + Default + PartialEq + BitAnd<Output = Self> + BitOr<Output = Self> + Shl<usize, Output = Self> + From<u8> {}

impl Classes for u32 {}
impl Classes for u64 {}

/// The words of a closed list compiled in as one string, separated by ASCII whitespace.
///
/// Lists are kept so, not as `&[&str]`: a `&str` in a slice also costs its pointer and length
/// (8 bytes in wasm32, which compress badly), and the word lists are thousands of words.
pub fn words(list: &'static str) -> std::str::SplitAsciiWhitespace<'static> {
    list.split_ascii_whitespace()
}

/// Every word of `lists` (each as [`words`] reads it) with the bit of its list: `1 << i` for the list
/// at position `i` (at most as many lists as `C` has bits); for [`WordIndex::from_words`].
pub fn tagged<C: Classes>(lists: &[&'static str]) -> Vec<(&'static str, C)> {
    assert!(lists.len() <= 8 * std::mem::size_of::<C>(), "a WordIndex holds one list per bit");
    lists.iter().enumerate().flat_map(|(i, &list)| words(list).map(move |w| (w, C::from(1) << i))).collect()
}

/// Words of several closed lists, each word with a bit per list that holds it.
///
/// An open-addressing table of words up to 16 bytes (nearly all), each held as two integers and
/// its length, so a lookup is one multiply and an integer compare or two, with no string compare;
/// longer words (a few) go to a sorted list.
pub struct WordIndex<C = u32> {
    /// A power of two long, at most a quarter full (most lookups miss: short probes); empty slots have length 0.
    /// A boxed slice, not a `Vec`: indexing it is inline, where `Vec`'s `Index` is a call at opt-level "z".
    slots: Box<[Slot<C>]>,
    /// How far a hash is shifted right to index `slots`.
    shift: u32,
    /// Words longer than 16 bytes (a few), sorted, with their list bits: a binary search, not a
    /// hash map (one more map type would cost the wasm its own copy of the map's code).
    long: Box<[(&'static str, C)]>,
}

/// One word of a [`WordIndex`] with its list bits.
#[derive(Clone, Copy, Default)]
struct Slot<C> {
    key: (u64, u64),
    len: u32,
    classes: C,
}

/// The most bytes a word held in a slot has.
const SHORT: usize = 16;

/// A word of 1 to 16 bytes as two integers that, with its length, tell it from every other:
/// its first and last eight bytes (overlapping), or its first and last four, or its bytes.
#[inline(always)]
fn key(w: &[u8]) -> (u64, u64) {
    let n = w.len();
    let read8 = |i: usize| w.get(i..i + 8).and_then(|b| <[u8; 8]>::try_from(b).ok()).map_or(0, u64::from_le_bytes);
    let read4 = |i: usize| w.get(i..i + 4).and_then(|b| <[u8; 4]>::try_from(b).ok()).map_or(0, |b| u64::from(u32::from_le_bytes(b)));
    match n {
        8.. => (read8(0), read8(n - 8)),
        4..=7 => (read4(0) | read4(n - 4) << 32, 0),
        1..=3 => (u64::from(w[0]) | u64::from(w[n / 2]) << 8 | u64::from(w[n - 1]) << 16, 0),
        0 => (0, 0),
    }
}

/// Eight bytes with their ASCII capitals lowered, all at once (other bytes unchanged).
#[inline(always)]
pub(crate) fn fold(x: u64) -> u64 {
    const LANES: u64 = 0x0101_0101_0101_0101;
    let low7 = x & (0x7F * LANES);
    // A lane's top bit: at or past 'A', past 'Z', not ASCII.
    let from_a = low7 + (0x80 - u64::from(b'A')) * LANES;
    let past_z = low7 + (0x80 - u64::from(b'Z') - 1) * LANES;
    let upper = from_a & !past_z & !x & (0x80 * LANES);
    x | upper >> 2
}

impl<C: Classes> WordIndex<C> {
    /// Indexes `lists`, each one string of words separated by ASCII whitespace (see [`words`]); the
    /// list at position `i` sets bit `1 << i` (at most as many lists as `C` has bits).
    pub fn new(lists: &[&'static str]) -> Self {
        Self::from_words(&tagged(lists))
    }

    /// Indexes words each with the bits of the lists holding it (a word may come more than once: its bits add up).
    pub fn from_words(words: &[(&'static str, C)]) -> Self {
        let bits = (4 * words.len()).max(2).next_power_of_two().trailing_zeros();
        let mut index = WordIndex { slots: vec![Slot::default(); 1 << bits].into_boxed_slice(), shift: 64 - bits, long: Box::default() };
        let mut long: Vec<(&'static str, C)> = Vec::new();
        for &(w, classes) in words {
            if w.len() > SHORT {
                match long.iter_mut().find(|(x, _)| *x == w) {
                    Some(entry) => entry.1 = entry.1 | classes,
                    None => long.push((w, classes)),
                }
            } else if !w.is_empty() {
                let k = key(w.as_bytes());
                let slot = index.find(k, w.len());
                let slot = &mut index.slots[slot];
                *slot = Slot { key: k, len: w.len() as u32, classes: slot.classes | classes };
            }
        }
        crate::engine::sort::sort_by_key(&mut long, |&(w, _)| w);
        index.long = long.into_boxed_slice();
        index
    }

    /// The slot holding the word of `len` (1 to 16) bytes with this [`key`], or the empty slot where it would go.
    #[inline(always)]
    fn find(&self, k: (u64, u64), len: usize) -> usize {
        let hash = (k.0 ^ k.1.rotate_left(31) ^ len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mask = self.slots.len() - 1;
        let mut at = (hash >> self.shift) as usize & mask;
        loop {
            let slot = &self.slots[at];
            if slot.len == 0 || slot.len as usize == len && slot.key == k {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    /// The bits of the lists holding `word` (0 if none); exact, case-sensitive match.
    pub fn classes(&self, word: &str) -> C {
        match word.len() {
            0 => C::default(),
            1..=SHORT => self.slots[self.find(key(word.as_bytes()), word.len())].classes,
            _ => self.long.binary_search_by(|&(w, _)| w.cmp(word)).map_or(C::default(), |at| self.long[at].1),
        }
    }

    /// The bits of the lists holding `word` with its ASCII letters lowered: for lists in lower
    /// case, a match that ignores ASCII case, with no allocation for words of up to 16 bytes.
    pub fn folded_classes(&self, word: &str) -> C {
        match word.len() {
            0 => C::default(),
            1..=SHORT => {
                let k = key(word.as_bytes());
                self.slots[self.find((fold(k.0), fold(k.1)), word.len())].classes
            }
            _ if self.long.is_empty() => C::default(),
            _ => self.classes(&word.to_ascii_lowercase()),
        }
    }

    /// Whether any list in the bit set `lists` holds `word`.
    #[inline(always)]
    pub fn any(&self, lists: C, word: &str) -> bool {
        self.classes(word) & lists != C::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_lowers_ascii_capitals_in_every_lane() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                // The byte in one lane, its neighbours capitals, lower-case letters and non-ASCII.
                let mut bytes = *b"AzZa\xC3@[`";
                bytes[lane] = b;
                assert_eq!(fold(u64::from_le_bytes(bytes)), u64::from_le_bytes(bytes.map(|x| x.to_ascii_lowercase())), "byte {b:#x} in lane {lane}");
            }
        }
    }

    #[test]
    fn answers_for_every_list_at_once() {
        let index: WordIndex = WordIndex::new(&["army navy", "navy\n  said", "a-very-long-word-indeed sixteen-byte-wrd eight-by four a"]);
        assert_eq!(index.classes("navy"), 0b011);
        assert_eq!(index.classes("army"), 0b001);
        assert_eq!(index.classes("a-very-long-word-indeed"), 0b100);
        assert_eq!(index.classes("Navy"), 0);
        assert_eq!(index.classes(""), 0);
        for w in ["sixteen-byte-wrd", "eight-by", "four", "a"] {
            assert_eq!(index.classes(w), 0b100, "{w}");
        }
        // Same first and last bytes, other lengths or middles: no false hits.
        for w in ["sixteen-byte-word", "sixteen-bxte-wrd", "eight-bby", "fouur", "fo", "b", "arm", "armyy", "nav"] {
            assert_eq!(index.classes(w), 0, "{w}");
        }
        assert!(index.any(0b010, "said") && !index.any(0b001, "said"));
        assert_eq!(index.folded_classes("NaVy"), 0b011);
        assert_eq!(index.folded_classes("A-Very-Long-Word-Indeed"), 0b100);
        assert_eq!(index.folded_classes("Navies"), 0);
        assert_eq!(index.folded_classes(""), 0);
        // Up to 64 lists with `u64` bits.
        let mut lists: Vec<&'static str> = vec![""; 40];
        lists.push("army");
        let wide: WordIndex<u64> = WordIndex::new(&lists);
        assert_eq!(wide.folded_classes("Army"), 1 << 40);
    }
}
