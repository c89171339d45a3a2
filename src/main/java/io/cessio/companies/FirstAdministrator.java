package io.cessio.companies;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.cessio.platform.security.Role;

/**
 * Outside the demo there is no default account: the first administrator comes from
 * {@code CESSIO_ADMIN_USERNAME} and {@code CESSIO_ADMIN_PASSWORD}, and only while no
 * active administrator exists.
 */
@Component
@Order(2)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final UserManagement users;

	private final TransactionTemplate transaction;

	private final JdbcClient jdbc;

	private final String username;

	private final String password;

	FirstAdministrator(UserManagement users, TransactionTemplate transaction, JdbcClient jdbc,
			@Value("${cessio.bootstrap.admin-username:}") String username,
			@Value("${cessio.bootstrap.admin-password:}") String password) {
		this.users = users;
		this.transaction = transaction;
		this.jdbc = jdbc;
		this.username = username;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		transaction.executeWithoutResult(status -> {
			jdbc.sql("select pg_advisory_xact_lock(hashtext('cessio.first-admin'))").query().singleValue();
			if (users.anyActive(Role.ADMIN)) {
				return;
			}
			if (username.isBlank() || password.isBlank()) {
				log.warn("No active administrator: set CESSIO_ADMIN_USERNAME and CESSIO_ADMIN_PASSWORD "
						+ "(12+ characters) and restart to create the first one");
				return;
			}
			users
				.createAs(new NewUser(username, "Administrateur", username + "@localhost", Role.ADMIN, null, password));
			log.info("Created the first administrator, {}", username);
		});
	}

}
