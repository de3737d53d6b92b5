#ifndef CLRPLOT_CAIRO_SHIM_H
#define CLRPLOT_CAIRO_SHIM_H
#include <cairo/cairo.h>
#include <cairo/cairo-svg.h>
#include <cairo/cairo-pdf.h>
#include <cairo/cairo-ft.h>
#include <zlib.h>
#endif
