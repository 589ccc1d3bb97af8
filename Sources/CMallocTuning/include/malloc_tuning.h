#ifndef LOOKML_MALLOC_TUNING_H
#define LOOKML_MALLOC_TUNING_H

/// Keeps freed memory in the process instead of returning it to the kernel after every large allocation:
/// parsing thousands of files otherwise spends much of its time in page faults. A no-op off glibc.
void lookml_tune_malloc(void);

#endif
