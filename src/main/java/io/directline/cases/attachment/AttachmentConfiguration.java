package io.directline.cases.attachment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The attachment store: files under {@code directline.attachments.dir} unless another store is declared. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttachmentProperties.class)
class AttachmentConfiguration {

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean(AttachmentStore.class)
    AttachmentStore fileSystemAttachmentStore(AttachmentProperties properties) {
        return new FileSystemAttachmentStore(properties.dir());
    }
}
