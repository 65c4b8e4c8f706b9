package io.tierwatch.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.OrderLinesReturned;
import io.tierwatch.contracts.OrderPlaced;

class DatasetReplayTest {

    @Test
    void cdnowRowsBecomeOrdersOfTheExactValueInDateOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("CDNOW_master.txt");
        Files.writeString(file, " customer_id  date number_of_cds  dollar_value\r\n"
                + " 00001 19970105  3   10.00\r\n 00002 19970101  1   11.77\r\n");
        List<EventEnvelope<?>> events = CdnowReplay.read(file);
        assertThat(events).extracting(EventEnvelope::subject).containsExactly("cdnow-00002", "cdnow-00001");
        OrderPlaced three = (OrderPlaced) events.get(1).data();
        assertThat(three.revenue().minorUnits()).isEqualTo(1_000);
        assertThat(three.lines().get(0).quantity()).isEqualTo(3);
    }

    @Test
    void retailInvoicesBecomeOrdersAndCancellationsReturnsWithoutAnonymousRows(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("2010-12-01.csv"), """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,"HEART, WHITE",6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
                536365,71053,LANTERN,2,2010-12-01 08:26:00,3.39,17850.0,United Kingdom
                536366,22633,NO CUSTOMER,6,2010-12-01 08:28:00,1.85,,United Kingdom
                C536379,D,Discount,-1,2010-12-01 09:41:00,27.50,14527.0,United Kingdom
                """);
        List<EventEnvelope<?>> events = RetailReplay.read(dir);
        assertThat(events).hasSize(2);
        OrderPlaced order = (OrderPlaced) events.get(0).data();
        assertThat(order.customerId()).isEqualTo("retail-17850");
        assertThat(order.revenue().minorUnits()).isEqualTo(6 * 255 + 2 * 339);
        OrderLinesReturned returned = (OrderLinesReturned) events.get(1).data();
        assertThat(returned.revenueChange().minorUnits()).isEqualTo(-2_750);
    }
}
