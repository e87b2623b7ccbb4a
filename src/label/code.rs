//! Label codes: one labeler's labels as a short text to share, `l1.SET.SEED.COUNT.LABELS[.NAME]`, e.g.
//! `l1.class.7.12.JJSw.Ana` (12 labels in 4 characters).
//!
//! - `l1`: the format's version.
//! - `SET`: the labeling set's id; `SEED`: the session's seed (decimal); together they fix the order and the sides.
//! - `COUNT`: how many labels follow (decimal), in the session's order.
//! - `LABELS`: base-3 digits (A = 0, B = 1, Can't tell = 2), three per group, a group's value d₀·9 + d₁·3 + d₂
//!   (0 … 26) written in 5 bits, the bits in order (most significant first) cut into URL-safe base64 characters
//!   (`A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`, 6 bits each). n labels take ⌈5·⌈n/3⌉ / 6⌉ characters: 4 per dozen. A
//!   last group with fewer than three labels is filled with 0 digits, and the last character with 0 bits.
//! - `NAME` (optional): the labeler's name, percent-encoded as links encode it.
//!
//! Decoding is total: any text gives a code or an error naming the part at fault and its value.

use super::pack::{pack, unpack};
use super::Label;
use crate::hash::{decode, encode};
use std::fmt;

/// The version tag every code starts with.
pub const CODE_VERSION: &str = "l1";
/// The key of a code in a page link: `#labels=l1.class.7.12.JJSw`.
pub const LINK_KEY: &str = "labels";
/// The most labels a code may carry.
pub const MAX_LABELS: usize = 10_000;
/// The longest name a code carries, in characters (longer names are cut).
pub const MAX_NAME_CHARS: usize = 40;
/// The longest labeling set id, in characters.
const MAX_SET_CHARS: usize = 40;

/// One labeler's labels, decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelCode {
    /// The labeling set's id.
    pub set: String,
    /// The session's seed.
    pub seed: u64,
    /// The labeler's name, if given: trimmed, non-empty, at most [`MAX_NAME_CHARS`], no control characters.
    pub name: Option<String>,
    /// The labels in the session's order.
    pub labels: Vec<Label>,
}

/// What is wrong with a code: the part (`code`, `version`, `set`, `seed`, `count`, `labels`, `name`) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeError {
    /// The part at fault.
    pub part: &'static str,
    /// What is wrong, with the value.
    pub message: String,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.part, self.message)
    }
}

impl std::error::Error for CodeError {}

fn error(part: &'static str, message: String) -> CodeError {
    CodeError { part, message }
}

/// A value inside a message, as every message of the crate quotes one.
pub(super) use crate::format::quoted as quote;

/// A whole number in plain digits, at most `max`.
fn whole(part: &'static str, text: &str, max: u64) -> Result<u64, CodeError> {
    let bad = || {
        let message = format!("{} is not a whole number from 0 to {max}", quote(text));
        error(part, message)
    };
    if text.is_empty() || text.len() > 20 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    text.parse::<u64>()
        .ok()
        .filter(|&v| v <= max)
        .ok_or_else(bad)
}

impl LabelCode {
    /// A name as a code carries it: trimmed, control characters dropped, cut to [`MAX_NAME_CHARS`]; `None` if
    /// nothing is left.
    pub fn clean_name(name: &str) -> Option<String> {
        let cleaned: String = name
            .chars()
            .filter(|c| !c.is_control())
            .collect::<String>()
            .trim()
            .chars()
            .take(MAX_NAME_CHARS)
            .collect();
        let cleaned = cleaned.trim_end().to_string();
        (!cleaned.is_empty()).then_some(cleaned)
    }

    /// Reads a code (surrounding whitespace ignored). Total: any text gives a code or an error naming the part.
    pub fn parse(text: &str) -> Result<LabelCode, CodeError> {
        let text = text.trim();
        let parts: Vec<&str> = text.splitn(6, '.').collect();
        if parts.len() < 5 {
            let message = format!(
                "{} has {} parts separated by \".\"; a label code is {CODE_VERSION}.SET.SEED.COUNT.LABELS or {CODE_VERSION}.SET.SEED.COUNT.LABELS.NAME",
                quote(text),
                parts.len()
            );
            return Err(error("code", message));
        }
        if parts[0] != CODE_VERSION {
            let message = format!(
                "{} is not {CODE_VERSION}, the version of label codes",
                quote(parts[0])
            );
            return Err(error("version", message));
        }
        let set = parts[1];
        let set_ok = (1..=MAX_SET_CHARS).contains(&set.len())
            && set
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !set_ok {
            let message = format!(
                "{} is not a labeling set id (1 to {MAX_SET_CHARS} of a–z, 0–9 and -)",
                quote(set)
            );
            return Err(error("set", message));
        }
        let seed = whole("seed", parts[2], u64::MAX)?;
        let count = whole("count", parts[3], MAX_LABELS as u64)? as usize;
        let labels = unpack(parts[4], count).map_err(|m| error("labels", m))?;
        let name = match parts.get(5) {
            None => None,
            Some(raw) => {
                let name = decode(raw);
                if encode(&name) != *raw || LabelCode::clean_name(&name).as_ref() != Some(&name) {
                    let message = format!(
                        "{} is not a name as a code writes it (percent-encoded UTF-8, 1 to {MAX_NAME_CHARS} characters, no spaces at the ends)",
                        quote(raw)
                    );
                    return Err(error("name", message));
                }
                Some(name)
            }
        };
        Ok(LabelCode {
            set: set.to_string(),
            seed,
            name,
            labels,
        })
    }

