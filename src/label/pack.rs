//! Labels as characters: base-3 digits (A = 0, B = 1, Can't tell = 2), three to a 5-bit group (d₀·9 + d₁·3 + d₂,
//! 0 … 26), the bits most significant first, cut into URL-safe base64 characters of 6 bits.

use super::code::quote;
use super::Label;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Characters that n labels take: ⌈5·⌈n/3⌉ / 6⌉.
pub fn label_chars(n: usize) -> usize {
    (5 * n.div_ceil(3)).div_ceil(6)
}

fn digit(label: Label) -> u32 {
    match label {
        Label::A => 0,
        Label::B => 1,
        Label::CantTell => 2,
    }
}

/// The labels packed: 5 bits per group of three base-3 digits, 6 bits per character.
pub fn pack(labels: &[Label]) -> String {
    let mut out = String::with_capacity(label_chars(labels.len()));
    let (mut acc, mut bits) = (0u32, 0u32);
    for group in labels.chunks(3) {
        let mut value = 0;
        for k in 0..3 {
            value = value * 3 + group.get(k).map_or(0, |&l| digit(l));
        }
        acc = (acc << 5) | value;
        bits += 5;
        while bits >= 6 {
            bits -= 6;
            out.push(ALPHABET[((acc >> bits) & 63) as usize] as char);
        }
        acc &= (1 << bits) - 1;
    }
    if bits > 0 {
        out.push(ALPHABET[((acc << (6 - bits)) & 63) as usize] as char);
    }
    out
}

/// `count` labels from their characters; every character, group and filler checked, the error saying which.
pub fn unpack(text: &str, count: usize) -> Result<Vec<Label>, String> {
    let chars: Vec<char> = text.chars().collect();
    let want = label_chars(count);
    if chars.len() != want {
        let message = format!(
            "{} has {} characters; {count} labels take {want}",
            quote(text),
            chars.len()
        );
        return Err(message);
    }
    let mut sextets = Vec::with_capacity(want);
    for (i, &c) in chars.iter().enumerate() {
        match ALPHABET.iter().position(|&a| a as char == c) {
            Some(v) => sextets.push(v as u32),
            None => {
                let message = format!(
                    "{} has {c:?} at character {}, which is not one of A–Z, a–z, 0–9, - and _",
                    quote(text),
                    i + 1
                );
                return Err(message);
            }
        }
    }
    let bit = |i: usize| (sextets[i / 6] >> (5 - i % 6)) & 1;
    let groups = count.div_ceil(3);
    let mut labels = Vec::with_capacity(count);
    for g in 0..groups {
        let value = (0..5).fold(0, |v, k| (v << 1) | bit(5 * g + k));
        if value > 26 {
            let message = format!(
                "{}: group {} of 3 labels has the value {value}, more than 26 (3 digits of base 3)",
                quote(text),
                g + 1
            );
            return Err(message);
        }
        let digits = [value / 9, value / 3 % 3, value % 3];
        for (k, &d) in digits.iter().enumerate() {
            if 3 * g + k < count {
                labels.push(Label::ALL[d as usize]);
            } else if d != 0 {
                let message = format!(
                    "{}: the filler after label {count} must be 0, got {d}",
                    quote(text)
                );
                return Err(message);
            }
        }
    }
    if (5 * groups..6 * want).any(|i| bit(i) != 0) {
        let message = format!(
            "{}: the unused bits of the last character must be 0",
            quote(text)
        );
        return Err(message);
    }
    Ok(labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn n_labels_take_five_bits_per_three_rounded_up_to_characters() {
        assert_eq!(label_chars(0), 0);
        assert_eq!(label_chars(1), 1);
        assert_eq!(label_chars(6), 2);
        assert_eq!(label_chars(12), 4);
        assert_eq!(label_chars(35), 10);
        for n in 0..40 {
            let labels: Vec<Label> = (0..n).map(|i| Label::ALL[(i * 7 + 1) % 3]).collect();
            let text = pack(&labels);
            assert_eq!(text.len(), label_chars(n));
            assert_eq!(unpack(&text, n), Ok(labels));
        }
    }
}
