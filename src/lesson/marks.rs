//! The cards already done, as a short text the page keeps across reloads (in `localStorage` or the link): the
//! 1-based numbers of the done cards joined by dots, "1.2.5"; "" when none is done.
//!
//! Only digits and dots, so the text needs no escaping in a URL or a storage value. Reading never fails: a piece that
//! is not a card's number is skipped.

use super::CARDS;

/// The done cards' numbers (1-based, in order) joined by "."; `done[i]` is card i's mark, and marks past the
/// lesson's last card are left out.
pub fn done_marks_to_text(done: &[bool]) -> String {
    done.iter()
        .take(CARDS.len())
        .enumerate()
        .filter(|(_, d)| **d)
        .map(|(i, _)| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join(".")
}

/// The marks a text of [`done_marks_to_text`] holds, one per card (`CARDS.len()` of them). Pieces between dots that
/// are not a whole number from 1 to the number of cards (empty, signed, other characters, out of range) are skipped.
pub fn done_marks_from_text(text: &str) -> Vec<bool> {
    let mut done = vec![false; CARDS.len()];
    for piece in text.split('.') {
        let piece = piece.trim();
        if piece.is_empty() || !piece.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if let Ok(n) = piece.parse::<usize>() {
            if (1..=CARDS.len()).contains(&n) {
                done[n - 1] = true;
            }
        }
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_set_of_done_cards_comes_back_from_its_text() {
        let n = CARDS.len();
        for bits in 0u32..(1 << n) {
            let done: Vec<bool> = (0..n).map(|i| bits & (1 << i) != 0).collect();
            let text = done_marks_to_text(&done);
            assert!(
                text.bytes().all(|b| b.is_ascii_digit() || b == b'.'),
                "{text}"
            );
            // At most two digits and a dot per card.
            assert!(text.len() < 3 * n, "{text}");
            assert_eq!(done_marks_from_text(&text), done, "{text}");
        }
    }

    #[test]
    fn the_text_lists_the_done_cards_from_one() {
        let mut done = vec![false; CARDS.len()];
        assert_eq!(done_marks_to_text(&done), "");
        done[0] = true;
        done[1] = true;
        done[4] = true;
        assert_eq!(done_marks_to_text(&done), "1.2.5");
        // Marks past the last card are not written.
        let mut long = vec![true; CARDS.len() + 3];
        long[0] = false;
        assert!(!done_marks_to_text(&long).contains(&(CARDS.len() + 1).to_string()));
    }

    #[test]
    fn garbage_yields_only_the_valid_marks() {
        let marks = |text: &str| -> Vec<usize> {
            let done = done_marks_from_text(text);
            assert_eq!(done.len(), CARDS.len());
            (0..done.len())
                .filter(|&i| done[i])
                .map(|i| i + 1)
                .collect()
        };
        assert_eq!(marks(""), Vec::<usize>::new());
        assert_eq!(marks("1.2.5"), vec![1, 2, 5]);
        assert_eq!(marks("5.1.5..2."), vec![1, 2, 5]);
        assert_eq!(
            marks("0.99.99999999999999999999999.-3.+4.x.3a.12"),
            vec![12]
        );
        assert_eq!(marks(" 3 . 04 "), vec![3, 4]);
        assert_eq!(marks("٣.３.7"), vec![7]);
        assert_eq!(marks("true,false"), Vec::<usize>::new());
    }

    proptest! {
        #[test]
        fn any_text_reads_without_panicking_into_marks_it_names(text in ".{0,40}") {
            let done = done_marks_from_text(&text);
            prop_assert_eq!(done.len(), CARDS.len());
            for (i, d) in done.iter().enumerate() {
                if *d {
                    let named = text.split('.').any(|p| p.trim().parse::<usize>() == Ok(i + 1));
                    prop_assert!(named, "{:?} marks card {}", text, i + 1);
                }
            }
        }

        #[test]
        fn dotted_numbers_read_back_as_their_marks(numbers in prop::collection::vec(0usize..30, 0..20)) {
            let text = numbers.iter().map(usize::to_string).collect::<Vec<_>>().join(".");
            let done = done_marks_from_text(&text);
            for (i, d) in done.iter().enumerate() {
                prop_assert_eq!(*d, numbers.contains(&(i + 1)));
            }
            prop_assert_eq!(done_marks_from_text(&done_marks_to_text(&done)), done);
        }
    }
}
