package io.cessio.invoices;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.audit.AuditTrail;
import io.cessio.platform.security.CurrentUser;

/**
 * Supporting documents of invoices (purchase order, delivery note…), stored in
 * PostgreSQL. The type is decided by the file's first bytes, never by its name: PDF, PNG
 * or JPEG, at most 10 MB.
 */
@Service
@Transactional
public class InvoiceAttachments {

	public static final int MAX_BYTES = 10 * 1024 * 1024;

	private final InvoiceManagement invoices;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final JdbcClient jdbc;

	private final Clock clock;

	InvoiceAttachments(InvoiceManagement invoices, AuditTrail auditTrail, CurrentUser currentUser, JdbcClient jdbc,
			Clock clock) {
		this.invoices = invoices;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Attaches a document to one of the company's invoices.
	 * @throws AttachmentRefused if the content is not an accepted type or too large
	 */
	@PreAuthorize("hasRole('COMPANY_USER')")
	public UUID attach(InvoiceId invoiceId, String fileName, byte[] content) {
		InvoiceView invoice = invoices.find(invoiceId);
		if (content.length == 0) {
			throw new AttachmentRefused("invoices.attachment.empty", "Empty file");
		}
		if (content.length > MAX_BYTES) {
			throw new AttachmentRefused("invoices.attachment.tooLarge", "Larger than 10 MB");
		}
		String type = contentType(content)
			.orElseThrow(() -> new AttachmentRefused("invoices.attachment.type", "Not a PDF, PNG or JPEG file"));
		String name = safeName(fileName);
		UUID id = UUID.randomUUID();
		String sha256 = sha256(content);
		jdbc.sql("""
				insert into invoice_attachment (id, invoice_id, company_id, file_name, content_type, size_bytes, sha256,
				                                content, uploaded_at, uploaded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, invoiceId.value(), invoice.companyId().value(), name, type, content.length, sha256, content,
					Timestamp.from(clock.instant()), currentUser.actorName())
			.update();
		auditTrail.record("INVOICE_DOCUMENT_ATTACHED", InvoiceManagement.ENTITY, invoiceId.toString(), invoice.number()
				+ ": " + name + " (" + type + ", " + content.length + " bytes, sha256 " + sha256 + ")");
		return id;
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<AttachmentView> listOf(InvoiceId invoiceId) {
		invoices.find(invoiceId);
		return jdbc.sql("""
				select id, invoice_id, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by
				from invoice_attachment where invoice_id = ? order by uploaded_at""")
			.param(invoiceId.value())
			.query((rs, n) -> new AttachmentView(rs.getObject("id", UUID.class),
					new InvoiceId(rs.getObject("invoice_id", UUID.class)), rs.getString("file_name"),
					rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
					rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by")))
			.list();
	}

	/** The document and its content, if its invoice is one the current user may see. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Download download(UUID attachmentId) {
		Download download = jdbc
			.sql("select invoice_id, file_name, content_type, content from invoice_attachment where id = ?")
			.param(attachmentId)
			.query((rs, n) -> new Download(new InvoiceId(rs.getObject("invoice_id", UUID.class)),
					rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> new InvoiceNotFound("attachment " + attachmentId));
		invoices.find(download.invoiceId());
		return download;
	}

	/** The accepted type that the content's first bytes announce. */
	static Optional<String> contentType(byte[] content) {
		if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of("application/pdf");
		}
		if (startsWith(content, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' })) {
			return Optional.of("image/png");
		}
		if (startsWith(content, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return Optional.of("image/jpeg");
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		if (content.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (content[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

	/** The base name, without path or control characters, at most 200 characters. */
	static String safeName(String fileName) {
		String name = fileName == null ? "" : fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
		if (name.isEmpty()) {
			name = "document";
		}
		return name.length() <= 200 ? name : name.substring(name.length() - 200);
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A document's name, type and bytes, for the download response. */
	public record Download(InvoiceId invoiceId, String fileName, String contentType, byte[] content) {
	}

}
