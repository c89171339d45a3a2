package io.cessio.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import io.cessio.platform.security.CessioUser;
import io.cessio.platform.security.CurrentUser;

/** Sends each signed-in person to their role's home page. */
@Controller
class HomeController {

	private final CurrentUser currentUser;

	HomeController(CurrentUser currentUser) {
		this.currentUser = currentUser;
	}

	@GetMapping("/")
	String home() {
		CessioUser user = currentUser.get().orElseThrow();
		return "redirect:" + switch (user.role()) {
			case COMPANY_USER -> "/companies/" + user.companyId().orElseThrow();
			case ANALYST -> "/companies";
			case OPS -> "/ops";
			case ADMIN -> "/admin";
		};
	}

}
