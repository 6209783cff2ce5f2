/*
 * Children's Social Care Explorer: resize embedded charts to fit their content.
 * Include once per page, with any number of <iframe data-csc-embed> embeds. Each embed posts its
 * height; this script sets the height of the iframe the message came from (and nothing else).
 */
(function () {
  if (window.__cscEmbedResizer) return;
  window.__cscEmbedResizer = true;
  function frames() {
    return document.querySelectorAll('iframe[data-csc-embed]');
  }
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || d.type !== 'csc-embed:height' || typeof d.height !== 'number' || !isFinite(d.height)) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow === e.source) {
        list[i].style.height = Math.max(120, Math.min(6000, Math.ceil(d.height))) + 'px';
      }
    }
  });
  function ping() {
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      try {
        list[i].contentWindow.postMessage({ type: 'csc-embed:ping' }, '*');
      } catch (err) {}
    }
  }
  // Embeds that loaded before this script, or were still starting when it asked, are asked again
  // a few times while the page settles; after that they report every change themselves.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ping);
  else ping();
  window.addEventListener('load', ping);
  [500, 1500, 3000, 6000].forEach(function (t) {
    setTimeout(ping, t);
  });
})();
