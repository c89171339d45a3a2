package io.cessio.banking;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

import io.cessio.banking.Rejections.AmountProblem;
import io.cessio.banking.Rejections.Place;

/**
 * Sits between the hardened parser and Prowide's reading of a camt.053 file, passes every
 * event on, and notes the first amount or date that cannot be read, with the entry it is
 * in: JAXB would silently read such a value as absent.
 */
final class Camt053Scan extends XMLFilterImpl {

	private static final Set<String> AMOUNTS = Set.of("Amt", "TtlAmt", "Sum", "TtlNetNtryAmt");

	private static final Pattern DECIMAL = Pattern.compile("\\+?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

	private enum Kind {

		AMOUNT, DATE, DATE_TIME

	}

	private final StringBuilder text = new StringBuilder();

	private @Nullable Kind checking;

	private int entries;

	private boolean inEntry;

	private @Nullable StatementRejected problem;

	Camt053Scan(XMLReader parent) {
		super(parent);
	}

	/**
	 * @throws StatementRejected BAD_AMOUNT or BAD_DATE for the first unreadable value
	 */
	void throwFirstProblem() {
		if (problem != null) {
			throw problem;
		}
	}

	@Override
	public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
		super.startElement(uri, localName, qName, attributes);
		// only leaf elements hold values: a child makes its parent a container
		checking = null;
		if (problem != null) {
			return;
		}
		if ("Ntry".equals(localName)) {
			entries++;
			inEntry = true;
		}
		if (AMOUNTS.contains(localName)) {
			checking = Kind.AMOUNT;
		}
		else if ("Dt".equals(localName)) {
			checking = Kind.DATE;
		}
		else if ("DtTm".equals(localName)) {
			checking = Kind.DATE_TIME;
		}
		text.setLength(0);
	}

	@Override
	public void characters(char[] ch, int start, int length) throws SAXException {
		super.characters(ch, start, length);
		if (checking != null) {
			text.append(ch, start, length);
		}
	}

	@Override
	public void endElement(String uri, String localName, String qName) throws SAXException {
		super.endElement(uri, localName, qName);
		if (checking != null) {
			check(checking, text.toString().strip());
			checking = null;
		}
		if ("Ntry".equals(localName)) {
			inEntry = false;
		}
	}

	private void check(Kind kind, String value) {
		Place place = inEntry ? Place.CAMT_ENTRY : Place.STATEMENT;
		Integer position = inEntry ? entries : null;
		switch (kind) {
			case AMOUNT -> {
				if (value.startsWith("-")) {
					problem = Rejections.badAmount(place, position, value, AmountProblem.NEGATIVE);
				}
				else if (!DECIMAL.matcher(value).matches()) {
					problem = Rejections.badAmount(place, position, value, AmountProblem.NOT_A_NUMBER);
				}
			}
			case DATE -> {
				try {
					LocalDate.parse(value, DateTimeFormatter.ISO_DATE);
				}
				catch (DateTimeParseException ex) {
					problem = Rejections.badDate(place, position, value);
				}
			}
			case DATE_TIME -> {
				try {
					ParisDateTimes.parse(value);
				}
				catch (DateTimeParseException ex) {
					problem = Rejections.badDate(place, position, value);
				}
			}
		}
	}

}
