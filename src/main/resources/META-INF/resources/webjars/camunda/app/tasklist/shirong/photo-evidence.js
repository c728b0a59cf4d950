// Shirong: evidence photos taken on a phone, for the 整改 form (forms/RectifyProblem.html imports this module).
// A phone photo is 3–8 MB; before upload it is redrawn on a canvas as a JPEG of at most maxSide pixels, which drops
// its EXIF, so the camera's time (DateTimeOriginal) and GPS position are read first, by the small reader below
// (only these few tags are needed, so no library), and sent beside the photo in hidden fields.

const DEFAULTS = {maxSide: 1600, maxBytes: 1000000, quality: 0.85};

/** {takenAt: '2026-11-30T09:15:00' | null, latitude: number | null, longitude: number | null} from a JPEG's EXIF. */
export function readExif(buffer) {
  const none = {takenAt: null, latitude: null, longitude: null};
  try {
    const view = new DataView(buffer);
    if (view.byteLength < 4 || view.getUint16(0) !== 0xFFD8) {
      return none;
    }
    let offset = 2;
    while (offset + 4 <= view.byteLength) {
      const marker = view.getUint16(offset);
      if ((marker & 0xFF00) !== 0xFF00 || marker === 0xFFDA) {
        return none;
      }
      const size = view.getUint16(offset + 2);
      if (marker === 0xFFE1 && ascii(view, offset + 4, 4) === 'Exif' && view.getUint16(offset + 8) === 0) {
        return readTiff(view, offset + 10) || none;
      }
      offset += 2 + size;
    }
  } catch (e) {
    // a damaged EXIF block: the photo is still good, only its time and place are unknown
  }
  return none;
}

function ascii(view, start, length) {
  let text = '';
  for (let i = 0; i < length && start + i < view.byteLength; i++) {
    const c = view.getUint8(start + i);
    if (c === 0) {
      break;
    }
    text += String.fromCharCode(c);
  }
  return text;
}

function readTiff(view, tiff) {
  const little = view.getUint16(tiff) === 0x4949;
  const u16 = at => view.getUint16(at, little);
  const u32 = at => view.getUint32(at, little);
  if (u16(tiff + 2) !== 42) {
    return null;
  }
  const entries = start => {
    const tags = {};
    const count = u16(start);
    for (let i = 0; i < count; i++) {
      const entry = start + 2 + i * 12;
      tags[u16(entry)] = {type: u16(entry + 2), count: u32(entry + 4), entry};
    }
    return tags;
  };
  // a value longer than 4 bytes lies elsewhere, at an offset from the TIFF header
  const dataAt = (tag, bytes) => (bytes <= 4 ? tag.entry + 8 : tiff + u32(tag.entry + 8));
  const text = tag => (tag && tag.type === 2 ? ascii(view, dataAt(tag, tag.count), tag.count) : null);
  const rationals = tag => {
    if (!tag || tag.type !== 5 || tag.count < 3) {
      return null;
    }
    const start = dataAt(tag, 24);
    return [0, 1, 2].map(i => {
      const denominator = u32(start + i * 8 + 4);
      return denominator === 0 ? 0 : u32(start + i * 8) / denominator;
    });
  };

  const ifd0 = entries(tiff + u32(tiff + 4));
  const exif = ifd0[0x8769] ? entries(tiff + u32(ifd0[0x8769].entry + 8)) : {};
  const taken = text(exif[0x9003]) || text(exif[0x9004]) || text(ifd0[0x0132]);
  const match = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(taken || '');
  const result = {
    takenAt: match && match[1] !== '0000' ? `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}` : null,
    latitude: null,
    longitude: null
  };
  if (ifd0[0x8825]) {
    const gps = entries(tiff + u32(ifd0[0x8825].entry + 8));
    const lat = rationals(gps[2]);
    const lng = rationals(gps[4]);
    if (lat && lng) {
      const degrees = v => v[0] + v[1] / 60 + v[2] / 3600;
      const latitude = degrees(lat) * (text(gps[1]) === 'S' ? -1 : 1);
      const longitude = degrees(lng) * (text(gps[3]) === 'W' ? -1 : 1);
      // 0,0 is what some phones write when they had no fix
      if ((latitude !== 0 || longitude !== 0) && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) {
        result.latitude = Math.round(latitude * 1e6) / 1e6;
        result.longitude = Math.round(longitude * 1e6) / 1e6;
      }
    }
  }
  return result;
}

