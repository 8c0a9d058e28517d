//! Spans (runs of pages holding objects of one size class, or one large object) and the page →
//! span table that maps any address inside the arena to its span, and so to its object.

use crate::bitmap;
use crate::sizeclass::{CLASSES, PAGE_SHIFT, PAGE_SIZE};

/// Words of a span's alloc and mark bitmaps: room for the most objects any span holds (1024
/// objects of 8 bytes in one page; checked by a test).
pub(crate) const BITMAP_WORDS: usize = 16;

/// What a span currently holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum SpanKind {
    /// The span record is unused (its pages went back to the page heap).
    Dead,
    /// Objects of one size class.
    Small,
    /// One large object.
    Large,
}

/// One span. Object `i` of a small span lives at `start + i * elem_size`; it is allocated iff
/// `i < freeindex` or its alloc bit is set (Go's convention: the allocator never writes alloc
/// bits, it only advances `freeindex`).
#[repr(C)]
pub(crate) struct Span {
    // The marker's hot fields come first so that they share one cache line (hence `repr(C)`).
    pub start: usize,
    pub elem_size: usize,
    pub nelems: usize,
    pub freeindex: usize,
    pub div_mul: u32,
    pub kind: SpanKind,
    pub noscan: bool,
    /// Size class × 2 + noscan (0 for large spans).
    pub span_class: u8,
    /// Mark and alloc bits live inline: one fewer cache miss per marked object than a separate
    /// allocation, and no allocation per span.
    pub mark_bits: [u64; BITMAP_WORDS],
    pub alloc_bits: [u64; BITMAP_WORDS],
    /// Type of each object (scan spans only).
    pub types: Vec<u32>,
    pub first_page: usize,
    pub npages: usize,
    /// Large spans: the object's type and the bytes to scan (`n × size` of the allocation).
    pub large_type: u32,
    /// Free slots may hold stale data: zero on allocation.
    pub needzero: bool,
    /// The span is the allocation cache of its class (its `freeindex` lives in the cache).
    pub cached: bool,
    pub large_scan_bytes: usize,
}

impl Span {
    fn dead() -> Self {
        Span {
            kind: SpanKind::Dead,
            start: 0,
            first_page: 0,
            npages: 0,
            span_class: 0,
            noscan: true,
            elem_size: 0,
            nelems: 0,
            div_mul: 0,
            freeindex: 0,
            alloc_bits: [0; BITMAP_WORDS],
            mark_bits: [0; BITMAP_WORDS],
            types: Vec::new(),
            large_type: 0,
            large_scan_bytes: 0,
            needzero: false,
            cached: false,
        }
    }

    /// Index of the object containing byte offset `off` of the span (may be `>= nelems` for the
    /// unused tail of a small span).
    #[inline(always)]
    pub fn index_of(&self, off: usize) -> usize {
        ((off as u64 * self.div_mul as u64) >> 32) as usize
    }

    /// Whether object `i` is allocated, given the span's current `freeindex`.
    #[inline(always)]
    pub fn is_allocated(&self, i: usize, freeindex: usize) -> bool {
        i < self.nelems && (i < freeindex || bitmap::get(&self.alloc_bits, i))
    }

    /// Free slots at or after `from`.
    pub fn free_from(&self, from: usize) -> usize {
        (self.nelems - from.min(self.nelems))
            - bitmap::count_range(&self.alloc_bits, from, self.nelems)
    }

    /// Allocated objects, given `freeindex`.
    pub fn allocated(&self, freeindex: usize) -> usize {
        self.nelems - self.free_from(freeindex)
    }
}

/// All spans plus the page → span map.
pub(crate) struct SpanTable {
    pub spans: Vec<Span>,
    free_ids: Vec<u32>,
    /// Span id of each committed page (0: the page is free).
    pub page_map: Vec<u32>,
    /// Arena base address.
    pub base: usize,
}

impl SpanTable {
    pub fn new(base: usize) -> Self {
        SpanTable {
            spans: vec![Span::dead()],
            free_ids: Vec::new(),
            page_map: Vec::new(),
            base,
        }
    }

