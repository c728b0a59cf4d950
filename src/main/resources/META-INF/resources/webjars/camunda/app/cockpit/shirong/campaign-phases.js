// Shirong: Cockpit draws a campaign's phases once (活动阶段, one inner instance per phase), and the diagram cannot
// carry each campaign's own phase names. This overlay lists them on the phase sub-process of a running campaign,
// from the instance's variables (phase1Name, phase2Name, … set when the campaign starts; phaseNo of the phase now running).
const PHASE = 'SubProcess_Phase';
const NAME = /^phase(\d+)Name$/;

function text(tag, content, style) {
  const element = document.createElement(tag);
  element.textContent = content;
  if (style) {
    element.setAttribute('style', style);
  }
  return element;
}

export default {
  id: 'shirong.campaignPhases',
  pluginPoint: 'cockpit.processInstance.diagram.plugin',
  priority: 0,
  render(viewer, {api, processInstanceId}) {
    if (!viewer.get('elementRegistry').get(PHASE)) {
      return;
    }
    // Cockpit hands diagram plugins an engineApi without the engine's name; take it from the page's address.
    const engine = (/\/app\/cockpit\/([^/]+)\//.exec(window.location.pathname) || [null, 'default'])[1];
    const url = `${api.baseApi}/engine/${encodeURIComponent(engine)}/variable-instance`
      + `?processInstanceIdIn=${encodeURIComponent(processInstanceId)}&variableNameLike=phase%25`
      + '&deserializeValues=false&maxResults=200';
    fetch(url, {headers: {Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken}, credentials: 'same-origin'})
      .then(response => (response.ok ? response.json() : []))
      .then(variables => {
        const phases = variables
          .map(v => ({match: NAME.exec(v.name), value: v.value}))
          .filter(v => v.match)
          .map(v => ({no: Number(v.match[1]), name: v.value}))
          .sort((a, b) => a.no - b.no);
        if (!phases.length) {
          return;
        }
        const current = variables.filter(v => v.name === 'phaseNo').map(v => Number(v.value))[0];
        const box = document.createElement('div');
        box.className = 'shirong-campaign-phases';
        box.setAttribute('style', 'background:#fff;border:1px solid #8a8a8a;border-radius:3px;padding:4px 8px;'
          + 'font-size:13px;line-height:18px;white-space:nowrap;pointer-events:none');
        box.appendChild(text('div', '本活动的阶段', 'font-weight:bold'));
        phases.forEach(p => {
          const state = current === undefined ? '' : p.no < current ? '（已结束）' : p.no === current ? '（进行中）' : '（未开始）';
          box.appendChild(text('div', `第 ${p.no} 阶段　${p.name}${state}`, p.no === current ? 'font-weight:bold' : ''));
        });
        viewer.get('overlays').add(PHASE, 'shirong-campaign-phases', {position: {top: 275, left: 15}, html: box});
      })
      .catch(error => console.error('Shirong: phase names not shown', error)); // eslint-disable-line no-console
  }
};
