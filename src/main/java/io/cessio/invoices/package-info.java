/**
 * Invoices and credit notes a company assigns, remittances (bordereaux) and their
 * documents.
 */
@NullMarked
package io.cessio.invoices;

import org.jspecify.annotations.NullMarked;
