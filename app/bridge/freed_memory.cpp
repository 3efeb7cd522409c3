#include "freed_memory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace archlens {

bool handBackFreedMemory() {
#if defined(__GLIBC__)
    // A pad of 0: keep nothing spare at the top of the main heap either.
    malloc_trim(0);
    return true;
#else
    return false;
#endif
}

} // namespace archlens
