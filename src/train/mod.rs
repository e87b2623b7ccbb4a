//! Train placeholder.
