//! The native command line: `muster annotate FILE... | -`.

use std::io::Read;

/// Runs the CLI with `args` (without the program name); returns the exit code.
pub fn run(args: Vec<String>) -> i32 {
    match args.first().map(String::as_str) {
        Some("annotate") => {
            let mut code = 0;
            for path in &args[1..] {
                let text = if path == "-" {
                    let mut s = String::new();
                    std::io::stdin().read_to_string(&mut s).map(|_| s)
                } else {
                    std::fs::read_to_string(path)
                };
                match text {
                    Ok(text) => println!("{}", serde_json::to_string(&crate::annotate(&text)).unwrap_or_default()),
                    Err(e) => {
                        eprintln!("muster: {path}: {e}");
                        code = 1;
                    }
                }
            }
            code
        }
        _ => {
            eprintln!("usage: muster annotate FILE... | -");
            2
        }
    }
}
