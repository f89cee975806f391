package org.iom.dna.intake.rest;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A phone number in E.164 form ({@code +251911234567}) that libphonenumber accepts as valid. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = E164Validator.class)
public @interface E164 {
    String message() default "must be a valid phone number in E.164 form, e.g. +251911234567";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
