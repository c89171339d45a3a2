package io.cessio.payments;

import static io.cessio.payments.MatchingFixtures.debtor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who paid: by IBAN, else SIREN, else name, else a clearly closest name. */
class DebtorIdentificationTests {

	static final KnownDebtor BETA = debtor("BETA SA", "552109878", "FR7630006000011234567890189");

	static final KnownDebtor GAMMA = debtor("Gamma S.A.R.L.", "403123458");

	static final KnownDebtor DELTA = debtor("Société Delta Équipements SAS", "888777661");

	static final KnownDebtor TRANSPORTS = debtor("Transports Lefèvre et Fils", null);

	final DebtorDirectory directory = new DebtorDirectory(List.of(BETA, GAMMA, DELTA, TRANSPORTS));

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "Gamma S.A.R.L.|GAMMA", "SARL GAMMA|GAMMA", "gamma sas|GAMMA",
					"Société Delta Équipements SAS|SOCIETE DELTA EQUIPEMENTS",
					"L'Atelier d'Œuvres, SNC|L ATELIER D OEUVRES", "S.A.S.|''" })
	void normalisesCompanyNamesWithoutAccentsPunctuationOrLegalForm(String name, String normalised) {
		assertThat(CompanyName.normalise(name)).isEqualTo(normalised);
	}

	@Test
	void aKnownIbanIdentifiesTheDebtorWhateverTheName() {
		PayerIdentity payer = directory.identify("FR76 3000 6000 0112 3456 7890 189", Set.of(), "SOMEONE ELSE");
		assertThat(payer.debtorId()).isEqualTo(BETA.debtorId());
		assertThat(payer.by()).isEqualTo(IdentifiedBy.IBAN);
	}

	@Test
	void aSirenIdentifiesTheDebtor() {
		PayerIdentity payer = directory.identify("FR7600000000000000000000000", Set.of("403123458"), null);
		assertThat(payer.debtorId()).isEqualTo(GAMMA.debtorId());
		assertThat(payer.by()).isEqualTo(IdentifiedBy.SIREN);
	}

	@Test
	void sirensOfTwoDebtorsIdentifyNeither() {
		assertThat(directory.identify(null, Set.of("403123458", "552109878"), null).isKnown()).isFalse();
	}

	@Test
	void theNormalisedNameIdentifiesTheDebtor() {
		PayerIdentity payer = directory.identify(null, Set.of(), "STE DELTA EQUIPEMENTS");
		assertThat(payer.isKnown()).as("STE is not a legal form").isFalse();
		payer = directory.identify(null, Set.of(), "SOCIETE DELTA EQUIPEMENTS");
		assertThat(payer.debtorId()).isEqualTo(DELTA.debtorId());
		assertThat(payer.by()).isEqualTo(IdentifiedBy.NAME);
	}

	@Test
	void aCloseSpellingIdentifiesTheDebtor() {
		PayerIdentity payer = directory.identify(null, Set.of(), "TRANSPORT LEFEVRE ET FILS");
		assertThat(payer.debtorId()).isEqualTo(TRANSPORTS.debtorId());
		assertThat(payer.by()).isEqualTo(IdentifiedBy.SIMILAR_NAME);
	}

	@Test
	void aNameCutShortByTheBankIdentifiesTheOnlyDebtorItFits() {
		PayerIdentity payer = directory.identify(null, Set.of(), "TRANSPORTS LEFEVRE E");
		assertThat(payer.debtorId()).isEqualTo(TRANSPORTS.debtorId());
		assertThat(payer.by()).isEqualTo(IdentifiedBy.TRUNCATED_NAME);
	}

	@Test
	void aNameCutShortThatFitsTwoDebtorsIdentifiesNeither() {
		DebtorDirectory cousins = new DebtorDirectory(
				List.of(debtor("TRANSPORTS MARTIN NORD", null), debtor("TRANSPORTS MARTIN NORMANDIE", null)));
		PayerIdentity payer = cousins.identify(null, Set.of(), "TRANSPORTS MARTIN NO");
		assertThat(payer.isKnown()).isFalse();
		assertThat(payer.similarNames()).hasSize(2);
	}

	@Test
	void aShortNameIsNotReadAsACutOne() {
		DebtorDirectory directory = new DebtorDirectory(List.of(debtor("GAMMA DISTRIBUTION", null)));
		assertThat(directory.identify(null, Set.of(), "GAMMA").isKnown()).isFalse();
	}

	@Test
	void onlyAnAccountOrARegistrationNumberIsCertain() {
		assertThat(IdentifiedBy.IBAN.isCertain()).isTrue();
		assertThat(IdentifiedBy.SIREN.isCertain()).isTrue();
		assertThat(IdentifiedBy.REFERENCED_INVOICES.isCertain()).isTrue();
		assertThat(IdentifiedBy.NAME.isCertain()).isFalse();
		assertThat(IdentifiedBy.TRUNCATED_NAME.isCertain()).isFalse();
		assertThat(IdentifiedBy.SIMILAR_NAME.isCertain()).isFalse();
	}

	@Test
	void aNameAsCloseToTwoDebtorsIdentifiesNeither() {
		DebtorDirectory twins = new DebtorDirectory(
				List.of(debtor("MARTIN BOIS", null), debtor("MARTIN BOIT", null), debtor("MARTIN", null)));
		assertThat(twins.identify(null, Set.of(), "MARTIN BOIX").isKnown()).isFalse();
		assertThat(twins.identify(null, Set.of(), "MARTIN BOIX").similarNames()).hasSize(3);
	}

	@Test
	void twoDebtorsOfTheSameNameAreNotIdentifiedByName() {
		DebtorDirectory twins = new DebtorDirectory(List.of(debtor("DUPONT SA", null), debtor("DUPONT SARL", null)));
		assertThat(twins.identify(null, Set.of(), "DUPONT").isKnown()).isFalse();
	}

	@Test
	void anUnknownPayerIsNotIdentified() {
		PayerIdentity payer = directory.identify("FR7611111111111111111111111", Set.of("732829320"), "M JEAN DURAND");
		assertThat(payer.isKnown()).isFalse();
		assertThat(payer.by()).isNull();
	}

	@Test
	void aRememberedIbanIdentifiesTheDebtorFromThenOn() {
		String iban = "FR76 1027 8060 0000 0205 8740 118";
		assertThat(directory.identify(iban, Set.of(), null).isKnown()).isFalse();
		directory.rememberIban(GAMMA.debtorId(), iban);
		assertThat(directory.identify(iban.replace(" ", ""), Set.of(), null).debtorId()).isEqualTo(GAMMA.debtorId());
	}

	@Test
	void anAccountRememberedForTwoDebtorsIdentifiesNeither() {
		directory.rememberIban(GAMMA.debtorId(), "FR7630006000011234567890189");
		assertThat(directory.identify("FR7630006000011234567890189", Set.of(), null).isKnown()).isFalse();
	}

	@Test
	void rememberingAnIbanForAnUnknownDebtorIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> directory.rememberIban(MatchingFixtures.id("nobody"), "FR7630006000011234567890189"));
	}

}
