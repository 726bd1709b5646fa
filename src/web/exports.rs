//! Exports of one article: JSON (our schema), CSV, W3C Web Annotation JSON-LD, a standalone
//! annotated HTML file and a plain-text summary. Offsets in exports are Unicode code points.

use super::json::{self, object, ToJson, Value};
use super::analysis::{actor_sub, claim_sub, figure_sub, name_of, Analysis, MarkNode, QUALIFIERS};
use super::popover::thousands;
use crate::{annotate_with, Annotations, OffsetUnit};

/// A file-name-safe slug of a title.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            out.push(crate::engine::text::lower(c));
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() > 48 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "article".into() } else { out }
}

fn code_point_annotations(analysis: &Analysis) -> Annotations {
    let mut annotations = annotate_with(&analysis.text, OffsetUnit::CodePoint);
    analysis.lexicon.apply(&analysis.text, OffsetUnit::CodePoint, &mut annotations);
    annotations
}

/// Our JSON: the schema's three lists plus the title and the text (re-openable).
pub fn to_json(title: &str, analysis: &Analysis) -> String {
    let text: &str = &analysis.text;
    let annotations = code_point_annotations(analysis);
    let mut value = annotations.to_json();
    value.insert("title", title.to_json());
    value.insert("text", text.to_json());
    value.insert("offsets", "code points".to_json());
    json::to_string_pretty(&value)
}

