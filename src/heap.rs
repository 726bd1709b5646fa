//! The heap of every wasm build (the page, its engine worker, the embed package), in place of
//! Rust's default dlmalloc.
//!
//! Small blocks (up to 32 KiB) come in power-of-two sizes from 16 bytes, each at a multiple of its
//! size, so any alignment up to its size holds; a freed one goes on its size's free list (a link in
//! its first bytes) and is the next one handed out at that size. Bigger blocks are runs of whole
//! 64 KiB pages, kept in address order when free: a freed run merges with free neighbours, the
//! first run big enough serves a request (split if bigger), and a run at the end of the used memory
//! grows in place, as a `Vec` that doubles does. New blocks are cut from the end of the used
//! memory, which grows by whole pages; bytes skipped to align a block go to the free lists.
//!
//! Memory is never returned (wasm memory cannot shrink): each annotation frees what it allocated,
//! and the next reuses it.

use std::alloc::Layout;

/// The size of a wasm page, the unit in which memory grows and big blocks are counted.
const PAGE: usize = 1 << 16;

/// Small blocks of class `k` hold `MIN << k` bytes.
const MIN: usize = 16;

/// The small classes: 16 bytes to 32 KiB.
const CLASSES: usize = 12;

/// The allocator's bookkeeping, over a memory that only grows at its end.
pub(crate) struct Blocks {
    /// The first free small block of each class (0: none); each holds the next one's address.
    free: [usize; CLASSES],
    /// The first free run of pages (0: none), in address order; each starts with the next run's
    /// address and its own length in pages.
    runs: usize,
    /// The memory not handed out yet, at the end: `next..end`.
    next: usize,
    end: usize,
}

/// What serves a layout: a small block of a class, or a run of pages.
#[derive(Clone, Copy, PartialEq)]
enum Size {
    Class(usize),
    Pages(usize),
}

/// The block that serves `layout`; none for alignments over 64 KiB.
fn block_for(layout: Layout) -> Option<Size> {
    if layout.align() > PAGE {
        return None;
    }
    let bytes = layout.size().max(layout.align()).max(MIN);
    if bytes <= MIN << (CLASSES - 1) {
        Some(Size::Class((bytes.next_power_of_two() / MIN).trailing_zeros() as usize))
    } else {
        Some(Size::Pages(bytes.div_ceil(PAGE)))
    }
}

impl Blocks {
    /// No blocks yet.
    pub(crate) const fn new() -> Blocks {
        Blocks { free: [0; CLASSES], runs: 0, next: 0, end: 0 }
    }

    /// The address of a block for `layout`, or 0 when memory cannot grow. `grow(pages)` adds
    /// pages at the end of memory and returns the address where they start, if it can.
    ///
    /// # Safety
    /// Every address `grow` returns must be memory this allocator alone may use.
    pub(crate) unsafe fn alloc(&mut self, layout: Layout, grow: &mut dyn FnMut(usize) -> Option<usize>) -> usize {
        match block_for(layout) {
            Some(Size::Class(class)) => {
                let head = self.free[class];
                if head != 0 {
                    self.free[class] = *(head as *const usize);
                    return head;
                }
                let size = MIN << class;
                self.cut(size, size, grow).unwrap_or(0)
            }
            Some(Size::Pages(pages)) => self.take_run(pages).or_else(|| self.cut(pages.checked_mul(PAGE)?, PAGE, grow)).unwrap_or(0),
            None => 0,
        }
    }

    /// Frees the block at `ptr`, handed out for `layout`.
    ///
    /// # Safety
    /// `ptr` must come from `alloc` or `realloc` with this `layout`, and not be freed already.
    pub(crate) unsafe fn dealloc(&mut self, ptr: usize, layout: Layout) {
        match block_for(layout) {
            Some(Size::Class(class)) => self.free_block(ptr, class),
            Some(Size::Pages(pages)) => self.free_run(ptr, pages),
            None => {}
        }
    }

