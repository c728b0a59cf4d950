package org.shirong.system;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.Set;
import java.util.function.BiFunction;
import org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.engine.rest.DeploymentRestService;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonParseExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.sub.repository.DecisionDefinitionResource;
import org.camunda.bpm.engine.rest.sub.repository.DeploymentResource;
import org.camunda.bpm.engine.rest.sub.repository.ProcessDefinitionResource;
import org.camunda.bpm.engine.rest.sub.runtime.ExecutionResource;
import org.camunda.bpm.engine.rest.sub.runtime.ProcessInstanceResource;
import org.camunda.bpm.engine.rest.sub.task.TaskResource;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.xml.ModelException;
import org.xml.sax.SAXException;

/**
 * The engine API's answer to a failed call ({@code /engine-rest} and the webapps' {@code /camunda/api/engine}), in place
 * of Camunda's exception mappers ({@link #CAMUNDAS}) and as they answer, except:
 * <ul>
 * <li>a body that is not JSON (UTF-16, say), not of the shape the call reads (an array for a query) or past Jackson's
 * limits (nested more than 1000 deep) is 400 {@code InvalidRequestException} in Chinese, naming the line and column or
 * the field, not Jackson's English naming Camunda's classes (nor, for the nesting, a 500; s53 S4);</li>
 * <li>a call on a task, process instance, execution, process or decision definition or deployment (by id) that does not
 * exist or belongs to another organisation (tenant) fails in one way, whatever the engine threw: 404 as Camunda's own look-up of that id
 * answers it (for a task or a process instance in Chinese), so the address does not tell that another organisation has it
 * (the engine's ENGINE-13034 answer did); a read of another unit's task or process instance answers the same 404, as its
 * plain {@code GET} does, not the engine's 403; {@link EngineConflictAnswers} makes it the task-is-gone 409 for a task action;</li>
 * <li>a refusal of what the caller sent is 400, not 500: a Java-serialized variable, a password below the policy (with
 * the policy in Chinese), a deployment whose file cannot be parsed, a start refused by the start form's check or its
 * start listener (with the refusal's Chinese message; Camunda answers a refused {@code /start} as a 500), a
 * {@code POST /condition} when no process starts on a condition, job retries set for no jobs, query criteria the
 * engine cannot combine, a sort by an object variable or by a {@code sorting[].sortBy} the query does not know, a JSON
 * body of {@code null} where the call needs one
 * ({@link NullRequestBody}: "请求正文不能为空" instead of the resource's NullPointerException);</li>
 * <li>a completion that no flow out of a gateway after the task could take (ENGINE-02004: a form's option the diagram's
 * conditions do not know) is 400 in Chinese, not Camunda's English 500;</li>
 * <li>a query over the results limit is told the limit and how to page in Chinese;</li>
 * <li>a call that failed because the database is away is 503, as {@link DatabaseUnavailable} answers it;</li>
 * <li>text with a NUL character (U+0000), which PostgreSQL can neither store nor compare (H2 can), is 400 naming the
 * parameter that has it, not a 500 of the persistence layer: a query (task, history, user, filter…) or a value sent;
 * text longer than its column (a user's name over 255 characters) is 400 likewise;</li>
 * <li>a refusal of the caller's rights that Camunda's resource rewrote as its own 400 (attaching a file to a task answered
 * "Task id is null") is the refusal's 403 with its message;</li>
 * <li>Shirong's {@link ConflictException} from within the engine (a campaign code another start saved a moment before) is
 * 409 with its Chinese sentence, as {@code /api} answers it.</li>
 * </ul>
 * Thrown exceptions are mapped, so that no answer is buffered. Registered for both APIs by
 * {@link SharedObjectMapper#inCamundaConfiguration()}.
 */
@Provider
public class EngineErrorAnswers implements ExceptionMapper<Throwable> {

    static final Set<Class<?>> CAMUNDAS = Set.of(ExceptionHandler.class, ProcessEngineExceptionHandler.class,
            RestExceptionHandler.class, JsonMappingExceptionHandler.class, JsonParseExceptionHandler.class);

