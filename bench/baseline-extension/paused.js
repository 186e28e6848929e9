// The first frame this page paints, on the same clock as the page that changed its route.
requestAnimationFrame(() => {
  window.__paintedAt = performance.timeOrigin + performance.now();
});
