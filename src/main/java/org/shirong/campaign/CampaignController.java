package org.shirong.campaign;

import org.shirong.system.ProcessDefinitions;
import org.camunda.bpm.engine.IdentityService;
import org.shirong.organization.CallerOrganization;
import org.springframework.web.bind.annotation.RequestParam;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.shirong.system.ConflictException;
import org.shirong.system.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/campaigns}: start a campaign from a template ({@code POST}, office or leading group, as
 * the Tasklist start form), cancel one started by mistake, list the campaigns and show one with its phases, open tasks,
 * cases and task results, and download a file handed in with a task.
 */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private final ProcessDefinitions definitions;

    private final CampaignRegistration registration;
    private final CampaignOverview overview;
    private final RuntimeService runtimeService;
    private final ObjectMapper json;
    private final IdentityService identityService;
    private final CallerOrganization callerOrganization;
    private final CampaignCancellation cancellation;
    private final org.shirong.organization.Organizations organizations;
    private final org.camunda.bpm.engine.ProcessEngine engine;

    CampaignController(ProcessDefinitions definitions, CampaignRegistration registration, CampaignOverview overview, RuntimeService runtimeService,
            ObjectMapper json, IdentityService identityService, CallerOrganization callerOrganization, CampaignCancellation cancellation,
            org.shirong.organization.Organizations organizations, org.camunda.bpm.engine.ProcessEngine engine) {
        this.engine = engine;
        this.cancellation = cancellation;
        this.organizations = organizations;
        this.definitions = definitions;
        this.identityService = identityService;
        this.callerOrganization = callerOrganization;
        this.registration = registration;
        this.overview = overview;
        this.runtimeService = runtimeService;
        this.json = json;
    }

    /**
     * Checks first that the caller may start a campaign (403 naming who may: a unit's staff learns nothing of the
     * organisation's campaigns from the checks after it, jxreview J3), then everything else (400 naming each field), then
     * starts CampaignProcess as the caller (the engine's own check again); 409
     * when another start took the code, or started an overlapping campaign of the same template, between the check and
     * this start.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    ResponseEntity<CampaignOverview.Detail> start(@RequestBody CampaignStartRequest request,
            @RequestParam(required = false) String organization) throws JsonProcessingException {
        String own = callerOrganization.forWork(identityService.getCurrentAuthentication(), organization);
        if (!mayStartCampaigns(identityService.getCurrentAuthentication())) {
            throw notAStarter(own);
        }
        var errors = registration.check(own, request);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String code = request.code().strip();
        Map<String, Object> variables = new HashMap<>();
        variables.put(CampaignProcess.VAR_TEMPLATE, request.template().strip());
        variables.put(CampaignProcess.VAR_CAMPAIGN_CODE, code);
        variables.put(CampaignProcess.VAR_CAMPAIGN_NAME, request.name().strip());
        // The answer gives the phases and the calendar's warnings: no second round to check them, as the start form has.
        variables.put(CampaignProcess.VAR_PHASES_CONFIRMED, true);
        if (request.dates() != null) {
            variables.put(CampaignProcess.VAR_DATES, json.writeValueAsString(request.dates()));
        }
        try {
            runtimeService.createProcessInstanceById(definitions.latestId(CampaignProcess.KEY, own)).businessKey(code).setVariables(variables).execute();
        } catch (FormFieldValidationException takenSinceChecked) {
            // The start listener checks again, one start of the template at a time (CampaignStartLock): what passed above
            // was changed meanwhile, i.e. the code was taken, or a campaign of the template overlapping this one was
            // started, by someone else at the same moment.
            throw CampaignProcess.VAR_START_DATE.equals(takenSinceChecked.getDetail())
                    ? new ConflictException("OVERLAPPING_CAMPAIGN", takenSinceChecked.getMessage())
                    : new ConflictException("DUPLICATE_CODE", takenSinceChecked.getMessage());
        } catch (org.camunda.bpm.engine.AuthorizationException refused) {
            throw notAStarter(own);
        }
        return ResponseEntity.created(URI.create("/api/campaigns/" + code)).body(overview.get(code));
    }

    /**
     * Whether the engine would let the caller start CampaignProcess: the grants {@code AccessAuthorizations} gives the
     * organisation's supervisors (office and approvers), or an administrator; anyone when authorization is off.
     */
    private boolean mayStartCampaigns(org.camunda.bpm.engine.impl.identity.Authentication caller) {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (caller == null || !configuration.isAuthorizationEnabled()) {
            return true;
        }
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        if (configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(caller.getUserId())
                || configuration.getAdminGroups() != null && groups.stream().anyMatch(configuration.getAdminGroups()::contains)) {
            return true;
        }
        var authorizations = engine.getAuthorizationService();
        return authorizations.isUserAuthorized(caller.getUserId(), groups, org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE,
                org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, CampaignProcess.KEY)
                && authorizations.isUserAuthorized(caller.getUserId(), groups, org.camunda.bpm.engine.authorization.Permissions.CREATE,
                org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE);
    }

    /** The engine grants the start to the organisation's supervisors (AccessAuthorizations): says who they are. */
    private org.shirong.system.ForbiddenException notAStarter(String own) {
        var o = organizations.of(own);
        String office = organizations.office(own);
        String approvers = organizations.approvers(own);
        return new org.shirong.system.ForbiddenException("NOT_A_CAMPAIGN_STARTER", "您没有发起活动的权限：只有" + o.name() + "的"
                + o.groupName(office) + (approvers.equals(office) ? "" : "和" + o.groupName(approvers)) + "可以发起活动");
    }

    /**
     * {@code reportable}: only the campaigns the caller's own organisation may file a case under, for 上报问题's 所属活动
     * (its own, and its district's that it takes part in); not those it merely oversees (sjreview-s57 D6: the district was
     * offered 九亭镇's JT-DEMO, always refused).
     */
    @GetMapping
    List<CampaignOverview.Summary> all(@RequestParam(defaultValue = "false") boolean reportable) {
        if (!reportable) {
            return overview.all();
        }
        var caller = identityService.getCurrentAuthentication();
        return caller == null ? List.of() : organizations.homeOf(caller.getUserId())
                .map(home -> overview.reportable(home.id())).orElse(List.of());
    }

    @GetMapping("/{code}")
    CampaignOverview.Detail get(@PathVariable String code) {
        return overview.get(code);
    }

    /**
     * 撤销活动 ({@code {"reason": "…"}}, required once the campaign has begun): the office or the approvers of its
     * organisation; 404 for whoever may not read it, 403 for a reader who may not cancel it, 409 once it has ended or was
     * cancelled.
     */
    @PostMapping(path = "/{code}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    CampaignOverview.Detail cancel(@PathVariable String code, @RequestBody CampaignCancellation.Request request) {
        cancellation.cancel(code, request);
        return overview.get(code);
    }

    /** A file handed in with one of the campaign's tasks (台帐、整治案件), for those who may read the campaign. */
    @GetMapping("/{code}/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable String code, @PathVariable long id) {
        var file = overview.attachment(code, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mimeType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }
}