    private static final String OTHER_ORGANIZATION = "ENGINE-13034 ";
    private static final String JAVA_SERIALIZATION = "ENGINE-17007 ";
    // SaveUserCmd's message: the engine has no exception type of its own for it
    private static final String PASSWORD_POLICY = "Password does not match policy";
    // POST /condition when no process (or not the named one) starts on a condition: Camunda answers it as a 500
    private static final String NO_CONDITIONAL_START = "ENGINE-13043 ";
    private static final String NOT_CONDITIONAL_START = "ENGINE-13042 ";
    // QueryMaxResultsLimitUtil's messages (queryMaxResultsLimit in application.yaml), 400 already but in English
    private static final String OVER_MAX_RESULTS = "Max results limit of ";
    private static final String UNBOUND_RESULTS = "An unbound number of results is forbidden!";
    // PostgreSQL's character_not_in_repertoire: a NUL in a text parameter of a statement
    private static final String NUL_IN_TEXT = "22021";
    // SQL's string_data_right_truncation: text longer than its column
    private static final String TOO_LONG = "22001";
    // POST /job/retries naming no jobs, /process-instance/job-retries naming no instances: Camunda answers them as a
    // 500 and logs their stack
    private static final String NO_JOBS = "ENGINE-13050 ";
    private static final String NO_INSTANCES_FOR_RETRIES = "ENGINE-13051 ";
    // a query's criteria that the engine cannot combine (withoutCandidateGroups within an 'or' query…): Camunda answers
    // them as a 500 and logs their stack
    private static final String INVALID_QUERY = "Invalid query usage";
    // sorting by an object variable: likewise
    private static final String OBJECT_ORDER = "Cannot order by variables of type ";
    private static final String OBJECT_QUERY = "Object values cannot be used to query";
    // a sorting[] entry whose sortBy the query does not know: the engine was asked for a direction without a property
    private static final String UNKNOWN_ORDER = "You should call any of the orderBy methods first before specifying a direction";
    static final String UNKNOWN_ORDER_ANSWER = "请求内容中 sorting 的 sortBy 不是这个查询可以排序的字段（按该查询的文档所列字段排序），请求未执行";

    /**
     * The start of the answer to a task that does not exist or that the caller may not know of (see {@link #ADDRESSED}):
     * Camunda's own words, which Tasklist recognises (it then says 此任务已办结、已撤销，或不由您所在的单位办理，请刷新列表 and clears the task).
     */
    static final String NO_SUCH_TASK = "No matching task with id ";

    /**
     * What an id in the address names: its resource, the answer when there is none, its look-up, and, where a read of it
     * is refused by the engine's permissions, whether the caller's own query finds it (null: no such query).
     */
    private record Addressed(Class<?> resource, String notFound, BiFunction<CommandContext, String, Object> find,
            BiFunction<ProcessEngine, String, Boolean> visible) {

        Addressed(Class<?> resource, String notFound, BiFunction<CommandContext, String, Object> find) {
            this(resource, notFound, find, null);
        }
    }

    private static final Addressed[] ADDRESSED = {
            new Addressed(TaskResource.class, NO_SUCH_TASK + "%s",
                    (c, id) -> c.getTaskManager().findTaskById(id),
                    (engine, id) -> engine.getTaskService().createTaskQuery().taskId(id).count() > 0),
            new Addressed(ProcessInstanceResource.class, "找不到流程实例 %s：流程实例不存在、已结束，或不是您可以查看的流程实例",
                    (c, id) -> c.getExecutionManager().findExecutionById(id),
                    (engine, id) -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0),
            new Addressed(ExecutionResource.class, "Execution with id %s does not exist",
                    (c, id) -> c.getExecutionManager().findExecutionById(id)),
            new Addressed(ProcessDefinitionResource.class, "No matching definition with id %s",
                    (c, id) -> c.getProcessDefinitionManager().findLatestProcessDefinitionById(id)),
            new Addressed(DecisionDefinitionResource.class, "No matching decision definition with id %s",
                    (c, id) -> c.getDecisionDefinitionManager().findDecisionDefinitionById(id)),
            new Addressed(DeploymentResource.class, "Deployment with id '%s' does not exist",
                    (c, id) -> c.getDeploymentManager().findDeploymentById(id))};


