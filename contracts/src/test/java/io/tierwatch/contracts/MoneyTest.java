package io.tierwatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void parsesDecimalStringsExactlyIntoMinorUnits() {
        assertThat(Money.parse("1299.00").minorUnits()).isEqualTo(129900);
        assertThat(Money.parse("0.1").minorUnits()).isEqualTo(10);
        assertThat(Money.parse("-12.35").minorUnits()).isEqualTo(-1235);
        assertThat(Money.parse("7").minorUnits()).isEqualTo(700);
    }

    @Test
    void formatsWithTwoDecimals() {
        assertThat(Money.ofMinor(129900).toDecimalString()).isEqualTo("1299.00");
        assertThat(Money.ofMinor(-5).toDecimalString()).isEqualTo("-0.05");
    }

    @Test
    void rejectsWhatIsNotAnExactAmount() {
        for (String bad : new String[] {"1.005", "1e3", "1,000.00", "", "abc", "12345678901234567.00", ".5", "NaN"}) {
            assertThatThrownBy(() -> Money.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void arithmeticFailsLoudlyOnOverflowInsteadOfWrapping() {
        assertThatThrownBy(() -> Money.ofMinor(Long.MAX_VALUE).plus(Money.ofMinor(1)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void serviceTicketLabourIsRoundedHalfUpToTheMinorUnit() {
        ServiceTicketClosed ticket = new ServiceTicketClosed("t1", "c1", java.time.Instant.EPOCH, "EUR", 50,
                Money.parse("0.01"), null, null, null, false, null, null);
        // 50 minutes at 0.01 an hour is 0.8333 of a cent: rounds to one cent.
        assertThat(ticket.labourCost().minorUnits()).isEqualTo(1);
        ServiceTicketClosed costly = new ServiceTicketClosed("t2", "c1", java.time.Instant.EPOCH, "EUR", 120,
                Money.parse("90.00"), Money.parse("300.00"), Money.parse("50.00"), Money.parse("40.00"), true,
                Money.parse("25.00"), Money.parse("100.00"));
        assertThat(costly.netCostToServe()).isEqualTo(Money.parse("395.00"));
    }
}
