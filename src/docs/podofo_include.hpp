#pragma once
// Private to jw_docs: includes PoDoFo 0.9 with its own warnings silenced (its headers use the deprecated
// std::iterator), so that our translation units stay warning-clean however the include path is given.

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <podofo/podofo.h>
#pragma GCC diagnostic pop
