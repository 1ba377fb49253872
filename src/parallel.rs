//! Work over many transcripts on every core: the library is split into one contiguous chunk
//! per core, so results come back in the input's order.

/// `f` applied to every item on up to `available_parallelism` threads, results concatenated
/// in the items' order.
pub fn flat_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> Vec<R> + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().max(1));
    if threads <= 1 {
        return items.iter().flat_map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().flat_map(f).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_order_across_chunks() {
        let items: Vec<usize> = (0..1001).collect();
        let out = super::flat_map(&items, |&i| vec![i, i]);
        assert_eq!(out.len(), 2002);
        assert!(out.windows(2).all(|w| w[0] <= w[1]));
    }
}
