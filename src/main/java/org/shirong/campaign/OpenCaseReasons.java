package org.shirong.campaign;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.shirong.system.LineColumns;
import org.shirong.system.TextInput;

/**
 * The reasons a checkpoint gives for cases still open when it confirms "全部整改到位": one line per case,
 * 案件编号｜理由, split by {@link LineColumns} as every line-per-row field is. Blank lines are skipped;
 * a line without a reason, with more than two columns, or naming a case that is not the campaign's is refused (a case
 * closed since the form was shown is accepted: its reason is simply no longer needed)
 * with its line number.
 */
final class OpenCaseReasons {

    private OpenCaseReasons() {
    }

    /** Case number → reason, in the order given. */
    static Map<String, String> parse(String text, Collection<String> campaignCases) {
        Map<String, String> reasons = new LinkedHashMap<>();
        if (TextInput.isBlank(text)) {
            return reasons;
        }
        TextInput.problem("未结案件的理由", text, true).ifPresent(message -> {
            throw refused(message);
        });
        for (LineColumns.Line line : LineColumns.lines(text)) {
            LineColumns.tooMany(line, 2, "案件编号｜理由").ifPresent(message -> {
                throw refused(message);
            });
            int n = line.number();
            String caseNo = line.column(0);
            String reason = line.column(1);
            if (reason.isEmpty()) {
                throw refused("第 %d 行：请按“案件编号｜理由”写明 %s 未结案的理由".formatted(n, caseNo));
            }
            if (!campaignCases.contains(caseNo)) {
                throw refused("第 %d 行：%s 不是本活动的案件".formatted(n, caseNo));
            }
            if (reasons.putIfAbsent(caseNo, reason) != null) {
                throw refused("第 %d 行：案件 %s 已在前面写过理由".formatted(n, caseNo));
            }
        }
        return reasons;
    }

    private static FormFieldValidationException refused(String message) {
        return new FormFieldValidationException(CampaignTaskProcess.VAR_OPEN_CASE_REASONS, message);
    }
}
