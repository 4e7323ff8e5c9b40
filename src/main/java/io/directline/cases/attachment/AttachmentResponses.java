package io.directline.cases.attachment;

import io.directline.cases.Attachment;
import io.directline.cases.Attachments;
import io.directline.cases.CaseProblems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

/**
 * How an attachment is served, to staff and owners alike: images and PDFs inline with their detected type, everything
 * else (HTML, SVG, archives, documents) only as a download of {@code application/octet-stream}; always with {@code
 * nosniff} and a Content-Security-Policy that runs nothing, so no file we serve can script our pages.
 */
public final class AttachmentResponses {

    /** Nothing runs, nothing loads; a PDF viewer may still show the document. */
    static final String POLICY =
            "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

    private AttachmentResponses() {}

    /** The attachment's bytes, inline when it is an image or a PDF, as a download otherwise. */
    public static ResponseEntity<Resource> download(Attachments attachments, Attachment attachment) {
        try {
            var inline = attachment.inline();
            var disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                    .filename(attachment.fileName(), StandardCharsets.UTF_8)
                    .build();
            return ResponseEntity.ok()
                    .contentType(
                            inline
                                    ? MediaType.parseMediaType(attachment.contentType())
                                    : MediaType.APPLICATION_OCTET_STREAM)
                    .contentLength(attachment.sizeBytes())
                    .header("Content-Disposition", disposition.toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", POLICY)
                    .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                    .body(new InputStreamResource(attachments.open(attachment)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The attachment's thumbnail (a JPEG), or a 404 problem when it has none. */
    public static ResponseEntity<byte[]> thumbnail(Attachments attachments, Attachment attachment) {
        var png = attachments
                .thumbnail(attachment)
                .orElseThrow(() -> CaseProblems.problem(
                        HttpStatus.NOT_FOUND,
                        "No thumbnail",
                        "Attachment " + attachment.id() + " is no image a thumbnail can be made of."));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", POLICY)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(png);
    }

    /** A 404 problem for an attachment that is not on the case (or not the owner's to see). */
    public static ErrorResponseException notFound(long caseId, long attachmentId) {
        return CaseProblems.problem(
                HttpStatus.NOT_FOUND,
                "Attachment not found",
                "Case " + caseId + " has no attachment with id " + attachmentId + ".");
    }
}
