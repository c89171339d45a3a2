package io.cessio.payments;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An open invoice that money in suspense may be for, for a person to confirm.
 *
 * @param openAmount what the invoice still owes, scale 2
 * @param score 0 to 1, scale 2: 0.45 reference + 0.25 amount + 0.15 debtor + 0.10 due
 * date near the value date + 0.05 payment history
 * @param why the signals that scored, in short English ({@code "same amount, debtor by
 * IBAN"})
 */
public record Suggestion(UUID invoiceId, String number, BigDecimal openAmount, BigDecimal score, String why) {

}
