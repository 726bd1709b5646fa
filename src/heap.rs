//! The heap of every wasm build (the page, its engine worker, the embed package): a size-class
//! allocator in place of Rust's default dlmalloc, which is ~9 KB of the page's gzipped wasm.
//!
//! Every block is a power of two from 16 bytes up, and lies at a multiple of its size (or of
//! 64 KiB, for bigger blocks), so any alignment up to its size holds. A freed block goes on its
//! size's free list (a link in its first bytes) and is the next one handed out at that size; new
//! blocks are cut from the end of the wasm memory, which grows by whole 64 KiB pages. Bytes
//! skipped to align a block are not lost: they are cut into smaller blocks for the free lists.
//! Growing a block within its size (a `Vec` from 20 to 30 items) keeps it in place.
//!
//! What it gives up: freed blocks are not merged, and memory is never returned (wasm memory
//! cannot shrink). The engine's work is a burst of allocations freed together, repeated for
//! every annotation, so each size's free list serves the next run.

use std::alloc::Layout;

/// The size of a wasm page, the unit in which memory grows.
const PAGE: usize = 1 << 16;

/// Blocks of class `k` hold `MIN << k` bytes.
const MIN: usize = 16;

/// Classes from 16 bytes to 2 GiB, more than a wasm32 memory can hold at once.
const CLASSES: usize = 28;

/// The allocator's bookkeeping, over a memory that only grows at its end.
pub(crate) struct Blocks {
    /// The first free block of each class (0: none); each free block holds the next's address.
    free: [usize; CLASSES],
    /// The unused memory at the end: `next..end`.
    next: usize,
    end: usize,
}

impl Blocks {
    /// No blocks yet.
    pub(crate) const fn new() -> Blocks {
        Blocks { free: [0; CLASSES], next: 0, end: 0 }
    }

    /// The address of a block for `layout`, or 0 when memory cannot grow. `grow(pages)` adds
    /// pages at the end of memory and returns the address where they start, if it can.
    ///
    /// # Safety
    /// Every address this hands out, and every address `grow` returns, must be memory this
    /// allocator alone may write.
    pub(crate) unsafe fn alloc(&mut self, layout: Layout, grow: impl FnOnce(usize) -> Option<usize>) -> usize {
        let Some(class) = class_of(layout) else { return 0 };
        let head = self.free[class];
        if head != 0 {
            self.free[class] = *(head as *const usize);
            return head;
        }
        let size = MIN << class;
        if let Some(at) = self.cut(size) {
            return at;
        }
        let pages = size.div_ceil(PAGE);
        let Some(start) = grow(pages) else { return 0 };
        // The new pages follow the old end unless someone else grew memory in between.
        if start != self.end {
            self.recycle(self.next, self.end);
            self.next = start;
        }
        let Some(end) = start.checked_add(pages * PAGE) else { return 0 };
        self.end = end;
        self.cut(size).unwrap_or(0)
    }

    /// A new block of `size` bytes cut from the unused end of memory, if it has room.
    unsafe fn cut(&mut self, size: usize) -> Option<usize> {
        let at = self.next.next_multiple_of(size.min(PAGE));
        if at.checked_add(size)? > self.end {
            return None;
        }
        self.recycle(self.next, at);
        self.next = at + size;
        Some(at)
    }

    /// Returns the block at `ptr`, handed out for `layout`, to its free list.
    ///
    /// # Safety
    /// `ptr` must come from `alloc` or `realloc` with this `layout`, and not be freed already.
    pub(crate) unsafe fn dealloc(&mut self, ptr: usize, layout: Layout) {
        if let Some(class) = class_of(layout) {
            *(ptr as *mut usize) = self.free[class];
            self.free[class] = ptr;
        }
    }

    /// Whether a block for `layout` also serves `new_size` bytes (so it can grow or shrink in place).
    pub(crate) fn fits(layout: Layout, new_size: usize) -> bool {
        Layout::from_size_align(new_size, layout.align()).is_ok_and(|new| class_of(new) == class_of(layout))
    }

    /// Puts the unused bytes `from..to` (multiples of 16) on the free lists, as the largest
    /// blocks their alignment allows.
    unsafe fn recycle(&mut self, mut from: usize, to: usize) {
        while from + MIN <= to {
            let mut size = MIN << (from.trailing_zeros() as usize - 4).min(CLASSES - 1);
            while from + size > to {
                size /= 2;
            }
            self.dealloc(from, Layout::from_size_align_unchecked(size, MIN));
            from += size;
        }
    }
}

