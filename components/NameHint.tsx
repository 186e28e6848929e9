import { oneWordWarning } from '@/lib/detection/name-search';

/**
 * What their name stops, beside the name field, and a warning when it is a single word. The ids
 * are `${id}` and `${id}-one-word`; `nameHintIds` gives the field's `aria-describedby`.
 */
export function NameHint({ id, name, short = false }: { id: string; name: string; short?: boolean }) {
  const warning = oneWordWarning(name);
  return (
    <>
      <span className="hint" id={id}>
        {short
          ? 'Searches for this full name pause, as for theirs.'
          : 'Searches for this full name pause: on Google and the other search engines, and in the search of the social sites.'}
      </span>
      <span className="warning-text" id={`${id}-one-word`} role="status">
        {warning}
      </span>
    </>
  );
}

export function nameHintIds(id: string, name: string): string {
  return oneWordWarning(name) ? `${id} ${id}-one-word` : id;
}
