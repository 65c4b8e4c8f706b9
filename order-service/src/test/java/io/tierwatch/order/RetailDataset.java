package io.tierwatch.order;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The retail data read independently of the service (its own line splitter, BigDecimal sums), to
 * check what the import published: per customer Σ Quantity × UnitPrice, cancellations negative.
 * Rows without a CustomerID cannot be scored; a UnitPrice below the cent (0.001) cannot be
 * carried exactly, so both are left out here as the import leaves them out.
 */
record RetailDataset(long rows, long withoutCustomer, long subCentPrices, Set<String> invoices,
        Set<String> cancellations, Map<String, BigDecimal> revenueByCustomer) {

    /** The by-day folder: -Dtierwatch.dataset.dir, or shared/ beside the repository. */
    static Optional<Path> folder() {
        return Stream.of(System.getProperty("tierwatch.dataset.dir"), "../../shared/datasets/retail-data/by-day",
                        "../shared/datasets/retail-data/by-day")
                .filter(p -> p != null && Files.isDirectory(Path.of(p))).map(Path::of).findFirst();
    }

    static List<Path> files(Path folder, String prefix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RetailDataset read(List<Path> files) {
        long rows = 0, withoutCustomer = 0, subCent = 0;
        Set<String> invoices = new HashSet<>(), cancellations = new HashSet<>();
        Map<String, BigDecimal> revenue = new HashMap<>();
        for (Path file : files) {
            try (BufferedReader in = Files.newBufferedReader(file)) {
                in.readLine();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    List<String> cells = split(line);
                    rows++;
                    String invoice = cells.get(0), customer = cells.get(6);
                    BigDecimal price = new BigDecimal(cells.get(5));
                    if (customer.isEmpty()) {
                        withoutCustomer++;
                    } else if (price.scale() > 2 && price.stripTrailingZeros().scale() > 2) {
                        subCent++;
                    } else {
                        (invoice.startsWith("C") ? cancellations : invoices).add(invoice);
                        revenue.merge(customer.endsWith(".0") ? customer.substring(0, customer.length() - 2) : customer, price.multiply(new BigDecimal(cells.get(3))),
                                BigDecimal::add);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new RetailDataset(rows, withoutCustomer, subCent, invoices, cancellations, revenue);
    }

    /** Splits one CSV line: commas inside double quotes stay, "" is a quote. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
