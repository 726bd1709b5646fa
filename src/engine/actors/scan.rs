//! Looking for unknown people and organisations in name runs: titles, cues, head words
//! and acronyms defined in parentheses.

use super::runs::{starts_upper, Unit, UnitKind};
use super::{is_all_caps, words, Candidate, Source, MAX_RUN};
use crate::engine::lexicon::{lexicon, Form, Hit};
use crate::engine::text::lowercase;
use crate::engine::schema::ActorKind;
use crate::engine::text::TokenKind;
use crate::engine::{Doc, Span};

/// Whether a line is a headline in title case: mostly capitalised words, no final stop.
pub(super) fn is_headline(doc: &Doc, line: Span) -> bool {
    let text = doc.text;
    let first = doc.tokens.partition_point(|t| t.span.start < line.start);
    let (mut caps, mut lower) = (0, 0);
    for t in doc.tokens[first..].iter().take_while(|t| t.span.end <= line.end).filter(|t| t.kind == TokenKind::Word) {
        let w = t.text(text);
        if starts_upper(w) {
            caps += 1;
        } else if w.len() > 3 {
            lower += 1;
        }
    }
    let ends_like_prose = line.of(text).trim_end().ends_with(['.', '!', '?', '"', '”', '’', '\'', ':', ';', ',']);
    caps >= 4 && lower * 3 <= caps && !ends_like_prose
}

/// What every run scan needs.
pub(super) struct Context<'a, 't> {
    pub(super) doc: &'a Doc<'t>,
    /// Kept lexicon hits, in text order, disjoint.
    pub(super) hits: &'a [Hit],
    pub(super) units: &'a [Unit],
    /// Per sentence: whether it is a title-case headline.
    pub(super) headlines: Vec<bool>,
}

impl Context<'_, '_> {
    pub(super) fn text(&self) -> &str {
        self.doc.text
    }

    pub(super) fn unit_text(&self, u: &Unit) -> &str {
        u.span.of(self.doc.text)
    }

    /// The lexicon hit covering a unit, if any.
    fn hit_in(&self, u: &Unit) -> Option<&Hit> {
        u.hit.and_then(|i| self.hits.get(i))
    }

    /// Whether a unit can be part of a person's name.
    fn is_name_unit(&self, u: &Unit) -> bool {
        match u.kind {
            UnitKind::Initial | UnitKind::Particle => true,
            UnitKind::Cap => {
                let w = self.unit_text(u);
                !u.title
                    && !u.stop
                    && !is_all_caps(w)
                    && u.head.is_none()
                    && self.hit_in(u).is_none_or(|h| lexicon().entries[h.entry].kind == ActorKind::Person)
            }
            _ => false,
        }
    }

    /// Whether the line holding `span` is a headline in title case.
    pub(super) fn in_headline(&self, span: Span) -> bool {
        let i = self.doc.sentences.partition_point(|s| s.end <= span.start);
        self.headlines.get(i).copied().unwrap_or(false)
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.doc.tokens.get(i).filter(|t| t.kind == TokenKind::Word).map(|t| t.text(self.doc.text))
    }

    /// The two words before token `i`, looking past symbols glued to it ("told °®Name").
    fn words_before(&self, i: usize) -> (Option<&str>, Option<&str>) {
        let tokens = &self.doc.tokens[..];
        let mut p = i;
        let glued_symbol = |p: usize| {
            tokens.get(p).is_some_and(|t| !t.space_before) && tokens.get(p - 1).is_some_and(|t| t.kind == TokenKind::Punct && !"(\"“‘'’,.;:—–-".contains(t.text(self.text())))
        };
        while p > 0 && p + 2 > i && glued_symbol(p) {
            p -= 1;
        }
        (p.checked_sub(1).and_then(|q| self.word(q)), p.checked_sub(2).and_then(|q| self.word(q)))
    }

    fn tok(&self, i: usize) -> Option<&str> {
        self.doc.tokens.get(i).map(|t| t.text(self.doc.text))
    }

