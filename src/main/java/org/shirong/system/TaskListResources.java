package org.shirong.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.TaskRestService;
import org.camunda.bpm.engine.rest.dto.CountResultDto;
import org.camunda.bpm.engine.rest.dto.task.TaskDto;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.camunda.bpm.engine.rest.hal.task.HalTaskList;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.impl.TaskRestServiceImpl;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine REST API's {@code /task} resource (in {@code /engine-rest} and in the webapps' {@code /camunda/api/engine}),
 * as Camunda's, except that a task query in the URL ({@code GET /task}, {@code GET /task/count}, Tasklist's list) is read
 * by {@link SearchQueryParameters}, which finds each parameter's setter once rather than on every request.
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
            return tasks(null, getObjectMapper(), getRelativeEngineUri(null).toASCIIString());
        }
    }

    /** {@code /engine/{name}}: Camunda's named-engine root resource (the webapps' engine API) with the task list below. */
    @Path(NamedProcessEngineRestServiceImpl.PATH)
    public static class NamedEngine extends NamedProcessEngineRestServiceImpl {

        @Override
        @Path("/{name}" + TaskRestService.PATH)
        public TaskRestService getTaskRestService(@PathParam("name") String engineName) {
            return tasks(engineName, getObjectMapper(), getRelativeEngineUri(engineName).toASCIIString());
        }
    }

    private static TaskRestService tasks(String engineName, ObjectMapper objectMapper, String rootResourcePath) {
        Tasks tasks = new Tasks(engineName, objectMapper);
        tasks.setRelativeRootResourceUri(rootResourcePath);
        return tasks;
    }

    /** Camunda's task list, reading the URL's query with {@link SearchQueryParameters}. */
    static class Tasks extends TaskRestServiceImpl {

        Tasks(String engineName, ObjectMapper objectMapper) {
            super(engineName, objectMapper);
        }

        private TaskQueryDto query(UriInfo uriInfo) {
            return SearchQueryParameters.fill(new TaskQueryDto(), getObjectMapper(), uriInfo.getQueryParameters());
        }

        @Override
        public List<TaskDto> getJsonTasks(UriInfo uriInfo, Integer firstResult, Integer maxResults) {
            return queryTasks(query(uriInfo), firstResult, maxResults);
        }

        @Override
        public HalTaskList getHalTasks(UriInfo uriInfo, Integer firstResult, Integer maxResults) {
            ProcessEngine engine = getProcessEngine();
            var query = query(uriInfo).toQuery(engine);
            List<Task> matchingTasks = executeTaskQuery(firstResult, maxResults, query);
            return HalTaskList.generate(matchingTasks, query.count(), engine);
        }

        @Override
        public CountResultDto getTasksCount(UriInfo uriInfo) {
            return queryTasksCount(query(uriInfo));
        }
    }
}
