package io.tierwatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@link Money#parse} and {@link Money#toDecimalString} are hand-written for speed; they must
 * accept, reject and write exactly what the regex-and-BigDecimal version before them did, which
 * lives on here as the reference.
 */
class MoneyParsingTest {

    static final Pattern REFERENCE_DECIMAL = Pattern.compile("-?\\d{1,16}(\\.\\d{1,2})?");
    static final String MESSAGE = "not a decimal amount with at most 2 decimals and 16 integer digits: ";

    static Long referenceParse(String decimal) {
        if (decimal == null || !REFERENCE_DECIMAL.matcher(decimal).matches()) {
            return null;
        }
        return new BigDecimal(decimal).movePointRight(Money.SCALE).longValueExact();
    }

    static void assertParsesLikeTheReference(String text) {
        Long expected = referenceParse(text);
        if (expected == null) {
            assertThatThrownBy(() -> Money.parse(text)).as("[%s]", text)
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(MESSAGE + text);
        } else {
            assertThat(Money.parse(text).minorUnits()).as("[%s]", text).isEqualTo(expected);
        }
    }

    @Test
    void readsTheEdgesOfTheFormatExactly() {
        assertThat(Money.parse("-0").minorUnits()).isZero();
        assertThat(Money.parse("-0.05").minorUnits()).isEqualTo(-5);
        assertThat(Money.parse("007.5").minorUnits()).isEqualTo(750);
        assertThat(Money.parse("9999999999999999.99").minorUnits()).isEqualTo(999_999_999_999_999_999L);
        assertThat(Money.parse("-9999999999999999.99").minorUnits()).isEqualTo(-999_999_999_999_999_999L);
    }

    @Test
    void rejectsSignsSpacesExponentsAndTooManyDigitsWithTheSameMessage() {
        for (String bad : new String[] {"+1", "+1.00", " 1", "1 ", "1. 5", "1.", "-", "-.5", "--1", "1-", "1.2.3",
                "1e3", "1E3", "1.0e1", "12345678901234567", "99999999999999999999999", "1.005", "1.5\n", "٣",
                "1_000", "0x10", "Infinity", "\u0000"}) {
            assertThatThrownBy(() -> Money.parse(bad)).as("[%s]", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(MESSAGE + bad);
        }
        assertThatThrownBy(() -> Money.parse(null)).hasMessage(MESSAGE + "null");
    }

    @Test
    void acceptsAndRejectsExactlyWhatTheRegexAndBigDecimalVersionDid() {
        String alphabet = "0123456789-.+e 9";
        Random random = new Random(42);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(22); length > 0; length--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertParsesLikeTheReference(text.toString());
        }
        for (int digits = 1; digits <= 18; digits++) {
            String integer = "9".repeat(digits);
            for (String fraction : new String[] {"", ".0", ".9", ".99", ".999"}) {
                assertParsesLikeTheReference(integer + fraction);
                assertParsesLikeTheReference("-" + integer + fraction);
            }
        }
    }

    @Test
    void writesWhatBigDecimalToPlainStringWrote() {
        long[] edges = {0, 1, -1, 5, -5, 99, -99, 100, -100, 101, -101, 129900, Long.MAX_VALUE, Long.MIN_VALUE,
                Long.MIN_VALUE + 1};
        for (long minor : edges) {
            assertThat(Money.ofMinor(minor).toDecimalString()).isEqualTo(BigDecimal.valueOf(minor, 2).toPlainString());
        }
        Random random = new Random(7);
        for (int n = 0; n < 100_000; n++) {
            long minor = n % 2 == 0 ? random.nextLong() : random.nextInt(2_000_001) - 1_000_000;
            assertThat(Money.ofMinor(minor).toDecimalString()).isEqualTo(BigDecimal.valueOf(minor, 2).toPlainString());
        }
    }
}
