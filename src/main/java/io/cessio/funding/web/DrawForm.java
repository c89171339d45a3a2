package io.cessio.funding.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import io.cessio.shared.ValidAmount;

/** A draw on the availability, with the form's one-time token. */
public class DrawForm {

	@NotNull
	@ValidAmount(positive = true)
	private BigDecimal amount;

	@NotBlank
	private String token;

	public BigDecimal getAmount() {
		return amount;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

	public String getToken() {
		return token;
	}

	public void setToken(String token) {
		this.token = token;
	}

}
