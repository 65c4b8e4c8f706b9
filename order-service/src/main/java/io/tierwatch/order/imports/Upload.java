package io.tierwatch.order.imports;

import java.nio.file.Path;

/** One uploaded file, already on local disk, and the name the client gave it. */
record Upload(String name, Path path) {
}
