//! The number grammar: every numeric expression, troop-related or not, with its value or bounds.

use super::schema::Qualifier;
use super::{Doc, Span};

/// A numeric expression: "around 2,500", "between 4,000 and 5,000", "hundreds of".
#[derive(Debug, Clone, PartialEq)]
pub struct NumberExpr {
    /// From the qualifier, if any, through the last number word.
    pub span: Span,
    /// The number, when one is given.
    pub value: Option<u64>,
    /// Lower bound.
    pub min: Option<u64>,
    /// Upper bound.
    pub max: Option<u64>,
    /// How the number bounds the amount.
    pub qualifier: Qualifier,
}

/// Every numeric expression in the document, in text order.
pub fn find(_doc: &Doc) -> Vec<NumberExpr> {
    Vec::new()
}