    /// Looks for people and organisations in one run (of at most [`MAX_RUN`] units: any more are ignored).
    pub(super) fn scan_run(&self, run: &[Unit], out: &mut Vec<Candidate>) {
        let text = self.text();
        let run = &run[..run.len().min(MAX_RUN)];
        // The units taken by titled people; on the stack, since this runs for every run.
        let mut used = [false; MAX_RUN];
        // People after titles: "Air Force Major General Patrick Ryder".
        let mut i = 0;
        while i < run.len() {
            if run[i].kind != UnitKind::Cap || !run[i].title {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < run.len()
                && (run[j].title || (run[j].kind == UnitKind::Connector && j + 1 < run.len() && run[j + 1].title))
            {
                j += 1;
            }
            if !run[i..j].iter().any(|u| words::is_core_title(self.unit_text(u))) {
                i = j;
                continue;
            }
            let mut k = j;
            // "Supreme Allied Commander Europe": a region after a title is part of the title.
            while k < run.len() && self.is_name_unit(&run[k]) && !words::is_region(self.unit_text(&run[k])) {
                k += 1;
                if run[k - 1].possessive {
                    break;
                }
            }
            while k > j && run.get(k - 1).is_some_and(|u| u.kind == UnitKind::Particle) {
                k -= 1;
            }
            // "Foreign Minister Thérèse Kayikwamba Wagner": a known name can end a titled person's name.
            if k >= j + 2 && k + 1 == run.len() && !run[k - 1].possessive && self.hit_in(&run[k]).is_some_and(|h| h.form == Form::Name && h.span == run[k].span && lexicon().entries[h.entry].kind != ActorKind::State) {
                k += 1;
            }
            if k > j && run.get(j).is_some_and(|u| u.kind == UnitKind::Cap) {
                let role = Span::new(run[i].span.start, run[j - 1].span.end).of(text).to_string();
                let before = match i.checked_sub(1) {
                    Some(p) => Some(run[p]),
                    // "Iraq’s Prime Minister ...": the possessive just before the run.
                    None => self
                        .units
                        .partition_point(|u| u.span.start < run[0].span.start)
                        .checked_sub(1)
                        .and_then(|p| self.units.get(p).copied())
                        .filter(|u| u.possessive && u.tokens.1 + 1 == run[0].tokens.0),
                };
                let role = match before.as_ref().and_then(|u| self.hit_in(u)) {
                    Some(h) => format!("{role} ({})", lexicon().entries[h.entry].name),
                    None => role,
                };
                let span = Span::new(run[j].span.start, run[k - 1].span.end);
                out.push(Candidate { span, source: Source::Person { role: Some(role), alias: false } });
                used[i..k].iter_mut().for_each(|u| *u = true);
                i = k;
            } else {
                i = j.max(i + 1);
            }
        }
        // The rest: organisations by head word, else people by cues.
        let mut s = 0;
        while s < run.len() {
            if used[s] {
                s += 1;
                continue;
            }
            let mut e = s;
            while e < run.len() && !used[e] {
                e += 1;
            }
            self.scan_segment(run.get(s..e).unwrap_or(&[]), out);
            s = e;
        }
    }

    /// An organisation ending in a head word, or a person shown by context.
    fn scan_segment(&self, seg: &[Unit], out: &mut Vec<Candidate>) {
        let text = self.text();
        let mut s = 0;
        while s < seg.len() && (seg[s].stop || seg[s].kind != UnitKind::Cap && seg[s].kind != UnitKind::Ordinal) {
            s += 1;
        }
        let mut seg = &seg[s..];
        // "Deputy Head of the Security and Defence Committee": the title is not the body's name.
        let titles = seg.iter().take_while(|u| u.kind == UnitKind::Cap && u.title).count();
        if titles < seg.len() && seg[..titles].iter().any(|u| words::is_core_title(self.unit_text(u))) {
            seg = &seg[titles..];
            while seg.first().is_some_and(|u| u.kind == UnitKind::Connector) {
                seg = &seg[1..];
            }
        }
        if seg.is_empty() {
            return;
        }
        // "the ICRC and Human Rights Watch": a name does not run across "and" after a known actor or before "the".
        if let Some(c) = (1..seg.len()).rev().find(|&c| {
            seg[c].kind == UnitKind::Connector
                && self.unit_text(&seg[c]) == "and"
                && (seg.get(c + 1).is_some_and(|u| self.unit_text(u) == "the") || self.hit_in(&seg[c - 1]).is_some_and(|h| h.form != Form::Demonym))
        }) {
            self.scan_segment(&seg[..c], out);
            self.scan_segment(&seg[c + 1..], out);
            return;
        }
        // "the 256th Infantry Brigade Combat Team of the Louisiana army National Guard": two units.
        let is_head = |u: &Unit| u.head.is_some();
        if let Some(h) = (1..seg.len().saturating_sub(2)).find(|&h| is_head(&seg[h]) && seg[h + 1].kind == UnitKind::Connector && seg[h + 2..].iter().any(is_head)) {
            self.scan_segment(&seg[..=h], out);
            self.scan_segment(&seg[h + 1..], out);
            return;
        }
        // "Soldiers of the 82nd Airborne Division": what comes before "of" is not the name.
        if let Some(c) = seg.iter().position(|u| u.kind == UnitKind::Connector && self.unit_text(u) == "of") {
            if !seg[..c].iter().any(|u| is_head(u) || self.hit_in(u).is_some()) && seg[c..].iter().any(is_head) {
                return self.scan_segment(&seg[c + 1..], out);
            }
        }
        // "the PLA's Eastern Theatre Command" written "People's Liberation Army Eastern Theatre
        // Command": a known force, then a body of it named after it.
        let known_force = |u: &Unit| self.hit_in(u).is_some_and(|h| h.form == Form::Name && h.span.end == u.span.end && matches!(lexicon().entries[h.entry].kind, ActorKind::Military | ActorKind::ArmedGroup));
        if let Some(p) = (0..seg.len().saturating_sub(2)).find(|&p| known_force(&seg[p]) && seg[p + 1].kind == UnitKind::Cap && self.hit_in(&seg[p + 1]).is_none()) {
            if seg[p + 1..].iter().any(is_head) {
                return self.scan_segment(&seg[p + 1..], out);
            }
        }
        let tokens = &self.doc.tokens[..];
        let first_tok = seg[0].tokens.0;
        let head = (0..seg.len()).rev().find(|&h| is_head(&seg[h]));
        // "Watch for the Kaliningrad garrison": a verb opening a sentence, not "Human Rights Watch";
        // "the Eastern Front": a front line, not an armed group.
        let verb_head = head == Some(0) && self.unit_text(&seg[0]) == "Watch";
        let front_line = head.is_some_and(|h| h > 0 && self.unit_text(&seg[h]) == "Front" && matches!(self.unit_text(&seg[h - 1]), "Eastern" | "Western" | "Northern" | "Southern" | "Central"));
        let verb_head = verb_head || front_line;
        // "the NATO Force Model", "Army Day", "Air Force One": the head word qualifies another
        // noun (but "Joint Task Force Bravo", "Special Forces Brigade Azov" carry a name after it).
        let task_force = |h: usize| h > 0 && self.unit_text(&seg[h - 1]) == "Task";
        let qualifies = head.is_some_and(|h| seg.get(h + 1).is_some_and(|u| u.kind == UnitKind::Cap && words::is_thing_after_body(self.unit_text(u))));
        if verb_head || qualifies {
            return;
        }
        if let Some(h) = head {
            // "Ministry of Defence of the Russian Federation": the head is the word before "of".
            let of_head = (0..h).find(|&i| is_head(&seg[i]) && matches!(self.unit_text(&seg[i + 1]), "of" | "for"));
            let head_unit = &seg[of_head.unwrap_or(h)];
            let head_word = self.unit_text(head_unit);
            let mut kind = head_unit.head.unwrap_or(ActorKind::Organization);
            let mut start = seg[0].span.start;
            let the_before = first_tok.checked_sub(1).and_then(|p| self.word(p)) == Some("The");
            let mut end = h;
            if h + 1 < seg.len() && matches!(self.unit_text(&seg[h + 1]), "of" | "for" | "on") {
                // "Ministry of National Defense in Taipei": the seat is not part of the name.
                let seated = matches!(head_word, "Ministry" | "Department" | "Office" | "Embassy");
                let seat = (h + 2..seg.len().saturating_sub(1)).filter(|_| seated).find(|&k| self.unit_text(&seg[k]) == "in" && self.is_state_name(self.unit_text(&seg[k + 1])));
                end = seat.map_or(seg.len() - 1, |k| k - 1);
            } else if head_word == "Force" && task_force(h) && seg.len() - h <= 3 {
                // "Joint Task Force Bravo": task forces carry a name after the head.
                end = seg.len() - 1;
            }
            let name_span = Span::new(start, seg[end].span.end);
            let name = name_span.of(text);
            if kind == ActorKind::Organization && matches!(head_word, "Ministry" | "Department") && contains_any(name, &["Defen", "War", "Peshmerga", "Armed"]) {
                kind = ActorKind::Military;
            }
            if head_word == "Agency" && contains_any(name, &["News", "Press"]) {
                kind = ActorKind::Media;
            }
            if kind == ActorKind::Organization && is_security_service(name) {
                kind = ActorKind::Military;
            }
            if kind != ActorKind::Media
                && contains_any(name, &["Liberation", "Islamic", "Jihad", "Resistance", "Mujahideen", "Independence", "Revolutionary", "Rebel"])
                && !contains_any(name, &["Organization", "Republic"])
            {
                kind = ActorKind::ArmedGroup;
            }
            // "The Associated Press": the lexicon already knows the name without "The".
            if self.hit_in(&seg[0]).is_some_and(|x| x.form == Form::Name && x.span == Span::new(seg[0].span.start, seg[end].span.end)) {
                return;
            }
            let media_alone = kind == ActorKind::Media && the_before && h == 0;
            if h >= 1 || end > h || media_alone {
                if kind == ActorKind::Media && the_before {
                    start = tokens[first_tok - 1].span.start;
                }
                let span = Span::new(start, seg[end].span.end);
                out.push(Candidate { span, source: Source::Org(kind, span.of(text).to_string()) });
                return;
            }
        }
        // "the ruling Georgian Dream party", "the Likud party": a party named before the word.
        let after_seg = self.word(seg[seg.len() - 1].tokens.1 + 1);
        if after_seg == Some("party") && seg.iter().any(|u| u.kind == UnitKind::Cap && self.hit_in(u).is_none()) && !seg.iter().any(|u| u.stop) {
            let span = Span::new(seg[0].span.start, seg[seg.len() - 1].span.end);
            out.push(Candidate { span, source: Source::Org(ActorKind::Organization, span.of(text).to_string()) });
            return;
        }
        // People shown by context: strip leading lexicon words ("Iraqi").
        let mut s = 0;
        while s < seg.len() && self.hit_in(&seg[s]).is_some_and(|h| lexicon().entries[h.entry].kind != ActorKind::Person) {
            s += 1;
        }
        let whole = &seg[s..];
        // "state television RTN", "the newspaper Kommersant": an outlet.
        let media = whole.iter().take_while(|u| u.kind == UnitKind::Cap && !u.stop).count();
        if media > 0 && self.words_before(whole[0].tokens.0).0.is_some_and(words::is_media_noun) && self.hit_in(&whole[0]).is_none() {
            let span = Span::new(whole[0].span.start, whole[media - 1].span.end);
            out.push(Candidate { span, source: Source::Org(ActorKind::Media, span.of(text).to_string()) });
            return;
        }
        // The name: the leading name units ("Mohammed Shia al-Sudani" in "... al-Sudani in Washington").
        let mut n = whole.iter().take_while(|u| self.is_name_unit(u)).count();
        while n > 0 && whole[n - 1].kind == UnitKind::Particle {
            n -= 1;
        }
        let seg = &whole[..n];
        let complete = n == whole.len();
        if seg.is_empty() || seg.len() > 6 || seg[0].kind != UnitKind::Cap {
            return;
        }
        // Wholly known names are the lexicon's, except people: their cues still give roles.
        if seg.iter().all(|u| self.hit_in(u).is_some_and(|h| lexicon().entries[h.entry].kind != ActorKind::Person)) {
            return;
        }
        // "Eastern Europe welcomed", "North Kivu said": a region speaking through its people.
        if seg.iter().any(|u| words::is_region(self.unit_text(u))) {
            return;
        }
        let span = Span::new(seg[0].span.start, seg[seg.len() - 1].span.end);
        let caps = seg.iter().filter(|u| u.kind == UnitKind::Cap).count();
        let first = seg[0].tokens.0;
        let last = seg[seg.len() - 1].tokens.1;
        let (prev, prev2) = self.words_before(first);
        let next = self.word(last + 1);
        let after_comma = || {
            let mut k = last + 2;
            if self.tok(last + 1) != Some(",") {
                return None;
            }
            while self.word(k).is_some_and(|w| matches!(lowercase(w).as_str(), "the" | "a" | "an" | "former" | "senior" | "deputy" | "then" | "better" | "also" | "acting" | "who")) {
                k += 1;
            }
            // "a UNIFIL spokesman", "Hamas's political chief": the body before the role.
            let mut body = 0;
            // "the agency's director general": a lower-case owner before its possessive.
            let owner = |k: usize| self.tok(k + 1).is_some_and(|t| t == "’" || t == "'") && self.word(k + 2) == Some("s");
            while body < 3
                && (self.word(k).is_some_and(|w| !words::is_role(&lowercase(w)) && (w.chars().next().is_some_and(char::is_uppercase) || owner(k) || matches!(w, "s" | "military" | "political" | "regional" | "local")))
                    || self.tok(k).is_some_and(|t| t == "’" || t == "'"))
            {
                k += 1;
                body += 1;
            }
            // "the UN human rights chief": a role after a few lower-case qualifiers.
            let role_at = (k..k + 3).take_while(|&j| self.word(j).is_some_and(|w| w.chars().all(char::is_lowercase))).find(|&j| self.word(j).is_some_and(words::is_role));
            self.word(role_at.unwrap_or(k)).map(lowercase)
        };
        // "Somalia's information minister, Daud Aweis": the role, then a comma.
        let role_comma = first >= 2 && self.tok(first - 1) == Some(",") && self.word(first - 2).is_some_and(words::is_role);
        // "A spokesperson for the foreign ministry, Lin Jian, said": a name set off by commas
        // after a lower-case noun, before a verb of saying.
        // "The commander of the SDF, Mazloum Abdi, said": a role of a body before the comma.
        let role_of_body = || (first.saturating_sub(7)..first.saturating_sub(1)).any(|k| self.word(k).is_some_and(words::is_role) && self.word(k + 1) == Some("of"));
        let enclosed = first >= 2
            && self.tok(first - 1) == Some(",")
            && (self.word(first - 2).is_some_and(|w| w.chars().all(char::is_lowercase) || words::is_role(&lowercase(w))) || role_of_body())
            && self.tok(last + 1) == Some(",")
            && self.word(last + 2).is_some_and(words::is_say);
        let told = matches!(prev, Some("told")) || (prev == Some("to") && prev2.is_some_and(|w| w.eq_ignore_ascii_case("according")));
        let alias_cue = prev == Some("as") && prev2 == Some("known") && {
            let k = seg[0].tokens.0.saturating_sub(3);
            self.tok(k).is_some_and(|w| matches!(w, "," | "better" | "also" | "commonly" | "widely" | "popularly"))
        };
        // `"We will stay," Kirby said.` and `..., said Kirby.`: a quote's speaker.
        let after_quote = first > 0 && self.tok(first - 1).is_some_and(|t| matches!(t, "”" | "\"" | "’" | "'")) && (first < 2 || self.tok(first - 2).is_some_and(|t| matches!(t, "," | "." | "?" | "!")));
        let quote_speaker = complete && (after_quote && next.is_some_and(words::is_say) || matches!(prev, Some("said" | "says")) && self.tok(last + 1).is_some_and(|t| matches!(t, "," | "." | ";")));
        let mut role = None;
        let person = if alias_cue {
            out.push(Candidate { span, source: Source::Person { role: None, alias: true } });
            return;
        } else if quote_speaker && caps >= 1 && self.hit_in(&seg[0]).is_none() {
            // `..., said Dmytro Lykhovii, spokesperson for the group.`
            if after_comma().is_some_and(|w| words::is_role(&w)) {
                role = self.apposition(last + 2);
            }
            true
        } else if prev.is_some_and(words::is_role) || next == Some("administration") && caps == 1 {
            role = prev.filter(|w| words::is_role(w)).and_then(|_| self.role_before(first));
            true
        } else if caps >= 2 && complete {
            let appositive = after_comma();
            let apposition = appositive.as_ref().is_some_and(|w| words::is_role(w) || matches!(w.as_str(), "known" | "heads" | "leads" | "commands" | "runs" | "chairs"));
            // ", better known as Hemedti": an alias follows, not a role.
            if apposition && appositive.as_deref() != Some("known") {
                role = self.apposition(last + 2);
            }
            if role_comma {
                role = self.role_before(first - 1);
            }
            // "Xi Jinping met Wang Yi": the object of a meeting is a person too.
            let met = prev.is_some_and(|w| matches!(w, "met" | "meets" | "phoned" | "thanked" | "congratulated"))
                // "a monitor run by Rami Abdurrahman", "forces led by Khalifa Haftar".
                || prev == Some("by") && prev2.is_some_and(|w| matches!(w, "led" | "run" | "headed" | "founded" | "commanded" | "chaired"));
            apposition || role_comma || enclosed || met || next.is_some_and(words::is_say) || (self.tok(last + 1) == Some("(") && self.tok(last + 2) == Some("@")) || told
        } else {
            false
        };
        if person {
            out.push(Candidate { span, source: Source::Person { role, alias: false } });
        } else if told && caps == 1 && whole.len() == 1 && words::head_kind(span.of(text)).is_none() && !next.is_some_and(is_group_noun) {
            out.push(Candidate { span, source: Source::Org(ActorKind::Media, span.of(text).to_string()) });
        }
    }

    /// Whether `w` is wholly a state's name or its capital ("Iraq", "Taipei").
    fn is_state_name(&self, w: &str) -> bool {
        lexicon().find(w).iter().any(|h| h.span.start == 0 && h.span.end == w.len() && lexicon().entries[h.entry].kind == ActorKind::State)
    }

    /// The lower-case role words right before token `at` ("defence minister"), with the
    /// state or body named before them ("Iraqi defence minister" → "defence minister (Iraq)").
    pub(super) fn role_before(&self, at: usize) -> Option<String> {
        let tokens = &self.doc.tokens[..];
        let mut start = at;
        let possessive_s = |i: usize| self.word(i) == Some("s") && i > 0 && self.tok(i - 1).is_some_and(|t| t == "’" || t == "'");
        let article = |w: &str| matches!(w, "a" | "an" | "the" | "and" | "or" | "but" | "with" | "by" | "to" | "as" | "at" | "in" | "on" | "for" | "from" | "that" | "which" | "who");
        while start > 0 && at - start < 3 && !possessive_s(start - 1) && self.word(start - 1).is_some_and(|w| w == "MP" || !article(w) && w.chars().all(|c| c.is_lowercase() || c == '-')) {
            start -= 1;
        }
        if start == at {
            return None;
        }
        // "Army chief Abdel Fattah al-Burhan": the service names the post.
        if start > 0 && self.word(start - 1).is_some_and(|w| matches!(w, "Army" | "Navy" | "Military")) {
            start -= 1;
        }
        // "commander-in-chief", "chief-of-staff": hyphenated words before the role's last word.
        while start > 1 && self.tok(start - 1) == Some("-") && !tokens[start].space_before && !tokens[start - 1].space_before && self.word(start - 2).is_some() && at - start < 6 {
            start -= 2;
        }
        let role = Span::new(tokens.get(start)?.span.start, tokens.get(at.checked_sub(1)?)?.span.end).of(self.text());
        let owner = start.checked_sub(1).and_then(|p| {
            let p = if possessive_s(p) { p.checked_sub(2)? } else { p };
            let end = tokens[p].span.end;
            let at = self.hits.partition_point(|h| h.span.end < end);
            self.hits.get(at).filter(|h| h.span.end == end)
        });
        let body = || start.checked_sub(1).and_then(|p| self.body_ending_at(p));
        Some(match owner {
            Some(h) => format!("{role} ({})", lexicon().entries[h.entry].name),
            None => match body() {
                Some(body) => format!("{role} ({body})"),
                None => role.to_string(),
            },
        })
    }

    /// The name of a body ending in a head word whose run ends at token `at`:
    /// "National Security Council" in "National Security Council spokesman".
    fn body_ending_at(&self, at: usize) -> Option<&str> {
        let last = self.units.partition_point(|u| u.tokens.1 < at);
        let unit = self.units.get(last).filter(|u| u.tokens.1 == at && u.kind == UnitKind::Cap)?;
        unit.head?;
        let mut first = last;
        while first > 0 && last - first < 6 && self.units[first - 1].tokens.1 + 1 == self.units[first].tokens.0 && !self.units[first - 1].possessive && !self.doc.tokens[self.units[first].tokens.0].newline_before {
            first -= 1;
        }
        while first < last && (self.units[first].kind != UnitKind::Cap || self.units[first].stop) {
            first += 1;
        }
        (last > first).then(|| Span::new(self.units[first].span.start, unit.span.end).of(self.text()))
    }

    /// The role in an apposition starting at token `from`: "the head of the Congo River Alliance".
    fn apposition(&self, from: usize) -> Option<String> {
        let tokens = &self.doc.tokens[..];
        let mut i = from;
        while self.word(i).is_some_and(|w| matches!(w, "the" | "a" | "an" | "who")) {
            i += 1;
        }
        let mut end = None;
        for (n, t) in tokens.iter().enumerate().skip(i).take(12) {
            if t.kind == TokenKind::Punct && matches!(t.text(self.text()), "," | "." | ";" | ":" | "(" | "—" | "–" | "\"" | "“" | "”") {
                break;
            }
            if n > i && t.newline_before {
                break;
            }
            end = Some(t.span.end);
        }
        let start = tokens.get(i)?.span.start;
        let role = self.text().get(start..end?)?;
        let mut role = role;
        while let Some(cut) = ["the", "of", "in", "and", "for", "a"].iter().find_map(|w| role.strip_suffix(w).filter(|r| r.ends_with(' '))) {
            role = cut.trim_end();
        }
        Some(role.to_string())
    }

    /// "Iraq's News Agency (INA)": the words whose initials spell a parenthesised acronym.
    /// `parentheses`: the tokens that open "(ACRONYM)" ([`super::acronyms_in_parentheses`]).
    pub(super) fn acronym_definitions(&self, parentheses: &[usize], out: &mut Vec<Candidate>) {
        let tokens = &self.doc.tokens[..];
        let text = self.text();
        for &i in parentheses {
            let acr = tokens[i + 1].text(text);
            // Units ending right before "(", initials matched from the right.
            let last = self.units.partition_point(|u| u.tokens.1 + 1 < i);
            if self.units.get(last).is_none_or(|u| u.tokens.1 + 1 != i) {
                continue;
            }
            let letters: Vec<char> = acr.chars().collect();
            let mut need = letters.len();
            let mut k = last + 1;
            while need > 0 && k > 0 {
                let u = &self.units[k - 1];
                if k <= last && u.tokens.1 + 1 != self.units[k].tokens.0 {
                    break;
                }
                let w = self.unit_text(u);
                if u.kind == UnitKind::Connector {
                    k -= 1;
                    continue;
                }
                // "US Forces Korea (USFK)": an all-capital word gives all its letters.
                let wanted: String = letters[..need].iter().collect();
                if is_all_caps(w) && w.chars().all(|c| c.is_ascii_uppercase()) && wanted.ends_with(w) {
                    need -= w.len();
                } else if w.starts_with(letters[need - 1]) {
                    need -= 1;
                } else {
                    break;
                }
                k -= 1;
            }
            if need > 0 {
                continue;
            }
            let span = Span::new(self.units[k].span.start, self.units[last].span.end);
            let name = span.of(text);
            let kind = match name.rsplit(' ').find_map(words::head_kind) {
                Some(ActorKind::Organization) if contains_any(name, &["News", "Press"]) => ActorKind::Media,
                Some(ActorKind::Organization) if is_security_service(name) => ActorKind::Military,
                Some(kind) => kind,
                None => ActorKind::Organization,
            };
            out.push(Candidate { span, source: Source::Org(kind, name.to_string()) });
        }
    }
}

/// "according to Western officials", "told Kremlin sources": a lower-case plural or
/// collective noun after the capital shows it is an adjective, not an outlet.
fn is_group_noun(w: &str) -> bool {
    let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && w.chars().all(|c| c.is_ascii_lowercase());
    plural || matches!(w, "intelligence" | "media" | "military" | "government" | "security" | "police" | "press")
}

/// Intelligence and security services count as military bodies, as the lexicon's do
/// ("National Intelligence Service", "Defense Intelligence Agency", "State Security Service").
fn is_security_service(name: &str) -> bool {
    contains_any(name, &["Intelligence", "Security Service"])
}

/// Whether `name` contains any of `words`, which all start with an ASCII capital: one pass over
/// the capitals of `name` (a `contains` per word scans it once per word).
fn contains_any(name: &str, words: &[&str]) -> bool {
    let bytes = name.as_bytes();
    (0..bytes.len()).any(|i| bytes[i].is_ascii_uppercase() && words.iter().any(|w| w.as_bytes()[0] == bytes[i] && bytes[i..].starts_with(w.as_bytes())))
}
