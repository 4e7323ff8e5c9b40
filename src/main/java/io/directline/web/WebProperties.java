package io.directline.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Web settings.
 *
 * @param maxRequestSize the largest API request body accepted (larger ones get 413 before being read)
 * @param maxUploadSize the largest multipart upload of files accepted on an API path ending in {@code /attachments}
 *     or {@code /messages} (the attachments' own limits are checked as they are stored)
 * @param maxImportSize the largest CSV file of orders accepted by {@code POST /api/v1/orders/import} (it is read as
 *     it arrives, never held in memory)
 */
@ConfigurationProperties("directline.web")
record WebProperties(
        @DefaultValue("2MB") DataSize maxRequestSize,
        @DefaultValue("26MB") DataSize maxUploadSize,
        @DefaultValue("200MB") DataSize maxImportSize) {}
