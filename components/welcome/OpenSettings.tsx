/** The way from the guided start to the settings page: its one primary action when done. */
export function OpenSettings() {
  return (
    <p className="actions">
      <a className="button primary" href="/options.html">
        Open settings
      </a>
    </p>
  );
}
