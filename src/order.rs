//! Sorting for the whole crate through one routine.
//!
//! Each `sort_by` with its own closure is its own copy of the standard library's sort in the shipped wasm (a few KB
//! each). Every sort here goes through [`ascending`], so the page carries one.

/// The indices of `keys` in ascending order by `f64::total_cmp`; equal keys keep their order (a stable sort).
pub fn ascending(keys: &[f64]) -> Vec<usize> {
    let mut tagged: Vec<(f64, usize)> = keys.iter().copied().zip(0..).collect();
    tagged.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    tagged.into_iter().map(|(_, i)| i).collect()
}

/// `items` sorted by `key`, ascending; equal keys keep their order.
pub fn sorted_by_key<T>(items: Vec<T>, key: impl Fn(&T) -> f64) -> Vec<T> {
    let order = ascending(&items.iter().map(key).collect::<Vec<_>>());
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Same order as the standard library's stable sort, NaN and signed zeros included.
        #[test]
        fn matches_std_stable_sort(keys in proptest::collection::vec(
            prop_oneof![any::<f64>(), Just(0.0), Just(-0.0), Just(f64::NAN), (-3i8..3).prop_map(f64::from)], 0..40)) {
            let mut expected: Vec<(f64, usize)> = keys.iter().copied().zip(0..).collect();
            expected.sort_by(|a, b| a.0.total_cmp(&b.0));
            let expected: Vec<usize> = expected.into_iter().map(|(_, i)| i).collect();
            prop_assert_eq!(ascending(&keys), expected.clone());
            let items: Vec<usize> = (0..keys.len()).collect();
            prop_assert_eq!(sorted_by_key(items, |&i| keys[i]), expected);
        }
    }
}