    @Context
    private UriInfo uri;
    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        if (DatabaseUnavailable.causes(failure)) {
            return DatabaseUnavailable.answer("engine API", uri.getPath(), failure);
        }
        ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
        String notFound = unknownToCaller(failure);
        if (notFound != null) {
            return camunda.getResponse(new InvalidRequestException(Status.NOT_FOUND, notFound));
        }
        String unreadable = unreadableBody(failure);
        if (unreadable != null) {
            return camunda.getResponse(new InvalidRequestException(Status.BAD_REQUEST, unreadable));
        }
        if (NullRequestBody.readIn(request) && firstCause(failure, NullPointerException.class::isInstance).isPresent()) {
            return camunda.getResponse(new InvalidRequestException(Status.BAD_REQUEST, "请求正文不能为空"));
        }
        if (failure instanceof RestException && failure.getCause() instanceof AuthorizationException refused) {
            return camunda.getResponse(refused);
        }
        if (failure instanceof ConflictException conflict) {
            return camunda.getResponse(new InvalidRequestException(Status.CONFLICT, conflict.getMessage()));
        }
        if (causedBy(failure, JAVA_SERIALIZATION)) {
            return camunda.getResponse(new InvalidRequestException(Status.BAD_REQUEST, failure.getMessage()));
        }
        if (deploying() && unreadableFile(failure)) {
            return camunda.getResponse(new InvalidRequestException(Status.BAD_REQUEST, withFirstCause(failure)));
        }
        FormFieldValidationException refusedField = refusedField(failure);
        // as the form endpoints wrap it, or as it comes from the others that complete a task (a delegated task's resolve)
        if (refusedField != null && !(failure instanceof RestException rest && rest.getStatus() != Status.INTERNAL_SERVER_ERROR)) {
            return camunda.getResponse(new RestException(Status.BAD_REQUEST, refusedField.getMessage()));
        }
        String noRoute = NoRouteRefusal.gatewayId(failure);
        if (noRoute != null) {
            // a choice no condition of the gateway after the task takes (a staff completion is told which: NoRouteRefusal)
            return camunda.getResponse(new InvalidRequestException(Status.BAD_REQUEST, "所选的值无法让流程继续，请联系流程管理员："
                    + "流程中的网关 " + noRoute + " 没有一条出路的条件成立（表单的选项与流程图的条件不一致）"));
        }
        if (causedBy(failure, PASSWORD_POLICY)) {
            return camunda.getResponse(new InvalidRequestException(Status.BAD_REQUEST,
                    PasswordPolicyText.policy(engine().getIdentityService().getPasswordPolicy())));
        }
        if (causedBy(failure, NO_CONDITIONAL_START) || causedBy(failure, NOT_CONDITIONAL_START)) {
            return camunda.getResponse(new InvalidRequestException(Status.BAD_REQUEST,
                    "没有由条件启动的流程可以评估：Shirong 的流程都不由条件启动事件发起（" + failure.getMessage() + "）"));
        }
        if (causedBy(failure, NO_JOBS)) {
            return camunda.getResponse(new InvalidRequestException(Status.BAD_REQUEST,
                    "请指定要设置重试次数的作业（jobIds 或 jobQuery）（" + failure.getMessage() + "）"));
        }
        if (causedBy(failure, NO_INSTANCES_FOR_RETRIES)) {
            return camunda.getResponse(new InvalidRequestException(Status.BAD_REQUEST, "请指定要设置作业重试次数的流程实例"
                    + "（processInstances、processInstanceQuery 或 historicProcessInstanceQuery）（" + failure.getMessage() + "）"));
        }
        if (causedBy(failure, INVALID_QUERY)) {
            return camunda.getResponse(new InvalidRequestException(Status.BAD_REQUEST,
                    "查询条件不能这样组合（" + causeMessage(failure, INVALID_QUERY) + "）"));
        }
        if (causedBy(failure, OBJECT_ORDER)) {
            return camunda.getResponse(new InvalidRequestException(Status.BAD_REQUEST,
                    "不能按对象类型的变量排序，请按文字、数字、日期或是否类型的变量排序（"
                    + causeMessage(failure, OBJECT_ORDER) + "）"));
        }
        if (causedBy(failure, UNKNOWN_ORDER)) {
            return camunda.getResponse(new InvalidRequestException(Status.BAD_REQUEST, UNKNOWN_ORDER_ANSWER));
        }
        if (causedBy(failure, OBJECT_QUERY)) {
            return camunda.getResponse(new InvalidRequestException(Status.BAD_REQUEST,
                    "不能用对象类型的值查询，请用文字、数字、日期或是否（" + causeMessage(failure, OBJECT_QUERY) + "）"));
        }
        Optional<Throwable> missingValue = firstCause(failure, NullValueException.class::isInstance);
        if (missingValue.isPresent() && !lostTaskRace(failure)) {
            // the engine's own check of an argument, before any statement runs: a name, a type or an entry left empty
            return camunda.getResponse(new InvalidRequestException(Status.BAD_REQUEST, "请求中缺少必填的值（"
                    + missingValue.get().getMessage() + "）"));
        }
        if (causedBy(failure, OVER_MAX_RESULTS) || causedBy(failure, UNBOUND_RESULTS)) {
            int limit = ((ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration()).getQueryMaxResultsLimit();
            return camunda.getResponse(new InvalidRequestException(Status.BAD_REQUEST, "一次最多查询 " + limit
                    + " 条：请用 firstResult 和 maxResults 分页，maxResults 不超过 " + limit + "（" + failure.getMessage() + "）"));
        }
        if (nulInText(failure)) {
            return camunda.getResponse(new InvalidRequestException(Status.BAD_REQUEST, nulAnswer()));
        }
        if (sqlState(failure, TOO_LONG)) {
            return camunda.getResponse(new InvalidRequestException(Status.BAD_REQUEST, "请求中的文字过长，超过了可保存的长度，请缩短后重试"));
        }
        if (lostTaskRace(failure)) {
            // As Camunda answers it, but without its log line: Camunda logs every 500 as a server fault (WARN
            // ENGINE-REST-HTTP500 with the whole stack), while EngineConflictAnswers answers this one 409 and
            // RefusalLogging (or the engine, at DEBUG, for a concurrent update) has logged it already.
            return Response.status(camunda.getStatus(failure)).entity(camunda.fromException(failure))
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
        }
        return camunda.getResponse(failure);
    }

