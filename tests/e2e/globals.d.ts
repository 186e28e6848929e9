// Code passed to `serviceWorker.evaluate()` runs inside the extension, where `chrome` exists.
declare global {
  var chrome: typeof import('wxt/browser').browser;
}

export {};
