package io.cessio.platform.web;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The operations home page: is this instance healthy, which schema version it runs, and
 * whether any event is still waiting for its listeners (the publication registry).
 */
@Controller
@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
class OpsController {

	private final JdbcClient jdbc;

	private final Environment environment;

	OpsController(JdbcClient jdbc, Environment environment) {
		this.jdbc = jdbc;
		this.environment = environment;
	}

	@GetMapping("/ops")
	String board(Model model) {
		model.addAttribute("databaseVersion", jdbc.sql("show server_version").query(String.class).single());
		model.addAttribute("migrations", jdbc.sql("""
				select version, description, installed_on, success from flyway_schema_history
				 order by installed_rank desc limit 10""").query().listOfRows());
		model.addAttribute("pendingEvents",
				jdbc.sql("select count(*) from event_publication where completion_date is null")
					.query(Long.class)
					.single());
		model.addAttribute("archivedEvents",
				jdbc.sql("select count(*) from event_publication_archive").query(Long.class).single());
		model.addAttribute("profiles", Arrays.toString(environment.getActiveProfiles()));
		model.addAttribute("uptime", Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()).toSeconds());
		return "ops/board";
	}

}