    /// The block at `ptr` (handed out for `layout`) resized to `new_size` bytes, its contents
    /// kept: in place when its size serves both, or when it is a run that can grow into the
    /// memory after it; else moved. 0 (and the old block kept) when memory cannot grow.
    ///
    /// # Safety
    /// As `dealloc`; `new_size` must be a valid size for `layout`'s alignment.
    pub(crate) unsafe fn realloc(&mut self, ptr: usize, layout: Layout, new_size: usize, grow: &mut dyn FnMut(usize) -> Option<usize>) -> usize {
        let new = Layout::from_size_align_unchecked(new_size, layout.align());
        match (block_for(layout), block_for(new)) {
            (Some(old), Some(now)) if old == now => return ptr,
            (Some(Size::Pages(old)), Some(Size::Pages(now))) if now < old => {
                self.free_run(ptr + now * PAGE, old - now);
                return ptr;
            }
            (Some(Size::Pages(old)), Some(Size::Pages(now))) if ptr + old * PAGE == self.next => {
                match self.cut((now - old) * PAGE, PAGE, grow) {
                    Some(more) if more == ptr + old * PAGE => return ptr,
                    // Not adjacent after all (memory grew elsewhere in between): a free run.
                    Some(more) => self.free_run(more, now - old),
                    None => {}
                }
            }
            _ => {}
        }
        let moved = self.alloc(new, grow);
        if moved != 0 {
            std::ptr::copy_nonoverlapping(ptr as *const u8, moved as *mut u8, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        moved
    }

    /// A block of `size` bytes at a multiple of `align` (a power of two up to a page), cut from
    /// the memory not handed out yet, which grows if it must.
    unsafe fn cut(&mut self, size: usize, align: usize, grow: &mut dyn FnMut(usize) -> Option<usize>) -> Option<usize> {
        loop {
            let at = self.next.next_multiple_of(align);
            let end = at.checked_add(size)?;
            if end <= self.end {
                self.recycle(self.next, at);
                self.next = end;
                return Some(at);
            }
            let pages = (end - self.end).div_ceil(PAGE);
            let start = grow(pages)?;
            // The new pages follow the old end unless someone else grew memory in between.
            if start != self.end {
                self.recycle(self.next, self.end);
                self.next = start;
            }
            self.end = start.checked_add(pages * PAGE)?;
        }
    }

    /// Puts the unused bytes `from..to` (multiples of 16) on the small free lists, as the largest
    /// blocks their alignment allows.
    unsafe fn recycle(&mut self, mut from: usize, to: usize) {
        while from + MIN <= to {
            let mut class = (from.trailing_zeros() as usize - 4).min(CLASSES - 1);
            while from + (MIN << class) > to {
                class -= 1;
            }
            self.free_block(from, class);
            from += MIN << class;
        }
    }

    unsafe fn free_block(&mut self, ptr: usize, class: usize) {
        *(ptr as *mut usize) = self.free[class];
        self.free[class] = ptr;
    }

    /// The first free run of at least `pages` pages, split if longer.
    unsafe fn take_run(&mut self, pages: usize) -> Option<usize> {
        let mut link: *mut usize = &mut self.runs;
        while *link != 0 {
            let run = *link;
            let (next, length) = read_run(run);
            if length >= pages {
                *link = if length > pages { write_run(run + pages * PAGE, next, length - pages) } else { next };
                return Some(run);
            }
            link = run as *mut usize;
        }
        None
    }

    /// Frees the run of `pages` pages at `at`: merged with the free runs just before and after it,
    /// and given back to the unused memory if it ends there.
    unsafe fn free_run(&mut self, mut at: usize, mut pages: usize) {
        let mut link: *mut usize = &mut self.runs;
        let mut before: Option<*mut usize> = None; // the link to the free run just before `at`
        while *link != 0 && *link < at {
            before = Some(link);
            link = *link as *mut usize;
        }
        let mut next = *link;
        if next == at + pages * PAGE {
            let (after, length) = read_run(next);
            pages += length;
            next = after;
        }
        if let Some(before) = before {
            let previous = *before;
            let (_, length) = read_run(previous);
            if previous + length * PAGE == at {
                at = previous;
                pages += length;
                link = before;
            }
        }
        if next == 0 && at + pages * PAGE == self.next {
            *link = 0;
            self.next = at;
        } else {
            *link = write_run(at, next, pages);
        }
    }
}

/// The next free run's address and the length in pages of the free run at `run`.
unsafe fn read_run(run: usize) -> (usize, usize) {
    (*(run as *const usize), *(run as *const usize).add(1))
}

/// Writes the header of a free run at `run`; returns `run`.
unsafe fn write_run(run: usize, next: usize, pages: usize) -> usize {
    *(run as *mut usize) = next;
    *(run as *mut usize).add(1) = pages;
    run
}

/// The global allocator of the wasm builds, over the wasm memory.
#[cfg(target_arch = "wasm32")]
pub(crate) mod wasm {
    use super::Blocks;
    use std::alloc::{GlobalAlloc, Layout};
    use std::cell::UnsafeCell;

    #[cfg(target_feature = "atomics")]
    compile_error!("muster's wasm heap is single-threaded: build without the atomics target feature");

    /// The allocator: `Blocks` over `memory.grow`.
    pub(crate) struct Heap(UnsafeCell<Blocks>);

    // SAFETY: wasm32 without the atomics feature has one thread per memory (each worker has its own).
    unsafe impl Sync for Heap {}

    impl Heap {
        /// An empty heap.
        pub(crate) const fn new() -> Heap {
            Heap(UnsafeCell::new(Blocks::new()))
        }
    }

    fn grow(pages: usize) -> Option<usize> {
        let old = core::arch::wasm32::memory_grow(0, pages);
        (old != usize::MAX).then(|| old * super::PAGE)
    }

    // SAFETY: memory past the pages the program started with is only ever grown by this heap
    // (Rust's stack and statics sit below it), and one thread runs at a time.
    unsafe impl GlobalAlloc for Heap {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            (*self.0.get()).alloc(layout, &mut grow) as *mut u8
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            (*self.0.get()).dealloc(ptr as usize, layout)
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            (*self.0.get()).realloc(ptr as usize, layout, new_size, &mut grow) as *mut u8
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fake wasm memory: up to `pages` 64 KiB pages, page-aligned, grown page by page.
    struct Memory {
        base: *mut u8,
        pages: usize,
        used: usize,
    }

    impl Memory {
        fn new(pages: usize) -> Memory {
            let base = unsafe { std::alloc::alloc_zeroed(Layout::from_size_align(pages * PAGE, PAGE).unwrap()) };
            Memory { base, pages, used: 0 }
        }
        fn grow(&mut self, pages: usize) -> Option<usize> {
            (self.used + pages <= self.pages).then(|| {
                self.used += pages;
                self.base as usize + (self.used - pages) * PAGE
            })
        }
    }

    impl Drop for Memory {
        fn drop(&mut self) {
            unsafe { std::alloc::dealloc(self.base, Layout::from_size_align(self.pages * PAGE, PAGE).unwrap()) }
        }
    }

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    /// Asserts that the `size` bytes at `ptr` all hold `fill`.
    fn check(ptr: usize, size: usize, fill: u8) {
        let bytes = unsafe { std::slice::from_raw_parts(ptr as *const u8, size) };
        assert!(bytes.iter().all(|&b| b == fill), "a block of {size} bytes at {ptr:#x} was overwritten");
    }

    #[test]
    fn blocks_stay_aligned_disjoint_and_intact_through_alloc_realloc_and_free() {
        let mut memory = Memory::new(2048);
        let mut grow = |p| memory.grow(p);
        let mut blocks = Blocks::new();
        let mut live: Vec<(usize, Layout, u8)> = Vec::new();
        // A fixed pseudo-random mix of sizes (some of several pages) and alignments.
        let mut seed = 0x2545_f491_u32;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as usize
        };
        for round in 0..6000 {
            let size = 1 + next() % [200, 5_000, 300_000][next() % 3];
            match round % 4 {
                2 if !live.is_empty() => {
                    let (ptr, l, fill) = live.swap_remove(next() % live.len());
                    check(ptr, l.size(), fill);
                    unsafe { blocks.dealloc(ptr, l) };
                }
                3 if !live.is_empty() => {
                    let i = next() % live.len();
                    let (ptr, l, fill) = live[i];
                    let moved = unsafe { blocks.realloc(ptr, l, size, &mut grow) };
                    assert_ne!(moved, 0, "memory ran out");
                    check(moved, l.size().min(size), fill);
                    unsafe { std::ptr::write_bytes(moved as *mut u8, fill, size) };
                    live[i] = (moved, layout(size, l.align()), fill);
                }
                _ => {
                    let l = layout(size, 1 << (next() % 6));
                    let ptr = unsafe { blocks.alloc(l, &mut grow) };
                    assert_ne!(ptr, 0, "memory ran out");
                    assert_eq!(ptr % l.align(), 0, "{l:?} at {ptr:#x}");
                    let fill = (round % 251) as u8;
                    unsafe { std::ptr::write_bytes(ptr as *mut u8, fill, l.size()) };
                    live.push((ptr, l, fill));
                }
            }
        }
        for &(ptr, l, fill) in &live {
            check(ptr, l.size(), fill);
        }
        let mut spans: Vec<(usize, usize)> = live.iter().map(|&(p, l, _)| (p, p + l.size())).collect();
        spans.sort_unstable();
        assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0), "blocks overlap");
    }

