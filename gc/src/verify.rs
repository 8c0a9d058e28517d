//! Heap consistency checks, for tests and for debugging the runtime: every structure the
//! allocator and the collector keep must agree with the others.

use crate::bitmap;
use crate::heap::Heap;
use crate::sizeclass::PAGE_SIZE;
use crate::span::SpanKind;

impl Heap {
    /// Checks the heap's internal invariants and describes the first violation found: the page
    /// map and the spans agree, no two spans overlap, free and in-use pages add up to the
    /// committed arena, no mark bit survives outside a collection, and objects hold type ids
    /// that were registered. Costs time proportional to the heap's metadata.
    pub fn verify(&self) -> Result<(), String> {
        let committed = self.pages.committed_pages();
        let mut owner = vec![0u32; committed];
        let mut inuse_pages = 0;
        for (id, s) in self.spans.spans.iter().enumerate() {
            if s.kind == SpanKind::Dead {
                continue;
            }
            let last = s.first_page + s.npages;
            if last > committed {
                return Err(format!("span {id} extends past the committed arena"));
            }
            if s.start != self.pages.addr(s.first_page) {
                return Err(format!("span {id} start does not match its first page"));
            }
            for (p, o) in owner.iter_mut().enumerate().take(last).skip(s.first_page) {
                if *o != 0 {
                    return Err(format!("page {p} belongs to spans {} and {id}", *o));
                }
                *o = id as u32;
            }
            inuse_pages += s.npages;
            if s.nelems * s.elem_size > s.npages * PAGE_SIZE {
                return Err(format!("span {id} objects overflow its pages"));
            }
            if bitmap::count_range(&s.mark_bits, 0, s.nelems) != 0 {
                return Err(format!("span {id} has mark bits set outside a collection"));
            }
            if s.kind == SpanKind::Small && !s.noscan {
                let fi = if s.cached {
                    self.cached_freeindex(s.span_class)
                } else {
                    s.freeindex
                };
                for i in 0..s.nelems {
                    if s.is_allocated(i, fi)
                        && s.types.get(i).is_none_or(|&t| self.types.desc(t).is_none())
                    {
                        return Err(format!("span {id} object {i} has no registered type"));
                    }
                }
            }
        }
        for (p, &o) in owner.iter().enumerate() {
            let mapped = self.spans.page_map.get(p).copied().unwrap_or(0);
            if mapped != o {
                return Err(format!("page {p} maps to span {mapped}, owned by span {o}"));
            }
        }
        if inuse_pages + self.pages.free_pages != committed {
            return Err(format!(
                "{inuse_pages} in-use + {} free pages != {committed} committed",
                self.pages.free_pages
            ));
        }
        if self.pages.released_pages > self.pages.free_pages {
            return Err("more released pages than free pages".to_string());
        }
        Ok(())
    }
}
