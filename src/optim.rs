//! Optimizer placeholder.
