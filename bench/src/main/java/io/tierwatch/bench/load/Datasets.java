package io.tierwatch.bench.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tierwatch.contracts.EventEnvelope;

/** The real datasets in time order: CDNOW (1997–98), then Online Retail (2010–11); the eras do not overlap. */
public final class Datasets {

    private Datasets() {
    }

    public static List<EventEnvelope<?>> replay(Path datasets) throws IOException {
        List<EventEnvelope<?>> events = new ArrayList<>(CdnowReplay.read(datasets.resolve("CDNOW_master.txt")));
        events.addAll(RetailReplay.read(datasets.resolve("retail-data/by-day")));
        return events;
    }
}
