package io.cessio.platform.security;

/** Published when a signed-in user is refused a page or an action (HTTP 403). */
public record AccessWasDenied(String username, String method, String path, String sourceIp) {
}