    #[test]
    fn a_freed_block_serves_the_next_request_of_its_size() {
        let mut memory = Memory::new(4);
        let mut blocks = Blocks::new();
        let a = unsafe { blocks.alloc(layout(100, 8), &mut |p| memory.grow(p)) };
        unsafe { blocks.dealloc(a, layout(100, 8)) };
        assert_eq!(unsafe { blocks.alloc(layout(120, 4), &mut |_| None) }, a);
    }

    #[test]
    fn bytes_skipped_for_alignment_are_handed_out_later() {
        let mut memory = Memory::new(4);
        let mut blocks = Blocks::new();
        let small = unsafe { blocks.alloc(layout(16, 1), &mut |p| memory.grow(p)) };
        let big = unsafe { blocks.alloc(layout(4096, 8), &mut |_| None) };
        assert_eq!(big % 4096, 0);
        let again = unsafe { blocks.alloc(layout(16, 1), &mut |_| None) };
        assert!(small < again && again < big, "{small:#x} {again:#x} {big:#x}");
    }

    #[test]
    fn a_vec_that_doubles_grows_in_place_and_its_memory_is_reused_once_freed() {
        let mut memory = Memory::new(512);
        let mut grow = |p| memory.grow(p);
        let mut blocks = Blocks::new();
        for _ in 0..3 {
            let mut size = PAGE;
            let first = unsafe { blocks.alloc(layout(size, 8), &mut grow) };
            let mut ptr = first;
            while size < 8 << 20 {
                ptr = unsafe { blocks.realloc(ptr, layout(size, 8), size * 2, &mut grow) };
                size *= 2;
            }
            assert_eq!(ptr, first, "grown in place");
            unsafe { blocks.dealloc(ptr, layout(size, 8)) };
        }
        // Three rounds of an 8 MiB vector took 8 MiB of memory, not 3 × 16.
        assert_eq!(memory.used, 128);
    }

