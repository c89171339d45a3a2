package io.cessio.banking;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A bank statement file as read, before anything is stored: its format, the bank's
 * message id (camt.053 {@code GrpHdr/MsgId}; none in CFONB 120) and one statement per
 * account and period.
 */
public record StatementFile(StatementFormat format, @Nullable String messageId, List<AccountStatement> statements) {

	public StatementFile {
		Objects.requireNonNull(format);
		statements = List.copyOf(statements);
	}

}
