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
 * The annotated percentage (as typed: 90 for 90 %) lies within {@code [min, max]} and has
 * at most 6 decimals, so that {@link Rate#ofPercent} holds it exactly. With
 * {@code exclusiveMin} the minimum itself is refused (an advance rate of 0 % makes no
 * sense). Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = ValidPercent.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidPercent {

	String message() default "{shared.validation.percent}";

	String min() default "0";

	String max() default "100";

	boolean exclusiveMin() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ValidPercent, BigDecimal> {

		private BigDecimal min;

		private BigDecimal max;

		private boolean exclusiveMin;

		@Override
		public void initialize(ValidPercent annotation) {
			this.min = new BigDecimal(annotation.min());
			this.max = new BigDecimal(annotation.max());
			this.exclusiveMin = annotation.exclusiveMin();
		}

		@Override
		public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			int fromMin = value.compareTo(min);
			return (exclusiveMin ? fromMin > 0 : fromMin >= 0) && value.compareTo(max) <= 0
					&& value.stripTrailingZeros().scale() <= Rate.SCALE - 2;
		}

	}

}
