package io.cessio.platform.web;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import io.cessio.platform.security.CessioUser;
import io.cessio.platform.security.CurrentUser;

/**
 * What every page's layout needs: the signed-in user, for the navigation and the header.
 */
@ControllerAdvice
class GlobalControllerAdvice {

	private final CurrentUser currentUser;

	GlobalControllerAdvice(CurrentUser currentUser) {
		this.currentUser = currentUser;
	}

	@ModelAttribute("me")
	@Nullable CessioUser me() {
		return currentUser.get().orElse(null);
	}

	/**
	 * The current page's URL with its query parameters but without {@code page}, for the
	 * pager to add its own. Only GET parameters are kept: a form's fields never end up in
	 * a link.
	 */
	@ModelAttribute("pageUrl")
	String pageUrl(HttpServletRequest request) {
		UriComponentsBuilder url = UriComponentsBuilder
			.fromPath(request.getRequestURI().substring(request.getContextPath().length()));
		if ("GET".equals(request.getMethod())) {
			request.getParameterMap().forEach((name, values) -> {
				if (!"page".equals(name)) {
					url.queryParam(name, (Object[]) values);
				}
			});
		}
		return url.encode().build().toUriString();
	}

	@InitBinder
	void trimStrings(WebDataBinder binder) {
		// ids and flags are never taken from forms for authorisation; blank text becomes
		// null
		binder.registerCustomEditor(String.class,
				new org.springframework.beans.propertyeditors.StringTrimmerEditor(true));
	}

}
