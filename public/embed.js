// Госпаблики widget loader. A site pastes one line:
//   <script src="https://…/embed.js" data-region="42" data-sector="education" async></script>
// and this script puts the directory, filtered and with those filters fixed, in a frame in
// its place. The frame tells this page its height (and nothing else), and this page
// believes only messages from the frame's own origin and window. Several widgets on one
// page each run their own copy of this code.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var base = new URL('./', script.src);
  var data = script.dataset;
  var parts = [];
  var locked = [];
  // Values go into the address one by one, so commas stay separators.
  function values(text) {
    return text.split(',').map(function (v) { return encodeURIComponent(v.trim()); }).filter(Boolean).join(',');
  }
  ['region', 'municipality', 'sector', 'platform'].forEach(function (name) {
    if (data[name]) {
      parts.push(name + '=' + values(data[name]));
      locked.push(name);
    }
  });
  if (data.q) parts.push('q=' + encodeURIComponent(data.q));
  if (locked.length) parts.push('lock=' + locked.join(','));
  if (data.theme) parts.push('theme=' + encodeURIComponent(data.theme));
  if (data.lang) parts.push('lang=' + encodeURIComponent(data.lang));
  parts.push('parent=' + encodeURIComponent(location.origin));

  var frame = document.createElement('iframe');
  // The widget's own page: the one page of the directory other sites may frame.
  frame.src = base.href + 'widget.html?' + parts.join('&');
  frame.title = data.title || (data.lang === 'en' ? 'Gospubliki: official channels' : 'Госпаблики: официальные каналы');
  frame.loading = 'lazy';
  frame.referrerPolicy = 'no-referrer';
  frame.style.cssText = 'display:block;width:100%;height:' + (Number(data.height) || 480) + 'px;border:0;';
  script.parentNode.insertBefore(frame, script);

  window.addEventListener('message', function (event) {
    if (event.origin !== base.origin || event.source !== frame.contentWindow) return;
    var message = event.data;
    if (!message || message.type !== 'gospubliki:height') return;
    var height = Math.ceil(Number(message.height));
    if (height > 0 && height < 100000) frame.style.height = height + 'px';
  });
})();
