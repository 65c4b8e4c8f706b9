package io.tierwatch.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsQuotedFieldsWithCommasAndDoubledQuotes() {
        assertThat(Csv.fields("536365,22752,\"SET 7 BABUSHKA, NESTING BOXES\",2,2010-12-01 08:26:00,7.65,17850.0,UK"))
                .containsExactly("536365", "22752", "SET 7 BABUSHKA, NESTING BOXES", "2", "2010-12-01 08:26:00", "7.65",
                        "17850.0", "UK");
        assertThat(Csv.fields("a,\"RECORD FRAME 7\"\" SINGLE SIZE \",,b"))
                .containsExactly("a", "RECORD FRAME 7\" SINGLE SIZE ", "", "b");
    }
}
