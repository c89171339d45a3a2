package io.cessio.payments;

import java.util.List;

/** A receipt in suspense with what was allocated of it and the matcher's suggestions. */
public record ReceiptDetail(SuspenseItem receipt, List<AllocationView> allocations, List<Suggestion> suggestions) {
}
