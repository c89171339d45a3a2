/**
 * The sweep (nivellement) of the dedicated accounts: on each French business day, and
 * whenever operations run it, the collections identified for the factor are transferred
 * from each dedicated account to the factor, account by account, once per business date.
 */
@NullMarked
package io.cessio.sweep;

import org.jspecify.annotations.NullMarked;
