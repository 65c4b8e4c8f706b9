package io.tierwatch.contracts;

import java.time.Instant;
import java.time.LocalDate;

import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The fast paths of the records' codec, each giving the results and errors of the Jackson code
 * it stands in front of: instants and dates without {@code DateTimeFormatter}, record
 * constructors without a spreader per call.
 */
final class CodecModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    CodecModule() {
        super("tierwatch-codec");
        addDeserializer(Instant.class,
                new CommonShapeReader<>(Instant.class, InstantDeserializer.INSTANT, Timestamps::parseCommonShape));
        addDeserializer(LocalDate.class,
                new CommonShapeReader<>(LocalDate.class, LocalDateDeserializer.INSTANCE, Timestamps::parseCommonDate));
        addSerializer(Instant.class, new InstantWriter());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addValueInstantiators(new RecordInstantiators());
    }
}
