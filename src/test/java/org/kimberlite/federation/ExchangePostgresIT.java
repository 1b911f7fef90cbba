package org.kimberlite.federation;

/**
 * The certificate exchange between two nodes, each on a database of its own on PostgreSQL: the same
 * walk as {@link ExchangeH2IT}.
 */
class ExchangePostgresIT extends ExchangeH2IT {}
