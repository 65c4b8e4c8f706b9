package io.tierwatch.order.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tierwatch.order.OrderServiceProperties;
import io.tierwatch.order.web.NotFoundException;
import io.tierwatch.order.web.RequestMetrics;
import io.tierwatch.order.web.RequestTooLargeException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Starts imports and reports their progress. The upload goes to a temp file first (a multipart
 * part is already on disk and is moved; a raw {@code text/csv} body is copied in 64 KB steps),
 * so a 50 MB file never sits in memory; the import then streams it from there.
 */
@RestController
class ImportController {

    private final ImportJobs jobs;
    private final RequestMetrics metrics;
    private final long maxUploadBytes;

    ImportController(ImportJobs jobs, RequestMetrics metrics, OrderServiceProperties properties) {
        this.jobs = jobs;
        this.metrics = metrics;
        this.maxUploadBytes = properties.imports().maxUploadSize().toBytes();
    }

    /** One or more CSV files as multipart parts named {@code file}, imported in the order given. */
    @ImportResponses
    @PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportStatus> upload(@RequestPart("file") List<MultipartFile> files) throws IOException {
        List<Upload> uploads = new ArrayList<>();
        for (MultipartFile file : files) {
            Path temp = tempFile();
            file.transferTo(temp);
            uploads.add(new Upload(file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename(), temp));
        }
        return started(uploads);
    }

    /** The CSV as the raw body ({@code Content-Type: text/csv}); {@code name} labels it in the report. */
    @ImportResponses
    @PostMapping(path = "/api/v1/imports", consumes = "text/csv")
    ResponseEntity<ImportStatus> uploadBody(HttpServletRequest request,
            @RequestParam(defaultValue = "upload.csv") String name) throws IOException {
        Path temp = tempFile();
        try (InputStream in = request.getInputStream(); var out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > maxUploadBytes) {
                    throw new RequestTooLargeException("upload is larger than " + maxUploadBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return started(List.of(new Upload(name, temp)));
    }

    @ApiResponse(responseCode = "200", description = "the import's progress and rejected rows")
    @ApiResponse(responseCode = "404", description = "no such import",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/imports/{importId}")
    ImportStatus status(@PathVariable String importId) {
        return jobs.status(importId).orElseThrow(() -> new NotFoundException("no import " + importId));
    }

    private ResponseEntity<ImportStatus> started(List<Upload> uploads) {
        ImportStatus status = jobs.submit(uploads);
        metrics.accepted("import", "started");
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + status.importId())).body(status);
    }

    private static Path tempFile() throws IOException {
        return Files.createTempFile("tierwatch-import-", ".csv");
    }
}
