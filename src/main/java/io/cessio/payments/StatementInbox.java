package io.cessio.payments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.cessio.audit.AuditTrail;
import io.cessio.banking.StatementRejected;

/**
 * Picks up the statement files the bank drops in the inbox folder
 * ({@code cessio.statements.inbox}; nothing happens when it is not set). A file is first
 * claimed by an atomic move to {@code processing/} — with several instances, one of them
 * gets it — then imported like an upload, and moved to {@code processed/}, or to
 * {@code rejected/} with a {@code .error.txt} saying why. A file left in
 * {@code processing/} by a crash goes back to the inbox after a while: importing it again
 * is harmless (a file is imported once).
 */
@Component
public class StatementInbox {

	static final Duration STALE_CLAIM = Duration.ofMinutes(30);

	private static final Logger log = LoggerFactory.getLogger(StatementInbox.class);

	private final Statements statements;

	private final AuditTrail auditTrail;

	private final Clock clock;

	private final String folder;

	StatementInbox(Statements statements, AuditTrail auditTrail, Clock clock,
			@Value("${cessio.statements.inbox:}") String folder) {
		this.statements = statements;
		this.auditTrail = auditTrail;
		this.clock = clock;
		this.folder = folder;
	}

	/** What one pick-up did. */
	public record PickUp(int imported, int alreadyImported, int rejected) {
	}

	/** Imports every file waiting in the configured inbox (as operations). */
	public PickUp pickUp() {
		return folder.isBlank() ? new PickUp(0, 0, 0) : pickUp(Path.of(folder));
	}

	PickUp pickUp(Path inbox) {
		try {
			Path processing = Files.createDirectories(inbox.resolve("processing"));
			Path processed = Files.createDirectories(inbox.resolve("processed"));
			Path rejected = Files.createDirectories(inbox.resolve("rejected"));
			releaseStaleClaims(processing, inbox);
			int imported = 0;
			int seen = 0;
			int refused = 0;
			for (Path file : waitingFiles(inbox)) {
				Path claimed = claim(file, processing);
				if (claimed == null) {
					continue;
				}
				String name = file.getFileName().toString();
				try {
					ImportOutcome outcome = statements.importFile(name, Files.readAllBytes(claimed),
							ImportSource.INBOX);
					if (outcome.imported().alreadyImported()) {
						seen++;
					}
					else {
						imported++;
					}
					moveAside(claimed, processed);
				}
				catch (StatementRejected refusal) {
					refused++;
					Path target = moveAside(claimed, rejected);
					Files.writeString(target.resolveSibling(target.getFileName() + ".error.txt"),
							refusal.reason() + (refusal.position() == null ? "" : " at " + refusal.position()) + ": "
									+ refusal.getMessage() + System.lineSeparator(),
							StandardCharsets.UTF_8);
					auditTrail.recordOnItsOwn("system", "STATEMENT_REJECTED", "STATEMENT_IMPORT", name,
							refusal.reason() + ": " + refusal.getMessage(), null);
				}
			}
			return new PickUp(imported, seen, refused);
		}
		catch (IOException failure) {
			throw new UncheckedIOException("Statement inbox " + inbox, failure);
		}
	}

	private static List<Path> waitingFiles(Path inbox) throws IOException {
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (Files.isRegularFile(entry) && !name.startsWith(".") && !name.endsWith(".part")) {
					files.add(entry);
				}
			}
		}
		files.sort(null);
		return files;
	}

	/** Moves the file into {@code processing/}; null when another instance took it. */
	private static Path claim(Path file, Path processing) throws IOException {
		try {
			return Files.move(file, processing.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
		}
		catch (NoSuchFileException | FileAlreadyExistsException taken) {
			return null;
		}
		catch (AtomicMoveNotSupportedException unsupported) {
			throw new IOException("The inbox must be on one file system (atomic moves)", unsupported);
		}
	}

	private void releaseStaleClaims(Path processing, Path inbox) throws IOException {
		FileTime before = FileTime.from(clock.instant().minus(STALE_CLAIM));
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(processing)) {
			for (Path entry : entries) {
				if (Files.getLastModifiedTime(entry).compareTo(before) < 0) {
					log.warn("Statement {} was left half-processed; back to the inbox", entry.getFileName());
					try {
						Files.move(entry, inbox.resolve(entry.getFileName()), StandardCopyOption.ATOMIC_MOVE);
					}
					catch (NoSuchFileException | FileAlreadyExistsException taken) {
						// another instance released it
					}
				}
			}
		}
	}

	private Path moveAside(Path claimed, Path folder) throws IOException {
		Path target = folder.resolve(clock.instant().toEpochMilli() + "-" + claimed.getFileName());
		return Files.move(claimed, target, StandardCopyOption.ATOMIC_MOVE);
	}

}
