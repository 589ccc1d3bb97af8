#ifndef LOOKML_CLIBPQ_SHIM_H
#define LOOKML_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
