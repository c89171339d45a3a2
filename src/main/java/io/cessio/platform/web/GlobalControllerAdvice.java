package io.cessio.platform.web;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

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

	@InitBinder
	void trimStrings(WebDataBinder binder) {
		// ids and flags are never taken from forms for authorisation; blank text becomes
		// null
		binder.registerCustomEditor(String.class,
				new org.springframework.beans.propertyeditors.StringTrimmerEditor(true));
	}

}
