/**
 * PostgreSQL stores over plain JDBC, for applications with several instances: {@link
 * io.connect8x8.postgresql.PostgresReceiptLedger}, the webhook receipt ledger they share.
 */
package io.connect8x8.postgresql;
