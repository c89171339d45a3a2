/**
 * The append-only audit trail: every sign-in, refused access and state change, with who,
 * when (UTC) and from where. Other modules record through
 * {@link io.cessio.audit.AuditTrail}; the database refuses updates and deletes of
 * recorded events.
 */
@NullMarked
package io.cessio.audit;

import org.jspecify.annotations.NullMarked;
