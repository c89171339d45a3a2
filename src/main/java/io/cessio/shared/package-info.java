/**
 * Value objects used by every module: money, rates and French/European identifiers, with
 * their Bean Validation constraints and JPA mappings. No Spring beans live here.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.cessio.shared;

import org.springframework.modulith.ApplicationModule;
