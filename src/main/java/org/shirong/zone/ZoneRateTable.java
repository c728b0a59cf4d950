package org.shirong.zone;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * The responsibility-zone rates of a period per 负责单位 and for the whole organisation ({@code town}: numerators and
 * denominators summed, never rates averaged), with the 黄牌, 红牌 and 移交执法 counts; {@code edition} is the 告知书
 * edition (year) the 送达率 and 上墙率 count.
 */
record ZoneRateTable(Instant from, Instant until, int edition, List<UnitRates> units, UnitRates town) {

    /**
     * {@code part} of {@code whole} in percent, two decimals half-up, null when {@code whole} is 0; {@code text} for
     * people: {@code 98.00%（49/50）}, or {@code —} when there is nothing to count.
     */
    record Rate(int part, int whole, BigDecimal rate, String text) {

        static final Rate NONE = of(0, 0);

        static Rate of(int part, int whole) {
            BigDecimal rate = whole == 0 ? null : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
            return new Rate(part, whole, rate, rate == null ? "—" : rate.toPlainString() + "%（" + part + "/" + whole + "）");
        }

        Rate plus(Rate other) {
            return of(part + other.part, whole + other.whole);
        }
    }

    /**
     * One 负责单位 (or the town): its active zones registered before the period's end, 履责率 on main roads and elsewhere,
     * 送达率 and 上墙率, and the 黄牌 and 红牌 given and breaches handed over to enforcement in the period.
     */
    record UnitRates(String unitId, String unitName, int zones, Rate complianceMain, Rate complianceOther,
            Rate deliveryRate, Rate postingRate, int yellowCards, int redCards, int handedOver) {

        UnitRates plus(UnitRates o) {
            return new UnitRates(unitId, unitName, zones + o.zones, complianceMain.plus(o.complianceMain),
                    complianceOther.plus(o.complianceOther), deliveryRate.plus(o.deliveryRate), postingRate.plus(o.postingRate),
                    yellowCards + o.yellowCards, redCards + o.redCards, handedOver + o.handedOver);
        }
    }
}
