//! The URL hash as ordered `key=value` pairs (`#dataset=helpfulness&lr=0.5&pair=3`), read and written without loss.
//!
//! Pure and total: any text parses (bad pieces are kept as what they are, for the caller to judge), nothing panics.
//! Each feature of the page owns its keys; this module only splits, decodes, encodes and joins.

/// The pairs of a hash, in order; a key appears at most once (the last one wins on parse).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HashPairs {
    pairs: Vec<(String, String)>,
}

/// Longest hash read, in bytes: anything past it is ignored (a link is never that long on purpose).
pub const MAX_HASH_BYTES: usize = 4096;

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Percent-decoding; `+` stays `+`. Invalid escapes and invalid UTF-8 are kept as replacement characters.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encoding of everything but unreserved characters and `,` (kept readable in lists).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl HashPairs {
    /// Parses a hash, with or without its leading `#`. Empty pieces are skipped; a piece without `=` has an empty
    /// value.
    pub fn parse(hash: &str) -> HashPairs {
        let mut end = hash.len().min(MAX_HASH_BYTES);
        while !hash.is_char_boundary(end) {
            end -= 1;
        }
        let hash = hash[..end].strip_prefix('#').unwrap_or(&hash[..end]);
        let mut map = HashPairs::default();
        for piece in hash.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = piece.split_once('=').unwrap_or((piece, ""));
            map.set(&decode(k), &decode(v));
        }
        map
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Sets `key` (in place if present, else at the end).
    pub fn set(&mut self, key: &str, value: &str) {
        match self.pairs.iter_mut().find(|(k, _)| k == key) {
            Some(pair) => pair.1 = value.to_string(),
            None => self.pairs.push((key.to_string(), value.to_string())),
        }
    }

    /// Removes `key`.
    pub fn remove(&mut self, key: &str) {
        self.pairs.retain(|(k, _)| k != key);
    }

    /// Every pair, in order.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    /// The hash text with its leading `#`; an empty map gives an empty string.
    pub fn to_hash(&self) -> String {
        if self.pairs.is_empty() {
            return String::new();
        }
        let body: Vec<String> = self
            .pairs
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect();
        format!("#{}", body.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_round_trips_through_its_pairs() {
        let mut m = HashPairs::default();
        m.set("dataset", "hidden-quality");
        m.set("note", "a b&c=d%é<script>");
        m.set("lr", "0.5");
        let back = HashPairs::parse(&m.to_hash());
        assert_eq!(back, m);
        assert_eq!(back.get("note"), Some("a b&c=d%é<script>"));
    }

    #[test]
    fn any_text_parses_without_panicking() {
        for text in [
            "",
            "#",
            "#&&=&",
            "#a",
            "#%",
            "#%zz=%4",
            "#a=1&a=2",
            "#\u{1F600}=%F0%9F",
            "#%ff%fe=x",
        ] {
            let m = HashPairs::parse(text);
            let _ = m.to_hash();
        }
        assert_eq!(HashPairs::parse("#a=1&a=2").get("a"), Some("2"));
        assert_eq!(HashPairs::parse("#flag").get("flag"), Some(""));
        let long = format!("#k={}", "é".repeat(5000));
        assert!(HashPairs::parse(&long).get("k").unwrap().len() < MAX_HASH_BYTES);
    }
}
