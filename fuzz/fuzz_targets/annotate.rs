//! Fuzzes the engine: any bytes, read as the CLI and the page read text, must annotate
//! without panicking, with well-formed offsets in every unit and the same result twice.
//! Run with `cargo +nightly fuzz run annotate` (see docs/HARDENING.md).

#![no_main]

#[path = "../../tests/common/check.rs"]
mod check;

use libfuzzer_sys::fuzz_target;
use muster::{annotate_with, OffsetUnit};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for unit in [OffsetUnit::CodePoint, OffsetUnit::Utf16, OffsetUnit::Byte] {
        let out = annotate_with(&text, unit);
        let problems = check::problems(&text, unit, &out);
        assert!(problems.is_empty(), "{unit:?}: {}", problems.join("\n"));
        assert!(out == annotate_with(&text, unit), "{unit:?}: a second run differs");
    }
});
