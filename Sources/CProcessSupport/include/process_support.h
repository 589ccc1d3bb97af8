#ifndef LOOKML_PROCESS_SUPPORT_H
#define LOOKML_PROCESS_SUPPORT_H
#include <spawn.h>

/// glibc's GNU extensions for posix_spawn, which Swift's Glibc module does not declare.
/// Close every descriptor from `lowest` up in the child.
int lookml_spawn_add_closefrom(posix_spawn_file_actions_t *actions, int lowest);
/// Change the child's working directory.
int lookml_spawn_add_chdir(posix_spawn_file_actions_t *actions, const char *path);

#endif
