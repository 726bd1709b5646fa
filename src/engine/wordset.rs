//! Fast membership tests for closed word lists, for every stage.
//!
//! A [`WordIndex`] maps each word of up to 32 lists to the set of lists holding it, so
//! one hash lookup answers "is it a title? a month? a head word?" at once: far cheaper
//! than a binary search (a string comparison per step) or a linear scan per list.
//! Build it once, in a `static` [`std::sync::OnceLock`].

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A quick, non-cryptographic hash for short words (the Fx multiply-rotate scheme).
/// Lists are fixed and compiled in, so no hash-flooding defence is needed.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(eight));
        }
        let rest = chunks.remainder();
        let mut eight = [0u8; 8];
        eight[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(eight) ^ (rest.len() as u64) << 59);
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map keyed by words, with [`WordHasher`].
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// Words of several closed lists, each word with a bit per list that holds it.
pub struct WordIndex {
    classes: WordMap<&'static str, u32>,
}

impl WordIndex {
    /// Indexes `lists`; the list at position `i` sets bit `1 << i` (at most 32 lists).
    pub fn new(lists: &[&[&'static str]]) -> WordIndex {
        assert!(lists.len() <= 32, "a WordIndex holds at most 32 lists");
        let mut classes = WordMap::default();
        for (i, list) in lists.iter().enumerate() {
            for &w in *list {
                *classes.entry(w).or_insert(0) |= 1 << i;
            }
        }
        WordIndex { classes }
    }

    /// The bits of the lists holding `word` (0 if none); exact, case-sensitive match.
    pub fn classes(&self, word: &str) -> u32 {
        self.classes.get(word).copied().unwrap_or(0)
    }

    /// Whether any list in the bit set `lists` holds `word`.
    pub fn any(&self, lists: u32, word: &str) -> bool {
        self.classes(word) & lists != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_for_every_list_at_once() {
        let index = WordIndex::new(&[&["army", "navy"], &["navy", "said"], &["a-very-long-word-indeed"]]);
        assert_eq!(index.classes("navy"), 0b011);
        assert_eq!(index.classes("army"), 0b001);
        assert_eq!(index.classes("a-very-long-word-indeed"), 0b100);
        assert_eq!(index.classes("Navy"), 0);
        assert_eq!(index.classes(""), 0);
        assert!(index.any(0b010, "said") && !index.any(0b001, "said"));
    }
}
