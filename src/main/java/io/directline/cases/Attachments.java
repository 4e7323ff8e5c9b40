package io.directline.cases;

import io.directline.cases.attachment.AttachmentProperties;
import io.directline.cases.attachment.AttachmentStore;
import io.directline.cases.attachment.FileTypes;
import io.directline.cases.attachment.Thumbnails;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/**
 * Files attached to cases' messages: stored with the message that brought them (an owner's e-mail or portal message,
 * an agent's answer), listed with the case, opened for download. What a file is comes from its bytes; programs and
 * scripts are refused, files over {@code directline.attachments.max-file-size} (or together over {@code
 * max-message-size}) are refused with a 413 problem. The metadata commits with the message; the bytes of a
 * transaction that rolls back are deleted again.
 */
@Service
@Transactional(readOnly = true)
public class Attachments {

    private static final Logger log = LoggerFactory.getLogger(Attachments.class);

    /** The most files one message takes. */
    public static final int MAX_FILES = 20;

    private static final String COLUMNS =
            "id, case_id, message_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by, created_at";

    private static final RowMapper<Attachment> ROW = (rs, row) -> new Attachment(
            rs.getLong(1),
            rs.getLong(2),
            rs.getLong(3),
            rs.getString(4),
            rs.getString(5),
            rs.getLong(6),
            rs.getString(7),
            rs.getString(8),
            rs.getString(9),
            rs.getTimestamp(10).toInstant());

    private final JdbcClient jdbc;
    private final AttachmentStore store;
    private final AttachmentProperties properties;
    private final Thumbnails thumbnails;
    private final CaseMessageRepository messages;
    private final Clock clock;

    Attachments(
            JdbcClient jdbc,
            AttachmentStore store,
            AttachmentProperties properties,
            Thumbnails thumbnails,
            CaseMessageRepository messages,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.properties = properties;
        this.thumbnails = thumbnails;
        this.messages = messages;
        this.clock = clock;
    }

    /** The bytes of a file to attach, opened once. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    /** A file to attach: the sender's name for it (for display only) and its bytes. */
    public record NewFile(String fileName, Content content) {}

