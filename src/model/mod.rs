//! Model placeholder.
