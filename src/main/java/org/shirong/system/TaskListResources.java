package org.shirong.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.TaskRestService;
import org.camunda.bpm.engine.rest.dto.CountResultDto;
import org.camunda.bpm.engine.rest.dto.task.TaskDto;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.task.HalTaskList;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.impl.TaskRestServiceImpl;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.camunda.bpm.engine.rest.sub.task.TaskCommentResource;
import org.camunda.bpm.engine.rest.sub.task.TaskReportResource;
import org.camunda.bpm.engine.rest.sub.task.TaskResource;
import org.camunda.bpm.engine.rest.sub.task.impl.TaskResourceImpl;
import org.camunda.bpm.engine.rest.util.QueryUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The engine REST API's {@code /task} resource (in {@code /engine-rest} and in the webapps' {@code /camunda/api/engine})
 * as Camunda's {@link TaskRestServiceImpl}, with two per-request costs taken out (issue 13, W1): a task query in the URL
 * ({@code GET /task}, {@code GET /task/count}) is read by {@link SearchQueryParameters}, which finds each parameter's
 * setter once; and the engine is found through the engine provider found once, where Camunda's resource runs a
 * ServiceLoader over the class path on every request ({@code /task/{id}/claim} and {@code /complete} too; about 6 % of
 * the task calls' CPU); a task's notes ({@code /task/{id}/comment}) are answered by {@link TaskNotes}. Lists with
 * variables or comments, task creation and the report are Camunda's own.
 */
final class TaskListResources {

    private TaskListResources() {
    }

    /** {@code /engine-rest}: Camunda's default-engine root resource with the task list below. */
    @Path(DefaultProcessEngineRestServiceImpl.PATH)
    public static class DefaultEngine extends DefaultProcessEngineRestServiceImpl {

        @Override
        @Path(TaskRestService.PATH)
        public TaskRestService getTaskRestService() {
            return new Tasks(null, getObjectMapper(), getRelativeEngineUri(null).toASCIIString());
        }
    }

    /** {@code /engine/{name}}: Camunda's named-engine root resource (the webapps' engine API) with the task list below. */
    @Path(NamedProcessEngineRestServiceImpl.PATH)
    public static class NamedEngine extends NamedProcessEngineRestServiceImpl {

        @Override
        @Path("/{name}" + TaskRestService.PATH)
        public TaskRestService getTaskRestService(@PathParam("name") String engineName) {
            return new Tasks(engineName, getObjectMapper(), getRelativeEngineUri(engineName).toASCIIString());
        }
    }

    /** The engine provider Camunda's {@code EngineUtil} would find, found once. */
    private static final class Provider {
        private static volatile ProcessEngineProvider found;

        static ProcessEngine engine(String engineName) {
            ProcessEngineProvider provider = found;
            if (provider == null) {
                Iterator<ProcessEngineProvider> providers = ServiceLoader.load(ProcessEngineProvider.class).iterator();
                if (!providers.hasNext()) {
                    throw new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                            "Could not find an implementation of the " + ProcessEngineProvider.class + "- SPI");
                }
                provider = providers.next();
                found = provider;
            }
            return engineName == null ? provider.getDefaultProcessEngine() : provider.getProcessEngine(engineName);
        }
    }

    /** Camunda's resource for one task, with its notes ({@code /comment}) as {@link TaskNotes} answers them. */
    public static class OneTask extends TaskResourceImpl {

        OneTask(ProcessEngine engine, String taskId, String rootResourcePath, ObjectMapper objectMapper,
                boolean withCommentAttachmentInfo, boolean withTaskVariablesInReturn, boolean withTaskLocalVariablesInReturn) {
            super(engine, taskId, rootResourcePath, objectMapper, withCommentAttachmentInfo, withTaskVariablesInReturn,
                    withTaskLocalVariablesInReturn);
        }

        @Override
        public TaskCommentResource getTaskCommentResource() {
            return new TaskNotes(engine, taskId, rootResourcePath);
        }
    }

    /** Camunda's task list ({@link TaskRestServiceImpl}), answering the calls Tasklist and the staff make itself. */
    public static class Tasks implements TaskRestService {

        private final String engineName;
        private final ProcessEngine engine;
        private final ObjectMapper objectMapper;
        private final String rootResourcePath;

        Tasks(String engineName, ObjectMapper objectMapper, String rootResourcePath) {
            this.engineName = engineName;
            this.engine = Provider.engine(engineName);
            this.objectMapper = objectMapper;
            this.rootResourcePath = rootResourcePath;
        }

        private ProcessEngine engine() {
            if (engine == null) {
                throw new InvalidRequestException(Response.Status.BAD_REQUEST, "No process engine available");
            }
            return engine;
        }

        /** Camunda's own resource for the rarer calls; it looks the engine up again. */
        private TaskRestServiceImpl camunda() {
            TaskRestServiceImpl camunda = new TaskRestServiceImpl(engineName, objectMapper);
            camunda.setRelativeRootResourceUri(rootResourcePath);
            return camunda;
        }

        private TaskQueryDto query(UriInfo uriInfo) {
            return SearchQueryParameters.fill(new TaskQueryDto(), objectMapper, uriInfo.getQueryParameters());
        }

        @Override
        public TaskResource getTask(String id, boolean withCommentAttachmentInfo, boolean withTaskVariablesInReturn,
                boolean withTaskLocalVariablesInReturn) {
            return new OneTask(engine(), id, rootResourcePath, objectMapper, withCommentAttachmentInfo,
                    withTaskVariablesInReturn, withTaskLocalVariablesInReturn);
        }

        @Override
        public Object getTasks(Request request, UriInfo uriInfo, Integer firstResult, Integer maxResults) {
            Variant variant = request.selectVariant(TaskRestServiceImpl.VARIANTS);
            if (variant != null) {
                if (MediaType.APPLICATION_JSON_TYPE.equals(variant.getMediaType())) {
                    return queryTasks(query(uriInfo), firstResult, maxResults);
                } else if (Hal.APPLICATION_HAL_JSON_TYPE.equals(variant.getMediaType())) {
                    ProcessEngine processEngine = engine();
                    TaskQuery query = query(uriInfo).toQuery(processEngine);
                    List<Task> matchingTasks = list(query, firstResult, maxResults);
                    return HalTaskList.generate(matchingTasks, query.count(), processEngine);
                }
            }
            throw new InvalidRequestException(Response.Status.NOT_ACCEPTABLE, "No acceptable content-type found");
        }

        @Override
        public List<TaskDto> queryTasks(TaskQueryDto queryDto, Integer firstResult, Integer maxResults) {
            if (Boolean.TRUE.equals(queryDto.getWithTaskVariablesInReturn())
                    || Boolean.TRUE.equals(queryDto.getWithTaskLocalVariablesInReturn())
                    || Boolean.TRUE.equals(queryDto.getWithCommentAttachmentInfo())) {
                return camunda().queryTasks(queryDto, firstResult, maxResults);
            }
            ProcessEngine processEngine = engine();
            queryDto.setObjectMapper(objectMapper);
            return list(queryDto.toQuery(processEngine), firstResult, maxResults).stream().map(TaskDto::fromEntity)
                    .collect(Collectors.toList());
        }

        private static List<Task> list(TaskQuery query, Integer firstResult, Integer maxResults) {
            query.initializeFormKeys(); // as Camunda: the form keys in the answer
            return QueryUtil.list(query, firstResult, maxResults);
        }

        @Override
        public CountResultDto getTasksCount(UriInfo uriInfo) {
            return queryTasksCount(query(uriInfo));
        }

        @Override
        public CountResultDto queryTasksCount(TaskQueryDto queryDto) {
            ProcessEngine processEngine = engine();
            queryDto.setObjectMapper(objectMapper);
            CountResultDto result = new CountResultDto();
            result.setCount(queryDto.toQuery(processEngine).count());
            return result;
        }

        @Override
        public void createTask(TaskDto taskDto) {
            camunda().createTask(taskDto);
        }

        @Override
        public TaskReportResource getTaskReportResource() {
            return camunda().getTaskReportResource();
        }
    }
}
