import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './theme.css';

/**
 * Renders a page into `#root`. Extension pages never run inside a frame: a site that framed one
 * could dress up its buttons, so a framed page renders nothing.
 */
export function mount(page: ReactNode) {
  if (window.top !== window) return;
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  createRoot(root).render(<StrictMode>{page}</StrictMode>);
}
