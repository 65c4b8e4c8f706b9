package io.tierwatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The fast path of {@link Timestamps} must agree with {@link Instant#parse} and {@link Instant#toString()} everywhere. */
class TimestampsTest {

    static final long YEAR_0000 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    static Instant randomInstant(Random random) {
        long seconds = YEAR_0000 + (long) (random.nextDouble() * (YEAR_10000 - YEAR_0000));
        int nano = switch (random.nextInt(5)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(seconds, nano);
    }

    @Test
    void writesWhatInstantToStringWrites() {
        Random random = new Random(11);
        for (int n = 0; n < 200_000; n++) {
            Instant instant = randomInstant(random);
            assertThat(Timestamps.format(instant)).isEqualTo(instant.toString());
        }
        for (String edge : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "2024-02-29T12:00:00.100Z",
                "2026-03-01T10:15:00Z", "2026-03-01T10:15:30.000001Z", "2026-03-01T10:15:30.000000001Z"}) {
            Instant instant = Instant.parse(edge);
            assertThat(Timestamps.format(instant)).isEqualTo(instant.toString());
        }
        assertThat(Timestamps.format(Instant.MIN)).isEqualTo(Instant.MIN.toString());
        assertThat(Timestamps.format(Instant.MAX)).isEqualTo(Instant.MAX.toString());
    }

    @Test
    void readsWhatInstantParseReads() {
        Random random = new Random(12);
        for (int n = 0; n < 200_000; n++) {
            Instant instant = randomInstant(random);
            String text = instant.toString();
            assertThat(Timestamps.parseCommonShape(text)).as(text).isEqualTo(instant);
            String fractionOfAnyLength = text.substring(0, 19) + "." + "123456789".substring(0, 1 + n % 9) + "Z";
            assertThat(Timestamps.parse(fractionOfAnyLength)).as(fractionOfAnyLength)
                    .isEqualTo(Instant.parse(fractionOfAnyLength));
        }
    }

    @Test
    void leavesEveryOtherShapeToInstantParseWithItsErrors() {
        for (String text : new String[] {"2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
                "2026-00-10T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z",
                "2026-01-01t10:15:30z", "2026-01-01T10:15:30.Z", "2026-01-01T10:15:30.1234567890Z",
                "2026-01-01T10:15:30+01:00", "2026-01-01T10:15:30", "+2026-01-01T10:15:30Z", "2026-1-01T10:15:30Z",
                " 2026-01-01T10:15:30Z", "2026-01-01T10:15:3xZ", "2026-01-01 10:15:30Z", "", "garbage"}) {
            assertThat(Timestamps.parseCommonShape(text)).as(text).isNull();
            Instant expected;
            try {
                expected = Instant.parse(text);
            } catch (DateTimeParseException e) {
                assertThatThrownBy(() -> Timestamps.parse(text)).as(text)
                        .isInstanceOf(DateTimeParseException.class).hasMessage(e.getMessage());
                continue;
            }
            assertThat(Timestamps.parse(text)).as(text).isEqualTo(expected);
        }
        assertThat(Timestamps.parseCommonShape("2024-02-29T23:59:59Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
        assertThat(Timestamps.parseCommonShape("2000-02-29T00:00:00Z")).isEqualTo(Instant.parse("2000-02-29T00:00:00Z"));
        assertThat(Timestamps.parseCommonShape("1900-02-29T00:00:00Z")).isNull();
    }
}