    /// Span id of the page containing `addr`, if it lies in an in-use span.
    #[inline(always)]
    pub fn lookup(&self, addr: usize) -> Option<u32> {
        let page = addr.wrapping_sub(self.base) >> PAGE_SHIFT;
        match self.page_map.get(page) {
            Some(&id) if id != 0 => Some(id),
            _ => None,
        }
    }

    /// Creates a span over `npages` pages at `first_page`/`start` and maps its pages.
    pub fn create_small(
        &mut self,
        first_page: usize,
        start: usize,
        span_class: u8,
        needzero: bool,
    ) -> u32 {
        let class = span_class as usize / 2;
        let noscan = span_class & 1 == 1;
        let npages = CLASSES.npages[class] as usize;
        let elem_size = CLASSES.size[class] as usize;
        let nelems = npages * PAGE_SIZE / elem_size;
        let id = self.new_id();
        let s = &mut self.spans[id as usize];
        s.kind = SpanKind::Small;
        s.start = start;
        s.first_page = first_page;
        s.npages = npages;
        s.span_class = span_class;
        s.noscan = noscan;
        s.elem_size = elem_size;
        s.nelems = nelems;
        s.div_mul = CLASSES.div_mul[class];
        s.freeindex = 0;
        s.alloc_bits = [0; BITMAP_WORDS];
        s.mark_bits = [0; BITMAP_WORDS];
        s.types.clear();
        if !noscan {
            s.types.resize(nelems, 0);
        }
        s.needzero = needzero;
        s.cached = false;
        self.map_pages(first_page, npages, id);
        id
    }

    /// Creates a span for one large object.
    pub fn create_large(
        &mut self,
        first_page: usize,
        start: usize,
        npages: usize,
        ty: u32,
        scan_bytes: usize,
        noscan: bool,
    ) -> u32 {
        let id = self.new_id();
        let s = &mut self.spans[id as usize];
        s.kind = SpanKind::Large;
        s.start = start;
        s.first_page = first_page;
        s.npages = npages;
        s.span_class = 0;
        s.noscan = noscan;
        s.elem_size = npages * PAGE_SIZE;
        s.nelems = 1;
        s.div_mul = 0;
        s.freeindex = 1;
        s.alloc_bits = [0; BITMAP_WORDS];
        s.mark_bits = [0; BITMAP_WORDS];
        s.types.clear();
        s.large_type = ty;
        s.large_scan_bytes = scan_bytes;
        s.needzero = false;
        s.cached = false;
        self.map_pages(first_page, npages, id);
        id
    }

    /// Unmaps a span's pages and recycles its record. Returns `(first_page, npages)`.
    pub fn destroy(&mut self, id: u32) -> (usize, usize) {
        let (first, n) = match self.spans.get_mut(id as usize) {
            Some(s) => {
                s.kind = SpanKind::Dead;
                (s.first_page, s.npages)
            }
            None => return (0, 0),
        };
        self.map_pages(first, n, 0);
        self.free_ids.push(id);
        (first, n)
    }

    /// Ids of all spans in use.
    pub fn live_ids(&self) -> impl Iterator<Item = u32> + '_ {
        self.spans
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind != SpanKind::Dead)
            .map(|(i, _)| i as u32)
    }

    fn new_id(&mut self) -> u32 {
        match self.free_ids.pop() {
            Some(id) => id,
            None => {
                self.spans.push(Span::dead());
                (self.spans.len() - 1) as u32
            }
        }
    }

    fn map_pages(&mut self, first: usize, n: usize, id: u32) {
        if self.page_map.len() < first + n {
            self.page_map.resize(first + n, 0);
        }
        for p in &mut self.page_map[first..first + n] {
            *p = id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bitmaps_cover_every_class() {
        for c in 1..CLASSES.count {
            let nelems = CLASSES.npages[c] as usize * PAGE_SIZE / CLASSES.size[c] as usize;
            assert!(
                nelems <= BITMAP_WORDS * 64,
                "class {c} has {nelems} objects"
            );
        }
    }
}
