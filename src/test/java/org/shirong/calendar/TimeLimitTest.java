package org.shirong.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.shirong.system.SharesJvm;

/** Limits are written either with the unit's constant or with the office's Chinese label. */
@SharesJvm
class TimeLimitTest {

    @Test
    void parsesConstantsAndChineseLabels() {
        assertThat(TimeLimit.parse("4 WORKING_HOURS")).isEqualTo(new TimeLimit(4, LimitUnit.WORKING_HOURS));
        assertThat(TimeLimit.parse("5 工作日")).isEqualTo(new TimeLimit(5, LimitUnit.WORKING_DAYS));
        assertThat(TimeLimit.parse("20工作日")).isEqualTo(new TimeLimit(20, LimitUnit.WORKING_DAYS));
        assertThat(TimeLimit.parse(" 3 calendar_days ")).isEqualTo(new TimeLimit(3, LimitUnit.CALENDAR_DAYS));
    }

    @Test
    void labelIsWhatTheOfficeWrites() {
        assertThat(new TimeLimit(4, LimitUnit.WORKING_HOURS).label()).isEqualTo("4 工作时");
        assertThat(LimitUnit.CALENDAR_DAYS.label()).isEqualTo("自然日");
    }

    @Test
    void rejectsUnknownUnitsAndNonPositiveAmounts() {
        assertThatThrownBy(() -> TimeLimit.parse("4 小时")).hasMessageContaining("无法识别的时限 \"4 小时\"");
        assertThatThrownBy(() -> TimeLimit.parse("WORKING_HOURS")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeLimit.parse("0 工作时")).hasMessageContaining("必须大于 0");
        assertThatThrownBy(() -> TimeLimit.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
