// Shirong: the 历史 tab names each note's writer ("徐所长"), as the case page and the PDFs do, in place of the login id
// (huanwei1); the id stays in the tooltip. The notes carry the name (userName, /task/{id}/comment, TaskNotes.java);
// Tasklist's history view shows event.userId, so its template is changed once, before the first task is opened.
const angular = window.angular;
const SHOWN = '{{ event.userId }}</div>';
const NAMED = '{{ event.userName || event.userId }}</div>';

angular.module('cam.tasklist.custom').run(['Views', function(Views) {
  Views.getProviders({component: 'tasklist.task.detail'})
    .filter(view => view.id === 'task-detail-history' && typeof view.template === 'string')
    .forEach(view => {
      view.template = view.template.split(SHOWN).join(NAMED);
    });
}]);

export default [];
