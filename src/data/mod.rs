//! Data placeholder.
