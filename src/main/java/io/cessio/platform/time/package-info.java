/** The business clock (Europe/Paris) injected wherever the date or time matters. */
@NamedInterface("time")
package io.cessio.platform.time;

import org.springframework.modulith.NamedInterface;
