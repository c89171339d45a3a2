/** Roles, the signed-in user and company scoping, shared with every module. */
@NamedInterface("security")
package io.cessio.platform.security;

import org.springframework.modulith.NamedInterface;
