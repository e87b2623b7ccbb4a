//! The built-in labeling set `class`: 30 pairs of answers to 6 everyday prompts, some clear (a right answer against a
//! wrong or rude one) and some borderline (two good answers, or two poor ones), each answer with a hidden gold
//! score from 0 to 10.

use super::{LabelPair, LabelSet};

/// The ids of the built-in labeling sets, in menu order.
pub fn builtin_set_names() -> &'static [&'static str] {
    &["class"]
}

/// A built-in labeling set by id; the same id always gives the same pairs in the same order.
pub fn builtin_set(id: &str) -> Option<LabelSet> {
    match id {
        "class" => Some(class()),
        _ => None,
    }
}

/// One prompt: its answers with their gold scores, and the pairs to label as (answer, answer) indices.
struct Prompt {
    prompt: &'static str,
    answers: [(&'static str, f64); 5],
    pairs: [(usize, usize); 5],
}

const PROMPTS: [Prompt; 6] = [
    Prompt {
        prompt: "How many minutes should I boil an egg for a firm yolk?",
        answers: [
            ("Boil it for 9 to 10 minutes, then put it in cold water so it stops cooking.", 9.0),
            ("About 10 minutes in boiling water gives a firm yolk.", 8.0),
            ("Boil it until it is done. Times vary from egg to egg.", 5.0),
            ("Eggs are a good source of protein, with about 6 grams each.", 3.0),
            ("Boil it for 2 minutes and the yolk will be firm.", 1.0),
        ],
        pairs: [(0, 4), (0, 1), (1, 2), (2, 3), (3, 4)],
    },
    Prompt {
        prompt: "What is the capital of Australia?",
        answers: [
            ("Canberra is the capital of Australia.", 9.0),
            ("The capital is Canberra. Many people guess Sydney, which is the largest city.", 9.5),
            ("Sydney is the capital of Australia.", 2.0),
            ("I think it might be Canberra, but I am not sure.", 6.0),
            ("Australia has no capital city.", 1.0),
        ],
        pairs: [(0, 1), (0, 2), (2, 4), (3, 0), (3, 2)],
    },
    Prompt {
        prompt: "Write one sentence that politely declines a meeting invitation.",
        answers: [
            ("Thank you for the invitation; I can't attend on Thursday, but please send me the notes.", 9.0),
            ("Sorry, I can't make it.", 7.0),
            ("No. I have better things to do.", 3.0),
            ("Thank you so much for thinking of me, I really appreciate it, and I am so sorry, but I will not be able to come this time, as my week is completely full with other work.", 6.0),
            ("Thanks for the invitation; I won't be able to join, but I'm happy to help by email.", 8.5),
        ],
        pairs: [(0, 2), (0, 4), (1, 3), (1, 2), (3, 4)],
    },
    Prompt {
        prompt: "How do I convert 5 kilometres to miles?",
        answers: [
            ("Multiply by 0.621: 5 km is about 3.1 miles.", 9.0),
            ("5 km is about 3.1 miles.", 8.0),
            ("Multiply by 1.609: 5 km is about 8 miles.", 2.0),
            ("Use an online unit converter.", 5.0),
            ("Divide by 1.6, so 5 km is roughly 3 miles.", 6.0),
        ],
        pairs: [(0, 1), (0, 2), (3, 4), (1, 2), (2, 3)],
    },
    Prompt {
        prompt: "My houseplant's leaves are turning yellow. What should I check?",
        answers: [
            ("Check the soil first: if it is still wet days after watering, water less often. Also check that the pot has a drainage hole and that the plant gets enough light.", 9.0),
            ("Yellow leaves often mean too much water. Let the soil dry out between waterings.", 7.5),
            ("Plants turn yellow for many reasons.", 4.0),
            ("Spray the leaves with bleach to kill whatever is causing it.", 0.5),
            ("Move it to a sunnier window and see if it gets better.", 6.0),
        ],
        pairs: [(0, 1), (1, 4), (2, 3), (0, 3), (2, 4)],
    },
    Prompt {
        prompt: "Summarize in one sentence: The library will close at 5 pm on Friday for repairs and open again at 9 am on Monday.",
        answers: [
            ("The library closes at 5 pm on Friday for repairs and reopens at 9 am on Monday.", 9.0),
            ("The library is closed for repairs from Friday at 5 pm until Monday at 9 am.", 8.5),
            ("The library is closing for good on Friday.", 2.5),
            ("The library will be closed for a while for repairs.", 5.0),
            ("Libraries need repairs sometimes.", 2.0),
        ],
        pairs: [(0, 1), (0, 2), (3, 1), (2, 4), (3, 2)],
    },
];

fn class() -> LabelSet {
    let mut pairs = Vec::new();
    for p in &PROMPTS {
        for &(x, y) in &p.pairs {
            let ((a, ga), (b, gb)) = (p.answers[x], p.answers[y]);
            pairs.push(LabelPair::new(p.prompt, a, b, Some([ga, gb])));
        }
    }
    LabelSet {
        id: "class".to_string(),
        description: format!(
            "{} pairs of answers to {} everyday prompts, clear and borderline, each answer with a hidden gold score from 0 to 10",
            pairs.len(),
            PROMPTS.len()
        ),
        pairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_class_set_has_thirty_distinct_pairs_each_with_a_reference() {
        let set = builtin_set("class").unwrap();
        assert_eq!(set.pairs.len(), 30);
        for (i, p) in set.pairs.iter().enumerate() {
            assert!(p.texts[0] < p.texts[1], "pair {i}");
            assert!(p.reference.is_some(), "pair {i} has no tie in gold");
            let same = set
                .pairs
                .iter()
                .filter(|q| q.prompt == p.prompt && q.texts == p.texts)
                .count();
            assert_eq!(same, 1, "pair {i} appears once");
        }
        assert_eq!(builtin_set("class"), Some(set));
        assert!(builtin_set("none").is_none());
    }

    #[test]
    fn the_set_mixes_clear_pairs_and_borderline_ones() {
        let set = builtin_set("class").unwrap();
        let gap = |p: &LabelPair| p.gold.map_or(0.0, |[a, b]| (a - b).abs());
        let clear = set.pairs.iter().filter(|p| gap(p) >= 4.0).count();
        let borderline = set.pairs.iter().filter(|p| gap(p) <= 1.5).count();
        assert!(
            clear >= 8 && borderline >= 8,
            "{clear} clear, {borderline} borderline"
        );
    }
}
