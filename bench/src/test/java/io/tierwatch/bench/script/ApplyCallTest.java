package io.tierwatch.bench.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.ServiceTicketClosed;

class ApplyCallTest {

    @Test
    void allKeysOfACustomerShareItsHashTag() {
        assertThat(ApplyCall.keys("c-1")).hasSize(5).allMatch(k -> k.startsWith("tw:score:{c-1}:"));
    }

    @Test
    void aTicketCarriesItsNetCostToServeAtTheScriptsPositions() {
        Instant at = Instant.parse("2026-03-04T05:06:07Z");
        ServiceTicketClosed ticket = new ServiceTicketClosed("t-1", "c-1", at, "EUR", 60, Money.ofMinor(9_000),
                Money.ofMinor(500), Money.ZERO, Money.ZERO, false, Money.ZERO, Money.ofMinor(1_000));
        List<String> argv = ApplyCall.argv(EventEnvelope.of("e-1", URI.create("urn:x"), at, "c-1", ticket),
                "tierwatch.service-tickets", 2, 41);
        assertThat(argv).hasSize(33);
        assertThat(argv.subList(0, 15)).containsExactly("event", "wm:tierwatch.service-tickets:2", "41", "", "e-1",
                String.valueOf(at.getEpochSecond() / 86_400), at.toString(), "ticket", "t-1", "0", "0", "8500", "0", "1",
                "2026-03");
    }

    @Test
    void acceptsAScriptReadingExactlyWhatItSendsAndRejectsOneThatReadsMore() {
        String script = "local s = KEYS[5]\nlocal a, b = ARGV[1], ARGV[33]\n";
        ApplyCall.verify(script);
        assertThatThrownBy(() -> ApplyCall.verify(script + "local c = ARGV[34]\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ARGV[1..34]");
    }
}
