#ifndef SAIMA_CMALLOC_SHIM_H
#define SAIMA_CMALLOC_SHIM_H
#include <malloc.h>
/* glibc's M_ARENA_MAX, as a constant Swift can import. */
static const int saima_m_arena_max = M_ARENA_MAX;
#endif
