package io.cessio.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import io.cessio.banking.Rejections.AmountProblem;
import io.cessio.banking.Rejections.Control;
import io.cessio.banking.Rejections.FormatProblem;
import io.cessio.banking.Rejections.Place;
import io.cessio.banking.Rejections.RecordProblem;
import io.cessio.banking.StatementRejected.Reason;
import io.cessio.shared.Iban;

/** The refusal messages, as the application's message source renders them. */
class StatementMessagesTests {

	static final Locale FRENCH = Locale.FRENCH;

	static final Iban ACCOUNT = Iban.of("FR7630004008230001234567819");

	final ResourceBundleMessageSource messages = messageSource();

	@Test
	void saysWhichLineHasAnAmountWithAnInvalidSign() {
		StatementRejected rejected = Rejections.badAmount(Place.CFONB_LINE, 12, "00000001234X",
				AmountProblem.SIGN_CHARACTER);

		assertThat(french(rejected)).isEqualTo("Ligne 12 : le montant « 00000001234X » a un caractère de signe invalide"
				+ " (le dernier caractère doit être une accolade ou une lettre de A à R)."
				+ " Aucun mouvement n’a été importé.");
		assertThat(english(rejected)).isEqualTo("Line 12: the amount “00000001234X” has an invalid sign character"
				+ " (the last character must be a brace or a letter from A to R). No entry was imported.");
	}

	@Test
	void showsTheAnnouncedAndComputedBalancesInTheUsersFormat() {
		StatementRejected rejected = Rejections.unbalanced(Control.CLOSING_BALANCE, 16, new BigDecimal("11485.52"),
				new BigDecimal("-1234.5"), ACCOUNT);

		assertThat(french(rejected).replace('\u202f', ' ').replace('\u00a0', ' '))
			.isEqualTo("Le solde de clôture annoncé par la banque pour le compte FR76 3000 4008 2300 0123 4567 819"
					+ " est de 11 485,52 €, mais le détail du fichier donne -1 234,50 €. Le relevé est incomplet"
					+ " ou altéré : demandez-en un nouvel exemplaire à la banque. Aucun mouvement n’a été importé.");
		assertThat(english(
				Rejections.unbalanced(Control.BATCH, 3, new BigDecimal("3600.00"), new BigDecimal("3600.10"), ACCOUNT)))
			.isEqualTo("The amount of a batch entry announced by the bank for account FR76 3000 4008 2300 0123 4567 819"
					+ " is 3,600.00 EUR, but the file’s details give 3,600.10 EUR (entry 3). The statement is"
					+ " incomplete or altered: ask the bank for a new copy. No entry was imported.");
	}

	@Test
	void namesThePlaceOfTheProblem() {
		assertThat(french(Rejections.unsupportedCurrency(Place.CAMT_ENTRY, 1234, "USD")))
			.startsWith("Écriture n° 1234 : la devise USD n’est pas acceptée");
		assertThat(french(Rejections.unsupportedCurrency(Place.STATEMENT, null, "CHF")))
			.startsWith("Relevé : la devise CHF");
		assertThat(french(Rejections.missingField(Place.STATEMENT, null, "Stmt/Bal[CLBD]", 2)))
			.startsWith("Champ obligatoire absent : Stmt/Bal[CLBD] (relevé n° 2).");
		assertThat(french(Rejections.missingField(Place.CAMT_ENTRY, 7, "Ntry/BookgDt", 1)))
			.startsWith("Champ obligatoire absent : Ntry/BookgDt (écriture n° 7).");
		assertThat(french(Rejections.badDate(Place.CFONB_LINE, 3, "320326")))
			.startsWith("Ligne 3 : la date « 320326 » est invalide (format JJMMAA attendu).");
		assertThat(french(Rejections.badRecord(5, RecordProblem.LENGTH, "119")))
			.startsWith("Ligne 5 : la ligne fait 119 caractères au lieu des 120 d’un relevé CFONB 120.");
		assertThat(french(Rejections.malformedXml(57, "", new IllegalStateException())))
			.startsWith("Le fichier XML est endommagé ou tronqué (erreur à la ligne 57 du fichier).");
		assertThat(french(Rejections.malformedXml(0, "", new IllegalStateException())))
			.startsWith("Le fichier XML est endommagé ou tronqué. Déposez");
	}

