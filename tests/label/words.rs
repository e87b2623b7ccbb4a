//! The Label scene's sentences, from the numbers they quote.

use reward_playground::label::*;

fn m(matched: usize, compared: usize) -> Match {
    Match { matched, compared }
}

#[test]
fn a_labeler_reads_their_agreement_with_the_reference_and_with_themselves() {
    assert_eq!(
        with_reference_sentence(m(24, 28), "the gold answer"),
        "You picked the gold answer on 24 of 28 (85.7 %)."
    );
    assert_eq!(
        with_reference_sentence(m(0, 0), "the gold answer"),
        "Label a pair A or B to compare with the gold answer."
    );
    let c = Consistency {
        decided: m(4, 5),
        unsure: 0,
    };
    assert_eq!(
        consistency_sentence(c),
        "Shown twice with the sides swapped, you picked the same answer on 4 of 5 (80.0 %)."
    );
    let c = Consistency {
        decided: m(3, 4),
        unsure: 1,
    };
    assert!(consistency_sentence(c).ends_with("(1 more you could not tell at least once)."));
    assert!(consistency_sentence(Consistency::default()).starts_with("A few pairs come back later"));
}

#[test]
fn a_run_on_labels_compares_held_out_accuracy_with_the_ceiling() {
    let run = RunOnLabels {
        pairs: 28,
        test_pairs: 5,
        epochs: 30,
        train_accuracy: 1.0,
        test_accuracy: Some(0.6),
        with_reference: m(25, 30),
    };
    let s = run_sentence(&run, Some(0.8), "your own consistency");
    assert!(s.starts_with("After 30 epochs on 28 pairs, the reward model ranks 100.0 % of its training pairs as labeled and 60.0 % of the 5 held-out pairs; it picks the reference answer on 25 of 30 (83.3 %) of all pairs."), "{s}");
    assert!(
        s.contains("at most about as often as your own consistency, 80.0 %"),
        "{s}"
    );
    let no_test = RunOnLabels {
        test_accuracy: None,
        ..run
    };
    assert!(!run_sentence(&no_test, Some(0.8), "x").contains("Held out"));
}

#[test]
fn a_class_reads_its_agreement_beside_instructgpts() {
    use Better::*;
    let a = agreement(&[
        vec![Some(First), Some(First), Some(Second)],
        vec![Some(First), Some(Second), Some(Second)],
    ]);
    let s = class_sentence(&a);
    assert!(
        s.starts_with("2 labelers agree on 66.7 % of the 3 pairs they all labeled (Fleiss' κ "),
        "{s}"
    );
    assert!(
        s.ends_with("InstructGPT's labelers agreed on 72.6 %."),
        "{s}"
    );
    assert_eq!(
        class_sentence(&agreement(&[vec![Some(First)]])),
        "Agreement needs at least two labelers: paste more codes."
    );
}
