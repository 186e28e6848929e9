/**
 * The cover the route guard draws over a page the moment it lands on a stopped route: an opaque,
 * calm panel in a closed shadow root, so the page can neither see into it nor style it. It is
 * put in the top layer where the browser supports popovers, above the page's own dialogs.
 */

const STYLE = `
:host {
  all: initial !important;
  position: fixed !important;
  inset: 0 !important;
  width: 100vw !important;
  height: 100vh !important;
  max-width: none !important;
  max-height: none !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  z-index: 2147483647 !important;
  display: flex !important;
  align-items: center !important;
  justify-content: center !important;
  background: #f6f4ef !important;
  color: #1f2a2e !important;
  opacity: 1 !important;
  visibility: visible !important;
  pointer-events: auto !important;
}
:host::backdrop { background: #f6f4ef; }
p { font: 500 1.25rem/1.5 system-ui, sans-serif; margin: 0; }
@media (prefers-color-scheme: dark) {
  :host { background: #14191b !important; color: #e6ecea !important; }
  :host::backdrop { background: #14191b; }
}
`;

export interface Cover {
  show(): void;
  hide(): void;
  readonly shown: boolean;
}

export function createCover(doc: Document): Cover {
  let host: HTMLElement | null = null;

  function build(): HTMLElement {
    const el = doc.createElement('breathing-room-cover');
    el.setAttribute('role', 'status');
    el.setAttribute('aria-label', 'Breathing Room: taking a breath');
    const shadow = el.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    const text = doc.createElement('p');
    text.textContent = 'Taking a breath…';
    shadow.append(style, text);
    return el;
  }

  return {
    get shown() {
      return !!host?.isConnected;
    },
    show() {
      if (host?.isConnected) return;
      host ??= build();
      (doc.documentElement ?? doc).appendChild(host);
      if ('showPopover' in host) {
        try {
          host.setAttribute('popover', 'manual');
          host.showPopover();
        } catch {
          // Not connected to a document that supports the top layer yet; the fixed cover stands.
        }
      }
      // Nothing keeps playing or typing behind the cover.
      for (const media of doc.querySelectorAll<HTMLMediaElement>('video, audio')) media.pause();
      (doc.activeElement as HTMLElement | null)?.blur?.();
    },
    hide() {
      host?.remove();
    },
  };
}