	@ParameterizedTest
	@EnumSource(Reason.class)
	void hasAFrenchAndAnEnglishTextForEveryReasonAndEveryVariant(Reason reason) {
		for (StatementRejected rejected : examples(reason)) {
			for (Locale locale : List.of(FRENCH, Locale.ENGLISH)) {
				String text = messages.getMessage(rejected.messageKey(), rejected.messageArguments(), locale);
				assertThat(text).as(reason + " in " + locale)
					.doesNotContainPattern("\\{[0-9]")
					.doesNotContain("''")
					.endsWith(locale == FRENCH ? "Aucun mouvement n’a été importé." : "No entry was imported.");
			}
			assertThat(french(rejected)).isNotEqualTo(english(rejected));
		}
	}

	private static List<StatementRejected> examples(Reason reason) {
		RuntimeException cause = new IllegalStateException();
		return switch (reason) {
			case TOO_LARGE -> List.of(Rejections.tooLarge(60_000_000, 52_428_800));
			case UNSUPPORTED_FORMAT -> List.of(FormatProblem.values())
				.stream()
				.map((problem) -> Rejections.unsupportedFormat(problem, ""))
				.toList();
			case DOCTYPE_FORBIDDEN -> List.of(Rejections.doctypeForbidden(cause));
			case MALFORMED_XML ->
				List.of(Rejections.malformedXml(0, "", cause), Rejections.malformedXml(12, "", cause));
			case WRONG_NAMESPACE ->
				List.of(Rejections.wrongNamespace("{urn:iso:std:iso:20022:tech:xsd:camt.052.001.08}Document"));
			case MISSING_FIELD -> List.of(Rejections.missingField(Place.STATEMENT, null, "Stmt/Id", 1),
					Rejections.missingField(Place.CAMT_ENTRY, 3, "Ntry/Amt", 1));
			case BAD_AMOUNT ->
				List.of(AmountProblem.values())
					.stream()
					.flatMap((problem) -> List
						.of(Rejections.badAmount(Place.STATEMENT, null, "-1", problem),
								Rejections.badAmount(Place.CFONB_LINE, 2, "0000000012500X", problem),
								Rejections.badAmount(Place.CAMT_ENTRY, 4, "12,50", problem))
						.stream())
					.toList();
			case BAD_DATE -> List.of(Rejections.badDate(Place.STATEMENT, null, "2026-02-30"),
					Rejections.badDate(Place.CFONB_LINE, 2, "320326"), Rejections.badDate(Place.CAMT_ENTRY, 4, "x"));
			case BAD_RECORD -> List.of(RecordProblem.values())
				.stream()
				.map((problem) -> Rejections.badRecord(9, problem, "04"))
				.toList();
			case UNBALANCED -> List.of(Control.values())
				.stream()
				.map((control) -> Rejections.unbalanced(control, 1, BigDecimal.TEN, BigDecimal.ONE, ACCOUNT))
				.toList();
			case UNSUPPORTED_CURRENCY -> List.of(Rejections.unsupportedCurrency(Place.STATEMENT, null, "USD"),
					Rejections.unsupportedCurrency(Place.CFONB_LINE, 2, "USD"),
					Rejections.unsupportedCurrency(Place.CAMT_ENTRY, 2, "USD"));
			case UNKNOWN_ACCOUNT -> List.of(Rejections.unknownAccount("FR7630004008230001234567818"));
		};
	}

	private String french(StatementRejected rejected) {
		return messages.getMessage(rejected.messageKey(), rejected.messageArguments(), FRENCH);
	}

	private String english(StatementRejected rejected) {
		return messages.getMessage(rejected.messageKey(), rejected.messageArguments(), Locale.ENGLISH);
	}

	/** As Spring Boot configures it from {@code spring.messages.*}. */
	private static ResourceBundleMessageSource messageSource() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
