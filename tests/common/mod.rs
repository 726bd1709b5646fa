//! Helpers shared by the integration tests: generated articles and result checks.

pub mod articles;
pub mod check;
