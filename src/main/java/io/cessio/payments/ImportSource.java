package io.cessio.payments;

/** How a statement file reached Cessio. */
public enum ImportSource {

	/** Uploaded by operations on the statements page. */
	UPLOAD,

	/** Picked up by the scheduled job from the configured inbox folder. */
	INBOX

}