    /**
     * What is wrong with a request body Jackson could not read, said without its English and the DTO classes it names;
     * null when the failure is no such thing (a failure in writing the answer is the server's). Only a failure of the
     * body's reading itself counts: a value the resource reads later (a variable's JSON) is answered as Camunda answers it.
     */
    static String unreadableBody(Throwable failure) {
        if (!(failure instanceof JsonProcessingException json)
                || json instanceof JsonMappingException mapping && mapping.getProcessor() instanceof JsonGenerator) {
            return null;
        }
        if (firstCause(failure, StreamConstraintsException.class::isInstance).isPresent()) {
            return "请求内容超出了允许的范围（嵌套超过 1000 层，或文字、数字过长），请求未执行";
        }
        Optional<Throwable> notJson = firstCause(failure, StreamReadException.class::isInstance);
        if (notJson.isPresent()) {
            JsonLocation at = ((StreamReadException) notJson.get()).getLocation();
            return "请求内容不是有效的 JSON" + (at == null || at.getLineNr() < 1 ? ""
                    : "（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列）") + "，请以 UTF-8 编码发送 JSON，请求未执行";
        }
        if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "请求内容中字段 " + TextInput.shortened(ApiExceptionHandler.path(mapping.getPath()), 80)
                    + " 的值类型或格式不对，请求未执行";
        }
        return "请求内容的结构不是这个地址要的（例如要的是对象 {…}，发来的却是数组 […]），请求未执行";
    }

    /**
     * A race on a task that the caller lost: someone claimed it a moment before, someone or the process changed it at the
     * same moment, or it was completed meanwhile (the engine's "Cannot find task", on a task's own address).
     */
    private boolean lostTaskRace(Throwable failure) {
        boolean taskAddressed = uri.getMatchedResources().stream().anyMatch(TaskResource.class::isInstance);
        return firstCause(failure, e -> e instanceof TaskAlreadyClaimedException || e instanceof OptimisticLockingException
                || taskAddressed && e instanceof NullValueException && RefusalLogging.isRefusal(e)).isPresent();
    }

    /**
     * A command refused because it addressed another organisation's task, process, definition or deployment, a
     * Java-serialized variable, a password below the policy or an unparsable deployment: the caller's doing.
     */
    /** A {@code sorting[].sortBy} the query does not know (the engine's NotValidException of a direction without a property). */
    static boolean unknownOrder(Throwable e) {
        return causedBy(e, UNKNOWN_ORDER);
    }

    static boolean isRefusal(Throwable e) {
        return causedBy(e, OTHER_ORGANIZATION) || causedBy(e, JAVA_SERIALIZATION) || causedBy(e, PASSWORD_POLICY)
                || causedBy(e, NO_CONDITIONAL_START) || causedBy(e, NOT_CONDITIONAL_START)
                || causedBy(e, INVALID_QUERY) || causedBy(e, OBJECT_ORDER) || causedBy(e, OBJECT_QUERY)
                || causedBy(e, UNKNOWN_ORDER) || e instanceof ParseException || unreadableFile(e) || nulInText(e);
    }

    private static boolean nulInText(Throwable failure) {
        return sqlState(failure, NUL_IN_TEXT);
    }

    private static boolean sqlState(Throwable failure, String state) {
        return firstCause(failure, e -> e instanceof SQLException sql && state.equals(sql.getSQLState())).isPresent();
    }

    /** Names the address's parameter with the NUL; one in the request's body is told as such. */
    private String nulAnswer() {
        String where = uri.getQueryParameters().entrySet().stream()
                .filter(p -> p.getValue().stream().anyMatch(v -> v.indexOf('\0') >= 0))
                .map(Map.Entry::getKey).findFirst().map(name -> "参数 " + name).orElse("请求中的文字");
        return where + "含有 NUL 字符（\\u0000），数据库不能保存或查找含该字符的文字，请去掉后重试";
    }

    /**
     * The answer to the look-up of the addressed id, when the caller may not know that it exists; else null. A read (GET) of a
     * task or process instance the caller's own query does not find is such a one too, whatever the engine refused: the
     * plain {@code GET /task/{id}} answers another unit's task 404, and its variables, form, comments or identity links must
     * not answer 403 instead, which told that the task exists (secreview-s55 I2). A refusal Shirong writes itself (an
     * {@link AuthorizationException} in Chinese) is left as it is.
     */
    private String unknownToCaller(Throwable failure) {
        String id = uri.getPathParameters().getFirst("id");
        if (id == null) {
            return null;
        }
        for (Object resource : uri.getMatchedResources()) {
            for (Addressed addressed : ADDRESSED) {
                if (addressed.resource().isInstance(resource)) {
                    boolean read = request != null && "GET".equals(request.getMethod()) && addressed.visible() != null
                            && !shirongsOwnRefusal(failure);
                    return known(addressed, id) && (!read || visible(addressed, id)) ? null : addressed.notFound().formatted(id);
                }
            }
        }
        return null;
    }

    /** A refusal of Shirong's own guards: an {@link AuthorizationException} whose message is not the engine's ("The user …"). */
    private static boolean shirongsOwnRefusal(Throwable failure) {
        return firstCause(failure, e -> e instanceof AuthorizationException refused && refused.getMessage() != null
                && !refused.getMessage().isBlank() && !refused.getMessage().startsWith("The user")).isPresent();
    }

    /** Whether the caller's own query (as {@code GET} of the id answers it) finds the entity. */
    private boolean visible(Addressed addressed, String id) {
        try {
            return addressed.visible().apply(engine(), id);
        } catch (RuntimeException lookUpFailed) {
            return true; // answered as Camunda answers it
        }
    }

    /** Whether the entity exists and belongs to no organisation or to one of the caller's (every one for an administrator). */
    private boolean known(Addressed addressed, String id) {
        try {
            return ((ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                    .execute(context -> {
                        Object entity = addressed.find().apply(context, id);
                        return entity != null && context.getTenantManager().isAuthenticatedTenant(tenantOf(entity));
                    });
        } catch (RuntimeException lookUpFailed) {
            return true; // the database is unreachable, say: the failure is answered as Camunda answers it
        }
    }

    private static String tenantOf(Object entity) {
        return entity instanceof Task task ? task.getTenantId()
                : entity instanceof Execution execution ? execution.getTenantId()
                : entity instanceof ResourceDefinition definition ? definition.getTenantId()
                : ((Deployment) entity).getTenantId();
    }

    private boolean deploying() {
        return uri.getMatchedResources().stream().anyMatch(DeploymentRestService.class::isInstance);
    }

    /** A BPMN, DMN or other model file that could not be read or transformed (the engine's ParseException is 400 already). */
    private static boolean unreadableFile(Throwable failure) {
        return firstCause(failure, e -> e instanceof SAXException || e instanceof ModelException || e instanceof DmnTransformException)
                .isPresent();
    }

    /** The failure's message with its cause's when it does not repeat it (the DMN transform's names the table and rule). */
    private static String withFirstCause(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        Throwable cause = failure.getCause();
        return cause == null || cause.getMessage() == null || message.contains(cause.getMessage()) ? message
                : message + " " + cause.getMessage();
    }

    private static FormFieldValidationException refusedField(Throwable failure) {
        return (FormFieldValidationException) firstCause(failure, FormFieldValidationException.class::isInstance).orElse(null);
    }

    private static boolean causedBy(Throwable failure, String message) {
        return firstCause(failure, e -> e instanceof ProcessEngineException && e.getMessage() != null
                && e.getMessage().startsWith(message)).isPresent();
    }

    /** The message of the failure's cause that {@link #causedBy} found. */
    private static String causeMessage(Throwable failure, String message) {
        return firstCause(failure, e -> e instanceof ProcessEngineException && e.getMessage() != null
                && e.getMessage().startsWith(message)).map(Throwable::getMessage).orElse(failure.getMessage());
    }

    /** The failure itself or the first of its causes that {@code which} picks. */
    private static Optional<Throwable> firstCause(Throwable failure, Predicate<Throwable> which) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (which.test(e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private ProcessEngine engine() {
        return EngineUtil.lookupProcessEngine(uri.getPathParameters().getFirst("name"));
    }
}
