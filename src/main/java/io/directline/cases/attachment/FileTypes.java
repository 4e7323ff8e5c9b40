package io.directline.cases.attachment;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * What a file is, from its bytes alone (Apache Tika's magic detector; the sender's name and type are never asked),
 * and what may be done with it: shown inline (images and PDF), offered as a download, or refused (programs and
 * scripts).
 */
public final class FileTypes {

    /** Shown inline on the case pages; everything else is only offered as a download. */
    static final Set<String> INLINE =
            Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif", "application/pdf");

    /** Images a thumbnail is made of (what {@code javax.imageio} reads). */
    static final Set<String> THUMBNAILED = Set.of("image/jpeg", "image/png", "image/gif");

    /** Programs and scripts: never stored. */
    private static final Set<String> REFUSED = Set.of(
            "application/x-msdownload",
            "application/x-dosexec",
            "application/x-ms-installer",
            "application/x-msi",
            "application/x-executable",
            "application/x-elf",
            "application/x-sharedlib",
            "application/x-object",
            "application/x-coredump",
            "application/x-mach-o",
            "application/x-mach-o-executable",
            "application/x-mach-o-dylib",
            "application/x-mach-o-bundle",
            "application/java-vm",
            "application/x-java-applet",
            "application/java-archive",
            "application/x-sh",
            "application/x-csh",
            "application/x-bat",
            "application/x-msdos-program",
            "application/javascript",
            "text/javascript",
            "text/x-python",
            "text/x-perl",
            "application/x-perl",
            "text/x-php",
            "application/x-httpd-php",
            "application/x-vbscript",
            "application/x-powershell");

    private static final Detector DETECTOR = MimeTypes.getDefaultMimeTypes();

    private FileTypes() {}

    /** The type of these bytes (base type, lower case, without parameters), read from their first bytes only. */
    public static String detect(InputStream content) throws IOException {
        var in = content.markSupported() ? content : new BufferedInputStream(content);
        var type = DETECTOR.detect(in, new Metadata()).getBaseType();
        return normalise(type);
    }

    private static String normalise(MediaType type) {
        var name = type.toString().toLowerCase(Locale.ROOT);
        return name.length() > 100 ? "application/octet-stream" : name;
    }

    /** Whether a file of this type is refused: a program or a script, which no owner needs to send us. */
    public static boolean refused(String type) {
        return REFUSED.contains(type) || type.startsWith("application/x-mach-o");
    }

    /** Whether a file of this type is shown inline (an image or a PDF); others are only downloaded. */
    public static boolean inline(String type) {
        return INLINE.contains(type);
    }

    /** Whether a thumbnail can be made of a file of this type. */
    public static boolean thumbnailed(String type) {
        return THUMBNAILED.contains(type);
    }
}
