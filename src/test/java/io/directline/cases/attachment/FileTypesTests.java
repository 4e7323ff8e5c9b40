package io.directline.cases.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** What a file is, from its bytes: hostile files are told by what they are, not by what they are called. */
class FileTypesTests {

    @Test
    void photosAndPdfsAreShownInline() throws IOException {
        assertThat(detect(AttachmentFixtures.photo(20, 10))).isEqualTo("image/jpeg");
        assertThat(detect("%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("application/pdf");
        assertThat(FileTypes.inline("image/jpeg")).isTrue();
        assertThat(FileTypes.inline("application/pdf")).isTrue();
    }

    @Test
    void programsAndScriptsAreRefusedWhateverTheyAreCalled() throws IOException {
        var windows = detect(AttachmentFixtures.windowsProgram());
        assertThat(windows).isEqualTo("application/x-msdownload");
        assertThat(FileTypes.refused(windows)).isTrue();

        var elf = new byte[64];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        elf[4] = 2;
        elf[5] = 1;
        elf[6] = 1;
        elf[16] = 2; // an executable
        assertThat(FileTypes.refused(detect(elf))).as(detect(elf)).isTrue();

        var script = detect("#!/bin/sh\nrm -rf ~\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(FileTypes.refused(script)).as(script).isTrue();
    }

    @Test
    void webPagesSvgAndArchivesAreOnlyDownloads() throws IOException {
        var html = detect(AttachmentFixtures.webPage());
        assertThat(html).isEqualTo("text/html");
        var svg = detect(("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script>"
                        + "</svg>")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(svg).isEqualTo("image/svg+xml");
        var zip = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("bomb.txt"));
            out.write(new byte[1 << 20]); // a megabyte of zeros, a kilobyte packed: never unpacked here
            out.closeEntry();
        }
        var archive = detect(zip.toByteArray());
        assertThat(archive).isEqualTo("application/zip");
        for (var type : new String[] {html, svg, archive}) {
            assertThat(FileTypes.inline(type)).as(type).isFalse();
            assertThat(FileTypes.refused(type)).as(type).isFalse();
        }
    }

    @Test
    void anImageOverThePixelLimitIsNeverDecoded() throws IOException {
        var photo = AttachmentFixtures.photo(400, 300);
        assertThat(Thumbnails.make(new ByteArrayInputStream(photo), 400 * 300 - 1))
                .isEmpty();
        var thumbnail = Thumbnails.make(new ByteArrayInputStream(photo), 400 * 300);
        assertThat(thumbnail).isPresent();
        var image = javax.imageio.ImageIO.read(new ByteArrayInputStream(thumbnail.orElseThrow()));
        assertThat(image.getWidth()).isEqualTo(Thumbnails.SIZE);
        assertThat(image.getHeight()).isEqualTo(180);
        assertThat(Thumbnails.make(new ByteArrayInputStream(AttachmentFixtures.webPage()), 1_000_000))
                .isEmpty();
    }

    private static String detect(byte[] content) throws IOException {
        return FileTypes.detect(new ByteArrayInputStream(content));
    }
}
