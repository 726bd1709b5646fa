//! Hand-parsed command-line arguments (no parser crate: the CLI is small).

use crate::api::options::Categories;

/// What the user asked for.
#[derive(Debug, PartialEq)]
pub enum Command {
    /// `muster annotate …`.
    Annotate(Options),
    /// `muster numbers …`.
    Numbers(Options),
    /// `muster help [COMMAND]`, `--help`: the help for a command, or the overview.
    Help(Option<&'static str>),
    /// `muster --version`.
    Version,
}

/// How results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JSON: the bare object for one input, an array of records for several.
    Json,
    /// One compact JSON record per line.
    Jsonl,
    /// Plain lines for people (`numbers` only).
    Text,
}

/// How inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Each input is one article.
    Text,
    /// Each line of each input is one article: `{"id": …, "text": "…"}`.
    Jsonl,
}

/// Options shared by the commands; each command accepts the subset its help lists.
#[derive(Debug, PartialEq)]
pub struct Options {
    /// `--format`, if given.
    pub format: Option<Format>,
    /// `--input`.
    pub input: InputKind,
    /// `--categories`.
    pub categories: Categories,
    /// `--jobs`: worker threads; `None` means one per core.
    pub jobs: Option<usize>,
    /// `--progress`: report progress on stderr even when it is not a terminal.
    pub progress: bool,
    /// Paths, `-` for standard input.
    pub files: Vec<String>,
}

/// The commands, for help and error messages.
pub const COMMANDS: [&str; 2] = ["annotate", "numbers"];

/// Parses `args` (without the program name). `Err` holds a one-line message.
pub fn parse(args: &[String]) -> Result<Command, String> {
    let Some(first) = args.first() else {
        return Ok(Command::Help(None));
    };
    let rest = &args[1..];
    match first.as_str() {
        "-h" | "--help" => Ok(Command::Help(None)),
        "-V" | "--version" => Ok(Command::Version),
        "help" => match rest.first() {
            None => Ok(Command::Help(None)),
            Some(name) => command_name(name).map(|c| Command::Help(Some(c))),
        },
        name => {
            let command = command_name(name)?;
            match parse_options(command, rest)? {
                None => Ok(Command::Help(Some(command))),
                Some(options) if command == "annotate" => Ok(Command::Annotate(options)),
                Some(options) => Ok(Command::Numbers(options)),
            }
        }
    }
}

fn command_name(name: &str) -> Result<&'static str, String> {
    COMMANDS
        .into_iter()
        .find(|c| *c == name)
        .ok_or_else(|| format!("unknown command '{name}' (expected {}; see muster --help)", COMMANDS.join(" or ")))
}

/// The options of `command`; `None` when help was asked for.
fn parse_options(command: &'static str, args: &[String]) -> Result<Option<Options>, String> {
    let mut options = Options {
        format: None,
        input: InputKind::Text,
        categories: Categories::default(),
        jobs: None,
        progress: false,
        files: Vec::new(),
    };
    let annotate = command == "annotate";
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--" {
            options.files.extend(args.by_ref().cloned());
            break;
        }
        if arg == "-" || !arg.starts_with('-') {
            options.files.push(arg.clone());
            continue;
        }
        // `--name=value`, `-nVALUE`, or the value as the next argument.
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_string())),
            _ if !arg.starts_with("--") && arg.len() > 2 && arg.is_char_boundary(2) => {
                (&arg[..2], Some(arg[2..].to_string()))
            }
            _ => (arg.as_str(), None),
        };
        let mut value = |what: &str| {
            inline
                .clone()
                .or_else(|| args.next().cloned())
                .ok_or_else(|| format!("muster {command}: {name} needs {what}"))
        };
        match name {
            "-h" | "--help" if inline.is_none() => return Ok(None),
            "-f" | "--format" => {
                let v = value("a format")?;
                options.format = Some(match v.as_str() {
                    "json" => Format::Json,
                    "jsonl" => Format::Jsonl,
                    "text" if !annotate => Format::Text,
                    _ => {
                        let allowed = if annotate { "json or jsonl" } else { "json, jsonl or text" };
                        return Err(format!("muster {command}: unknown format '{v}' (expected {allowed})"));
                    }
                });
            }
            "-j" | "--jobs" => {
                let v = value("a number")?;
                match v.parse::<usize>() {
                    Ok(n) if n > 0 => options.jobs = Some(n),
                    _ => return Err(format!("muster {command}: --jobs needs a whole number above 0, not '{v}'")),
                }
            }
            "-i" | "--input" if annotate => {
                let v = value("text or jsonl")?;
                options.input = match v.as_str() {
                    "text" => InputKind::Text,
                    "jsonl" => InputKind::Jsonl,
                    _ => return Err(format!("muster annotate: unknown input kind '{v}' (expected text or jsonl)")),
                };
            }
            "-c" | "--categories" if annotate => {
                let v = value("a list such as figures,claims")?;
                options.categories = Categories::parse(&v).map_err(|e| format!("muster annotate: {e}"))?;
            }
            "--progress" if annotate && inline.is_none() => options.progress = true,
            _ => return Err(format!("muster {command}: unknown option '{arg}' (see muster {command} --help)")),
        }
    }
    if options.files.is_empty() {
        return Err(format!("muster {command}: no input: give one or more FILEs, or - for standard input"));
    }
    Ok(Some(options))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn parses_options_in_any_order_and_both_value_styles() {
        let Ok(Command::Annotate(o)) = parse(&args("annotate a.txt --format=jsonl -j3 --categories figures - b"))
        else {
            panic!("not an annotate command")
        };
        assert_eq!(o.format, Some(Format::Jsonl));
        assert_eq!(o.jobs, Some(3));
        assert!(!o.categories.actors && o.categories.figures);
        assert_eq!(o.files, ["a.txt", "-", "b"]);
    }

    #[test]
    fn double_dash_ends_options() {
        let Ok(Command::Numbers(o)) = parse(&args("numbers -- --odd-name")) else { panic!() };
        assert_eq!(o.files, ["--odd-name"]);
    }

    #[test]
    fn help_wins_over_missing_input_and_errors_are_one_line() {
        assert_eq!(parse(&args("annotate --help")), Ok(Command::Help(Some("annotate"))));
        assert_eq!(parse(&args("help numbers")), Ok(Command::Help(Some("numbers"))));
        for bad in ["annotate -é a", "annotate -hx a", "annotate -f xml a", "numbers --input jsonl a", "annotate -j 0 a", "frobnicate"] {
            let err = parse(&args(bad)).unwrap_err();
            assert!(!err.contains('\n') && !err.is_empty(), "{bad}: {err}");
        }
    }
}