// Camunda's Content-Security-Policy allows images from data: URLs but not blob: URLs; createImageBitmap needs neither.
function dataUrl(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

async function decode(file) {
  if (typeof createImageBitmap === 'function') {
    const bitmap = await createImageBitmap(file, {imageOrientation: 'from-image'});
    return {source: bitmap, width: bitmap.width, height: bitmap.height};
  }
  const url = await dataUrl(file);
  const image = await new Promise((resolve, reject) => {
    const element = new Image();
    element.onload = () => resolve(element);
    element.onerror = () => reject(new Error('not an image'));
    element.src = url;
  });
  return {source: image, width: image.naturalWidth, height: image.naturalHeight};
}

/**
 * The photo to upload and what its EXIF said: {file, original, width, height, takenAt, latitude, longitude, shrunk}.
 * A photo within maxSide and maxBytes goes as it is; a larger one as a JPEG of at most maxSide pixels (the browser
 * draws it upright, as the camera's orientation tag says). A file the browser cannot show as an image goes as it
 * is, for the server to refuse with its message.
 */
export async function prepare(file, options) {
  const o = Object.assign({}, DEFAULTS, options || {});
  const exif = readExif(await file.arrayBuffer());
  const result = Object.assign({file, original: file, shrunk: false, width: null, height: null}, exif);
  let image;
  try {
    image = await decode(file);
  } catch (e) {
    return result;
  }
  result.width = image.width;
  result.height = image.height;
  const longest = Math.max(image.width, image.height);
  if (longest <= o.maxSide && file.size <= o.maxBytes) {
    return result;
  }
  const scale = Math.min(1, o.maxSide / longest);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.width * scale));
  canvas.height = Math.max(1, Math.round(image.height * scale));
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff'; // a transparent PNG would turn black in a JPEG
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image.source, 0, 0, canvas.width, canvas.height);
  if (image.source.close) {
    image.source.close();
  }
  const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', o.quality));
  if (!blob || (scale === 1 && blob.size >= file.size)) {
    return result;
  }
  const name = (file.name || 'photo').replace(/\.[^.]*$/, '') + '.jpg';
  result.file = new File([blob], name, {type: 'image/jpeg', lastModified: file.lastModified});
  result.width = canvas.width;
  result.height = canvas.height;
  result.shrunk = true;
  return result;
}

function size(bytes) {
  return bytes >= 1000000 ? (bytes / 1000000).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1000)) + ' KB';
}

/** '2026-11-30T09:15:00' as 2026-11-30 09:15. */
export function shownTime(takenAt) {
  return takenAt ? takenAt.replace('T', ' ').substring(0, 16) : null;
}

/**
 * Wires one photo field of a form: {input} is the form's File field (also the 相册 button), {camera} a second file
 * input that opens the camera; both end in {input}, holding the prepared photo, with {takenAt} and {location}
 * (hidden fields) set from its EXIF and {preview} showing it. Returns {busy()} for the form's submit check.
 */
export function wirePhoto({input, camera, takenAt, location, preview, options}) {
  let pending = 0;
  const caption = preview.querySelector('.shirong-photo-caption');
  const image = preview.querySelector('img');

  let latest = 0;

  async function chosen(source) {
    const file = source.files && source.files[0];
    if (!file) {
      return;
    }
    const turn = ++latest; // a photo chosen later wins over a slower earlier one
    pending++;
    preview.hidden = false;
    caption.textContent = '正在处理照片…';
    try {
      const photo = await prepare(file, options);
      if (turn !== latest) {
        return;
      }
      const transfer = new DataTransfer();
      transfer.items.add(photo.file);
      input.files = transfer.files; // no change event, so this does not run again
      if (source !== input) {
        source.value = '';
      }
      takenAt.value = photo.takenAt || '';
      location.value = photo.latitude === null ? '' : `${photo.latitude},${photo.longitude}`;
      image.src = await dataUrl(photo.file);
      const parts = [photo.shrunk ? `已压缩：${size(photo.original.size)} → ${size(photo.file.size)}` : `大小 ${size(photo.file.size)}`];
      // The time and place go with the photo as the uploader's claim (the server cannot check them: the photo is compressed
      // here and keeps no EXIF), so the uploader's own preview labels them as the inspector's form, the case page and the
      // dossier do: 上传者填报.
      parts.push(photo.takenAt ? `拍摄于 ${shownTime(photo.takenAt)}（上传者填报）` : '照片未带拍摄时间');
      if (photo.latitude !== null) {
        parts.push(`位置 ${photo.latitude.toFixed(5)}, ${photo.longitude.toFixed(5)}（上传者填报）`);
      }
      caption.textContent = parts.join('；');
    } catch (e) {
      if (turn !== latest) {
        return;
      }
      takenAt.value = '';
      location.value = '';
      if (source === input) {
        caption.textContent = '照片无法处理，将按原样上传';
      } else {
        try {
          input.files = source.files; // the camera's photo as taken
          caption.textContent = '照片无法处理，将按原样上传';
        } catch (notSupported) {
          caption.textContent = '照片未能放入表单，请改用“从相册选择”重新选择这张照片';
        }
      }
    } finally {
      pending--;
    }
  }

  input.addEventListener('change', () => chosen(input));
  if (camera) {
    camera.addEventListener('change', () => chosen(camera));
  }
  return {busy: () => pending > 0};
}
