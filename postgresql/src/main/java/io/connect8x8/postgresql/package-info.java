/**
 * PostgreSQL stores over plain JDBC, for applications with several instances: {@link
 * io.connect8x8.postgresql.PostgresReceiptLedger}, the webhook receipt ledger they share; {@link
 * io.connect8x8.postgresql.PostgresCampaignJournal}, the campaign journal from which workers claim chunks; and {@link
 * io.connect8x8.postgresql.SharedRateLimit}, one Bucket4j rate limit for every process.
 */
package io.connect8x8.postgresql;
