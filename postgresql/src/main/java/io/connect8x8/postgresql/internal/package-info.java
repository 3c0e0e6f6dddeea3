/** Internals of the PostgreSQL stores; not an API. */
package io.connect8x8.postgresql.internal;
