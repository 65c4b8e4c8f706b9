// The live page: who is logged in, then a Server-Sent Events stream of their alerts (a manager's
// stream carries everyone's). Each alert is placed by its creation time, newest first; an alert
// that arrives twice (backlog and live) is shown once.
(function () {
  'use strict';
  const list = document.getElementById('alerts');
  const empty = document.getElementById('empty');
  const connection = document.getElementById('connection');
  let manager = false;

  function text(tag, className, value) {
    const el = document.createElement(tag);
    el.className = className;
    el.textContent = value;
    return el;
  }

  function render(alert) {
    const item = document.createElement('li');
    item.className = 'alert ' + alert.action;
    item.dataset.alertId = alert.alertId;
    item.dataset.createdAt = alert.createdAt;
    const from = alert.previousTier || '(none)';
    item.appendChild(text('div', 'title', alert.action + ': ' + alert.customerName + ' moved ' + from + ' → '
        + alert.newTier + ', profit ' + alert.windowProfit + ' over ' + alert.windowDays + ' days'));
    item.appendChild(text('div', 'reason', alert.reason || ''));
    const traits = alert.traits && alert.traits.length ? alert.traits.join(', ') : 'none';
    item.appendChild(text('div', 'meta', 'Customer ' + alert.customerId + ' · traits: ' + traits
        + (manager ? ' · rep ' + alert.repId : '') + ' · ' + new Date(alert.createdAt).toLocaleString()
        + (alert.status !== 'ACCEPTED' ? ' · ' + alert.status : '')));
    return item;
  }

  function add(alert) {
    if (list.querySelector('[data-alert-id="' + CSS.escape(alert.alertId) + '"]')) {
      return;
    }
    const item = render(alert);
    const created = Date.parse(alert.createdAt);
    const newer = Array.from(list.children).find(li => Date.parse(li.dataset.createdAt) < created);
    list.insertBefore(item, newer || null);
    empty.hidden = true;
  }

  function connect() {
    const source = new EventSource('/api/v1/alerts/stream');
    source.onopen = () => { connection.textContent = 'live'; connection.className = 'online'; };
    source.onerror = () => { connection.textContent = 'reconnecting'; connection.className = 'offline'; };
    source.addEventListener('alert', event => add(JSON.parse(event.data)));
  }

  fetch('/api/v1/me', { credentials: 'same-origin' })
    .then(response => {
      if (!response.ok) {
        window.location = '/login';
        throw new Error('not logged in');
      }
      return response.json();
    })
    .then(me => {
      manager = me.manager;
      document.getElementById('who').textContent = me.name + (me.manager ? ' (manager: all reps)' : '');
      connect();
    })
    .catch(() => {});
}());
