package dev.loyalty.common.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A date as the API writes dates (yyyy-MM-dd) and as a MySQL/MariaDB {@code DATE} column holds them: JSON parsing
 * also takes {@code +999999999-12-31}, which the database refuses on insert. Null is valid.
 */
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = FourDigitYear.Check.class)
public @interface FourDigitYear {

    String message() default "must be a date from 1000-01-01 to 9999-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<FourDigitYear, LocalDate> {

        @Override
        public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
            return date == null || date.getYear() >= 1000 && date.getYear() <= 9999;
        }
    }
}
