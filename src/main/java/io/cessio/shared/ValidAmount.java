package io.cessio.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The annotated amount (a {@link BigDecimal} typed in a form, or a {@link Money}) can be
 * held by {@link Money} in euros: at most 2 decimals, at most 17 digits before the point,
 * and not negative (or strictly positive with {@code positive = true}). Null is left to
 * {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = { ValidAmount.DecimalValidator.class, ValidAmount.MoneyValidator.class })
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidAmount {

	String message() default "{shared.validation.amount}";

	boolean positive() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class DecimalValidator implements ConstraintValidator<ValidAmount, BigDecimal> {

		private boolean positive;

		@Override
		public void initialize(ValidAmount annotation) {
			this.positive = annotation.positive();
		}

		@Override
		public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
			return value == null || Rule.isValidAmount(value, positive);
		}

	}

	class MoneyValidator implements ConstraintValidator<ValidAmount, Money> {

		private boolean positive;

		@Override
		public void initialize(ValidAmount annotation) {
			this.positive = annotation.positive();
		}

		@Override
		public boolean isValid(Money value, ConstraintValidatorContext context) {
			return value == null || Rule.isValidAmount(value.amount(), positive);
		}

	}

	/** The rule both validators apply. */
	final class Rule {

		private Rule() {
		}

		static boolean isValidAmount(BigDecimal value, boolean positive) {
			BigDecimal stripped = value.stripTrailingZeros();
			return stripped.scale() <= 2 && stripped.precision() - stripped.scale() <= 17
					&& (positive ? value.signum() > 0 : value.signum() >= 0);
		}

	}

}
