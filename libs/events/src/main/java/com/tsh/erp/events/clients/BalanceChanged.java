package com.tsh.erp.events.clients;

import java.math.BigDecimal;

/**
 * A client's balance (what the client owes) changed by one ledger entry. Key and aggregate id:
 * the client id; aggregate version: the client's balance version, which every ledger entry raises by one.
 *
 * @param entryId the ledger entry that changed the balance
 */
public record BalanceChanged(long clientId, LedgerEntryKind kind, BigDecimal amount, BigDecimal balance, String orderId,
                             String reference, long entryId) {
}
