package org.shirong.system;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A latitude or longitude as people send it, checked before anything rounds it to the 6 decimals our columns keep
 * (decimal(9, 6)): rounding a number such as 1E-999999999 would overflow, so more decimals than a position has are
 * refused. The value is not repeated in the message, as 1E+999999999 written out would be a billion digits.
 */
public final class Degrees {

    /** Far more decimals than a position carries (10⁻²⁰ degree is less than a nanometre). */
    static final int MAX_DECIMALS = 20;

    private Degrees() {
    }

    /** The refusal of {@code value} for {@code field} ({@code label} 纬度 or 经度, {@code limit} 90 or 180); empty when it can be kept. */
    public static Optional<ApiError> outOfRange(String field, String label, BigDecimal value, int limit) {
        if (value == null || value.abs().compareTo(BigDecimal.valueOf(limit)) <= 0 && value.scale() <= MAX_DECIMALS) {
            return Optional.empty();
        }
        return Optional.of(ApiError.field(field, "OUT_OF_RANGE", "%s应在 -%d 到 %d 之间，最多 %d 位小数"
                .formatted(label, limit, limit, MAX_DECIMALS)));
    }
}
