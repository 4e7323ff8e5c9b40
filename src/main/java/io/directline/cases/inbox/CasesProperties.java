package io.directline.cases.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Case screens.
 *
 * @param inboxRefresh how often an open inbox reloads its rows
 */
@ConfigurationProperties("directline.cases")
record CasesProperties(@DefaultValue("10s") Duration inboxRefresh) {}
