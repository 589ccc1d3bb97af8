#ifndef LOOKML_PROCESS_SUPPORT_H
#define LOOKML_PROCESS_SUPPORT_H
#include <spawn.h>
#include <dirent.h>

/// glibc's GNU extensions for posix_spawn, which Swift's Glibc module does not declare.
/// Close every descriptor from `lowest` up in the child.
int lookml_spawn_add_closefrom(posix_spawn_file_actions_t *actions, int lowest);
/// Change the child's working directory.
int lookml_spawn_add_chdir(posix_spawn_file_actions_t *actions, const char *path);

/// The name of a directory entry, read in place: `readdir` returns records only as long as their name, so copying
/// the declared 256-byte `d_name` array (as Swift does when it reads the field) can read past the end of the record.
static inline const char *lookml_dirent_name(const struct dirent *entry) { return entry->d_name; }

#endif
