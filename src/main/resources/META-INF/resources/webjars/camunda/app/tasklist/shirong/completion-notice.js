// Shirong: after 完成 the form disappeared and the page jumped to the top, often onto "没有符合过滤条件的任务", with
// nothing saying the task was done: staff on a phone could not tell a completion from a lost form. A completed task is
// now told for a few seconds at the bottom of the screen, by name: "已完成：整改问题 · JT-2026-000009 · …".
// The name is the one Tasklist read when it opened the task (GET task/{id}); the completion is its own POST that came
// back without error (task/{id}/complete or submit-form, as a generated or a Camunda form sends it).
const angular = window.angular;

const OPENED = /(?:^|\/)task\/([^/?]+)$/;
const COMPLETED = /(?:^|\/)task\/([^/?]+)\/(?:complete|submit-form)(?:\?|$)/;
const SHOWN_MS = 5000;
const names = new Map();
let hiding = null;

function told(text) {
  let notice = document.querySelector('.shirong-completion-notice');
  if (!notice) {
    notice = document.createElement('div');
    notice.className = 'shirong-completion-notice';
    notice.setAttribute('role', 'status');
    notice.setAttribute('aria-live', 'polite');
    document.body.appendChild(notice);
  }
  notice.textContent = text;
  notice.classList.add('shirong-completion-notice-shown');
  clearTimeout(hiding);
  hiding = setTimeout(() => notice.classList.remove('shirong-completion-notice-shown'), SHOWN_MS);
}

angular.module('cam.tasklist.custom').run(['camAPIHttpClient', function(Client) {
  const get = Client.prototype.get;
  if (typeof get === 'function') {
    Client.prototype.get = function(path, options) {
      const opened = typeof path === 'string' && options ? OPENED.exec(path) : null;
      if (opened) {
        const done = typeof options.done === 'function' ? options.done : angular.noop;
        options.done = function(error, task) {
          if (!error && task && task.name) {
            names.set(decodeURIComponent(opened[1]), task.name);
          }
          return done.apply(this, arguments);
        };
      }
      return get.apply(this, arguments);
    };
  }
  const post = Client.prototype.post;
  if (typeof post === 'function') {
    Client.prototype.post = function(path, options) {
      const completed = typeof path === 'string' && options ? COMPLETED.exec(path) : null;
      if (completed) {
        const done = typeof options.done === 'function' ? options.done : angular.noop;
        options.done = function(error) {
          if (!error) {
            const taskId = decodeURIComponent(completed[1]);
            told(names.has(taskId) ? `已完成：${names.get(taskId)}` : '任务已完成');
            names.delete(taskId);
          }
          return done.apply(this, arguments);
        };
      }
      return post.apply(this, arguments);
    };
  }
}]);

export default [];
