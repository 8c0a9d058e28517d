//! Address-space reservation and the three things the heap asks of the OS: make a range usable
//! (commit), give its physical memory back (release), and unmap everything at the end.

use crate::error::GcError;

/// A contiguous range of virtual address space reserved for the heap, inaccessible until
/// committed piece by piece.
pub(crate) struct Reservation {
    base: usize,
    len: usize,
}

impl Reservation {
    /// Reserves `len` bytes (a multiple of the OS page size) without backing memory.
    pub fn new(len: usize) -> Result<Self, GcError> {
        // SAFETY: an anonymous PROT_NONE mapping at an address of the kernel's choice touches
        // no existing memory.
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_NONE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            return Err(GcError::OutOfMemory);
        }
        Ok(Reservation {
            base: p as usize,
            len,
        })
    }

    /// First address of the reservation.
    pub fn base(&self) -> usize {
        self.base
    }

    /// Length of the reservation in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Makes `[off, off + len)` readable and writable; fresh pages read as zero.
    pub fn commit(&self, off: usize, len: usize) -> Result<(), GcError> {
        if off.checked_add(len).is_none_or(|end| end > self.len) {
            return Err(GcError::OutOfMemory);
        }
        // SAFETY: the range lies inside our own reservation.
        let r = unsafe {
            libc::mprotect(
                (self.base + off) as *mut libc::c_void,
                len,
                libc::PROT_READ | libc::PROT_WRITE,
            )
        };
        if r != 0 {
            Err(GcError::OutOfMemory)
        } else {
            Ok(())
        }
    }

    /// Returns the physical memory of `[off, off + len)` to the OS. The range stays usable and
    /// reads as zero afterwards. Failure only means the memory stays resident.
    pub fn release(&self, off: usize, len: usize) -> bool {
        if off.checked_add(len).is_none_or(|end| end > self.len) {
            return false;
        }
        let addr = (self.base + off) as *mut libc::c_void;
        // SAFETY: the range lies inside our own committed reservation and holds no live object
        // (the page heap only releases free pages).
        #[cfg(target_os = "linux")]
        let r = unsafe { libc::madvise(addr, len, libc::MADV_DONTNEED) };
        // Elsewhere MADV_DONTNEED need not zero: map fresh anonymous memory over the range.
        #[cfg(not(target_os = "linux"))]
        let r = unsafe {
            let p = libc::mmap(
                addr,
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_FIXED,
                -1,
                0,
            );
            if p == libc::MAP_FAILED { -1 } else { 0 }
        };
        r == 0
    }
}

impl Drop for Reservation {
    fn drop(&mut self) {
        // SAFETY: we own the mapping; nothing can use heap memory once the heap is dropped
        // (the runtime's contract: the heap outlives every Go value).
        unsafe {
            libc::munmap(self.base as *mut libc::c_void, self.len);
        }
    }
}
