package com.tsh.erp.events.clients;

import java.math.BigDecimal;

/**
 * A client's balance (what the client owes) changed by one ledger entry. Key and aggregate id:
 * the client id; aggregate version: the client's balance version, which every ledger entry raises by one.
 *
 * @param amount  the ledger entry's amount (positive raises what the client owes): a payment, credit
 *                note or adjustment is a single amount (12 digits before the point), a delivered
 *                order's debit the order's total
 * @param balance the balance after it, always within &plusmn;999,999,999,999,999.99 (client-service's
 *                {@code ClientLedger.BALANCE_LIMIT}): an entry that would leave the range is refused
 * @param entryId the ledger entry that changed the balance
 */
public record BalanceChanged(long clientId, LedgerEntryKind kind, BigDecimal amount, BigDecimal balance, String orderId,
                             String reference, long entryId) {
}