    #[test]
    fn freed_runs_merge_and_serve_a_larger_request() {
        let mut memory = Memory::new(64);
        let mut grow = |p| memory.grow(p);
        let mut blocks = Blocks::new();
        let runs: Vec<usize> = (0..4).map(|_| unsafe { blocks.alloc(layout(PAGE, 8), &mut grow) }).collect();
        let pin = unsafe { blocks.alloc(layout(16, 8), &mut grow) }; // keeps the runs off the end
        assert_ne!(pin, 0);
        for &run in [2, 0, 3, 1].iter().map(|&i| &runs[i]) {
            unsafe { blocks.dealloc(run, layout(PAGE, 8)) };
        }
        assert_eq!(unsafe { blocks.alloc(layout(4 * PAGE, 8), &mut |_| None) }, runs[0]);
    }

    #[test]
    fn memory_that_cannot_grow_gives_null_not_a_panic() {
        let mut blocks = Blocks::new();
        assert_eq!(unsafe { blocks.alloc(layout(10, 1), &mut |_| None) }, 0);
        assert_eq!(unsafe { blocks.alloc(layout(usize::MAX / 2, 1), &mut |_| None) }, 0);
        assert_eq!(unsafe { blocks.alloc(layout(16, 1 << 20), &mut |_| None) }, 0);
    }
}
