/*
 * pg_compat.h — the one place where the code meets the differences between
 * the PostgreSQL majors it is built and tested against (15 and 18; see the
 * README's table).  No other file tests PG_VERSION_NUM.
 *
 * Include it after c.h (the core, the unit tests, the fuzzers) or after
 * postgres.h (the server glue): the second part is for the server only.
 */
#ifndef PG_COMPAT_H
#define PG_COMPAT_H

/*
 * A function that does not return: pg_noreturn, a prefix, from PostgreSQL
 * 18; before, pg_attribute_noreturn(), which GCC and Clang also take as a
 * prefix.
 */
#ifndef pg_noreturn
#define pg_noreturn pg_attribute_noreturn()
#endif

#ifdef POSTGRES_H				/* the server */

#include "funcapi.h"

/*
 * Soft input errors (pg_input_is_valid, COPY ... ON_ERROR) exist from
 * PostgreSQL 16; before, an input error is an ordinary ERROR.
 */
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#define mix_input_error(context, ...) errsave(context, __VA_ARGS__)
#else
#define mix_input_error(context, ...) ereport(ERROR, __VA_ARGS__)
#endif

#endif							/* POSTGRES_H */

#endif							/* PG_COMPAT_H */
