#ifndef LOOKML_CYAML_SHIM_H
#define LOOKML_CYAML_SHIM_H
#include <yaml.h>
#endif
