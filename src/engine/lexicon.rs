//! The curated lexicon of known actors (data in `data/lexicon.tsv`, compiled in).
