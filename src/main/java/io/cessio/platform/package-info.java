/**
 * Cross-cutting infrastructure every business module stands on: security (roles, the
 * signed-in user, company scoping), the web layer (layout, formatting, locale, errors),
 * the business clock and operational start-up checks. It depends on no business module.
 */
@NullMarked
package io.cessio.platform;

import org.jspecify.annotations.NullMarked;