/// The class of the blocks that serve `layout`: the smallest power of two (at least 16) that
/// holds its size and alignment; none past 2 GiB, nor for alignments over 64 KiB.
fn class_of(layout: Layout) -> Option<usize> {
    if layout.align() > PAGE {
        return None;
    }
    let bytes = layout.size().max(layout.align()).max(MIN).checked_next_power_of_two()?;
    let class = (bytes / MIN).trailing_zeros() as usize;
    (class < CLASSES).then_some(class)
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
            (*self.0.get()).alloc(layout, grow) as *mut u8
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            (*self.0.get()).dealloc(ptr as usize, layout)
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            if Blocks::fits(layout, new_size) {
                return ptr;
            }
            let new = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
            if !new.is_null() {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            new
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fake wasm memory: `pages` 64 KiB pages, page-aligned, grown page by page.
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

    #[test]
    fn blocks_are_aligned_disjoint_and_reused_after_free() {
        let mut memory = Memory::new(64);
        let mut blocks = Blocks::new();
        let mut live: Vec<(usize, Layout)> = Vec::new();
        // A fixed pseudo-random mix of sizes and alignments, freed in a scrambled order.
        let mut seed = 0x2545_f491_u32;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as usize
        };
        for round in 0..4000 {
            if round % 3 == 2 && !live.is_empty() {
                let (ptr, l) = live.swap_remove(next() % live.len());
                unsafe { blocks.dealloc(ptr, l) };
                continue;
            }
            let l = layout(1 + next() % if next() % 8 == 0 { 20_000 } else { 200 }, 1 << (next() % 6));
            let ptr = unsafe { blocks.alloc(l, |p| memory.grow(p)) };
            assert_ne!(ptr, 0, "memory ran out");
            assert_eq!(ptr % l.align(), 0, "{l:?} at {ptr:#x}");
            // The block is filled with its own tag, and checked before it is freed.
            unsafe { std::ptr::write_bytes(ptr as *mut u8, (ptr % 251) as u8, l.size()) };
            live.push((ptr, l));
        }
        for &(ptr, l) in &live {
            let bytes = unsafe { std::slice::from_raw_parts(ptr as *const u8, l.size()) };
            assert!(bytes.iter().all(|&b| b == (ptr % 251) as u8), "a block was overwritten");
        }
        let mut spans: Vec<(usize, usize)> = live.iter().map(|&(p, l)| (p, p + l.size())).collect();
        spans.sort_unstable();
        assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0), "blocks overlap");
    }

    #[test]
    fn a_freed_block_serves_the_next_request_of_its_size() {
        let mut memory = Memory::new(4);
        let mut blocks = Blocks::new();
        let a = unsafe { blocks.alloc(layout(100, 8), |p| memory.grow(p)) };
        unsafe { blocks.dealloc(a, layout(100, 8)) };
        assert_eq!(unsafe { blocks.alloc(layout(120, 4), |_| None) }, a);
    }

    #[test]
    fn bytes_skipped_for_alignment_are_handed_out_later() {
        let mut memory = Memory::new(4);
        let mut blocks = Blocks::new();
        let small = unsafe { blocks.alloc(layout(16, 1), |p| memory.grow(p)) };
        let big = unsafe { blocks.alloc(layout(4096, 8), |_| None) };
        assert_eq!(big % 4096, 0);
        // The bytes between the first block and the aligned one went to the free lists.
        let again = unsafe { blocks.alloc(layout(16, 1), |_| None) };
        assert!(small < again && again < big, "{small:#x} {again:#x} {big:#x}");
    }

    #[test]
    fn memory_that_cannot_grow_gives_null_not_a_panic() {
        let mut blocks = Blocks::new();
        assert_eq!(unsafe { blocks.alloc(layout(10, 1), |_| None) }, 0);
        assert_eq!(unsafe { blocks.alloc(layout(usize::MAX / 2, 1), |_| None) }, 0);
        assert_eq!(unsafe { blocks.alloc(layout(16, 1 << 20), |_| None) }, 0);
    }

    #[test]
    fn resizing_within_a_size_stays_in_place() {
        assert!(Blocks::fits(layout(20, 4), 30));
        assert!(Blocks::fits(layout(64, 8), 33));
        assert!(!Blocks::fits(layout(64, 8), 65));
        assert!(!Blocks::fits(layout(64, 8), usize::MAX));
    }
}
