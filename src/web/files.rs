//! Opening files: .txt, .md, .html (text extracted with the browser's parser, nothing runs) and
//! .json (our own export). Bad files get a clear message.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::corrections::Lexicon;
use super::state::{Action, State, MAX_ANNOTATED_BYTES};

/// The largest file opened (10 MB).
pub const MAX_FILE_BYTES: f64 = 10.0 * 1024.0 * 1024.0;

/// Reads each file and opens it in a tab, or reports why not.
pub fn open_files(files: Vec<web_sys::File>, dispatch: UseReducerDispatcher<State>) {
    for file in files {
        let name = file.name();
        if file.size() > MAX_FILE_BYTES {
            // Tenths of a megabyte in integers: formatting an f64 would add kilobytes to the wasm.
            let tenths = (file.size() * 10.0 / 1048576.0).round() as u64;
            let text = format!("“{name}” is too big to open ({}.{} MB; the limit is 10 MB).", tenths / 10, tenths % 10);
            dispatch.dispatch(Action::Notify { text, error: true });
            continue;
        }
        let dispatch = dispatch.clone();
        let on_read = Closure::once(move |buffer: JsValue| {
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            dispatch.dispatch(match lexicon_from_bytes(&bytes) {
                Some(lexicon) => Action::ImportLexicon(lexicon),
                None => match article_from_bytes(&name, &bytes) {
                    Ok((title, text)) => Action::Open { title, text },
                    Err(text) => Action::Notify { text, error: true },
                },
            });
        });
        let _ = file.array_buffer().then(&on_read);
        on_read.forget();
    }
}

/// The files of a file list.
pub fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// A user lexicon (exported corrections), if the bytes are one.
fn lexicon_from_bytes(bytes: &[u8]) -> Option<Lexicon> {
    let value = super::json::parse(std::str::from_utf8(bytes).ok()?).ok()?;
    Lexicon::from_json(&value)
}

fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample.iter().filter(|&&b| b == 0 || (b < 9) || (14..32).contains(&b) && b != 27).count();
    sample.contains(&0) || controls * 20 > sample.len().max(1)
}

fn extension(name: &str) -> String {
    name.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).unwrap_or_default()
}

/// Turns a file's bytes into (title, article text), or a message saying what is wrong.
pub fn article_from_bytes(name: &str, bytes: &[u8]) -> Result<(String, String), String> {
    if looks_binary(bytes) {
        return Err(format!("“{name}” looks like a binary file, not text. Open a .txt, .md, .html or .json file."));
    }
    let Ok(text) = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)) else {
        return Err(format!("“{name}” is not valid UTF-8 text. Save it as UTF-8 and try again."));
    };
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem).to_string();
    let ext = extension(name);
    let (title, body) = match ext.as_str() {
        "json" => from_export(name, text)?,
        "html" | "htm" | "xhtml" => from_html(text, stem),
        "md" | "markdown" => (stem, from_markdown(text)),
        "txt" | "text" | "" => (stem, text.replace("\r\n", "\n")),
        _ => return Err(format!("“{name}”: unsupported file type. Open a .txt, .md, .html or .json file.")),
    };
    if body.trim().is_empty() {
        return Err(format!("“{name}” has no article text."));
    }
    if body.len() > MAX_ANNOTATED_BYTES {
        let (size, limit) = (super::size(body.len()), MAX_ANNOTATED_BYTES / 1048576);
        return Err(format!(
            "“{name}” holds {size} of text: too long to annotate in the page (the limit is {limit} MB). Split it, or use the command line (muster annotate), which takes any size."
        ));
    }
    Ok((title, body))
}

fn from_export(name: &str, text: &str) -> Result<(String, String), String> {
    let wrong = || format!("“{name}” is not a Muster export: expected a JSON object with a \"text\" string.");
    let value = super::json::parse(text).map_err(|e| format!("“{name}” is not valid JSON ({e})."))?;
    let body = value.get("text").and_then(|t| t.as_str()).ok_or_else(wrong)?;
    let title = value.get("title").and_then(|t| t.as_str()).unwrap_or("").to_string();
    Ok((title, body.to_string()))
}

fn from_markdown(text: &str) -> String {
    text.replace("\r\n", "\n")
        .lines()
        .map(|line| {
            let line = line.trim_start_matches('#').trim_start_matches('>');
            let line = if line.len() < 120 && line.starts_with(' ') { line.trim_start() } else { line };
            line.replace("**", "").replace("__", "")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Extracts readable text from HTML with a detached DOMParser document (scripts never run there).
fn from_html(html: &str, fallback_title: String) -> (String, String) {
    let Ok(parser) = web_sys::DomParser::new() else { return (fallback_title, String::new()) };
    let Ok(doc) = parser.parse_from_string(html, web_sys::SupportedType::TextHtml) else {
        return (fallback_title, String::new());
    };
    let title = doc
        .query_selector("h1")
        .ok()
        .flatten()
        .and_then(|h| h.text_content())
        .or_else(|| doc.query_selector("title").ok().flatten().and_then(|t| t.text_content()))
        .map(|t| collapse(&t))
        .filter(|t| !t.is_empty())
        .unwrap_or(fallback_title);
    const DROPPED: &str = "script, style, noscript, template, iframe, object, embed, svg, canvas, nav, header, footer, aside, form, button, [hidden], [aria-hidden=true]";
    if let Ok(nodes) = doc.query_selector_all(DROPPED) {
        for i in 0..nodes.length() {
            if let Some(element) = nodes.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                element.remove();
            }
        }
    }
    let root = doc
        .query_selector("article")
        .ok()
        .flatten()
        .or_else(|| doc.query_selector("main").ok().flatten())
        .or_else(|| doc.body().map(Into::into));
    let Some(root) = root else { return (title, String::new()) };
    let mut blocks = Vec::new();
    if let Ok(nodes) = root.query_selector_all("h1, h2, h3, h4, p, li, blockquote, pre") {
        for i in 0..nodes.length() {
            let Some(element) = nodes.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            if element.parent_element().and_then(|p| p.closest("p, li, blockquote, pre").ok().flatten()).is_some() {
                continue;
            }
            let text = collapse(&element.text_content().unwrap_or_default());
            if !text.is_empty() {
                blocks.push(text);
            }
        }
    }
    if blocks.is_empty() {
        blocks.push(collapse(&root.text_content().unwrap_or_default()));
    }
    (title, blocks.join("\n\n"))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
