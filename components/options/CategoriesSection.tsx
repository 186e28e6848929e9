import { useEffect, useState } from 'react';
import { CATALOG, type Category } from '@/lib/detection/catalog';
import { saveSettingsWithCoolOff } from '@/lib/lock/pending';
import { formatWait } from '@/lib/lock/wording';
import { confirmApplied, NOT_CONFIRMED } from '@/lib/messages/send';
import { SaveRefused } from '@/lib/settings/refusal';
import type { Settings } from '@/lib/settings/settings';

const LABELS: Record<Category, { label: string; hint: string }> = {
  social: { label: 'Social sites', hint: 'Feeds and profiles' },
  messaging: { label: 'Messaging', hint: 'Chats, including the inboxes inside social sites' },
};

export function CategoriesSection({ settings }: { settings: Settings }) {
  const [status, setStatus] = useState<string | null>(null);
  // Shown at once; the stored value catches up a moment later (or a change elsewhere wins).
  const [categories, setCategories] = useState(settings.categories);
  useEffect(() => setCategories(settings.categories), [settings.categories]);
  const [askFirst, setAskFirst] = useState(settings.askOnMessaging);
  useEffect(() => setAskFirst(settings.askOnMessaging), [settings.askOnMessaging]);

  /**
   * Saves one choice through the cool-off and says what happened: applied now, or held back
   * (`heldBack` words it, with the wait) until the cool-off ends. `show` shows what is in force.
   */
  async function saveChoice(
    update: (s: Settings) => Settings,
    show: (saved: Settings) => void,
    heldBack: (wait: string) => string,
  ) {
    setStatus(null);
    try {
      const saved = await saveSettingsWithCoolOff(update);
      const applied = await confirmApplied();
      show(saved.settings);
      const waiting = saved.waiting[0];
      setStatus(
        waiting
          ? heldBack(formatWait(waiting.effectiveAt - Date.now()))
          : applied === null
            ? `Saved. ${NOT_CONFIRMED}`
            : 'Saved. This applies right away.',
      );
    } catch (e) {
      setStatus(e instanceof SaveRefused ? e.message : 'That change could not be saved. Please try again.');
    }
  }

  function toggle(category: Category, on: boolean) {
    setCategories((c) => ({ ...c, [category]: on }));
    return saveChoice(
      (s) => ({ ...s, categories: { ...s.categories, [category]: on } }),
      (saved) => setCategories(saved.categories),
      (wait) =>
        `${LABELS[category].label} stay paused for now. Turning them off waits ${wait}; you can cancel it under “Waiting changes”.`,
    );
  }

  /** Saved like the toggles above: turning it back on while a period runs waits out the cool-off. */
  function toggleAskFirst(on: boolean) {
    setAskFirst(on);
    return saveChoice(
      (s) => ({ ...s, askOnMessaging: on }),
      (saved) => setAskFirst(saved.askOnMessaging),
      (wait) =>
        `Messaging pages stay a full pause for now. Asking first again waits ${wait}; you can cancel it under “Waiting changes”.`,
    );
  }

  return (
    <section className="card" aria-labelledby="categories-heading">
      <h2 id="categories-heading">What to pause</h2>
      <p className="hint">
        While your period runs, visits to these pause first. Nothing is ever blocked when no period is running.
      </p>
      {(Object.keys(LABELS) as Category[]).map((category) => (
        <div key={category} className="category">
          <label className="check">
            <input
              type="checkbox"
              checked={categories[category]}
              onChange={(e) => toggle(category, e.target.checked)}
              aria-describedby={`category-${category}-hint`}
            />
            <span>{LABELS[category].label}</span>
          </label>
          <p className="hint site-list" id={`category-${category}-hint`}>
            {LABELS[category].hint}:{' '}
            {CATALOG.filter((s) => s.category === category)
              .map((s) => s.name)
              .join(', ')}
          </p>
        </div>
      ))}
      <div className="sub-option">
        <label className="check">
          <input
            type="checkbox"
            checked={askFirst}
            onChange={(e) => toggleAskFirst(e.target.checked)}
            aria-describedby="ask-on-messaging-hint"
          />
          <span>On messaging pages, ask first whether it’s about them</span>
        </label>
        <p className="hint site-list" id="ask-on-messaging-hint">
          “Someone else” lets that tab through for 30 minutes and logs nothing. Unticked, every messaging page is a full
          pause. Unticking applies at once; ticking it again while your period runs waits out the cool-off.
        </p>
      </div>
      <p className="status" role="status">
        {status}
      </p>
    </section>
  );
}
