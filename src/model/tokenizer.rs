//! Words from text: the tokenizer and the vocabulary of the words seen when a data set was loaded.

use std::collections::BTreeMap;

/// Splits text into lowercase words: runs of letters and digits, with apostrophes kept inside a word.
///
/// `"Don't PANIC, it's 42!"` gives `["don't", "panic", "it's", "42"]`. A typographic apostrophe (’) counts as `'`;
/// an apostrophe at the start or end of a word (quotes like `'this'`) is dropped. Everything else separates words.
pub fn tokenize(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut words = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_alphanumeric() {
            // Lowercasing can add a combining mark (İ -> i + U+0307); keep only letters and digits.
            word.extend(c.to_lowercase().filter(|l| l.is_alphanumeric()));
        } else if is_apostrophe(c)
            && !word.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
        {
            word.push('\'');
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The words a model knows, each with an id: the tokens in the order they first appeared.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vocab {
    tokens: Vec<String>,
    ids: BTreeMap<String, usize>,
}

impl Vocab {
    /// The vocabulary of every word in `texts`, in first-appearance order.
    pub fn build<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vocab {
        let mut vocab = Vocab::default();
        for text in texts {
            for token in tokenize(text) {
                if !vocab.ids.contains_key(&token) {
                    vocab.ids.insert(token.clone(), vocab.tokens.len());
                    vocab.tokens.push(token);
                }
            }
        }
        vocab
    }

    /// A vocabulary from a saved token list. Every token must be one word as [`tokenize`] writes it (so that
    /// text can reach it), and no token may appear twice.
    pub fn from_tokens(tokens: Vec<String>) -> Result<Vocab, String> {
        let mut ids = BTreeMap::new();
        for (i, token) in tokens.iter().enumerate() {
            if tokenize(token) != [token.as_str()] {
                return Err(format!(
                    "token {i} ({token:?}) is not a single lowercase word"
                ));
            }
            if let Some(first) = ids.insert(token.clone(), i) {
                return Err(format!(
                    "token {token:?} appears twice (at {first} and {i})"
                ));
            }
        }
        Ok(Vocab { tokens, ids })
    }

    /// How many tokens the vocabulary holds.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True when the vocabulary holds no token (every text then scores the output bias).
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The id of `token`, or `None` when it was not seen at build time.
    pub fn id(&self, token: &str) -> Option<usize> {
        self.ids.get(token).copied()
    }

    /// The token with id `id`. Panics when `id >= len()`: ids come from [`Vocab::id`].
    pub fn token(&self, id: usize) -> &str {
        &self.tokens[id]
    }

    /// Every token, in id order.
    pub fn tokens(&self) -> &[String] {
        &self.tokens
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercase_runs_of_letters_and_digits_with_inner_apostrophes() {
        assert_eq!(
            tokenize("Don't PANIC, it's 42!"),
            ["don't", "panic", "it's", "42"]
        );
        assert_eq!(tokenize("'quoted' words' end"), ["quoted", "words", "end"]);
        assert_eq!(tokenize("rock’n’roll"), ["rock'n'roll"]);
        assert_eq!(
            tokenize("e-mail\tCafÉ\nnaïve"),
            ["e", "mail", "café", "naïve"]
        );
        assert_eq!(tokenize(" ,.!? "), Vec::<String>::new());
        assert_eq!(tokenize(""), Vec::<String>::new());
    }

    #[test]
    fn the_vocabulary_keeps_first_appearance_order() {
        let v = Vocab::build(["the cat sat", "The dog sat down"]);
        assert_eq!(v.tokens(), ["the", "cat", "sat", "dog", "down"]);
        assert_eq!(v.id("dog"), Some(3));
        assert_eq!(v.token(1), "cat");
        assert_eq!(v.id("bird"), None);
        assert_eq!(v.len(), 5);
        assert!(!v.is_empty());
        assert!(Vocab::build([]).is_empty());
    }

    #[test]
    fn a_saved_token_list_must_be_distinct_single_words() {
        let ok = Vocab::from_tokens(vec!["a".into(), "b".into()]).unwrap();
        assert_eq!(ok, Vocab::build(["a b"]));
        let dup = Vocab::from_tokens(vec!["a".into(), "b".into(), "a".into()]).unwrap_err();
        assert!(dup.contains("\"a\" appears twice (at 0 and 2)"), "{dup}");
        for bad in ["", "Upper", "two words", "it's!"] {
            let err = Vocab::from_tokens(vec![bad.into()]).unwrap_err();
            assert!(err.contains("not a single lowercase word"), "{bad}: {err}");
        }
    }
}
