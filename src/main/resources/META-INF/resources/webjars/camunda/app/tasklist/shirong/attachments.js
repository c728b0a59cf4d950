// Shirong: the file fields of 活动任务 (forms/CampaignTask.html) and 交办 其他材料 (forms/WorkAssignmentHandle.html), which
// the forms import as they import photo-evidence.js. A phone photo (3–8 MB) chosen there was over the 5 MB a file may have;
// Camunda's form found out only on 完成, by throwing (“Maximum file size of 5.00 MB exceeded”), which left 完成 disabled
// and said nothing (jtphone-s61 F1). Now a photo is shrunk on the phone as the photo fields shrink theirs (prepare), kept
// larger so that a photographed page stays readable, and a file still over the limit is taken out of its field at once,
// with a Chinese message beside it naming the file, its size and the limit; what was typed stays.

import {prepare} from './photo-evidence.js';

const SHRINK = {maxSide: 2560, maxBytes: 2000000, quality: 0.85};

function size(bytes) {
  return bytes >= 1000000 ? (bytes / 1000000).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1000)) + ' KB';
}

function limitText(bytes) {
  return bytes % 1000000 === 0 ? bytes / 1000000 + ' MB' : size(bytes);
}

/**
 * Wires one attachment: {input} the form's File field (cam-max-filesize its limit), {name} the text beside its 选择文件
 * button, {problem} a message under it; the field's name for messages is its button's data-label. Returns {busy()} and
 * {check()} (false, with the message shown, while the field holds a file over the limit) for the form's submit check.
 */
export function wireAttachment({input, name, problem}) {
  const limit = parseInt(input.getAttribute('cam-max-filesize'), 10) || 5000000;
  const button = document.querySelector(`label[for='${input.id}'][data-label]`);
  const label = button ? button.getAttribute('data-label') : '附件';
  const line = input.closest('.shirong-attachment') || input.parentElement;
  let pending = 0;
  let latest = 0;

  function show(text) {
    problem.textContent = text;
    problem.hidden = !text;
    line.classList.toggle('has-error', !!text);
  }

  function named(text) {
    name.textContent = text || '未选择文件';
    name.classList.toggle('shirong-file-chosen', !!text);
  }

  function refuse(file) {
    input.value = ''; // out of the form, so that 完成 sends the rest
    named('');
    show(`${label}“${file.name}”有 ${size(file.size)}，超过每个文件 ${limitText(limit)} 的上限，未放入。`
      + '请压缩或拆分后重新选择。');
  }

  async function chosen() {
    const file = input.files && input.files[0];
    const turn = ++latest; // a file chosen later wins over a slower earlier one
    show('');
    if (!file) {
      named('');
      return;
    }
    named(file.name);
    let ready = file;
    let shrunk = false;
    if ((file.type || '').indexOf('image/') === 0) {
      pending++;
      named(`${file.name}（正在压缩照片…）`);
      try {
        let photo = await prepare(file, SHRINK);
        if (photo.file.size > limit) {
          photo = await prepare(file); // a photo of fine detail: the photo fields' smaller size
        }
        if (turn !== latest) {
          return;
        }
        if (photo.shrunk) {
          const transfer = new DataTransfer();
          transfer.items.add(photo.file);
          input.files = transfer.files; // no change event, so this does not run again
          ready = photo.file;
          shrunk = true;
        }
      } catch (e) {
        // not shown as an image: it goes as it is, if it is small enough
      } finally {
        pending--;
      }
      if (turn !== latest) {
        return;
      }
    }
    if (ready.size > limit) {
      refuse(file);
      return;
    }
    named(shrunk ? `${ready.name}（已压缩：${size(file.size)} → ${size(ready.size)}）` : ready.name);
  }

  input.addEventListener('change', chosen);
  if (input.files && input.files.length) {
    chosen(); // chosen before this module had loaded
  }
  return {
    busy: () => pending > 0,
    check() {
      const file = input.files && input.files[0];
      if (file && file.size > limit) {
        refuse(file);
        return false;
      }
      return true;
    }
  };
}
