package io.directline.cases.attachment;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Attachment settings.
 *
 * @param dir the folder the files are stored in
 * @param maxFileSize the largest single file taken (larger: 413)
 * @param maxMessageSize the most all files of one message may take together (more: 413)
 * @param maxImagePixels the largest image (width × height) a thumbnail is made of; larger ones are read only to learn
 *     their size, never decoded
 */
@ConfigurationProperties("directline.attachments")
public record AttachmentProperties(
        @DefaultValue("./data/attachments") Path dir,
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("25MB") DataSize maxMessageSize,
        @DefaultValue("50000000") long maxImagePixels) {}
