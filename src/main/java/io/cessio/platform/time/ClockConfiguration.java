package io.cessio.platform.time;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application, in the business time zone (Europe/Paris). Domain code
 * takes its dates and instants from it, never from {@code now()}, so that tests can move
 * time.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock(@Value("${cessio.time-zone}") ZoneId zone) {
		return Clock.system(zone);
	}

}
