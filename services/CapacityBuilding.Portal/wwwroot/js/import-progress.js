// An import's status page while its run goes on (a region marked data-import-running): every two
// seconds the page is fetched again and only that region is replaced, so the progress bar moves
// and its status is announced politely, without reloading the page under a screen reader's
// cursor. Pages without the region are left alone; without scripts the page's Refresh link works.
(() => {
  const regionId = 'import-run';
  let waiting = false;

  const refresh = async () => {
    waiting = false;
    const current = document.getElementById(regionId);
    if (!current || !current.hasAttribute('data-import-running')) return;
    const response = await fetch(location.href, { credentials: 'same-origin' });
    if (!response.ok) return;
    const next = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById(regionId);
    if (next && document.getElementById(regionId) === current) {
      current.replaceWith(document.importNode(next, true));
      schedule();
    }
  };

  function schedule() {
    const region = document.getElementById(regionId);
    if (!waiting && region && region.hasAttribute('data-import-running')) {
      waiting = true;
      setTimeout(refresh, 2000);
    }
  }

  schedule();
  window.Blazor?.addEventListener?.('enhancedload', schedule);
})();
