package org.shirong.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.shirong.scoring.NoticeOthers;

/**
 * What a campaign's 通报 of a period names besides the units ranked low (九亭镇's plan 三、4: 不履职的单位): its tasks due in
 * the period not done by their deadline, and the units its meetings decided to 通报 (通报｜单位｜原因). Read in one place
 * ({@link DocumentModels#othersNamed}) for the 通报, the agenda, the monthly report and the 驾驶舱.
 */
public record OthersNamed(List<Figures.LateTaskLine> lateTasks, List<MeetingNamedUnits.Named> meetingNamed,
        List<Figures.LateTaskLine> officeLedLateTasks) {

    /**
     * {@code officeLedLateTasks}: the late tasks of the working groups the office leads (roles.office-led), the office's own
     * work: named neither in the 通报 nor here in {@link #unitNames}/{@link #reasons}; only the monthly report lists them,
     * for the office (sjreview-s57 D10).
     */
    public OthersNamed {
        officeLedLateTasks = officeLedLateTasks == null ? List.of() : List.copyOf(officeLedLateTasks);
    }

    public boolean isEmpty() {
        return lateTasks.isEmpty() && meetingNamed.isEmpty();
    }

    /** The names of the units, each once, in the 通报's order (late tasks first). */
    public List<String> unitNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        lateTasks.forEach(t -> names.add(t.unitName()));
        meetingNamed.forEach(d -> names.add(d.unitName()));
        return List.copyOf(names);
    }

    /**
     * Each unit with its reason, one entry per reason as the 通报's tables list them:
     * {@code 环卫所：月度工作报告（2026年10月）2026年11月9日到期，逾期未报（已逾期 16 个工作日）} and
     * {@code 城管中队：交办事项逾期未办（工作例会（2026年12月3日）决定通报）}.
     */
    public List<String> reasons() {
        return Stream.concat(lateTasks.stream().map(t -> NoticeOthers.line(t.unitName(), t.reason())),
                meetingNamed.stream().map(d -> NoticeOthers.line(d.unitName(), NoticeOthers.Decided.wording(d.reason(), d.decidedBy()))))
                .toList();
    }
}
