#ifndef SAIMA_CMALLOC_SHIM_H
#define SAIMA_CMALLOC_SHIM_H
#include <malloc.h>
/* glibc's M_ARENA_MAX and M_MMAP_THRESHOLD, as constants Swift can import. */
static const int saima_m_arena_max = M_ARENA_MAX;
static const int saima_m_mmap_threshold = M_MMAP_THRESHOLD;
#endif
