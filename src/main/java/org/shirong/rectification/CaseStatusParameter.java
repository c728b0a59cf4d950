package org.shirong.rectification;

import java.util.Arrays;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** A {@code status} parameter of the case list, ledger and map: the status's code (CLOSED) or its Chinese name (已结案). */
@Component
class CaseStatusParameter implements Converter<String, CaseStatus> {

    @Override
    public CaseStatus convert(String source) {
        String given = source.strip();
        if (given.isEmpty()) {
            return null; // as an empty parameter of any other enum: no filter
        }
        return Arrays.stream(CaseStatus.values()).filter(s -> s.name().equals(given) || s.label().equals(given)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("没有案件状态 " + given));
    }
}
