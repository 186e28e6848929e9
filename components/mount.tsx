import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SectionBoundary } from './SectionBoundary';
import './theme.css';

/**
 * Renders a page into `#root`. Extension pages never run inside a frame: a site that framed one
 * could dress up its buttons, so a framed page renders nothing, or only `framed` (a note with
 * nothing to click, for their page embedded in another site).
 */
export function mount(page: ReactNode, framed?: ReactNode) {
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  if (window.top !== window) {
    if (framed) createRoot(root).render(<StrictMode>{framed}</StrictMode>);
    return;
  }
  createRoot(root).render(
    <StrictMode>
      <SectionBoundary name="This page" page>
        {page}
      </SectionBoundary>
    </StrictMode>,
  );
}