    /**
     * Attaches the files to a message, all or none: throws a 413 problem naming the limit for a file over {@code
     * max-file-size} or files together over {@code max-message-size}, a 415 problem naming what a program or script
     * is, a 400 problem for more than {@link #MAX_FILES} files and a 404 problem for an unknown message.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Attachment> attach(long messageId, List<NewFile> files, Actor actor) {
        var message = messageOrThrow(messageId);
        if (files.size() > MAX_FILES) {
            throw CaseProblems.problem(
                    HttpStatus.BAD_REQUEST,
                    "Too many files",
                    files.size() + " files were sent with one message; the limit is " + MAX_FILES + ".");
        }
        var stored = new ArrayList<Attachment>();
        long total = 0;
        for (var file : files) {
            var attachment =
                    store(message, file, actor, properties.maxMessageSize().toBytes() - total);
            total += attachment.sizeBytes();
            stored.add(attachment);
        }
        return stored;
    }

    /**
     * Attaches what can be attached of the files an owner sent through a channel that cannot be answered with a
     * refusal (e-mail): a program, a script or a file over the limits is left out (and named in the log), the others
     * are stored. Returns what was stored.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Attachment> attachReceived(long messageId, List<NewFile> files, Actor actor) {
        var message = messageOrThrow(messageId);
        var stored = new ArrayList<Attachment>();
        long total = 0;
        for (var file : files.subList(0, Math.min(files.size(), MAX_FILES))) {
            try {
                var attachment =
                        store(message, file, actor, properties.maxMessageSize().toBytes() - total);
                total += attachment.sizeBytes();
                stored.add(attachment);
            } catch (ErrorResponseException refused) {
                log.info(
                        "Left out an attachment of message {}: {}",
                        messageId,
                        refused.getBody().getDetail());
            }
        }
        return stored;
    }

    /** Every attachment of the case, oldest first, internal notes' included (for staff). */
    public List<Attachment> ofCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from attachment where case_id = ? order by id")
                .param(caseId)
                .query(ROW)
                .list();
    }

    /** The attachments of the case an owner may see: none of an internal note's. */
    public List<Attachment> ofCaseForOwner(long caseId) {
        return jdbc.sql("select a." + COLUMNS.replace(", ", ", a.")
                        + " from attachment a join case_message m on m.id = a.message_id"
                        + " where a.case_id = ? and m.direction <> 'INTERNAL' order by a.id")
                .param(caseId)
                .query(ROW)
                .list();
    }

    /** The attachments of one message, oldest first. */
    public List<Attachment> ofMessage(long messageId) {
        return jdbc.sql("select " + COLUMNS + " from attachment where message_id = ? order by id")
                .param(messageId)
                .query(ROW)
                .list();
    }

    /** The attachment if it belongs to that case (for staff). */
    public Optional<Attachment> find(long caseId, long attachmentId) {
        return jdbc.sql("select " + COLUMNS + " from attachment where id = ? and case_id = ?")
                .params(attachmentId, caseId)
                .query(ROW)
                .optional();
    }

    /** The attachment if it belongs to that case and is not an internal note's (for the case's owner). */
    public Optional<Attachment> findForOwner(long caseId, long attachmentId) {
        return find(caseId, attachmentId)
                .filter(a -> messages.findById(a.messageId())
                        .map(m -> m.getDirection() != Direction.INTERNAL)
                        .orElse(false));
    }

    /** The attachment's bytes; the caller closes the stream. */
    public InputStream open(Attachment attachment) throws IOException {
        return store.open(attachment.storageKey());
    }

    /**
     * A small JPEG of an image attachment, at most 240 pixels wide or high, made on first request and kept; empty for
     * a file that is no image Java reads or whose dimensions are over {@code directline.attachments.max-image-pixels}.
     */
    public Optional<byte[]> thumbnail(Attachment attachment) {
        if (!attachment.thumbnailed()) {
            return Optional.empty();
        }
        return thumbnails.of(attachment.storageKey(), () -> store.open(attachment.storageKey()));
    }

    private CaseMessage messageOrThrow(long messageId) {
        return messages.findById(messageId)
                .orElseThrow(() -> CaseProblems.problem(
                        HttpStatus.NOT_FOUND, "Message not found", "There is no message with id " + messageId + "."));
    }

    private Attachment store(CaseMessage message, NewFile file, Actor actor, long roomLeft) {
        var name = displayName(file.fileName());
        long maxFile = properties.maxFileSize().toBytes();
        long limit = Math.min(maxFile, roomLeft);
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String key;
        long size;
        try (var in = new Bounded(new DigestInputStream(file.content().open(), sha256), limit)) {
            key = store.put(in);
            size = in.count;
        } catch (Bounded.OverLimit over) {
            throw limit == maxFile ? tooLarge(name, maxFile) : messageTooLarge(properties.maxMessageSize());
        } catch (IOException e) {
            throw new UncheckedIOException("The attachment " + name + " could not be stored", e);
        }
        deleteOnRollback(key);
        String type;
        try (var in = store.open(key)) {
            type = FileTypes.detect(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The attachment " + name + " could not be read back", e);
        }
        if (FileTypes.refused(type)) {
            deleteQuietly(key);
            throw CaseProblems.problem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "File type refused",
                    "The file " + CaseProblems.clip(name) + " is a program or script (" + type
                            + "), whatever its name says; programs and scripts are not taken. Photos, PDFs and other"
                            + " documents are.");
        }
        var now = clock.instant();
        var digest = HexFormat.of().formatHex(sha256.digest());
        var uploadedBy = actor.username() == null ? actor.displayName() : actor.username();
        uploadedBy = uploadedBy == null ? "unknown" : CaseProblems.clip(uploadedBy);
        // the message may still wait in the persistence context: write it first, the row refers to it
        messages.flush();
        var keyHolder = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into attachment (case_id, message_id, file_name, content_type, size_bytes, sha256,
                            storage_key, uploaded_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        message.getCaseId(),
                        message.getId(),
                        name,
                        type,
                        size,
                        digest,
                        key,
                        uploadedBy,
                        Timestamp.from(now))
                .update(keyHolder, "id");
        long id = keyHolder.getKey().longValue();
        return new Attachment(id, message.getCaseId(), message.getId(), name, type, size, digest, key, uploadedBy, now);
    }

    private static ErrorResponseException tooLarge(String name, long maxFile) {
        return CaseProblems.problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "File too large",
                "The file " + CaseProblems.clip(name) + " is larger than the limit of " + human(maxFile)
                        + " per file (directline.attachments.max-file-size).");
    }

    private static ErrorResponseException messageTooLarge(DataSize max) {
        return CaseProblems.problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "Files too large",
                "The files of one message together are larger than the limit of " + human(max.toBytes())
                        + " (directline.attachments.max-message-size).");
    }

    /** "10 MB", "512 KB", "300 bytes". */
    public static String human(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }

    /** The sender's name as shown: no folders, no control characters, at most 200 characters, never blank. */
    static String displayName(String sent) {
        if (sent == null) {
            return "unnamed";
        }
        var name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]", "")
                .strip();
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        return name.isBlank() || name.equals(".") || name.equals("..") ? "unnamed" : name;
    }

    private void deleteOnRollback(String key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    deleteQuietly(key);
                }
            }
        });
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete the attachment file {}: {}", key, e.toString());
        }
    }

    /** Counts what is read and fails past the limit, so no file over it is ever stored whole. */
    private static final class Bounded extends FilterInputStream {

        static final class OverLimit extends IOException {}

        private final long limit;
        long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws OverLimit {
            count += n;
            if (count > limit) {
                throw new OverLimit();
            }
        }
    }
}
