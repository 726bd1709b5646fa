//! Caller options shared by the CLI and the JS API.

use crate::Annotations;

/// Which parts of the schema a caller wants; the others come back as empty lists.
///
/// Ids stay those of the full result, so a figure's `owner` still names its actor
/// even when actors are not listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Categories {
    /// Keep `figures`.
    pub figures: bool,
    /// Keep `actors`.
    pub actors: bool,
    /// Keep `claims`.
    pub claims: bool,
}

impl Default for Categories {
    fn default() -> Self {
        Categories { figures: true, actors: true, claims: true }
    }
}

impl Categories {
    /// The names a caller may give, in schema order.
    pub const NAMES: [&'static str; 3] = ["figures", "actors", "claims"];

    /// Parses names such as `["figures", "claims"]`; singular forms are accepted too.
    pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Self, String> {
        let mut chosen = Categories { figures: false, actors: false, claims: false };
        for name in names {
            match name.trim().to_ascii_lowercase().as_str() {
                "figures" | "figure" => chosen.figures = true,
                "actors" | "actor" => chosen.actors = true,
                "claims" | "claim" => chosen.claims = true,
                "" => {}
                other => {
                    return Err(format!(
                        "unknown category '{other}' (expected {})",
                        Self::NAMES.join(", ")
                    ))
                }
            }
        }
        Ok(chosen)
    }

    /// Parses a comma-separated list: `figures,claims`.
    pub fn parse(list: &str) -> Result<Self, String> {
        Self::from_names(list.split(','))
    }

    /// Empties the lists the caller did not ask for.
    pub fn apply(&self, annotations: &mut Annotations) {
        if !self.figures {
            annotations.figures.clear();
        }
        if !self.actors {
            annotations.actors.clear();
        }
        if !self.claims {
            annotations.claims.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lists_and_rejects_unknown_names() {
        let c = Categories::parse("figures, Claim").unwrap();
        assert_eq!(c, Categories { figures: true, actors: false, claims: true });
        assert!(Categories::parse("figures,troops").unwrap_err().contains("troops"));
    }
}
