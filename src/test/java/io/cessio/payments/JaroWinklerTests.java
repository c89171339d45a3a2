package io.cessio.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Jaro–Winkler similarity, checked on the published examples (Winkler 1990, Wikipedia).
 */
class JaroWinklerTests {

	@ParameterizedTest
	@CsvSource({ "MARTHA,MARHTA,0.961", "DWAYNE,DUANE,0.840", "DIXON,DICKSONX,0.813", "JELLYFISH,SMELLYFISH,0.896",
			"CRATE,TRACE,0.733", "ABC,XYZ,0.000" })
	void scoresThePublishedExamples(String a, String b, double expected) {
		assertThat(JaroWinkler.similarity(a, b)).isCloseTo(expected, within(0.0005));
	}

	@Test
	void equalNamesScoreOneAndAnEmptyNameScoresNothing() {
		assertThat(JaroWinkler.similarity("GAMMA", "GAMMA")).isEqualTo(1.0);
		assertThat(JaroWinkler.similarity("", "")).isEqualTo(1.0);
		assertThat(JaroWinkler.similarity("GAMMA", "")).isEqualTo(0.0);
		assertThat(JaroWinkler.similarity("", "GAMMA")).isEqualTo(0.0);
	}

	@Test
	void aCompanyNameSpeltByAnotherBankScoresAboveTheIdentificationThreshold() {
		assertThat(JaroWinkler.similarity("TRANSPORTS DUPONT", "TRANSPORT DUPONT"))
			.isGreaterThanOrEqualTo(DebtorDirectory.SAME_NAME);
		assertThat(JaroWinkler.similarity("BOULANGERIE MARTIN", "BOULANGERIE MARTINEZ"))
			.isGreaterThanOrEqualTo(DebtorDirectory.SAME_NAME);
		assertThat(JaroWinkler.similarity("GAMMA", "DELTA")).isLessThan(DebtorDirectory.SIMILAR);
	}

	@Test
	void isSymmetricAndNeverAboveTheBoundOfItsCommonCharacters() {
		Random random = new Random(20260415L);
		for (int n = 0; n < 20_000; n++) {
			String a = randomWord(random);
			String b = random.nextInt(4) == 0 ? mutate(random, a) : randomWord(random);
			double similarity = JaroWinkler.similarity(a, b);
			assertThat(similarity).as("%s / %s", a, b).isBetween(0.0, 1.0);
			assertThat(JaroWinkler.similarity(b, a)).as("%s / %s", a, b).isCloseTo(similarity, within(1e-12));
			assertThat(similarity).as("%s / %s", a, b)
				.isLessThanOrEqualTo(new NameProfile(a).similarityBound(new NameProfile(b)) + 1e-12);
		}
	}

	@Test
	void countsTheCharactersTwoNamesShare() {
		Random random = new Random(888777661L);
		for (int n = 0; n < 20_000; n++) {
			String a = randomWord(random).repeat(random.nextInt(1, 4));
			String b = randomWord(random);
			int expected = 0;
			for (char c : " ABCDEFG".toCharArray()) {
				expected += Math.min(a.chars().filter(x -> x == c).count(), b.chars().filter(x -> x == c).count());
			}
			assertThat(new NameProfile(a).commonCharacters(new NameProfile(b))).as("%s / %s", a, b).isEqualTo(expected);
		}
	}

	private static String randomWord(Random random) {
		StringBuilder word = new StringBuilder();
		int length = random.nextInt(0, 14);
		for (int i = 0; i < length; i++) {
			word.append("ABCDEFG ".charAt(random.nextInt(8)));
		}
		return word.toString();
	}

	private static String mutate(Random random, String word) {
		if (word.isEmpty()) {
			return "A";
		}
		StringBuilder mutated = new StringBuilder(word);
		int at = random.nextInt(word.length());
		switch (random.nextInt(3)) {
			case 0 -> mutated.deleteCharAt(at);
			case 1 -> mutated.setCharAt(at, 'Z');
			default -> mutated.insert(at, 'Y');
		}
		return mutated.toString();
	}

}
