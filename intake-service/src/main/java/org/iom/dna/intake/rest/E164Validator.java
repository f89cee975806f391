package org.iom.dna.intake.rest;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class E164Validator implements ConstraintValidator<E164, String> {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (!value.matches("\\+[1-9]\\d{6,14}")) {
            return false;
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(value, null);
            return PHONES.isValidNumber(number);
        } catch (NumberParseException e) {
            return false;
        }
    }
}
