package io.directline.cases.attachment;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Small JPEG pictures of image attachments, made on first request and kept on disk beside the attachments. An image's
 * header is read first: one whose width × height is over {@code directline.attachments.max-image-pixels} is never
 * decoded (a "pixel flood" would take gigabytes), and large ones are decoded with subsampling, never at full size.
 */
@Component
public class Thumbnails {

    /** The longest side of a thumbnail, in pixels. */
    public static final int SIZE = 240;

    private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

    private final Path folder;
    private final long maxPixels;

    Thumbnails(AttachmentProperties properties) {
        this.folder = properties.dir().toAbsolutePath().normalize().resolve("thumbnails");
        this.maxPixels = properties.maxImagePixels();
    }

    /** What opens an image's bytes. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /** The thumbnail of the image stored under {@code key}, made now if it was not made before. */
    public Optional<byte[]> of(String key, Source image) {
        if (!KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        var cached = folder.resolve(key + ".jpg");
        try {
            if (Files.exists(cached)) {
                return Optional.of(Files.readAllBytes(cached));
            }
            Optional<byte[]> made;
            try (var in = image.open()) {
                made = make(in, maxPixels);
            }
            if (made.isPresent()) {
                Files.createDirectories(folder);
                var partial = Files.createTempFile(folder, key, ".part");
                Files.write(partial, made.get());
                Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return made;
        } catch (IOException | RuntimeException e) {
            log.info("No thumbnail of attachment {}: {}", key, e.toString());
            return Optional.empty();
        }
    }

    /** A thumbnail of the image, or empty when it is no image Java reads or too large to decode. */
    static Optional<byte[]> make(InputStream in, long maxPixels) throws IOException {
        try (var stream = ImageIO.createImageInputStream(in)) {
            if (stream == null) {
                return Optional.empty();
            }
            var readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > maxPixels) {
                    return Optional.empty();
                }
                var param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (SIZE * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage source = reader.read(0, param);
                double scale = Math.min(1.0, (double) SIZE / Math.max(source.getWidth(), source.getHeight()));
                int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
                int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
                var thumbnail = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                var g = thumbnail.createGraphics();
                try {
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    // transparent parts (PNG, GIF) on white, as the page shows them
                    g.drawImage(source, 0, 0, w, h, java.awt.Color.WHITE, null);
                } finally {
                    g.dispose();
                }
                var out = new ByteArrayOutputStream();
                ImageIO.write(thumbnail, "jpeg", out);
                return Optional.of(out.toByteArray());
            } finally {
                reader.dispose();
            }
        }
    }
}
