package io.cessio.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.cessio.CessioIntegrationTest;
import io.cessio.banking.DedicatedAccountFixtures;
import io.cessio.banking.DedicatedAccounts;
import io.cessio.banking.StatementFiles;
import io.cessio.companies.AccountFixtures;
import io.cessio.companies.ContractTerms;
import io.cessio.invoices.InvoiceFixtures;
import io.cessio.platform.security.Role;
import io.cessio.platform.security.SystemActor;

/**
 * The inbox job: files the bank dropped are imported, moved to {@code processed/}; a
 * refused file goes to {@code rejected/} with the reason; the same file dropped again
 * imports nothing new.
 */
@CessioIntegrationTest
class StatementInboxIntegrationTests {

	@Autowired
	StatementInbox inbox;

	@Autowired
	SystemActor system;

	@Autowired
	InvoiceFixtures fixtures;

	@Autowired
	AccountFixtures accounts;

	@Autowired
	DedicatedAccounts dedicatedAccounts;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	@Test
	void filesDroppedInTheInboxAreImportedOrSetAsideWithTheirReason() throws Exception {
		accounts.ensureFactor();
		var company = accounts.aCompany(ContractTerms.standard());
		DedicatedAccountFixtures.awaitDedicatedAccount(jdbc, company);
		String iban = fixtures.acting()
			.as(accounts.aUser(Role.OPS), () -> dedicatedAccounts.of(company))
			.iban()
			.value();
		byte[] good = StatementFiles.camt053v08("MSG-INBOX-" + UUID.randomUUID(),
				StatementFiles.aStatement(iban)
					.opening("0.00", LocalDate.now())
					.credit(StatementFiles.credit("75.00").payer("INCONNU", null).remittance("VIREMENT")));
		Files.write(folder.resolve("releve-1.xml"), good);
		Files.writeString(folder.resolve("releve-2.xml"),
				"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"/>");
		Files.writeString(folder.resolve("en-cours.xml.part"), "still being written");

		StatementInbox.PickUp first = system.call(() -> inbox.pickUp(folder));
		Files.write(folder.resolve("releve-1-bis.xml"), good);
		StatementInbox.PickUp second = system.call(() -> inbox.pickUp(folder));

		assertThat(first).isEqualTo(new StatementInbox.PickUp(1, 0, 1));
		assertThat(second).isEqualTo(new StatementInbox.PickUp(0, 1, 0));
		assertThat(names(folder.resolve("processed"))).hasSize(2).anyMatch(name -> name.endsWith("releve-1.xml"));
		assertThat(names(folder.resolve("rejected"))).anyMatch(name -> name.endsWith("releve-2.xml"))
			.anyMatch(name -> name.endsWith("releve-2.xml.error.txt"));
		Path error = Files.list(folder.resolve("rejected"))
			.filter(path -> path.toString().endsWith(".error.txt"))
			.findFirst()
			.orElseThrow();
		assertThat(Files.readString(error)).startsWith("WRONG_NAMESPACE");
		assertThat(names(folder)).contains("en-cours.xml.part");
		assertThat(names(folder.resolve("processing"))).isEmpty();
		assertThat(jdbc.sql("select count(*) from statement_entry where company_id = ?")
			.param(company.value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private static List<String> names(Path directory) throws Exception {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map(path -> path.getFileName().toString()).toList();
		}
	}

}
