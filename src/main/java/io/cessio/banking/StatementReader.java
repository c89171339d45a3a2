package io.cessio.banking;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.cessio.banking.Rejections.FormatProblem;
import io.cessio.shared.UntrustedXml;

/**
 * Reads a bank statement file as the bank sent it: ISO 20022 camt.053 (versions 001.02
 * and 001.08, DOMAIN.md §5.2) or CFONB 120 (§5.4), told apart by the content. A file is
 * read whole or refused whole: every statement in it balances (opening + booked movements
 * = closing, and the camt.053 totals when given), every amount is in euros. Nothing is
 * fetched and no DTD is ever processed. Stateless and thread-safe.
 */
@Component
public class StatementReader {

	private static final Logger log = LoggerFactory.getLogger(StatementReader.class);

	private final long maxBytes;

	/**
	 * @param maxBytes the largest file accepted, in bytes
	 * ({@code cessio.statements.max-bytes}, 50 MiB by default)
	 */
	public StatementReader(@Value("${cessio.statements.max-bytes:52428800}") long maxBytes) {
		if (maxBytes <= 0) {
			throw new IllegalArgumentException("The statement size cap must be positive");
		}
		this.maxBytes = maxBytes;
	}

	/**
	 * Reads one statement file.
	 * @param content the file's bytes
	 * @return its statements, entries in the bank's order
	 * @throws StatementRejected if the file is refused (the reason and position say why);
	 * nothing else for bad content
	 */
	public StatementFile read(byte[] content) {
		Objects.requireNonNull(content, "content");
		if (content.length > maxBytes) {
			throw Rejections.tooLarge(content.length, maxBytes);
		}
		if (isBlank(content)) {
			throw Rejections.unsupportedFormat(FormatProblem.EMPTY, "Empty statement file");
		}
		try {
			if (UntrustedXml.looksLikeXml(content) || UntrustedXml.looksLikeUtf16OrUtf32(content)) {
				return Camt053Reader.read(content);
			}
			if (Cfonb120Reader.looksLikeCfonb(content)) {
				return Cfonb120Reader.read(content);
			}
		}
		catch (StatementRejected rejected) {
			throw rejected;
		}
		catch (RuntimeException ex) {
			// whatever a library throws on content nobody foresaw, the caller sees a
			// refusal
			log.warn("Statement file refused on an unexpected error", ex);
			throw Rejections.unsupportedFormat(FormatProblem.UNRECOGNISED, "Statement file unreadable: " + ex, ex);
		}
		throw Rejections.unsupportedFormat(FormatProblem.UNRECOGNISED, "Neither camt.053 XML nor CFONB 120");
	}

	private static boolean isBlank(byte[] content) {
		for (byte b : content) {
			if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
				return false;
			}
		}
		return true;
	}

}
