package io.tierwatch.order.imports;

import java.io.IOException;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The mappings order-service.yml ships, bound as the service binds them. */
final class ShippedMappings {

    private static final Map<String, MappingSpec> SPECS = load();

    private ShippedMappings() {
    }

    static ImportMapping get(String name) {
        MappingSpec spec = SPECS.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("order-service.yml ships no mapping " + name + ": " + SPECS.keySet());
        }
        return spec.resolve(name);
    }

    private static Map<String, MappingSpec> load() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("order-service", new ClassPathResource("order-service.yml"))
                    .forEach(environment.getPropertySources()::addLast);
            return new Binder(ConfigurationPropertySources.get(environment))
                    .bind("tierwatch.imports.mappings", Bindable.mapOf(String.class, MappingSpec.class)).get();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
