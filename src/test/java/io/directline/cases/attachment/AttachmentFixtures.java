package io.directline.cases.attachment;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Files for attachment tests: a real photo, a program, a web page, a bomb. */
public final class AttachmentFixtures {

    private AttachmentFixtures() {}

    /** A real JPEG photo of the given size (a colour gradient, so it is not trivially small). */
    public static byte[] photo(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, new Color((x * 255) / width, (y * 255) / height, 128).getRGB());
            }
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The start of a Windows program (a DOS header pointing at a PE header), as a renamed .exe would be. */
    public static byte[] windowsProgram() {
        var exe = new byte[1024];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80; // e_lfanew: the PE header at 0x80
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        var stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 0x4e, stub.length);
        return exe;
    }

    /** A web page that would run a script if a browser showed it on our origin. */
    public static byte[] webPage() {
        var page = "<!DOCTYPE html>\n<html><head><title>invoice</title></head><body><script>fetch('/api/v1/cases')"
                + "</script></body></html>\n";
        return page.getBytes(StandardCharsets.UTF_8);
    }
}
