//! Labeling by hand: a session's seeded plan, its labels as data, label codes, a class's codes, and agreement.

mod label {
    pub mod codes;
    pub mod fleiss;
    pub mod round;
    pub mod session;
    pub mod words;
}
