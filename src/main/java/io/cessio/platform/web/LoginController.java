package io.cessio.platform.web;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; an already signed-in visitor goes to their home page. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(Authentication authentication, HttpSession session, Model model) {
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		Object lastUsername = session.getAttribute("cessio.lastUsername");
		model.addAttribute("lastUsername", lastUsername == null ? "" : lastUsername);
		return "login";
	}

}
