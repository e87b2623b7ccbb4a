//! Charts placeholder.
