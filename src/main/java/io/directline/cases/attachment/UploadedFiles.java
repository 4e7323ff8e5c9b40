package io.directline.cases.attachment;

import io.directline.cases.Attachments;
import java.util.List;
import java.util.Objects;
import org.springframework.web.multipart.MultipartFile;

/** Files sent in a multipart form, as files to attach; empty file inputs (nothing chosen) are left out. */
public final class UploadedFiles {

    private UploadedFiles() {}

    public static List<Attachments.NewFile> of(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .filter(Objects::nonNull)
                .filter(f -> !f.isEmpty()
                        || (f.getOriginalFilename() != null
                                && !f.getOriginalFilename().isBlank()))
                .map(f -> new Attachments.NewFile(f.getOriginalFilename(), f::getInputStream))
                .toList();
    }
}