fn csv_field(field: &str) -> String {
    let guarded = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{field}") } else { field.to_string() };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

fn opt<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// One CSV table of figures, actor mentions and claims, with a `category` column.
pub fn to_csv(analysis: &Analysis) -> String {
    let a = code_point_annotations(analysis);
    let name = |id: &Option<String>| {
        id.as_deref().and_then(|id| a.actors.iter().find(|x| x.id == id)).map(|x| x.name.clone()).unwrap_or_default()
    };
    let header = "category,id,start,end,text,kind,value,min,max,qualifier,owner,location,action,name,role,source,cue,stance,contested,contested_by";
    let mut lines = vec![header.to_string()];
    let mut push = |cells: Vec<String>| lines.push(cells.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(","));
    for f in &a.figures {
        let qualifier = name_of(&QUALIFIERS, f.qualifier).to_string();
        push(vec![
            "figure".into(), f.id.clone(), f.start.to_string(), f.end.to_string(), f.text.clone(),
            figure_sub(f).into(), opt(&f.value), opt(&f.min), opt(&f.max), qualifier, name(&f.owner),
            opt(&f.location), opt(&f.action), String::new(), String::new(), String::new(), String::new(),
            String::new(), String::new(), String::new(),
        ]);
    }
    for actor in &a.actors {
        for m in &actor.mentions {
            push(vec![
                "actor".into(), actor.id.clone(), m.start.to_string(), m.end.to_string(), m.text.clone(),
                actor_sub(actor).into(), String::new(), String::new(), String::new(), String::new(), String::new(),
                String::new(), String::new(), actor.name.clone(), opt(&actor.role), String::new(), String::new(),
                String::new(), String::new(), String::new(),
            ]);
        }
    }
    for c in &a.claims {
        push(vec![
            "claim".into(), c.id.clone(), c.start.to_string(), c.end.to_string(), c.text.clone(), String::new(),
            String::new(), String::new(), String::new(), String::new(), String::new(), String::new(), String::new(),
            String::new(), String::new(), name(&c.source), c.cue.clone(), claim_sub(c).into(),
            c.contested.to_string(), c.contested_by.join(" "),
        ]);
    }
    lines.join("\r\n") + "\r\n"
}

fn context(chars: &[char], start: usize, end: usize) -> (String, String, String) {
    let end = end.min(chars.len());
    let start = start.min(end);
    let before = start.saturating_sub(32);
    let after = (end + 32).min(chars.len());
    (
        chars[before..start].iter().collect(),
        chars[start..end].iter().collect(),
        chars[end..after].iter().collect(),
    )
}

/// W3C Web Annotation JSON-LD: one annotation per figure, actor mention and claim, each with a
/// TextQuoteSelector and a TextPositionSelector (code points).
pub fn to_web_annotation(title: &str, analysis: &Analysis) -> String {
    let text: &str = &analysis.text;
    let a = code_point_annotations(analysis);
    let chars: Vec<char> = text.chars().collect();
    let source = format!("urn:muster:article:{}", slug(title));
    let item = |id: String, start: usize, end: usize, tag: &str, details: Value| {
        let (prefix, exact, suffix) = context(&chars, start, end);
        object! {
            "id": format!("urn:muster:{}:{id}", slug(title)),
            "type": "Annotation",
            "motivation": "classifying",
            "body": vec![
                object! { "type": "TextualBody", "purpose": "tagging", "value": tag },
                object! { "type": "TextualBody", "purpose": "describing", "format": "application/json", "value": json::to_string(&details) },
            ],
            "target": object! {
                "source": source,
                "selector": vec![
                    object! { "type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix },
                    object! { "type": "TextPositionSelector", "start": start, "end": end },
                ],
            },
        }
    };
    let mut items = Vec::new();
    for f in &a.figures {
        items.push(item(f.id.clone(), f.start, f.end, "figure", f.to_json()));
    }
    for actor in &a.actors {
        for (n, m) in actor.mentions.iter().enumerate() {
            let details = object! { "actor": actor.id, "name": actor.name, "kind": actor_sub(actor), "role": actor.role };
            items.push(item(format!("{}-m{}", actor.id, n + 1), m.start, m.end, "actor", details));
        }
    }
    for c in &a.claims {
        items.push(item(c.id.clone(), c.start, c.end, "claim", c.to_json()));
    }
    let collection = object! {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("urn:muster:collection:{}", slug(title)),
        "type": "AnnotationCollection",
        "label": title,
        "total": items.len(),
        "first": object! { "type": "AnnotationPage", "startIndex": 0usize, "items": items },
    };
    json::to_string_pretty(&collection)
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn mark_label(analysis: &Analysis, mark: &MarkNode) -> String {
    let id = &*mark.target.id;
    match mark.target.kind {
        super::state::Category::Figure => analysis.figure(id).map_or_else(String::new, |f| {
            let value = f.value.map(thousands).unwrap_or_default();
            let owner = f.owner.as_deref().map(|o| analysis.actor_name(o)).unwrap_or_default();
            format!("Figure ({}) {value} {owner} {}", figure_sub(f), f.location.clone().unwrap_or_default())
        }),
        super::state::Category::Actor => analysis.actor(id).map_or_else(String::new, |a| format!("{} ({})", a.name, actor_sub(a))),
        super::state::Category::Claim => analysis.claim(id).map_or_else(String::new, |c| {
            let source = c.source.as_deref().map(|s| analysis.actor_name(s)).unwrap_or_default();
            format!("Claim ({}{}) {source}", claim_sub(c), if c.contested { ", contested" } else { "" })
        }),
    }
}

fn html_span(analysis: &Analysis, marks: &[MarkNode], from: usize, to: usize, out: &mut String) {
    let text: &str = &analysis.text;
    let mut at = from;
    for mark in marks {
        out.push_str(&escape_html(text.get(at..mark.start).unwrap_or("")));
        let t = &mark.target;
        out.push_str(&format!(
            "<mark class=\"m-{kind}\" data-kind=\"{kind}\" data-id=\"{id}\" data-sub=\"{sub}\" title=\"{title}\">",
            kind = t.kind.as_str(),
            id = escape_html(&t.id),
            sub = t.sub,
            title = escape_html(mark_label(analysis, mark).trim()),
        ));
        html_span(analysis, &mark.children, mark.start, mark.end, out);
        out.push_str("</mark>");
        at = mark.end;
    }
    out.push_str(&escape_html(text.get(at..to).unwrap_or("")));
}

const STANDALONE_CSS: &str = "body{font:17px/1.65 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f;background:#fff}\
article{white-space:pre-wrap}mark{background:none;color:inherit}\
.m-figure{background:#fde7b0;border-bottom:3px solid #b86e00;font-weight:600}\
.m-actor{background:#dcecfb;border-bottom:2px dotted #0a5a9c}\
.m-claim{text-decoration:underline wavy #a0467f;text-underline-offset:4px}\
mark[data-sub=denied]{text-decoration-style:double}\
header p{color:#555;font:14px/1.4 system-ui,sans-serif}\
@media (prefers-color-scheme:dark){body{background:#151719;color:#e8e6e3}.m-figure{background:#5a3d00}.m-actor{background:#123a5c}header p{color:#aaa}}";

/// A standalone annotated HTML page (no scripts; a CSP that forbids them).
pub fn to_html(title: &str, analysis: &Analysis) -> String {
    let mut body = String::new();
    html_span(analysis, &analysis.marks, 0, analysis.text.len(), &mut body);
    let a = &analysis.annotations;
    let mentions: usize = a.actors.iter().map(|x| x.mentions.len()).sum();
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{t}</title>\n<style>{css}</style>\n</head>\n<body>\n\
<header><h1>{t}</h1><p>Annotated by Muster: {nf} figures, {na} actors ({nm} mentions), {nc} claims. \
Figures are boxed with a solid underline, actors dotted, claims wavy (double for denials). Hover a highlight for details.</p></header>\n\
<article data-muster=\"document\">{body}</article>\n</body>\n</html>\n",
        t = escape_html(title),
        css = STANDALONE_CSS,
        nf = a.figures.len(),
        na = a.actors.len(),
        nm = mentions,
        nc = a.claims.len(),
    )
}

/// A short plain-text summary for the clipboard.
pub fn summary(title: &str, analysis: &Analysis) -> String {
    let a = &analysis.annotations;
    let mut out = format!("{title}\n\nTroop figures ({}):\n", a.figures.len());
    for f in &a.figures {
        let mut facts = vec![figure_sub(f).to_string()];
        facts.extend(f.owner.as_deref().map(|o| analysis.actor_name(o)));
        facts.extend(f.location.clone().map(|l| format!("in {l}")));
        facts.extend(f.action.clone());
        out.push_str(&format!("- {} ({})\n", f.text, facts.join(", ")));
    }
    out.push_str(&format!("\nActors ({}):\n", a.actors.len()));
    for actor in &a.actors {
        out.push_str(&format!("- {} [{}], {} mention(s)\n", actor.name, actor_sub(actor).replace('_', " "), actor.mentions.len()));
    }
    let contested = a.claims.iter().filter(|c| c.contested).count();
    out.push_str(&format!("\nClaims ({}, {contested} contested):\n", a.claims.len()));
    for c in &a.claims {
        let source = c.source.as_deref().map(|s| analysis.actor_name(s)).unwrap_or_else(|| "unattributed".into());
        let flag = if c.contested { " [contested]" } else { "" };
        out.push_str(&format!("- {source} ({}){flag}: {}\n", claim_sub(c), c.text));
    }
    out
}
