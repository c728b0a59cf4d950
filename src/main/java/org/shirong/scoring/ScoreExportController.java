package org.shirong.scoring;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.system.XlsxSheet;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/scores/export.xlsx}: the scores of {@code GET /api/scores} (same parameters, same refusals) as an
 * Excel workbook ({@link ScoreWorkbook}).
 */
@RestController
@RequestMapping("/api")
class ScoreExportController {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final ScoreQuery query;
    private final ScoreWorkbook workbook;
    private final ScoreService scores;
    private final IdentityService identityService;

    ScoreExportController(ScoreQuery query, ScoreWorkbook workbook, ScoreService scores, IdentityService identityService) {
        this.query = query;
        this.workbook = workbook;
        this.scores = scores;
        this.identityService = identityService;
    }

    @GetMapping("/scores/export.xlsx")
    void export(@RequestParam String period, @RequestParam(required = false) String campaign,
            @RequestParam(required = false) String organization, HttpServletResponse response) throws IOException {
        var user = identityService.getCurrentAuthentication();
        ScoreQuery.Resolved resolved = query.resolve(user, period, campaign, organization);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String stamp = STAMP.format(now.atZone(scores.zone()));
        response.setContentType(XlsxSheet.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, XlsxSheet.attachment(workbook.title(resolved) + "-" + stamp + ".xlsx",
                "scores-" + resolved.period().code() + "-" + stamp + ".xlsx"));
        workbook.write(resolved, user.getUserId(), now, response.getOutputStream());
    }
}
