package io.cessio.banking;

import java.util.List;

/**
 * The port to the bank that keeps the dedicated accounts. Today's adapter,
 * {@link ModelledBank}, books transfers in Cessio's own ledger; a real bank connection
 * (EBICS, an API) would replace it.
 */
public interface Bank {

	/**
	 * Executes a SEPA credit transfer out of a dedicated account, exactly once per
	 * {@link TransferOrder#requestKey()}: a repeated order returns the first transfer.
	 * @throws WithdrawalRefused when the money is not available
	 */
	OutgoingTransfer execute(TransferOrder order);

	/**
	 * Executes a SEPA credit transfer from the factor's account into a dedicated account,
	 * exactly once per {@link FundingOrder#requestKey()}; the money lands in the portion
	 * available to the company.
	 */
	OutgoingTransfer fund(FundingOrder order);

	/**
	 * Transfers identified collections from dedicated accounts to the factor, each order
	 * exactly once per {@link SweepOrder#requestKey()}, all or nothing; the transfers in
	 * the orders' order.
	 * @throws WithdrawalRefused above the collections held for the factor
	 */
	List<OutgoingTransfer> sweep(List<SweepOrder> orders);

	/** The transfer executed under this request key, if any. */
	java.util.Optional<OutgoingTransfer> executed(String requestKey);

}
