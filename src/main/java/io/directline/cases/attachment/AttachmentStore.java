package io.directline.cases.attachment;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where attachments' bytes live, by a key the store makes: never a name a sender chose. One implementation on the
 * file system ({@link FileSystemAttachmentStore}); another (an object store) would implement the same three calls.
 */
public interface AttachmentStore {

    /** Stores the stream's bytes, read to its end, and returns the key to open them by. */
    String put(InputStream content) throws IOException;

    /** The bytes stored under this key; throws {@link java.io.FileNotFoundException} for an unknown key. */
    InputStream open(String key) throws IOException;

    /** Forgets the bytes under this key; nothing happens for an unknown key. */
    void delete(String key) throws IOException;
}
