#pragma once
// Handing the heap's freed memory back to the system.

namespace archlens {

/// Gives back to the system the pages of memory the C library holds freed, in every
/// thread's heap, and returns true; where the C library is not glibc, does nothing and
/// returns false. glibc keeps what a thread frees for that thread to reuse and returns
/// little of it by itself: after the live analysis of a 10,000-component design its thread's
/// heap held about 40 MB with 13 in use, and what the canvas's renderer then asked for while
/// zooming out came on top of that. The call walks the heaps' free blocks and takes each
/// heap's lock in turn (tens of milliseconds on such a design), so run it on a background
/// thread while the window is idle; memory given back is faulted in again when next used.
bool handBackFreedMemory();

} // namespace archlens
