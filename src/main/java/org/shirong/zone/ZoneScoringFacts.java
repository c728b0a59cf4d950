package org.shirong.zone;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.shirong.scoring.ZoneFacts;
import org.shirong.zone.ZoneRateTable.Rate;
import org.springframework.stereotype.Component;

/**
 * The zone rates the rubric's {@code zone-rules} score, per 负责单位, from the same counts as {@code GET /api/zones/rates};
 * a unit's 送达率 and 上墙率 only once the period's edition of the 告知书 was issued to any of its zones: before that there
 * is nothing it could have delivered or posted (a new year's edition not yet issued), so they are no figure, not 0.
 */
@Component
class ZoneScoringFacts implements ZoneFacts {

    private final ZoneRates rates;

    ZoneScoringFacts(ZoneRates rates) {
        this.rates = rates;
    }

    @Override
    public List<ZoneFigure> figures(String organization, Instant from, Instant until) {
        List<ZoneFigure> figures = new ArrayList<>();
        Map<String, Integer> issued = rates.noticesIssued(organization, until);
        for (ZoneRateTable.UnitRates u : rates.table(organization, from, until).units()) {
            add(figures, u.unitId(), Indicator.COMPLIANCE_RATE, RoadClass.MAIN_ROAD.name(), u.complianceMain());
            add(figures, u.unitId(), Indicator.COMPLIANCE_RATE, RoadClass.OTHER.name(), u.complianceOther());
            if (issued.getOrDefault(u.unitId(), 0) > 0) {
                add(figures, u.unitId(), Indicator.DELIVERY_RATE, null, u.deliveryRate());
                add(figures, u.unitId(), Indicator.POSTING_RATE, null, u.postingRate());
            }
        }
        return figures;
    }

    private static void add(List<ZoneFigure> figures, String unit, Indicator indicator, String roadClass, Rate rate) {
        if (rate.whole() > 0) {
            figures.add(new ZoneFigure(unit, indicator, roadClass, rate.part(), rate.whole()));
        }
    }
}
