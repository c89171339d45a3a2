/** Layout, formatting, locale and error handling for the server-rendered pages. */
@NamedInterface("web")
package io.cessio.platform.web;

import org.springframework.modulith.NamedInterface;
