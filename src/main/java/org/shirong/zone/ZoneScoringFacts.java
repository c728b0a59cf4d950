package org.shirong.zone;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.shirong.scoring.ZoneFacts;
import org.shirong.zone.ZoneRateTable.Rate;
import org.springframework.stereotype.Component;

/**
 * The zone rates the rubric's {@code zone-rules} score, per 负责单位: its 履责率 from the same counts as
 * {@code GET /api/zones/rates}; its 送达率 and 上墙率 over the notices whose 送达 (上墙) was due by the period's end or was
 * done ({@link ZoneRates#noticeRates}), not over every zone: a notice not yet issued (a new year's edition) or issued
 * days ago and still within its limit is nothing the unit failed to do, so a unit with none such has no figure, not 0.
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
        Map<String, ZoneRates.NoticeRates> notices = rates.noticeRates(organization, until);
        for (ZoneRateTable.UnitRates u : rates.table(organization, from, until).units()) {
            add(figures, u.unitId(), Indicator.COMPLIANCE_RATE, RoadClass.MAIN_ROAD.name(), u.complianceMain());
            add(figures, u.unitId(), Indicator.COMPLIANCE_RATE, RoadClass.OTHER.name(), u.complianceOther());
            ZoneRates.NoticeRates n = notices.get(u.unitId());
            if (n != null) {
                add(figures, u.unitId(), Indicator.DELIVERY_RATE, null, n.delivery());
                add(figures, u.unitId(), Indicator.POSTING_RATE, null, n.posting());
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
