import { useEffect, useId, useState } from 'react';
import {
  addCustomSite,
  type CustomSite,
  customSiteKey,
  MAX_CUSTOM_SITES,
  parseCustomSite,
} from '@/lib/detection/custom-sites';
import { parsePending, pendingChangesItem, saveSettingsWithCoolOff } from '@/lib/lock/pending';
import { heldSites, hostStillUsed } from '@/lib/lock/plan';
import { formatWait } from '@/lib/lock/wording';
import { confirmApplied, NOT_CONFIRMED } from '@/lib/messages/send';
import { SaveRefused } from '@/lib/settings/refusal';
import type { Settings } from '@/lib/settings/settings';
import { hostsWithoutAccess, releaseHostAccess, requestHostAccess } from '@/lib/settings/site-access';
import { useStoredValue } from '../use-stored-value';
import { inTurn, useUnsavedEdits } from './unsaved-edits';

export function CustomSitesSection({ settings }: { settings: Settings }) {
  const id = useId();
  const sites = settings.customSites;
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const pending = useStoredValue(pendingChangesItem, parsePending) ?? [];
  const leaving = new Set(heldSites(pending).map(customSiteKey));

  useEffect(() => {
    void hostsWithoutAccess(sites.map((s) => s.host)).then(setMissing);
  }, [sites]);

  /**
   * Adds the typed site, as the Add button does: asks for access to it at once (this must run in
   * the click, before anything is awaited), then saves. Says why when it can't be added.
   */
  function addTyped(): { ok: false; error: string } | { ok: true; saved: Promise<string> } {
    const typed = input;
    const added = addCustomSite(sites, typed);
    if (!added.ok) {
      setError(added.error);
      return added;
    }
    setError(null);
    const access = requestHostAccess([added.site.host]);
    const saved = inTurn(async () => {
      const granted = await access;
      // Adding protects more, so nothing waits; the rule limit is checked like any save.
      await saveSettingsWithCoolOff((s) => ({
        ...s,
        customSites: addCustomSite(s.customSites, typed).ok ? [...s.customSites, added.site] : s.customSites,
      }));
      const applied = await confirmApplied();
      // Anything typed since then stays in the field.
      setInput((now) => (now === typed ? '' : now));
      setStatus(
        !granted
          ? `Added ${added.site.label}, but without your permission for that site Breathing Room can’t pause it yet.`
          : applied === null
            ? `Added ${added.site.label}. ${NOT_CONFIRMED}`
            : `Added ${added.site.label}. It is paused from now on.`,
      );
      return granted
        ? `${added.site.label} was added to your sites too.`
        : `${added.site.label} was added to your sites too, but Breathing Room can’t pause it until you allow access to it under “Other sites”.`;
    });
    return { ok: true, saved };
  }

  function add(event: React.FormEvent) {
    event.preventDefault();
    const adding = addTyped();
    if (adding.ok) {
      adding.saved.catch((e) =>
        setStatus(e instanceof SaveRefused ? e.message : 'That site could not be added. Please try again.'),
      );
    }
  }

  const dirty = input.trim() !== '';

  // "Start no-contact" adds a typed site too, or says why it couldn't.
  useUnsavedEdits('custom-sites', {
    dirty,
    save: () => {
      const adding = addTyped();
      return adding.ok
        ? adding.saved
        : Promise.resolve(`The site you typed under “Other sites” wasn’t added: ${adding.error}`);
    },
  });

  async function remove(site: CustomSite) {
    const key = customSiteKey(site);
    let saved: Awaited<ReturnType<typeof saveSettingsWithCoolOff>>;
    try {
      saved = await saveSettingsWithCoolOff((s) => ({
        ...s,
        customSites: s.customSites.filter((x) => customSiteKey(x) !== key),
      }));
    } catch (e) {
      setStatus(
        e instanceof SaveRefused
          ? e.message
          : `${site.label} could not be removed, so it stays paused. Please try again.`,
      );
      return;
    }
    await confirmApplied();
    const waiting = saved.waiting[0];
    if (waiting) {
      setStatus(
        `${site.label} stays paused for now. Removing it waits ${formatWait(waiting.effectiveAt - Date.now())}; you can cancel it under “Waiting changes”.`,
      );
      return;
    }
    if (!hostStillUsed(saved.settings, site.host)) await releaseHostAccess([site.host]);
    setStatus(`Removed ${site.label}.`);
  }

  function allow() {
    void requestHostAccess(missing)
      .then(async () => {
        setMissing(await hostsWithoutAccess(sites.map((s) => s.host)));
        await confirmApplied();
      })
      .catch(() => setStatus('The browser could not be asked for access just now. Please try again.'));
  }

  const preview = input.trim() ? parseCustomSite(input) : null;

  return (
    <section className="card" aria-labelledby="custom-heading">
      <h2 id="custom-heading">Other sites</h2>
      <p className="hint">
        Add any site (example.com, with its subdomains) or a single page and everything under it
        (example.com/some/page).
      </p>
      <form onSubmit={add} noValidate className="field">
        <label htmlFor={`${id}-site`}>Add a site</label>
        <div className="field-row">
          <input
            id={`${id}-site`}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            value={input}
            onChange={(e) => {
              setInput(e.target.value);
              setError(null);
            }}
            aria-invalid={!!error}
            aria-describedby={error ? `${id}-site-error` : undefined}
          />
          <button type="submit" aria-describedby={dirty ? `${id}-unsaved` : undefined}>
            Add
          </button>
        </div>
        {dirty && (
          <span className="hint unsaved" id={`${id}-unsaved`}>
            Not added yet
          </span>
        )}
        {error && (
          <span className="error" id={`${id}-site-error`}>
            {error}
          </span>
        )}
        {!error && preview?.ok && preview.site.host !== preview.site.label.split('/')[0] && (
          <span className="hint">Saved as {preview.site.host}</span>
        )}
      </form>
      {sites.length > 0 ? (
        <ul className="site-rows" aria-label="Your sites">
          {sites.map((site) => (
            <li key={customSiteKey(site)}>
              <span>
                {site.label}
                {missing.includes(site.host) && <span className="hint"> · needs permission</span>}
                {leaving.has(customSiteKey(site)) && <span className="hint"> · removal waiting</span>}
              </span>
              <button
                type="button"
                className="quiet"
                onClick={() => void remove(site)}
                aria-label={`Remove ${site.label}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">No other sites yet.</p>
      )}
      <p className="hint">
        {sites.length} of {MAX_CUSTOM_SITES} sites.
      </p>
      {missing.length > 0 && (
        <div className="warning">
          <p>Some sites can’t be paused until you allow Breathing Room to act on them.</p>
          <button type="button" onClick={allow}>
            Allow access
          </button>
        </div>
      )}
      <p className="status" role="status">
        {status}
      </p>
    </section>
  );
}