    /// Refuses a code that belongs to another round: another set, another seed, or more labels than `steps`.
    pub fn check_for(&self, set: &str, seed: u64, steps: usize) -> Result<(), String> {
        if self.set != set {
            return Err(format!(
                "this code is for the labeling set {}, not {}",
                quote(&self.set),
                quote(set)
            ));
        }
        if self.seed != seed {
            return Err(format!(
                "this code is for seed {} of {}; this round uses seed {seed}",
                self.seed,
                quote(set)
            ));
        }
        if self.labels.len() > steps {
            return Err(format!(
                "this code has {} labels; {} with seed {seed} has {steps} pairs to label",
                self.labels.len(),
                quote(set)
            ));
        }
        Ok(())
    }
}

impl fmt::Display for LabelCode {
    /// The code's text; [`LabelCode::parse`] reads it back to the same code (the name through
    /// [`LabelCode::clean_name`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let labels = pack(&self.labels);
        let n = self.labels.len();
        write!(f, "{CODE_VERSION}.{}.{}.{n}.{labels}", self.set, self.seed)?;
        if let Some(name) = self.name.as_deref().and_then(LabelCode::clean_name) {
            write!(f, ".{}", encode(&name))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(labels: Vec<Label>, name: Option<&str>) -> LabelCode {
        LabelCode {
            set: "class".into(),
            seed: 7,
            name: name.map(str::to_string),
            labels,
        }
    }

    #[test]
    fn twelve_labels_take_four_characters() {
        let labels: Vec<Label> = (0..12).map(|i| Label::ALL[i % 3]).collect();
        let c = code(labels, Some("Ana"));
        let text = c.to_string();
        assert_eq!(text.split('.').nth(4).unwrap().len(), 4, "{text}");
        assert_eq!(LabelCode::parse(&text), Ok(c));
    }

    #[test]
    fn a_name_is_percent_encoded_and_may_hold_dots() {
        let c = code(vec![Label::B], Some("J. Müller & co"));
        let text = c.to_string();
        assert!(text.ends_with(".J.%20M%C3%BCller%20%26%20co"), "{text}");
        assert_eq!(LabelCode::parse(&text), Ok(c));
    }

    #[test]
    fn each_bad_part_is_named_with_its_value() {
        let part = |t: &str| LabelCode::parse(t).unwrap_err().part;
        assert_eq!(part(""), "code");
        assert_eq!(part("l1.class.7"), "code");
        assert_eq!(part("l2.class.7.0."), "version");
        assert_eq!(part("l1.Class.7.0."), "set");
        assert_eq!(part("l1.class.-7.0."), "seed");
        assert_eq!(part("l1.class.7.99999.A"), "count");
        assert_eq!(part("l1.class.7.3.AB"), "labels");
        assert_eq!(part("l1.class.7.3.!"), "labels");
        assert_eq!(part("l1.class.7.1.G"), "labels"); // filler digit 1 after label 1
        assert_eq!(part("l1.class.7.3.B"), "labels"); // unused bit set
        assert_eq!(part("l1.class.7.3.9"), "labels"); // value 30 > 26
        assert_eq!(part("l1.class.7.0..a%zz"), "name");
        assert_eq!(part("l1.class.7.0.. Ana"), "name");
        let e = LabelCode::parse("l1.class.7.3.!").unwrap_err().to_string();
        assert_eq!(
            e,
            "labels: \"!\" has '!' at character 1, which is not one of A–Z, a–z, 0–9, - and _"
        );
    }

    #[test]
    fn a_code_for_another_set_or_seed_is_refused() {
        let c = code(vec![Label::A; 3], None);
        assert!(c.check_for("class", 7, 3).is_ok());
        let other_set = c.check_for("data-00000000", 7, 3).unwrap_err();
        assert!(
            other_set.contains("\"class\", not \"data-00000000\""),
            "{other_set}"
        );
        let other_seed = c.check_for("class", 8, 3).unwrap_err();
        assert!(other_seed.contains("seed 7"), "{other_seed}");
        assert!(c.check_for("class", 7, 2).is_err());
    }
}
