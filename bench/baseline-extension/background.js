// The approach most blockers take for single-page sites: wait for the browser to report the
// history change, then point the tab somewhere else.
chrome.webNavigation.onHistoryStateUpdated.addListener((details) => {
  if (details.frameId !== 0) return;
  if (/\/jordan\.rivers(\/|$)/i.test(new URL(details.url).pathname)) {
    chrome.tabs.update(details.tabId, { url: chrome.runtime.getURL('paused.html') });
  }
});
