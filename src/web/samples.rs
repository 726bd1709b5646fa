//! Sample articles written for Muster (invented, realistic), one click away.

/// (button label, title, text) of each sample.
pub const SAMPLES: [(&str, &str, &str); 3] = [
    ("NATO rotation in Poland", "US brigade rotates into Poland", include_str!("../../www/samples/nato-poland.txt")),
    ("Withdrawal from Niger", "Last French troops leave Niger", include_str!("../../www/samples/sahel-withdrawal.txt")),
    ("Disputed DRC deployment", "Rwanda denies troops in Congo", include_str!("../../www/samples/drc-deployment.txt")),
];
