package io.directline.cases.attachment;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Attachments as files under {@code directline.attachments.dir}, each under a random 128-bit key spread over 256
 * folders ({@code ab/abcd…}). A file is written under a temporary name and moved in place, so a half-written file
 * is never opened.
 */
public class FileSystemAttachmentStore implements AttachmentStore {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;

    public FileSystemAttachmentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String put(InputStream content) throws IOException {
        var bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        var key = HexFormat.of().formatHex(bytes);
        var target = path(key);
        Files.createDirectories(target.getParent());
        var partial = Files.createTempFile(target.getParent(), "upload-", ".part");
        try {
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return key;
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return Files.newInputStream(path(key));
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException("No attachment is stored under " + key + ".");
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    /** The file of a key; a key the store did not make is refused, so no path ever leaves the root. */
    Path path(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not an attachment key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }

    Path root() {
        return root;
    }
}
