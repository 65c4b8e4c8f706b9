package io.tierwatch.bench.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.ServiceTicketClosed;
import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.ledger.LedgerCommand;

class LedgerTest {

    private static final Instant AT = Instant.parse("2026-03-04T05:06:07Z");

    @Test
    void aTicketBecomesAnEventCommandAtItsStreamPositionOnPartitionZeroOfItsTopic() {
        ServiceTicketClosed ticket = new ServiceTicketClosed("t-1", "c-1", AT, "EUR", 60, Money.ofMinor(9_000),
                Money.ofMinor(500), Money.ZERO, Money.ZERO, false, Money.ZERO, Money.ofMinor(1_000));
        LedgerCommand command = Ledger.command(EventEnvelope.of("e-1", URI.create("urn:x"), AT, "c-1", ticket), 41);
        assertThat(command.customerId()).isEqualTo("c-1");
        assertThat(command.mode()).isEqualTo("event");
        assertThat(command.watermark()).isEqualTo("wm:" + Topics.SERVICE_TICKETS + ":0");
        assertThat(command.offset()).isEqualTo(41);
        assertThat(command.eventId()).isEqualTo("e-1");
        assertThat(command.delta().costToServe()).isEqualTo(8_500);
        assertThat(command.delta().tickets()).isEqualTo(1);
    }

    @Test
    void commandsTakeTheStreamPositionAsTheirOffset() {
        ServiceTicketClosed ticket = new ServiceTicketClosed("t-1", "c-1", AT, "EUR", 60, Money.ofMinor(9_000),
                Money.ZERO, Money.ZERO, Money.ZERO, false, Money.ZERO, Money.ZERO);
        List<LedgerCommand> commands = Ledger.commands(
                () -> EventEnvelope.of("e", URI.create("urn:x"), AT, "c-1", ticket), 3);
        assertThat(commands).extracting(LedgerCommand::offset).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aCustomersKeysShareItsHashTagAndTheIndexesLieOutsideThem() {
        List<String> keys = Ledger.keys("c-1");
        String tag = keys.get(0).substring(0, keys.get(0).indexOf('}') + 1);
        assertThat(tag).matches("tw:score:\\{g[0-9]+}");
        assertThat(keys).hasSize(3).allMatch(k -> k.startsWith(tag + ":c-1:"));
        assertThat(Ledger.indexPattern()).isEqualTo("tw:score:idx:*");
    }
}
