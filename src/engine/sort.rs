//! Stable sorting through one shared routine. The standard library's `sort*` methods compile a
//! separate copy of their algorithm (kilobytes of wasm each) for every element type and comparator;
//! these helpers sort indices with a single copy and then move the items, so the page ships it once.
//! Same results as `slice::sort_by` and friends: stable, O(n log n), no panics.

use std::cmp::Ordering;

/// The order of `len` items sorted stably by `compare` (which compares two indices):
/// position `i` of the result holds the index of the item that belongs at `i`. `None` when
/// they are in order already (often so: mentions and spans found left to right).
pub fn sorted_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Option<Vec<usize>> {
    if (1..len).all(|i| compare(i - 1, i) != Ordering::Greater) {
        return None;
    }
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    Some(order)
}

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    // `get`, not indexing: no panic branch in each of the many copies of this function.
    let order = sorted_order(items.len(), &mut |a, b| match (items.get(a), items.get(b)) {
        (Some(x), Some(y)) => compare(x, y),
        _ => Ordering::Equal,
    });
    if let Some(order) = order {
        apply(items, &order);
    }
}

/// Puts the item at `order[i]` at `i`, for every `i`: one copy per item type, not per comparator.
fn apply<T>(items: &mut [T], order: &[usize]) {
    permute(order, &mut |a, b| {
        // The two items as the ends of one slice: no panic branch (as `swap` has).
        if let Some((first, rest)) = items.get_mut(a.min(b)..=a.max(b)).and_then(<[T]>::split_first_mut) {
            if let Some(last) = rest.last_mut() {
                std::mem::swap(first, last);
            }
        }
    });
}

/// Applies the permutation `order` (see [`sorted_order`]) through `swap`, cycle by cycle: each item moves once.
fn permute(order: &[usize], swap: &mut dyn FnMut(usize, usize)) {
    let mut placed = vec![false; order.len()];
    for start in 0..order.len() {
        let mut at = start;
        while placed.get(at) == Some(&false) {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            swap(at, from);
            at = from;
        }
    }
}

/// Sorts `items` stably by `key`, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably in their natural order, as `slice::sort` does.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_stays_stable() {
        let mut seed = 0x2545_f491_u64;
        for len in [0, 1, 2, 3, 7, 64, 1000] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    ((seed % 5) as u8, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|&(k, _)| k);
            assert_eq!(ours, std_sorted, "length {len}");
            let mut reversed = items.clone();
            sort_by(&mut reversed, |a, b| b.cmp(a));
            let mut std_reversed = items;
            std_reversed.sort_by(|a, b| b.cmp(a));
            assert_eq!(reversed, std_reversed);
        }
        let mut words = vec!["troops", "brigade", "army", "troops"];
        sort(&mut words);
        assert_eq!(words, ["army", "brigade", "troops", "troops"]);
    }
}
