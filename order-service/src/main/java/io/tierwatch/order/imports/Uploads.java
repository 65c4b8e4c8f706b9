package io.tierwatch.order.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;

import io.tierwatch.order.web.RequestTooLargeException;

/**
 * Puts uploads on local disk before an import reads them: a multipart part is already on disk
 * and is moved; a raw body is copied in 64 KB steps, up to the limit. A 50 MB file never sits in
 * memory.
 */
final class Uploads {

    private Uploads() {
    }

    static List<Upload> of(List<MultipartFile> files) throws IOException {
        List<Upload> uploads = new ArrayList<>();
        try {
            for (MultipartFile file : files) {
                Path temp = tempFile();
                uploads.add(new Upload(file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename(), temp));
                file.transferTo(temp);
            }
        } catch (IOException | RuntimeException e) {
            delete(uploads);
            throw e;
        }
        return uploads;
    }

    static List<Upload> of(InputStream body, String name, long maxBytes) throws IOException {
        Path temp = tempFile();
        try (InputStream in = body; var out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    throw new RequestTooLargeException("upload is larger than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return List.of(new Upload(name, temp));
    }

    /** For an upload refused before its import started. */
    static void delete(List<Upload> uploads) {
        for (Upload upload : uploads) {
            try {
                Files.deleteIfExists(upload.path());
            } catch (IOException e) {
                // a temp file left behind is not worth hiding the refusal for
            }
        }
    }

    private static Path tempFile() throws IOException {
        return Files.createTempFile("tierwatch-import-", ".csv");
    }
}
