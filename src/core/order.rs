//! Sorting the few items the page sorts (a handful of chart labels, a simplex's three
//! points). An insertion sort: quadratic, which is nothing at these sizes, and a small
//! fraction of the code of the standard library's sorts, which are built for large inputs
//! and cost the page over a kilobyte each time they are used for another type.

use std::cmp::Ordering;

/// Sorts `items` in the order `compare` gives, keeping equal items in their order (stable).
pub fn sort_small_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_and_keeps_equal_items_in_order() {
        let mut v = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_small_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: [i32; 0] = [];
        sort_small_by(&mut empty, Ord::cmp);
    }

    proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..40)) {
            let mut ours = v.clone();
            let mut std = v;
            sort_small_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }
    }
}
