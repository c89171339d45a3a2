/**
 * The factor's review of submitted remittances: the queue against the validation target,
 * the eligibility checks of each invoice (pure rules with a reason code, an explanation
 * and a remedy), and the analysts' decisions, overrides and four-eyes confirmation.
 */
@NullMarked
package io.cessio.approval;

import org.jspecify.annotations.NullMarked;
