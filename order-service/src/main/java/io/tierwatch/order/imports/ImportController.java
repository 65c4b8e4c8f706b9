package io.tierwatch.order.imports;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tierwatch.order.OrderServiceProperties;
import io.tierwatch.order.imports.ImportStatus.Kind;
import io.tierwatch.order.web.NotFoundException;
import io.tierwatch.order.web.RequestMetrics;
import io.tierwatch.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Starts imports and reports their progress. Every start takes the files as multipart parts
 * named {@code file} (imported in the order given) or as one raw {@code text/csv} body;
 * {@link ImportRequests} checks the mapping and the currency before anything is queued.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private final ImportJobs jobs;
    private final ImportRequests requests;
    private final RequestMetrics metrics;
    private final long maxUploadBytes;
    private final Map<String, MappingSpec> mappings;

    ImportController(ImportJobs jobs, RequestMetrics metrics, OrderServiceProperties properties) {
        this.jobs = jobs;
        this.requests = new ImportRequests(jobs.settings());
        this.metrics = metrics;
        this.maxUploadBytes = properties.imports().maxUploadSize().toBytes();
        this.mappings = properties.imports().mappings();
    }

    /**
     * Sales lines. {@code mapping} names a configured mapping (default
     * {@code tierwatch.imports.default-mapping}), or a JSON part {@code mapping} is this upload's
     * own; {@code currency} states the files' currency where the mapping does not.
     */
    @ImportResponses
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportStatus> sales(@RequestPart("file") List<MultipartFile> files,
            @RequestPart(name = "mapping", required = false) MappingSpec spec,
            @RequestParam(name = "mapping", required = false) String mapping,
            @RequestParam(required = false) String currency, Caller caller) throws IOException {
        ImportRequests.Sales sales = requests.sales(mapping, spec, currency);
        return started(new ImportJobs.Request(Kind.SALES, sales.mapping(), sales.currency(), caller.name(),
                Uploads.of(files)));
    }

    /** Sales lines as the raw body; {@code name} labels it in the report. */
    @ImportResponses
    @PostMapping(consumes = "text/csv")
    ResponseEntity<ImportStatus> salesBody(HttpServletRequest request,
            @RequestParam(defaultValue = "upload.csv") String name,
            @RequestParam(name = "mapping", required = false) String mapping,
            @RequestParam(required = false) String currency, Caller caller) throws IOException {
        ImportRequests.Sales sales = requests.sales(mapping, null, currency);
        return started(new ImportJobs.Request(Kind.SALES, sales.mapping(), sales.currency(), caller.name(),
                Uploads.of(request.getInputStream(), name, maxUploadBytes)));
    }

    /** Customer master data: {@code customerId, name, ownerRepId, customerSince, strategic}. */
    @ImportResponses
    @PostMapping(path = "/customers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportStatus> customers(@RequestPart("file") List<MultipartFile> files, Caller caller)
            throws IOException {
        return started(new ImportJobs.Request(Kind.CUSTOMERS, null, null, caller.name(), Uploads.of(files)));
    }

    @ImportResponses
    @PostMapping(path = "/customers", consumes = "text/csv")
    ResponseEntity<ImportStatus> customersBody(HttpServletRequest request,
            @RequestParam(defaultValue = "customers.csv") String name, Caller caller) throws IOException {
        return started(new ImportJobs.Request(Kind.CUSTOMERS, null, null, caller.name(),
                Uploads.of(request.getInputStream(), name, maxUploadBytes)));
    }

    /** Closed service tickets, with the columns of the REST body, in the stated {@code currency}. */
    @ImportResponses
    @PostMapping(path = "/service-tickets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportStatus> tickets(@RequestPart("file") List<MultipartFile> files,
            @RequestParam(required = false) String currency, Caller caller) throws IOException {
        return started(new ImportJobs.Request(Kind.SERVICE_TICKETS, null, requests.ticketCurrency(currency),
                caller.name(), Uploads.of(files)));
    }

    @ImportResponses
    @PostMapping(path = "/service-tickets", consumes = "text/csv")
    ResponseEntity<ImportStatus> ticketsBody(HttpServletRequest request,
            @RequestParam(defaultValue = "tickets.csv") String name, @RequestParam(required = false) String currency,
            Caller caller) throws IOException {
        return started(new ImportJobs.Request(Kind.SERVICE_TICKETS, null, requests.ticketCurrency(currency),
                caller.name(), Uploads.of(request.getInputStream(), name, maxUploadBytes)));
    }

    /** The imports kept, newest first: {@code next} is the {@code before} of the following page. */
    @ApiResponse(responseCode = "200", description = "a page of imports, newest first")
    @GetMapping
    ImportPage list(@RequestParam(required = false) Instant before,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        List<ImportStatus> page = jobs.before(before == null ? Instant.now().plusSeconds(1) : before, limit);
        Instant next = page.size() < limit ? null : page.get(page.size() - 1).submittedAt();
        return new ImportPage(page, next);
    }

    /** @param next the {@code before} that gives the following page; absent on the last page */
    record ImportPage(List<ImportStatus> imports, Instant next) {
    }

    @ApiResponse(responseCode = "200", description = "the configured sales mappings, by name")
    @GetMapping("/mappings")
    Map<String, Object> mappings() {
        return Map.of("default", jobs.settings().defaultMapping(), "mappings", mappings);
    }

    @ApiResponse(responseCode = "200", description = "the import's progress and rejected rows")
    @ApiResponse(responseCode = "404", description = "no such import, or one older than kept-for",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{importId}")
    ImportStatus status(@PathVariable String importId) {
        return jobs.status(importId).orElseThrow(() -> new NotFoundException("no import " + importId));
    }

    private ResponseEntity<ImportStatus> started(ImportJobs.Request request) {
        ImportStatus status = jobs.submit(request);
        metrics.accepted("import", "started");
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + status.importId())).body(status);
    }
}
