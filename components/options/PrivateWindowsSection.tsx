import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** Whether the browser lets Breathing Room act in private windows; null until known (or unknowable). */
export function usePrivateWindowsAllowed(): boolean | null {
  const [allowed, setAllowed] = useState<boolean | null>(null);
  useEffect(() => {
    browser.extension.isAllowedIncognitoAccess().then(setAllowed, () => setAllowed(null));
  }, []);
  return allowed;
}

/** Whether the pause also works in private windows, and how to allow it when it does not. */
export function PrivateWindowsSection() {
  const allowed = usePrivateWindowsAllowed();

  return (
    <section className="card" aria-labelledby="private-heading">
      <h2 id="private-heading">Private windows</h2>
      {allowed === true && (
        <p className="status">Breathing Room is allowed in private windows, so sites pause there too.</p>
      )}
      {allowed === false && (
        <div className="stack">
          <p>
            <strong>Breathing Room can’t pause sites in private windows yet.</strong> Browsers keep extensions out of
            them unless you say otherwise, and a private window is an easy way around a pause.
          </p>
          {import.meta.env.FIREFOX ? (
            <ol>
              <li>Open the menu and choose Add-ons and themes (about:addons).</li>
              <li>Select Breathing Room.</li>
              <li>Under “Run in Private Windows”, choose Allow.</li>
            </ol>
          ) : (
            <ol>
              <li>Open chrome://extensions in a new tab.</li>
              <li>Find Breathing Room and choose Details.</li>
              <li>Turn on “Allow in Incognito”.</li>
            </ol>
          )}
          <p className="hint">Come back to this page afterwards; it will say when it worked.</p>
        </div>
      )}
    </section>
  );
}
