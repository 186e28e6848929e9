import { Component, type ReactNode } from 'react';

/**
 * The last resort for a part of a page: if drawing it throws (a stored row no check foresaw), that
 * part says so calmly and the rest of the page stays. The row checks in lib/records/readable.ts
 * are the first line; this is for whatever they miss.
 */
export class SectionBoundary extends Component<
  { name: string; children: ReactNode /** The whole page, not a part of it. */; page?: boolean },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <section className="card" aria-label={this.props.name}>
        <p role="status">
          {this.props.name} couldn’t be shown just now. Your data is still on this device and nothing was changed.
          {this.props.page ? ' Closing and opening it again may help.' : ' The rest of the page works.'}
        </p>
      </section>
    );
  }
}
